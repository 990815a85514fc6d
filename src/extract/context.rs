//! The shared view every extractor reads: the article text with quotations
//! masked, and the councils, parties and bodies it names.

use super::{Extraction, Organisation};
use crate::reference::councils::{CouncilForm, CouncilHit, COUNCILS};
use crate::reference::organisations::{OrgKind, ORGANISATIONS};
use crate::reference::parties::{PartyHit, PARTIES};
use crate::segment::{Segmented, Span};
use regex::Regex;
use std::sync::LazyLock;

/// A body named in the text, with its local organisation index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgMention {
    pub span: Span,
    pub org: usize,
}

pub struct Context<'a> {
    pub seg: &'a Segmented<'a>,
    pub text: &'a str,
    /// The text with everything outside the article's paragraphs, and every
    /// top-level quotation, blanked to spaces (byte offsets unchanged). Rules
    /// about the article's own statements read this.
    pub masked: String,
    /// Like `masked` but with only the quotations attributed to a speaker
    /// blanked (scare quotes and titles stay); set after attribution.
    pub masked_attributed: String,
    pub councils: Vec<CouncilHit>,
    pub parties: Vec<PartyHit>,
    pub orgs: Vec<OrgMention>,
    /// The council the article is about: the one named most often.
    pub primary_council: Option<usize>,
    /// Local index of Ofsted, when the document names it.
    pub ofsted: Option<usize>,
    /// The article speaks of an inspection (inspectors, an inspection
    /// report): "the report" is then the inspectorate's.
    pub about_inspection: bool,
}

static TRUST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:\p{Lu}[\p{L}'’-]*\s+){1,4}Children['’]s\s+(?:Services\s+)?Trust(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("trust regex: {e}"))
});

