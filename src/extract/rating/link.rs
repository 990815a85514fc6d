//! Which judgement areas a grade is about, by the way the sentence ties them
//! together. Each rule returns the areas it found and its rule id; the first
//! rule that finds any wins.

use super::super::pattern::regex as re;
use super::super::Area;
use super::area::AreaMention;
use super::grade::{area_follows, words_before, GradeMention};
use regex::Regex;
use std::sync::LazyLock;

/// What the rules read: the sentence (byte range into `text`), its area
/// mentions, its grade mentions, and which grade is being linked.
pub struct Sentence<'t> {
    pub text: &'t str,
    pub start: usize,
    pub end: usize,
    pub areas: Vec<AreaMention>,
    pub grades: Vec<GradeMention>,
}

/// Rating verbs and nouns: a sentence with none of these (or Ofsted, an
/// inspection, a report) states no rating.
pub static CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:ofsted|inspect\w*|watchdog|regulator|report|rated|rates|rating|ratings|judged|judges|judgement|graded|grade|assessed|assessment|deemed|branded|labell?ed|declared|verdict|upgraded|downgraded|elevated|awarded|found|finds)(?-u:\b)",
    )
});

static RATING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:rated|rates|rate|rating|judged|judges|graded|assessed|deemed|branded|labell?ed|declared|found|finds|considered|upgraded|downgraded|elevated|moved|moves|awarded|given|gave|handed|received|remains?|remained)(?-u:\b)",
    )
});

/// Words that may stand between an area and its grade ("services were
/// rated as", "adoption, now rated", "which were also judged overall as"),
/// and whether the word may be the last one before the grade, tying it to
/// an area before it.
const LINK_WORDS: &[(&str, bool)] = &[
    (
        "services were
/// rated as",
        false,
    ),
    ("adoption, now rated", false),
    ("which were also judged overall as", false),
    ("is", true),
    ("are", true),
    ("was", true),
    ("were", true),
    ("be", true),
    ("been", true),
    ("being", true),
    ("as", true),
    ("has", false),
    ("have", false),
    ("had", false),
    ("now", true),
    ("still", true),
    ("also", true),
    ("rated", true),
    ("judged", true),
    ("graded", true),
    ("found", true),
    ("deemed", true),
    ("assessed", true),
    ("considered", true),
    ("branded", true),
    ("labelled", true),
    ("declared", true),
    ("to", false),
    ("remain", true),
    ("remains", true),
    ("remained", true),
    ("overall", true),
    ("officially", true),
    ("all", true),
    ("both", true),
    ("each", false),
    ("which", false),
    ("that", false),
    ("and", false),
    ("it", false),
    ("them", false),
    ("its", false),
    ("their", false),
    ("the", false),
    ("a", false),
    ("an", false),
    ("by", false),
    ("ofsted", false),
    ("inspectors", false),
    ("again", true),
    ("once", true),
    ("today", false),
    ("recently", true),
    ("this", false),
    ("week", false),
    ("year", false),
    ("month", false),
    ("having", false),
    ("previously", true),
    ("in", false),
    ("of", false),
];

fn is_link_word(w: &str) -> bool {
    LINK_WORDS.iter().any(|(l, _)| *l == w)
}

fn ends_link(w: &str) -> bool {
    LINK_WORDS.iter().any(|(l, last)| *last && *l == w)
}

const CLAUSE_BREAKS: &[&str] =
    &["but", "while", "whereas", "although", "though", "despite", "however", "meanwhile", "after", "because"];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Where the clause holding byte `pos` starts (after `;`, `:`, a dash or a
/// clause word such as "but"/"despite"), not before `floor`.
fn clause_start(s: &Sentence<'_>, floor: usize, pos: usize) -> usize {
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)(?:[;:]|\s[–—-]\s|(?-u:\b)(?:but|while|whereas|although|though|despite|however|meanwhile)(?-u:\b))")
    });
    let t = crate::segment::text::slice(s.text, floor, pos);
    BREAK.find_iter(t).last().map_or(floor, |m| floor + m.end())
}

