//! People: names with the cues that mark them as people.
//!
//! A run of two or three capitalised words is a person's name when a title
//! stands before it ("Councillor Jane Doe", "Ms Doe", "the Rt Rev Jo Bell"),
//! a post stands before it ("chief executive Jane Doe", "Riverton MP Al
//! Stone"), a post follows it as an apposition ("Jane Doe, leader of the
//! council,"), or a reporting verb follows it ("Jane Doe said") or closes a
//! quotation before it ("…," said parent Jane Doe.). Once known,
//! every later or earlier use of the full name is a mention, and a title
//! with a surname ("Cllr Doe", "Ms Doe") is a mention of the nearest person
//! with that surname. Honorifics never enter the name.
//!
//! Known misses: a name with no cue anywhere in the article; names of
//! more than three words; lower-case particles ("de", "van").

use super::context::Context;
use super::lexicon::{self, Gender, COUNCILLOR_HONORIFICS, HONORIFICS, NOT_NAME_WORDS};
use super::pattern::{alternation, regex as re};
use super::{Entity, Extraction, FactKind, Person};
use crate::segment::Span;
use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;
use std::sync::LazyLock;

/// One capitalised name word: "Jane", "O'Neill", "McDonald", "Smith-Jones".
pub const NAME_WORD: &str = r"(?:Mc|Mac|O['’]|D['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?";

/// Honorific alternation, longest first, for use inside other patterns.
pub static HONORIFIC_ALT: LazyLock<String> =
    LazyLock::new(|| alternation(&HONORIFICS.iter().map(|h| h.0).collect::<Vec<_>>()));

static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:(?-u:\b)({}))(?:\s+|\.\s*)({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{0,2}})",
        *HONORIFIC_ALT
    ))
});

static HEAD_ALT: LazyLock<String> = LazyLock::new(|| alternation(lexicon::HEADS));

/// A post word right before a name: "chief executive Jane Doe", "MP Al Stone".
static AFTER_POST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?i:(?-u:\b)(?:{}))|(?-u:\b)(?:MPs?|MEPs?|MSP|AM))\s+(?:(?i:{})\.?\s+)?({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}})(?-u:\b)",
        *HEAD_ALT, *HONORIFIC_ALT
    ))
});

/// A post with a lower-case portfolio right before a name: "cabinet member
/// for adult care Ron Tate".
static AFTER_PORTFOLIO: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:(?-u:\b)(?:cabinet\s+member|portfolio\s+holder|executive\s+member|lead\s+member|director|spokes(?:man|woman|person)|minister|secretary|commissioner)\s+(?:(?:for|of)\s+)?)(?:[\p{{Ll}}'’,-]+\s+){{1,6}}(?:(?i:{})\.?\s+)?({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}})(?-u:\b)",
        *HONORIFIC_ALT
    ))
});

/// A name followed by an apposition holding a post: "Jane Doe, leader of …".
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}}),\s+(?:the\s+|a\s+|an\s+|who\s+is\s+(?:now\s+)?(?:the\s+)?)?(?:[\p{{L}}'’-]+\s+){{0,5}}?(?:(?i:{})|MPs?|MEPs?)(?-u:\b)",
        *HEAD_ALT
    ))
});

/// A post, then the name as an apposition: "The council's leader, Jane Doe,".
static AFTER_POST_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?i:(?-u:\b)(?:{}))|(?-u:\b)(?:MP|MEP))(?:\s+(?:of|for|on|at)\s+[^,.;:\x22“”\n]{{1,70}}?)?\s*,\s+(?:the\s+)?(?:(?i:{})\.?\s+)?({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}}),",
        *HEAD_ALT, *HONORIFIC_ALT
    ))
});

/// A name, a description, and a reporting verb: "Jane Doe, a foster carer
/// in Erdington, said".
static DESCRIBED_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}}),\s+(?:a|an|the|who|from|of|at|for)\s+[^,.;:\x22“”]{{2,60}},\s+(?:said|says|told|tells|added|adds|explained|warned|believes|thinks|feels)(?-u:\b)"
    ))
});

/// A name with a party as an apposition or in brackets, or an MP after it:
/// "Jane Doe, Labour, said", "Jane Doe (Con) said", "Jane Doe MP".
static PARTY_OR_MP: LazyLock<Regex> = LazyLock::new(|| {
    let parties = r"Labour|Conservatives?|Tory|Lib\s+Dems?|Liberal\s+Democrats?|Greens?|Green\s+Party|Independent|UKIP|Reform(?:\s+UK)?|Lab|Con|LD|Ind";
    re(&format!(
        r"(?-u:\b)({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}})(?:,\s+(?:{parties}),|\s+\((?:{parties})[,;)]|\s+MP(?:\s*[,.;:)]|\s+\p{{Ll}}))"
    ))
});

