//! The council an apposition says a person sits on: "Councillor Bryn
//! Tolley, a member of Rutland County Council," or "…, of Dudley Council,".
//! A title ("Councillor") or a bare "councillor" post otherwise makes the
//! person a member of the council the article is about, which is wrong for a
//! councillor of another council quoted in it.

use super::context::Context;
use super::pattern::regex as re;
use crate::reference::councils::CouncilForm;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What may stand between the name and the council: ", of", ", from",
/// ", a Labour member of the", ", who sits on".
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,[ \t]+(?:(?:an?|the)[ \t]+(?:[\p{L}-]+[ \t]+){0,2}(?:member|councillor)[ \t]+(?:of|on|for)|of|from|on|who[ \t]+(?:sits|serves)[ \t]+on)[ \t]+(?:the[ \t]+)?$",
    )
});

/// How far after a name the council may begin, in bytes.
const REACH: usize = 80;

/// The council named, as a council ("Rutland County Council", not the
/// place "Rutland"), right after one of `mentions` through a link of
/// `LINK`; the first such apposition wins.
pub fn apposed_council(ctx: &Context<'_>, mentions: &[Span]) -> Option<usize> {
    mentions.iter().find_map(|m| {
        let reach = Span { start: m.end, end: (m.end + REACH).min(ctx.masked.len()) };
        let hit = ctx.councils_in(reach).first().filter(|h| h.form == CouncilForm::Council)?;
        let between = ctx.masked.get(m.end..hit.byte_start)?;
        LINK.is_match(between).then_some(hit.council)
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::FactKind;
    use crate::ingest::Document;
    use crate::reference::councils::COUNCILS;

    /// (person, council label) of every council membership extracted.
    fn seats(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text("d", "d.txt", text);
        let seg = crate::segment::segment(&doc.text);
        let x = crate::extract::extract(&seg, &doc);
        x.facts
            .iter()
            .filter_map(|f| match f.kind {
                FactKind::CouncilMember { person, council } => {
                    Some((x.persons[person].name.clone(), COUNCILS.all[council].label.clone()))
                }
                _ => None,
            })
            .collect()
    }

    const ABOUT_WALSALL: &str = "Walsall Council met on Monday, and Walsall Council agreed the plan.\n\n";

    #[test]
    fn an_apposition_naming_another_council_gives_that_council() {
        for tail in [
            ", a member of Rutland County Council,",
            ", of Rutland County Council,",
            ", who sits on Rutland County Council,",
            ", a Conservative councillor on Rutland County Council,",
        ] {
            let text = format!("{ABOUT_WALSALL}Councillor Bryn Tolley{tail} said: \"We learned from it.\"\n");
            let seats = seats(&text);
            assert!(seats.iter().any(|s| s.0 == "Bryn Tolley" && s.1.starts_with("Rutland")), "{tail}: {seats:?}");
            assert!(!seats.iter().any(|s| s.1.starts_with("Walsall")), "{tail}: {seats:?}");
        }
    }

    #[test]
    fn a_place_or_a_council_further_on_is_not_a_seat() {
        // "of Rutland" is where he lives; the council after "said" is not his
        for tail in [", of Rutland,", " said Rutland County Council had"] {
            let text = format!("{ABOUT_WALSALL}Councillor Bryn Tolley{tail} said: \"We learned from it.\"\n");
            let seats = seats(&text);
            assert!(seats.iter().all(|s| s.1.starts_with("Walsall")), "{tail}: {seats:?}");
        }
    }
}