/// Where the clause after byte `pos` ends.
fn clause_end(s: &Sentence<'_>, pos: usize, ceil: usize) -> usize {
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)(?:,\s*(?:but|while|whereas|although|though|despite|however|after|because)(?-u:\b)|\.\s)")
    });
    let t = crate::segment::text::slice(s.text, pos, ceil);
    BREAK.find(t).map_or(ceil, |m| pos + m.start())
}

fn specific_in<'a>(s: &'a Sentence<'_>, from: usize, to: usize) -> Vec<&'a AreaMention> {
    s.areas.iter().filter(|a| a.start >= from && a.end <= to && a.specific && !glued_to_grade(s, a)).collect()
}

/// "rated good overall": an area written right after a grade is that grade's.
fn glued_to_grade(s: &Sentence<'_>, a: &AreaMention) -> bool {
    s.grades.iter().any(|g| g.end <= a.start && a.start <= g.end + 4)
}

fn areas_of(v: &[&AreaMention]) -> Vec<Area> {
    let mut out: Vec<Area> = v.iter().flat_map(|a| a.areas.iter().copied()).collect();
    out.dedup();
    out
}

/// The bounds between grade `i` and its neighbours.
fn neighbours(s: &Sentence<'_>, i: usize) -> (usize, usize) {
    let prev = if i > 0 { s.grades[i - 1].end } else { s.start };
    let next = s.grades.get(i + 1).map_or(s.end, |g| g.start);
    (prev, next)
}

/// "inadequate ratings for A, B and C", "good for children in care",
/// "good services for looked-after children", "inadequate at safeguarding".
fn grade_for_areas(s: &Sentence<'_>, i: usize) -> Vec<Area> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^['’‘“”\x22]?\s*(?:(?:ratings?|judgements?|assessments?|grades?|services?|overall)\s+)*(?:for|in|at|across|on)\s",
        )
    });
    let g = s.grades[i];
    let (_, next) = neighbours(s, i);
    let rest = crate::segment::text::slice(s.text, g.end, next);
    let Some(m) = LEAD.find(rest) else { return vec![] };
    let from = g.end + m.end();
    let to = clause_end(s, from, next);
    let found = areas_of(&specific_in(s, from, to));
    let first = s.areas.iter().find(|a| a.start >= from && a.end <= to);
    if found.is_empty() && first.is_some_and(|a| !a.specific && a.start < from + 12) {
        return vec![Area::Overall];
    }
    found
}

/// The gap between an area and its grade links them: few words, no clause
/// break, and a linking verb or rating verb (or the grade qualifies a
/// service noun: "benefiting from a 'good' service").
fn links(s: &Sentence<'_>, area_end: usize, g: GradeMention) -> bool {
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| re(r",[^,]{1,40},"));
    let gap = ASIDE.replace_all(crate::segment::text::slice(s.text, area_end, g.start), " ");
    if gap.contains([';', ':']) {
        return false;
    }
    let w = words(&gap);
    if w.len() > 12 || w.iter().any(|x| CLAUSE_BREAKS.contains(&x.as_str())) {
        return false;
    }
    w.last().is_none_or(|x| ends_link(x)) || RATING_VERB.is_match(&gap) || area_follows(s.text, g.end, s.end)
}

/// "A is rated as requiring improvement", "A, B and C were judged to be
/// good", "rated A and B as inadequate": the specific areas before the grade
/// in its clause.
fn areas_before(s: &Sentence<'_>, i: usize) -> Vec<Area> {
    let g = s.grades[i];
    let (prev, _) = neighbours(s, i);
    let from = clause_start(s, prev, g.start);
    let found = specific_in(s, from, g.start);
    match found.last() {
        Some(last) if links(s, last.end, g) => areas_of(&found),
        _ => vec![],
    }
}

