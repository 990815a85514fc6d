//! Properties of the whole per-document pipeline, on any text (proptest,
//! 10,000 cases each): it never unwinds past the document boundary, it
//! gives the same quads every time, its quads are valid N-Quads that parse
//! back to themselves, and every character offset lies inside the text.
//!
//! Inputs are arbitrary Unicode and news-like text built from the pieces
//! extractors look for (titles, posts, reporting verbs, quotation marks,
//! currency signs, a BOM), where the hard cases are.

use super::{process_checked, DocumentError, DocumentGraph, DEFAULT_MAX_DOCUMENT_BYTES};
use crate::ingest::Document;
use crate::resolve::Iris;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{Quad, Term};
use proptest::prelude::*;

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() }
}

/// The pieces extractors react to.
const PIECES: &[&str] = &[
    "Councillor ",
    "Cllr ",
    "Ms ",
    "Jane Doe",
    "Ravi Patel",
    " said",
    ", leader of ",
    "cabinet member for children's services",
    "Riverton Council",
    "Dudley Council",
    "Labour",
    "the Conservative group",
    " \"",
    "\" ",
    "“",
    "”",
    "'",
    "£5m",
    "€",
    "\u{FEFF}",
    ". ",
    ", ",
    "\n\n",
    "Ofsted rated the service inadequate",
    "called for her to resign",
    "He",
    "on 4 October 2022",
];

/// Text made of those pieces and short runs of letters, in any order.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![3 => proptest::sample::select(PIECES).prop_map(str::to_owned), 1 => "[a-zA-Zé ]{0,6}"];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Any text: news-like, or arbitrary Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![news_like(), any::<String>(), "\\PC{0,200}"]
}

fn run(text: &str) -> Result<DocumentGraph, DocumentError> {
    process_checked(&Document::from_text("doc", "doc.txt", text), &Iris::default(), DEFAULT_MAX_DOCUMENT_BYTES)
}

fn nquads(quads: &[Quad]) -> Vec<u8> {
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in quads {
        let _ = ser.serialize_quad(q);
    }
    ser.finish().unwrap_or_default()
}

fn offset(t: &Term) -> Option<usize> {
    match t {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any text gives a graph or an error: nothing unwinds past the boundary.
    #[test]
    fn the_pipeline_never_unwinds(t in text()) {
        let _ = run(&t);
    }

    /// Any text gives the same quads twice (and the same error, if any).
    #[test]
    fn the_pipeline_is_deterministic(t in text()) {
        let a = run(&t).map(|g| g.quads);
        let b = run(&t).map(|g| g.quads);
        prop_assert_eq!(a, b);
    }

    /// The quads written as N-Quads parse back to the same quads, and every
    /// character offset lies inside the text.
    #[test]
    fn the_quads_are_valid_n_quads_with_offsets_inside_the_text(t in text()) {
        if let Ok(g) = run(&t) {
            let bytes = nquads(&g.quads);
            let parsed: Result<Vec<Quad>, _> = RdfParser::from_format(RdfFormat::NQuads).for_slice(&bytes).collect();
            let parsed = parsed.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&parsed, &g.quads);
            let chars = t.chars().count();
            for q in &g.quads {
                let p = q.predicate.as_str();
                if p.ends_with("#beginIndex") || p.ends_with("#endIndex") {
                    let at = offset(&q.object);
                    prop_assert!(at.is_some_and(|at| at <= chars), "{} is outside {} characters", q, chars);
                }
            }
        }
    }
}

/// Extraction itself does not panic, so no document fails for a bug.
#[test]
fn extraction_never_panics() {
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let result = runner.run(&text(), |t| {
        if let Err(DocumentError::Panicked(m)) = run(&t) {
            return Err(TestCaseError::fail(m));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Inputs that once panicked in the extractors (byte offsets inside `£`,
/// `€`, a name running past its cue, overlapping post phrases).
#[test]
fn former_panics_are_fixed() {
    for t in [
        "\u{20ac}, leader of \u{a3}5mCouncillor  saidCllr \" Councillor Jane Doe",
        "It cost \u{a3}5m to fix the service, which is run by Cllr Jane Doe.",
        "Jane Doe, leader of Cabinet Member,councillor",
        "\"We will,\" Ms Said",
    ] {
        assert!(!matches!(run(t), Err(DocumentError::Panicked(_))), "{t}");
    }
}
