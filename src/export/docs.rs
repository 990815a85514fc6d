//! The articles a picture draws from: every document graph, or those a
//! filter keeps (published since a date, naming a council), with each
//! article's date and a label a reader knows it by (its headline, or the
//! councils it is about, never its hash).

use super::ExportError;
use crate::graph::vocab::{cg, dcterms, rdf, rdfs, schema, skos, ONTOLOGY_GRAPH};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};

/// Which articles to draw from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocFilter {
    /// Only articles published on or after this date (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`); undated articles are left out.
    pub since: Option<String>,
    /// Only articles that name a council whose name contains one of these.
    pub councils: Vec<String>,
}

impl DocFilter {
    /// True when every article is drawn.
    pub fn is_empty(&self) -> bool {
        self.since.is_none() && self.councils.is_empty()
    }

    /// The filter in words, for the picture's caption.
    pub fn describe(&self) -> Vec<String> {
        let mut out: Vec<String> = self.since.iter().map(|s| format!("articles since {s}")).collect();
        if !self.councils.is_empty() {
            out.push(format!("articles naming {}", self.councils.join(" or ")));
        }
        out
    }
}

/// The kept articles, their dates and labels.
#[derive(Debug, Clone, Default)]
pub struct Docs {
    /// `None`: every document graph but the ontology's.
    kept: Option<BTreeSet<String>>,
    dates: BTreeMap<String, String>,
    labels: BTreeMap<String, String>,
}

/// The string of a literal object, by subject IRI (the first one seen).
pub(super) fn literal_map(
    store: &Store,
    p: oxigraph::model::NamedNodeRef<'_>,
) -> Result<BTreeMap<String, String>, ExportError> {
    let mut m = BTreeMap::new();
    for q in store.quads_for_pattern(None, Some(p), None, None) {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object) {
            m.entry(s.as_str().to_owned()).or_insert_with(|| l.value().to_owned());
        }
    }
    Ok(m)
}

/// (subject, object) IRI pairs of a predicate, in any graph.
fn iri_pairs(store: &Store, p: oxigraph::model::NamedNodeRef<'_>) -> Result<BTreeSet<(String, String)>, ExportError> {
    let mut v = BTreeSet::new();
    for q in store.quads_for_pattern(None, Some(p), None, None) {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object) {
            v.insert((s.as_str().to_owned(), o.as_str().to_owned()));
        }
    }
    Ok(v)
}

impl Docs {
    /// Reads the articles of a store and applies the filter; a filter that
    /// keeps no article is an error that says which part of it.
    pub fn load(store: &Store, filter: &DocFilter) -> Result<Self, ExportError> {
        let articles: BTreeSet<String> = iri_pairs(store, rdf::TYPE)?
            .into_iter()
            .filter(|(_, t)| t == schema::NEWS_ARTICLE.as_str())
            .map(|(d, _)| d)
            .collect();
        let dates = literal_map(store, schema::DATE_PUBLISHED)?;
        let councils = council_names(store)?;
        let mut about: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (d, c) in iri_pairs(store, cg::MENTIONS)? {
            if let Some(names) = councils.get(&c) {
                about.entry(d).or_default().push(names[0].clone());
            }
        }
        let mut kept = articles.clone();
        if let Some(since) = &filter.since {
            kept.retain(|d| dates.get(d).is_some_and(|date| date.as_str() >= since.as_str()));
            if kept.is_empty() {
                return Err(ExportError::Selection(format!(
                    "no article in the store is dated {since} or later (undated articles never pass --since)"
                )));
            }
        }
        if !filter.councils.is_empty() {
            let wanted = matching_councils(&councils, &filter.councils);
            let naming: BTreeSet<String> = iri_pairs(store, cg::MENTIONS)?
                .into_iter()
                .filter(|(_, c)| wanted.contains(c))
                .map(|(d, _)| d)
                .collect();
            kept.retain(|d| naming.contains(d));
            if kept.is_empty() {
                return Err(ExportError::Selection(format!(
                    "no article names a council like {}",
                    filter.councils.join(" or ")
                )));
            }
        }
        let headlines = literal_map(store, schema::HEADLINE)?;
        let mut labels: BTreeMap<String, String> =
            articles.iter().map(|d| (d.clone(), label(headlines.get(d), about.get(d)))).collect();
        disambiguate(&mut labels, &dates, &literal_map(store, dcterms::IDENTIFIER)?);
        let kept = (!filter.is_empty()).then_some(kept);
        Ok(Docs { kept, dates, labels })
    }

