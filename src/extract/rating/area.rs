//! Judgement areas as articles write them: both inspection frameworks'
//! long names, their short forms, and the generic nouns ("children's
//! services", "the department") that stand for the overall judgement.

use super::super::pattern::regex as re;
use super::super::Area;
use regex::Regex;
use std::sync::LazyLock;

/// One area phrase in a sentence (byte offsets into the document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaMention {
    pub start: usize,
    pub end: usize,
    /// The areas it names ("children in care and care leavers" names two).
    pub areas: Vec<Area>,
    /// False for the generic nouns that stand for the service as a whole.
    pub specific: bool,
}

const A: &str = "['’]";

/// (pattern, areas, specific), tried together; the longest match wins.
fn table() -> Vec<(String, Vec<Area>, bool)> {
    use Area::*;
    let ep = r"(?:the\s+)?experiences?\s+and\s+progress\s+of\s+";
    vec![
        (format!(r"{ep}children\s+in\s+care\s+and\s+care\s+leavers|children\s+in\s+care\s+and\s+care\s+leavers|looked[\s-]after\s+children\s+and\s+care\s+leavers"), vec![LookedAfter, CareLeavers], true),
        (format!(r"{ep}children\s+who\s+need\s+help\s+and\s+protection|children\s+(?:who\s+need|in\s+need\s+of)\s+help\s+and\s+protection|help\s+and\s+protection|(?:child\s+|children{A}s\s+)?safeguarding(?:\s+(?:services?|children|arrangements|categories))?|safeguard(?:ed|s)?\s+children|child\s+protection(?:\s+services?|\s+work)?|protection\s+of\s+children"), vec![HelpAndProtection], true),
        (format!(r"{ep}children\s+in\s+care|children\s+looked\s+after(?:\s+and\s+achieving\s+permanence)?|children\s+who\s+are\s+looked\s+after|services\s+for\s+looked[\s-]after\s+children|looked[\s-]after\s+children|(?:children|young\s+people)\s+in\s+care"), vec![LookedAfter], true),
        (r"adoption(?:\s+(?:performance|services?))?".to_string(), vec![Adoption], true),
        (format!(r"{ep}care\s+leavers|care\s+leavers?(?:\s+services?)?|leaving\s+care(?:\s+services?)?"), vec![CareLeavers], true),
        (r"leadership,?\s+management\s+and\s+governance|(?:the\s+)?impact\s+of\s+leaders(?:\s+on\s+social\s+work\s+practice(?:\s+with\s+children\s+and\s+families)?)?|leadership\s+and\s+management".to_string(), vec![Leadership], true),
        (r"overall\s+effectiveness|overall\s+judgement|overall\s+rating|overall".to_string(), vec![Overall], true),
        (format!(r"children{A}s\s+(?:social\s+care\s+)?services?|children{A}s\s+social\s+care|(?:social\s+care\s+)?services\s+for\s+children(?:\s+and\s+(?:young\s+people|families))?|social\s+care\s+services|services?|department|council|authority"), vec![Overall], false),
    ]
}

static AREAS: LazyLock<Vec<(Regex, Vec<Area>, bool)>> = LazyLock::new(|| {
    table().into_iter().map(|(p, a, s)| (re(&format!("(?i)(?-u:\\b)(?:{p})(?-u:\\b)")), a, s)).collect()
});

/// Area mentions of `t` (which starts at byte `offset`), in text order,
/// overlaps resolved to the longest.
pub fn mentions(t: &str, offset: usize) -> Vec<AreaMention> {
    let mut v: Vec<AreaMention> = Vec::new();
    for (rx, areas, specific) in AREAS.iter() {
        for m in rx.find_iter(t) {
            v.push(AreaMention {
                start: offset + m.start(),
                end: offset + m.end(),
                areas: areas.clone(),
                specific: *specific,
            });
        }
    }
    // Specific areas first, then the longest, so "services for children who
    // need help and protection" reads as help and protection.
    v.sort_by(|a, b| {
        b.specific.cmp(&a.specific).then(a.start.cmp(&b.start)).then((b.end - b.start).cmp(&(a.end - a.start)))
    });
    let mut kept: Vec<AreaMention> = Vec::new();
    for a in v {
        if !kept.iter().any(|k| k.start < a.end && a.start < k.end) {
            kept.push(a);
        }
    }
    kept.sort_by_key(|a| a.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas(t: &str) -> Vec<(Vec<Area>, bool)> {
        mentions(t, 0).into_iter().map(|m| (m.areas, m.specific)).collect()
    }

    #[test]
    fn combined_area_names_both() {
        assert_eq!(
            areas("the experiences and progress of children in care and care leavers"),
            [(vec![Area::LookedAfter, Area::CareLeavers], true)]
        );
    }

    #[test]
    fn generic_nouns_are_not_specific() {
        assert_eq!(areas("children's services"), [(vec![Area::Overall], false)]);
        assert_eq!(areas("child protection services"), [(vec![Area::HelpAndProtection], true)]);
    }
}