/// Blanks `spans` of `buf` to spaces, keeping its length in bytes.
pub fn blank_all(buf: &mut String, spans: impl IntoIterator<Item = Span>) {
    let mut bytes = std::mem::take(buf).into_bytes();
    for span in spans {
        for b in &mut bytes[span.start..span.end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced by ASCII spaces, so this stays UTF-8.
    *buf = String::from_utf8(bytes).unwrap_or_default();
}

/// Each council's most frequent full form in `text` (ties: the longest),
/// white space folded and curly apostrophes made straight.
fn names_as_written(text: &str, hits: &[CouncilHit]) -> std::collections::BTreeMap<usize, String> {
    let mut counts: std::collections::BTreeMap<(usize, String), usize> = Default::default();
    for h in hits.iter().filter(|h| h.form == CouncilForm::Council) {
        let raw = crate::segment::text::slice(text, h.byte_start, h.byte_end);
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ").replace('’', "'");
        let starts_upper = name
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "of" || w == "and" || w == "upon");
        if starts_upper {
            *counts.entry((h.council, name)).or_default() += 1;
        }
    }
    let mut best: std::collections::BTreeMap<usize, (usize, String)> = Default::default();
    for ((c, name), n) in counts {
        let better = best.get(&c).is_none_or(|(bn, bname)| n > *bn || n == *bn && name.len() > bname.len());
        if better {
            best.insert(c, (n, name));
        }
    }
    best.into_iter().map(|(c, (_, name))| (c, name)).collect()
}

impl<'a> Context<'a> {
    pub fn new(seg: &'a Segmented<'a>, out: &mut Extraction) -> Self {
        let text = seg.text;
        // Outside the paragraphs only line breaks are kept, so no pattern
        // runs from one paragraph into the next unseen.
        let mut article: String = text.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }).collect();
        {
            let mut bytes = std::mem::take(&mut article).into_bytes();
            for p in &seg.paragraphs {
                bytes[p.start..p.end].copy_from_slice(&text.as_bytes()[p.start..p.end]);
            }
            article = String::from_utf8(bytes).unwrap_or_default();
        }
        let mut masked = article.clone();
        blank_all(&mut masked, seg.quotes.iter().filter(|q| q.depth == 0).map(|q| q.outer));

        // Councils named anywhere in the article (quotations too) pick the primary council.
        let all_councils = COUNCILS.find(&article);
        let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (council, count, first)
        for h in &all_councils {
            match counts.iter_mut().find(|c| c.0 == h.council) {
                Some(c) => c.1 += 1,
                None => counts.push((h.council, 1, h.byte_start)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let primary_council = counts.first().map(|c| c.0);

        out.council_names = names_as_written(&article, &all_councils);
        // The councils outside quotations: the hits whose words the masking
        // left alone (a name never holds a quotation mark, so blanking cannot
        // make or split one), without searching the text again.
        let councils: Vec<_> = all_councils
            .iter()
            .filter(|h| masked.get(h.byte_start..h.byte_end) == article.get(h.byte_start..h.byte_end))
            .copied()
            .collect();
        for h in &councils {
            if h.form == CouncilForm::Council {
                out.add_council(h.council);
            }
        }
        let parties = PARTIES.find(&masked);

        let mut orgs = Vec::new();
        let mut ofsted = None;
        for h in ORGANISATIONS.find(&article) {
            let r = &ORGANISATIONS.all[h.org];
            let i =
                out.organisation(Organisation { name: r.name.clone(), reference: Some(r.key.clone()), kind: r.kind });
            if r.key == "ofsted" {
                ofsted = Some(i);
            }
            if masked.as_bytes()[h.byte_start] != b' ' {
                orgs.push(OrgMention { span: Span::new(h.byte_start, h.byte_end), org: i });
            }
        }
        for m in TRUST.find_iter(&masked) {
            let name = m.as_str().replace('’', "'");
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let i = out.organisation(Organisation { name, reference: None, kind: OrgKind::Trust });
            orgs.push(OrgMention { span: Span::new(m.start(), m.end()), org: i });
        }
        orgs.sort_by_key(|o| o.span.start);
        orgs.dedup_by_key(|o| o.span.start);
        static INSPECTION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\binspect(?:ion|ors?|orate)\b").unwrap_or_else(|e| unreachable!("{e}")));
        let about_inspection = ofsted.is_some() || INSPECTION.is_match(&article);
        let masked_attributed = article;
        Self {
            seg,
            text,
            masked,
            masked_attributed,
            councils,
            parties,
            orgs,
            primary_council,
            ofsted,
            about_inspection,
        }
    }

    /// The masked text of a span.
    pub fn m(&self, s: Span) -> &str {
        crate::segment::text::slice(&self.masked, s.start, s.end)
    }

    /// Ofsted's local index, adding it when the document named only "the report".
    pub fn ofsted_or_add(&mut self, out: &mut Extraction) -> usize {
        if let Some(i) = self.ofsted {
            return i;
        }
        let key = "ofsted";
        let name =
            ORGANISATIONS.by_key(key).map(|i| ORGANISATIONS.all[i].name.clone()).unwrap_or_else(|| "Ofsted".into());
        let i = out.organisation(Organisation { name, reference: Some(key.into()), kind: OrgKind::Inspectorate });
        self.ofsted = Some(i);
        i
    }

    /// The council named (as a council or a place) inside `span`, if any.
    pub fn council_in(&self, span: Span) -> Option<usize> {
        self.councils_in(span).first().map(|h| h.council)
    }

    /// Councils named inside `span` (hits are sorted by start).
    pub fn councils_in(&self, span: Span) -> &[CouncilHit] {
        let a = self.councils.partition_point(|h| h.byte_start < span.start);
        let b = self.councils.partition_point(|h| h.byte_start < span.end);
        let v = &self.councils[a..b.max(a)];
        let n = v.iter().take_while(|h| h.byte_end <= span.end).count();
        &v[..n]
    }

    /// Parties named inside `span`.
    pub fn parties_in(&self, span: Span) -> &[PartyHit] {
        let a = self.parties.partition_point(|h| h.byte_start < span.start);
        let b = self.parties.partition_point(|h| h.byte_start < span.end);
        let v = &self.parties[a..b.max(a)];
        let n = v.iter().take_while(|h| h.byte_end <= span.end).count();
        &v[..n]
    }

    /// The body whose mention starts at byte `pos`.
    pub fn org_at(&self, pos: usize) -> Option<OrgMention> {
        let i = self.orgs.partition_point(|o| o.span.start < pos);
        self.orgs.get(i).filter(|o| o.span.start == pos).copied()
    }

    /// True when `span` overlaps a council, party or body name.
    pub fn overlaps_named_body(&self, s: Span) -> bool {
        self.overlaps_named(s, true)
    }

    /// True when `span` overlaps a council's name as a council (not a bare
    /// place name, which people's names may contain: "Jo Sunderland"), a
    /// party or a body.
    pub fn overlaps_body_not_place(&self, s: Span) -> bool {
        self.overlaps_named(s, false)
    }

    fn overlaps_named(&self, s: Span, places: bool) -> bool {
        let wide = Span::new(s.start.saturating_sub(120), (s.end + 120).min(self.masked.len()));
        self.councils_in(wide)
            .iter()
            .filter(|h| places || h.form == crate::reference::councils::CouncilForm::Council)
            .any(|h| h.byte_start < s.end && s.start < h.byte_end)
            || self.parties_in(wide).iter().any(|h| h.byte_start < s.end && s.start < h.byte_end)
            || {
                let i = self.orgs.partition_point(|o| o.span.end <= s.start);
                self.orgs.get(i).is_some_and(|o| o.span.start < s.end)
            }
    }
}