/// "Given the highest rating of 'Outstanding', the care leaver service …":
/// a fronted participle's grade belongs to the main clause's subject.
fn fronted_participle(s: &Sentence<'_>, i: usize) -> Vec<Area> {
    static FRONT: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^\s*(?:given|awarded|rated|judged|graded|handed|having\s+been\s+\w+)(?-u:\b)"));
    let g = s.grades[i];
    if !FRONT.is_match(crate::segment::text::slice(s.text, s.start, g.start)) {
        return vec![];
    }
    let rest = crate::segment::text::slice(s.text, g.end, s.end);
    let Some(comma) = rest.find(',') else { return vec![] };
    let from = g.end + comma;
    let subject: Vec<&AreaMention> =
        s.areas.iter().filter(|a| a.start >= from && a.start < from + 40 && a.specific).take(1).collect();
    areas_of(&subject)
}

/// The overall judgement: the grade is tied to the service as a whole (a
/// generic noun, a rating noun, "overall") or follows a rating verb whose
/// object is the council or the service.
fn overall(s: &Sentence<'_>, i: usize) -> bool {
    let g = s.grades[i];
    let after = words(crate::segment::text::slice(s.text, g.end, (g.end + 40).min(s.end)));
    let rating_noun = ["rating", "ratings", "judgement", "grade", "verdict", "label", "status", "overall"];
    if after.first().is_some_and(|w| rating_noun.contains(&w.as_str())) || area_follows(s.text, g.end, s.end) {
        return true;
    }
    let before = words_before(s.text, g.start, 3);
    if before.ends_with(&["rating".to_string(), "of".to_string()])
        || before.ends_with(&["judgement".to_string(), "of".to_string()])
    {
        return true;
    }
    let (prev, _) = neighbours(s, i);
    let from = clause_start(s, prev, g.start);
    let generic = s.areas.iter().rfind(|a| a.start >= from && a.end <= g.start);
    if generic.is_some_and(|a| links(s, a.end, g)) {
        return true;
    }
    rating_verb_object(s, from, g)
}

/// "rated the authority inadequate", "judged to be inadequate", "found
/// it 'inadequate'": a rating verb and, between it and the grade, only
/// linking words, pronouns, council names and area nouns.
fn rating_verb_object(s: &Sentence<'_>, from: usize, g: GradeMention) -> bool {
    let head = crate::segment::text::slice(s.text, from, g.start);
    let Some(v) = RATING_VERB.find_iter(head).last() else { return false };
    let between_start = from + v.end();
    let covered = |pos: usize| s.areas.iter().any(|a| a.start <= pos && pos < a.end);
    let gap = crate::segment::text::slice(s.text, between_start, g.start);
    let mut offset = between_start;
    let mut count = 0;
    for word in gap.split_inclusive(char::is_whitespace) {
        let w = word.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let at = offset;
        offset += word.len();
        if w.is_empty() {
            continue;
        }
        count += 1;
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        let capitalised = word.trim().chars().next().is_some_and(char::is_uppercase);
        if !(is_link_word(&w) || covered(at) || possessive || capitalised) {
            return false;
        }
    }
    count <= 8
}

/// "from 'inadequate' to 'requires improvement'": grade `i` follows the
/// grade before it and shares its areas.
pub fn moved_to(s: &Sentence<'_>, i: usize) -> bool {
    let gap = crate::segment::text::slice(s.text, s.grades[i - 1].end, s.grades[i].start);
    gap.trim_matches(|c: char| !c.is_alphanumeric()).eq_ignore_ascii_case("to")
}

/// One linking rule: the areas it ties grade `i` of the sentence to.
type LinkRule = fn(&Sentence<'_>, usize) -> Vec<Area>;

/// The areas grade `i` of the sentence is about, with the rule's id.
pub fn link(s: &Sentence<'_>, i: usize) -> Option<(Vec<Area>, &'static str)> {
    if i > 0 && moved_to(s, i) {
        if let Some((areas, _)) = link(s, i - 1) {
            return Some((areas, "rating.moved-to"));
        }
    }
    let rules: [(LinkRule, &'static str); 3] = [
        (grade_for_areas, "rating.grade-for-areas"),
        (areas_before, "rating.area-is-grade"),
        (fronted_participle, "rating.fronted-participle"),
    ];
    for (rule, id) in rules {
        let found = rule(s, i);
        if !found.is_empty() {
            return Some((found, id));
        }
    }
    overall(s, i).then(|| (vec![Area::Overall], "rating.overall"))
}