/// A name that is appointed or elected: "Jane Doe was appointed director",
/// "Jane Doe was voted in as leader".
static APPOINTED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}})\s+(?:was|has\s+been|had\s+been|is|will\s+be)\s+(?:appointed|named|elected|voted\s+in|installed|sworn\s+in)(?-u:\b)"
    ))
});

/// The last of several councillors: "councillors Jo Bell and Al Stone".
static COUNCILLORS_AND: LazyLock<Regex> = LazyLock::new(|| {
    let name = format!(r"{NAME_WORD}(?:[ \t\u{{a0}}]+{NAME_WORD}){{1,2}}");
    re(&format!(r"(?i:councillors|cllrs)\s+{name}(?:,\s+{name})*\s+and\s+({name})"))
});

/// A name after the reporting verb that closes a quotation, with a short
/// description between: `…," said Jane Doe.`, `…," says parent Jane Doe,`.
static SAID_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(?:said|says|added|adds|explained|warned|insisted)\s+(?:\p{{Ll}}[\p{{Ll}}'’-]*\s+){{0,3}}({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}})\s*(?:[.,;:!?]|$)"
    ))
});

/// Words that make what follows a thing named, not a person: "says the …".
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "our", "their", "his", "her", "this"];

/// A name with an age: "Jane Doe, 47,".
static AGED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}}),\s+\d{{1,3}},"))
});

/// A name followed by a reporting verb: "Jane Doe said".
static SPEAKS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)({NAME_WORD}(?:[ \t\u{{a0}}]+(?:\p{{Lu}}\.[ \t]+)?{NAME_WORD}){{1,2}})\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:said|says|told|tells|added|adds|admitted|insisted|warned|explained|wrote)(?-u:\b)"
    ))
});

fn honorific(matched: &str) -> Option<(&'static str, Option<Gender>)> {
    let (form, canon, gender) = HONORIFICS.iter().find(|h| same_words(h.0, matched))?;
    // Titles that are also ordinary words count only with a capital.
    let ordinary = [
        "lady",
        "lord",
        "father",
        "canon",
        "miss",
        "dame",
        "sir",
        "baron",
        "baroness",
        "reverend",
        "cr",
        "superintendent",
        "chief superintendent",
        "supt",
        "sgt",
        "dci",
        "ch supt",
        "det ch supt",
        "det supt",
        "det insp",
        "det sgt",
    ];
    if ordinary.contains(form) && !matched.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some((canon, *gender))
}

/// Whether `written` is the lower-case word sequence `form` in any case and
/// spacing ("Cllr", "the  Rt Rev"), without allocating: names are checked
/// word by word on every mention.
fn same_words(form: &str, written: &str) -> bool {
    let mut want = form.split(' ');
    let mut got = written.split_whitespace();
    loop {
        match (want.next(), got.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if b.chars().flat_map(char::to_lowercase).eq(a.chars()) => {}
            _ => return false,
        }
    }
}

