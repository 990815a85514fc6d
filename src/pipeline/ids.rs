//! One graph per document, even when two documents' names slug alike.
//!
//! A document's IRI comes from its identifier through [`crate::resolve::slug`],
//! so `Report 1.txt`, `report-1.txt` and `REPORT.1.txt` would all be
//! `…/doc/report-1` and the last would replace the others. Within a batch
//! the first keeps its identifier and each later one gets its own, with a
//! short hash of where it came from, and a warning names both.

use crate::ingest::Document;
use crate::resolve::{short_hash, Iris};
use std::collections::HashMap;

/// The document IRIs a batch has given out, with the source of each.
#[derive(Debug, Default)]
pub struct Identities {
    sources: HashMap<String, String>,
}

impl Identities {
    /// Gives `doc` an identifier whose IRI no other document of the batch
    /// has; returns the warning to show when it had to be changed. The same
    /// source read twice keeps its identifier (it replaces itself).
    pub fn claim(&mut self, doc: &mut Document, iris: &Iris) -> Option<String> {
        let iri = iris.document(&doc.id).into_string();
        let first = match self.sources.get(&iri) {
            None => {
                self.sources.insert(iri, doc.source.clone());
                return None;
            }
            Some(s) if *s == doc.source => return None,
            Some(s) => s.clone(),
        };
        let base = format!("{}-{}", doc.id, short_hash(doc.source.as_bytes()));
        let mut id = base.clone();
        let mut n = 2;
        while self.sources.contains_key(iris.document(&id).as_str()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.sources.insert(iris.document(&id).into_string(), doc.source.clone());
        let warning = format!(
            "{first} and {} would share the document IRI <{iri}>; {} is stored as \"{id}\"",
            doc.source, doc.source
        );
        doc.id = id;
        Some(warning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_slug_alike_get_distinct_graphs() {
        let iris = Iris::default();
        let mut ids = Identities::default();
        let mut docs: Vec<Document> =
            [("Report 1", "a/Report 1.txt"), ("report-1", "a/report-1.txt"), ("REPORT.1", "a/REPORT.1.md")]
                .iter()
                .map(|(id, src)| Document::from_text(*id, *src, "Text."))
                .collect();
        let warnings: Vec<Option<String>> = docs.iter_mut().map(|d| ids.claim(d, &iris)).collect();
        assert_eq!(warnings[0], None);
        assert!(warnings[1].as_deref().is_some_and(|w| w.starts_with("a/Report 1.txt and a/report-1.txt would share")));
        assert!(warnings[2].is_some());
        let graphs: std::collections::HashSet<String> =
            docs.iter().map(|d| iris.document(&d.id).into_string()).collect();
        assert_eq!(graphs.len(), 3);
        assert_eq!(docs[0].id, "Report 1");
        assert!(docs[1].id.starts_with("report-1-") && docs[1].id.len() == "report-1-".len() + 8, "{}", docs[1].id);
    }

    #[test]
    fn the_same_source_twice_keeps_its_identifier_and_ids_are_stable() {
        let iris = Iris::default();
        let run = || {
            let mut ids = Identities::default();
            let mut a = Document::from_text("x", "x.txt", "A.");
            let mut b = Document::from_text("x", "x.txt", "B.");
            let mut c = Document::from_text("X", "X.txt", "C.");
            assert_eq!((ids.claim(&mut a, &iris), ids.claim(&mut b, &iris)), (None, None));
            assert!(ids.claim(&mut c, &iris).is_some());
            (b.id, c.id)
        };
        assert_eq!(run(), run());
        assert_eq!(run().0, "x");
    }
}