    /// True for a document graph the filter keeps.
    pub fn allows(&self, g: GraphNameRef<'_>) -> bool {
        match g {
            GraphNameRef::NamedNode(n) => {
                n != ONTOLOGY_GRAPH && self.kept.as_ref().is_none_or(|k| k.contains(n.as_str()))
            }
            // the store's default graph repeats the documents' triples
            _ => false,
        }
    }

    /// The article's publication date, when the text gives one.
    pub fn date(&self, doc: &str) -> Option<&str> {
        self.dates.get(doc).map(String::as_str)
    }

    /// The article's label: headline (or the councils it names) and date.
    pub fn label(&self, doc: &str) -> String {
        let what = self.labels.get(doc).cloned().unwrap_or_else(|| "Article".to_owned());
        format!("{what}\n{}", self.date(doc).unwrap_or("undated"))
    }
}

/// Articles whose label and date are the same get their identifier too.
fn disambiguate(
    labels: &mut BTreeMap<String, String>,
    dates: &BTreeMap<String, String>,
    ids: &BTreeMap<String, String>,
) {
    let key = |d: &String, l: &String| (l.clone(), dates.get(d).cloned());
    let mut seen: BTreeMap<(String, Option<String>), usize> = BTreeMap::new();
    for (d, l) in labels.iter() {
        *seen.entry(key(d, l)).or_default() += 1;
    }
    for (d, l) in labels.iter_mut() {
        if seen.get(&key(d, l)).is_some_and(|&n| n > 1) {
            if let Some(id) = ids.get(d) {
                l.push_str(&format!("\n({id})"));
            }
        }
    }
}

/// Every name of every council (label first, then the reference name).
fn council_names(store: &Store) -> Result<BTreeMap<String, Vec<String>>, ExportError> {
    let labels = literal_map(store, rdfs::LABEL)?;
    let pref = literal_map(store, skos::PREF_LABEL)?;
    let mut out = BTreeMap::new();
    for (c, t) in iri_pairs(store, rdf::TYPE)? {
        if t == cg::COUNCIL.as_str() {
            let names: Vec<String> = labels.get(&c).into_iter().chain(pref.get(&c)).cloned().collect();
            if !names.is_empty() {
                out.insert(c, names);
            }
        }
    }
    Ok(out)
}

fn matching_councils(councils: &BTreeMap<String, Vec<String>>, wanted: &[String]) -> BTreeSet<String> {
    let wanted: Vec<String> = wanted.iter().map(|w| w.to_lowercase()).collect();
    councils
        .iter()
        .filter(|(_, names)| names.iter().any(|n| wanted.iter().any(|w| n.to_lowercase().contains(w))))
        .map(|(c, _)| c.clone())
        .collect()
}

/// Headline wrapped to short lines, or "Article on" the councils it names.
fn label(headline: Option<&String>, councils: Option<&Vec<String>>) -> String {
    if let Some(h) = headline.filter(|h| !h.trim().is_empty()) {
        return wrap(h, 32, 3);
    }
    match councils {
        Some(c) if !c.is_empty() => {
            let mut names: Vec<&str> = c.iter().map(String::as_str).collect();
            names.dedup();
            let more = names.len().saturating_sub(2);
            let mut text = format!("Article on {}", names[..names.len().min(2)].join(", "));
            if more > 0 {
                text.push_str(&format!(" and {more} more"));
            }
            wrap(&text, 32, 3)
        }
        _ => "Article".to_owned(),
    }
}

/// Words wrapped to lines of about `width` characters, at most `lines`
/// lines, the last one ending in an ellipsis when the text is cut.
pub fn wrap(text: &str, width: usize, lines: usize) -> String {
    let mut out: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let line = out.last_mut().map(|l| l.chars().count()).unwrap_or(0);
        if line > 0 && line + 1 + word.chars().count() > width {
            if out.len() == lines {
                if let Some(l) = out.last_mut() {
                    l.push('…');
                }
                return out.join("\n");
            }
            out.push(String::new());
        }
        if let Some(l) = out.last_mut() {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(word);
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_cuts_long_headlines() {
        assert_eq!(wrap("a bb ccc", 4, 3), "a bb\nccc");
        assert_eq!(wrap("one two three four five", 9, 2), "one two\nthree…");
        assert_eq!(wrap("", 9, 2), "");
    }

    #[test]
    fn articles_without_headline_are_named_by_their_councils() {
        let c = vec!["Dudley Council".to_owned(), "Dudley Council".to_owned(), "Sandwell Council".to_owned()];
        assert_eq!(label(None, Some(&c)), "Article on Dudley Council,\nSandwell Council");
        let h = "Council's children's services 'inadequate', Ofsted warn".to_owned();
        assert_eq!(label(Some(&h), Some(&c)), "Council's children's services\n'inadequate', Ofsted warn");
        assert_eq!(label(None, None), "Article");
    }
}