/// The span of the first `words` words of `s`, which starts at byte `start`.
fn prefix_span(s: &str, start: usize, words: usize) -> Span {
    let mut end = 0;
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                end = i;
                if seen == words {
                    return Span::new(start, start + end);
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    if in_word {
        end = s.len();
    }
    Span::new(start, start + end)
}

/// Keeps the leading words of `name` that can be name words, after any
/// honorifics and sentence openers ("But Jane Doe" is Jane Doe).
fn clean_name(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .skip_while(|w| honorific(w).is_some() || NOT_NAME_WORDS.contains(w))
        .take_while(|w| !NOT_NAME_WORDS.contains(w))
        .collect();
    words.join(" ").replace('’', "'")
}

impl Extraction {
    /// The index of the person called `name`, added if new.
    pub(crate) fn person(&mut self, name: &str) -> usize {
        if let Some(i) = self.persons.iter().position(|p| p.name == name) {
            return i;
        }
        self.persons.push(Person { name: name.to_owned(), honorifics: Vec::new(), gender: None, mentions: Vec::new() });
        self.persons.len() - 1
    }

    /// Adds a mention in text order; an overlapping one widens the mention
    /// it overlaps (title + name). Binary search keeps long articles linear.
    pub(crate) fn note_mention(&mut self, person: usize, span: Span) {
        let m = &mut self.persons[person].mentions;
        let i = m.partition_point(|s| s.end <= span.start);
        match m.get_mut(i) {
            Some(s) if s.start < span.end => *s = Span::new(s.start.min(span.start), s.end.max(span.end)),
            _ => m.insert(i, span),
        }
    }

    /// Every person mention in text order: (span, person).
    pub fn person_mentions(&self) -> Vec<(Span, usize)> {
        let mut v: Vec<(Span, usize)> =
            self.persons.iter().enumerate().flat_map(|(i, p)| p.mentions.iter().map(move |s| (*s, i))).collect();
        v.sort();
        v
    }
}

/// Finds people and their mentions.
pub fn find_people(ctx: &Context<'_>, out: &mut Extraction) {
    let text = &ctx.masked;
    let mut full_names: Vec<String> = Vec::new();
    let add_full = |name: &str, names: &mut Vec<String>| {
        let n = clean_name(name);
        if n.split_whitespace().count() >= 2 && !names.contains(&n) {
            names.push(n);
        }
    };
    // (title span start, name span, canonical title, gender) for titled mentions
    let mut titled: Vec<(usize, Span, &'static str, Option<Gender>)> = Vec::new();
    for c in TITLED.captures_iter(text) {
        let (Some(h), Some(n)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if c.get(0).is_some_and(|m| m.as_str().contains('\n')) {
            continue;
        }
        let Some((canon, gender)) = honorific(h.as_str()) else {
            continue;
        };
        let name = clean_name(n.as_str());
        if name.is_empty() {
            continue;
        }
        let span = prefix_span(n.as_str(), n.start(), name.split_whitespace().count());
        if ctx.overlaps_body_not_place(span) {
            continue;
        }
        add_full(&name, &mut full_names);
        titled.push((h.start(), span, canon, gender));
    }
    for rx in [
        &*AFTER_POST,
        &*AFTER_PORTFOLIO,
        &*AFTER_POST_COMMA,
        &*APPOSITION,
        &*SPEAKS,
        &*AGED,
        &*DESCRIBED_SPEAKER,
        &*PARTY_OR_MP,
        &*APPOINTED,
    ] {
        for c in rx.captures_iter(text) {
            let Some(n) = c.get(1) else { continue };
            if c.get(0).is_some_and(|m| m.as_str().contains('\n')) {
                continue;
            }
            let s = Span::new(n.start(), n.end());
            if ctx.overlaps_body_not_place(s) {
                continue;
            }
            // A sentence's first word is capitalised anyway: "Carer Jo Fitch"
            // is more often a description and a name than a three-word name.
            let words: Vec<&str> = n.as_str().split_whitespace().collect();
            let sentence_start =
                text[..n.start()].trim_end().chars().next_back().is_none_or(|c| ".!?\n\"”’:".contains(c));
            if words.len() == 3 && sentence_start && lexicon::DESCRIPTORS.contains(&words[0]) {
                add_full(&words[1..].join(" "), &mut full_names);
            } else {
                add_full(n.as_str(), &mut full_names);
            }
        }
    }
    // `…," said parent Jane Doe.`, but not `says the Riverton Gazette.`
    for c in SAID_NAME.captures_iter(text) {
        let (Some(all), Some(n)) = (c.get(0), c.get(1)) else { continue };
        let determined = text[all.start()..n.start()].split_whitespace().any(|w| DETERMINERS.contains(&w));
        if !determined && !all.as_str().contains('\n') && !ctx.overlaps_body_not_place(Span::new(n.start(), n.end())) {
            add_full(n.as_str(), &mut full_names);
        }
    }
    // "councillors Jo Bell and Al Stone": the title covers the last name too
    for c in COUNCILLORS_AND.captures_iter(text) {
        let Some(n) = c.get(1).filter(|n| !n.as_str().contains('\n')) else { continue };
        add_full(n.as_str(), &mut full_names);
        titled.push((n.start(), Span::new(n.start(), n.end()), "Councillor", None));
    }
    if full_names.is_empty() && titled.is_empty() {
        return;
    }

    // Every use of a known full name. A handful of names and one article:
    // the automaton that is quickest to build is the quickest overall.
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(&full_names);
    if let Ok(ac) = ac {
        for m in ac.find_iter(text) {
            if crate::reference::is_word_bounded(text, m.start(), m.end()) {
                let i = out.person(&full_names[m.pattern().as_usize()]);
                out.note_mention(i, Span::new(m.start(), m.end()));
            }
        }
    }
    // Titled mentions: full names are already people; a surname alone goes to
    // the nearest person before it with that surname, else the first after.
    // Full names first, so their titles' genders are known for surnames.
    titled.sort_by_key(|t| (!text[t.1.start..t.1.end].contains(' '), t.1.start));
    for (title_start, span, canon, gender) in titled {
        let name = clean_name(&text[span.start..span.end]);
        let idx = if name.contains(' ') {
            Some(out.person(&name))
        } else {
            surname_owner(out, &name, span.start, gender)
                .or_else(|| full_name_anywhere(ctx, &name).map(|n| out.person(&n)))
        };
        let idx = idx.unwrap_or_else(|| out.person(&name));
        out.note_mention(idx, Span::new(title_start, span.end));
        let p = &mut out.persons[idx];
        if !p.honorifics.iter().any(|h| h == canon) {
            p.honorifics.push(canon.to_owned());
        }
        if p.gender.is_none() {
            p.gender = gender;
        }
    }
    // A bare surname followed by a reporting verb ("Doe said").
    static SURNAME_SAID: LazyLock<Regex> =
        LazyLock::new(|| re(&format!(r"(?-u:\b)({NAME_WORD})\s+(?:said|says|added|adds|told|tells)(?-u:\b)")));
    for c in SURNAME_SAID.captures_iter(text) {
        let Some(n) = c.get(1) else { continue };
        if let Some(i) = surname_owner(out, n.as_str(), n.start(), None) {
            if out.persons[i].name.contains(' ') && out.persons[i].name != n.as_str() {
                out.note_mention(i, Span::new(n.start(), n.end()));
            }
        }
    }
}

/// A fuller name ending in `surname` anywhere in the article, quotations
/// included ("Cllr Reuben Tate" inside a quotation, "Cllr Tate" outside):
/// a surname alone is never a person of its own when the article names the
/// whole name.
fn full_name_anywhere(ctx: &Context<'_>, surname: &str) -> Option<String> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?-u:\b){NAME_WORD}(?-u:\b)")));
    static GAP: LazyLock<Regex> = LazyLock::new(|| re(r"^[ \t]+(?:\p{Lu}\.[ \t]+)?$"));
    let acceptable = |first: &str| {
        !NOT_NAME_WORDS.contains(&first)
            && honorific(first).is_none()
            && !lexicon::HEADS.contains(&first.to_lowercase().as_str())
            && !lexicon::DESCRIPTORS.contains(&first)
    };
    ctx.seg.paragraphs.iter().find_map(|p| {
        let t = crate::segment::text::slice(ctx.text, p.start, p.end);
        let words: Vec<regex::Match<'_>> = WORD.find_iter(t).collect();
        words.windows(2).find_map(|w| {
            let fits =
                w[1].as_str() == surname && acceptable(w[0].as_str()) && GAP.is_match(&t[w[0].end()..w[1].start()]);
            fits.then(|| clean_name(&t[w[0].start()..w[1].end()])).filter(|n| n.contains(' '))
        })
    })
}

/// The person whose name ends in `surname` (and whose known gender fits the
/// title's): the nearest mentioned before `pos`, else the first mentioned
/// after it. "Mr Marsh" and "Ms Marsh" in one article are two people.
pub fn surname_owner(out: &Extraction, surname: &str, pos: usize, gender: Option<Gender>) -> Option<usize> {
    let owners: Vec<usize> = (0..out.persons.len())
        .filter(|&i| {
            let p = &out.persons[i];
            let fits = match (gender, p.gender) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            p.name.rsplit(' ').next() == Some(surname) && p.name.contains(' ') && fits
        })
        .collect();
    let before = owners
        .iter()
        .filter_map(|&i| {
            let m = &out.persons[i].mentions;
            m.partition_point(|s| s.start < pos).checked_sub(1).map(|k| (m[k].start, i))
        })
        .max()
        .map(|x| x.1);
    before
        .or_else(|| {
            owners.iter().filter_map(|&i| out.persons[i].mentions.first().map(|s| (s.start, i))).min().map(|x| x.1)
        })
        .or_else(|| owners.first().copied())
}

/// Councillors sit on a council: a councillor's title, or a councillor's
/// post, with no council named makes the person a member of the council an
/// apposition names ("Cllr X, of Y Council"), else of the council the
/// article is about.
pub fn infer_council_membership(ctx: &Context<'_>, out: &mut Extraction) {
    let Some(primary) = ctx.primary_council else {
        return;
    };
    for i in 0..out.persons.len() {
        let has_membership =
            out.facts.iter().any(|f| matches!(f.kind, FactKind::CouncilMember { person, .. } if person == i));
        if has_membership {
            continue;
        }
        let titled = out.persons[i].honorifics.iter().any(|h| COUNCILLOR_HONORIFICS.contains(&h.as_str()));
        let councillor_post = out.facts.iter().any(|f| match &f.kind {
            FactKind::HoldsPost { person, post } => {
                *person == i
                    && (lexicon::COUNCILLOR_HEADS.iter().any(|h| post.label.starts_with(h))
                        || matches!(post.organisation, Some(Entity::Council(_))) && post.label.contains("leader"))
            }
            _ => false,
        });
        if titled || councillor_post {
            let span = out.persons[i].mentions.first().copied().unwrap_or_default();
            // "Councillor X, a member of Y Council": Y's, not the article's
            let (council, rule) = match super::seat::apposed_council(ctx, &out.persons[i].mentions) {
                Some(c) => (c, "member.apposed-council"),
                None => (primary, "member.councillor-title"),
            };
            out.add_council(council);
            out.push(rule, span, FactKind::CouncilMember { person: i, council });
        }
    }
}
