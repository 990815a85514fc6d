//! Every article's reports of an inspection, gathered for the inspections
//! graph ([`super::events`]) from two places that must agree: the store (a
//! SPARQL query over the documents' graphs) and a document's own quads
//! (while a build stages it, before it is in the store).
//!
//! A build reads the store's reports *before* its bulk commit and takes the
//! staged documents' from their quads: straight after a commit of 100,000
//! articles RocksDB holds about a thousand overlapping sorted files, and the
//! same query took most of a minute there against a few seconds on a
//! settled store.

use crate::graph::vocab::{cg, dcterms, rdf, schema};
use crate::resolve::events::{Report, When};
use oxigraph::model::{Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Every article's reports, one row per judgement. Each part is a scan of
/// one predicate, and the parts are sub-selects so that oxigraph joins them
/// by hashing instead of looking each row up (at 10,000 articles: 0.2 s
/// against 0.7 s).
const REPORTS: &str = "
PREFIX cg: <https://w3id.org/councilgraph/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
SELECT ?g ?r ?c ?former ?year ?published ?j ?area ?grade WHERE {
  { SELECT ?g WHERE { GRAPH ?g { ?g a schema:NewsArticle } } }
  { SELECT ?g ?r WHERE { GRAPH ?g { ?r a cg:Inspection } } }
  { SELECT ?g ?r ?c WHERE { GRAPH ?g { ?r cg:inspectedBody ?c } } }
  { SELECT ?g ?r ?j WHERE { GRAPH ?g { ?r cg:judgement ?j } } }
  { SELECT ?g ?j ?area WHERE { GRAPH ?g { ?j cg:judgementArea ?area } } }
  { SELECT ?g ?j ?grade WHERE { GRAPH ?g { ?j cg:grade ?grade } } }
  OPTIONAL { SELECT ?g ?r ?former WHERE { GRAPH ?g { ?r cg:former ?former } } }
  OPTIONAL { SELECT ?g ?r ?year WHERE { GRAPH ?g { ?r dcterms:date ?year } } }
  OPTIONAL { SELECT ?g ?published WHERE { GRAPH ?g { ?g schema:datePublished ?published } } }
}";

/// One report as the store holds it.
pub struct Stored {
    pub graph: NamedNode,
    pub node: NamedNode,
    pub council: NamedNode,
    /// Its judgement of each area.
    pub judgements: BTreeMap<NamedNode, NamedNode>,
}

/// One judgement of one report: a row of [`REPORTS`].
struct Row {
    graph: NamedNode,
    report: NamedNode,
    council: NamedNode,
    judgement: NamedNode,
    area: NamedNode,
    grade: NamedNode,
    former: Option<String>,
    year: Option<String>,
    published: Option<String>,
}

/// The reports gathered so far: `stored[i]` is where `reports[i]` is.
#[derive(Default)]
pub struct Reports {
    stored: Vec<Stored>,
    reports: Vec<Report<NamedNode>>,
    index: HashMap<(NamedNode, NamedNode), usize>,
}

impl Reports {
    /// The reports of the store's documents, but those of the `except`ed graphs.
    pub fn from_store(st: &Store, except: &HashSet<NamedNode>) -> Result<Self, String> {
        let results = SparqlEvaluator::new().parse_query(REPORTS).map_err(|e| e.to_string())?.on_store(st).execute();
        let QueryResults::Solutions(rows) = results.map_err(|e| e.to_string())? else {
            return Err("the reports query gave no rows".into());
        };
        let mut all = Self::default();
        for row in rows {
            let row = row.map_err(|e| e.to_string())?;
            let iri = |v: &str| match row.get(v) {
                Some(Term::NamedNode(n)) => Some(n.clone()),
                _ => None,
            };
            let text = |v: &str| match row.get(v) {
                Some(Term::Literal(l)) => Some(l.value().to_owned()),
                _ => None,
            };
            let (Some(graph), Some(report), Some(council), Some(judgement), Some(area), Some(grade)) =
                (iri("g"), iri("r"), iri("c"), iri("j"), iri("area"), iri("grade"))
            else {
                continue;
            };
            if !except.contains(&graph) {
                let (former, year, published) = (text("former"), text("year"), text("published"));
                all.add(Row { graph, report, council, judgement, area, grade, former, year, published });
            }
        }
        Ok(all)
    }

    /// Adds the reports in one document's quads (its whole graph), as
    /// [`REPORTS`] finds them in the store.
    pub fn add_document(&mut self, graph: &NamedNode, quads: &[Quad]) {
        let facts = Facts::of(graph, quads);
        let g = NamedOrBlankNode::NamedNode(graph.clone());
        if !facts.has(&g, rdf::TYPE.into(), &schema::NEWS_ARTICLE.into()) {
            return;
        }
        let published = facts.text(&g, schema::DATE_PUBLISHED.into());
        for r in facts.subjects_of_type(cg::INSPECTION.into()) {
            let NamedOrBlankNode::NamedNode(report) = r else { continue };
            let Some(council) = facts.iri(r, cg::INSPECTED_BODY.into()) else { continue };
            for j in facts.all(r, cg::JUDGEMENT_PROP.into()) {
                let Term::NamedNode(judgement) = j else { continue };
                let jn = NamedOrBlankNode::NamedNode(judgement.clone());
                let (Some(area), Some(grade)) =
                    (facts.iri(&jn, cg::JUDGEMENT_AREA.into()), facts.iri(&jn, cg::GRADE.into()))
                else {
                    continue;
                };
                self.add(Row {
                    graph: graph.clone(),
                    report: report.clone(),
                    council: council.clone(),
                    judgement: judgement.clone(),
                    area,
                    grade,
                    former: facts.text(r, cg::FORMER.into()),
                    year: facts.text(r, dcterms::DATE.into()),
                    published: published.clone(),
                });
            }
        }
    }

    /// Forgets the reports of one document (read again with other content).
    pub fn remove_document(&mut self, graph: &NamedNode) {
        let (stored, reports) = (std::mem::take(&mut self.stored), std::mem::take(&mut self.reports));
        self.index.clear();
        for (s, r) in stored.into_iter().zip(reports).filter(|(s, _)| &s.graph != graph) {
            self.index.insert((s.graph.clone(), s.node.clone()), self.stored.len());
            self.stored.push(s);
            self.reports.push(r);
        }
    }

    /// Takes in the reports of other documents (a report already here is kept).
    pub fn absorb(&mut self, other: Reports) {
        for (s, r) in other.stored.into_iter().zip(other.reports) {
            let key = (s.graph.clone(), s.node.clone());
            if !self.index.contains_key(&key) {
                self.index.insert(key, self.stored.len());
                self.stored.push(s);
                self.reports.push(r);
            }
        }
    }

    /// The reports, ordered by document and report node so that the events
    /// do not depend on where they were read from.
    pub fn into_sorted(self) -> (Vec<Stored>, Vec<Report<NamedNode>>) {
        let mut pairs: Vec<_> = self.stored.into_iter().zip(self.reports).collect();
        pairs.sort_by(|a, b| (&a.0.graph, &a.0.node).cmp(&(&b.0.graph, &b.0.node)));
        pairs.into_iter().unzip()
    }

    fn add(&mut self, row: Row) {
        let key = (row.graph.clone(), row.report.clone());
        let at = match self.index.get(&key) {
            Some(&at) => at,
            None => {
                let former = row.former.as_deref() == Some("true");
                let when = if former { year(row.year.as_deref()) } else { month(row.published.as_deref()) };
                self.reports.push(Report {
                    council: last_segment(&row.council),
                    doc: last_segment(&row.graph),
                    former,
                    when,
                    grades: BTreeMap::new(),
                });
                self.stored.push(Stored {
                    graph: row.graph,
                    node: row.report,
                    council: row.council,
                    judgements: BTreeMap::new(),
                });
                self.index.insert(key, self.reports.len() - 1);
                self.reports.len() - 1
            }
        };
        self.stored[at].judgements.insert(row.area.clone(), row.judgement);
        self.reports[at].grades.insert(row.area, row.grade);
    }
}

/// One document's triples (in its own graph), by subject and predicate.
struct Facts<'a> {
    /// (subject, predicate) as written in N-Triples → objects.
    by: HashMap<(String, String), Vec<&'a Term>>,
    typed: Vec<(&'a NamedOrBlankNode, &'a Term)>,
}

impl<'a> Facts<'a> {
    fn of(graph: &NamedNode, quads: &'a [Quad]) -> Self {
        let mut by: HashMap<_, Vec<_>> = HashMap::new();
        let mut typed = Vec::new();
        let in_graph =
            quads.iter().filter(|q| matches!(&q.graph_name, oxigraph::model::GraphName::NamedNode(n) if n == graph));
        for q in in_graph {
            by.entry((q.subject.to_string(), q.predicate.to_string())).or_default().push(&q.object);
            if q.predicate.as_ref() == rdf::TYPE {
                typed.push((&q.subject, &q.object));
            }
        }
        Self { by, typed }
    }

    fn all(&self, s: &NamedOrBlankNode, p: NamedNode) -> &[&'a Term] {
        self.by.get(&(s.to_string(), p.to_string())).map_or(&[], Vec::as_slice)
    }

    fn has(&self, s: &NamedOrBlankNode, p: NamedNode, o: &Term) -> bool {
        self.all(s, p).contains(&o)
    }

    fn iri(&self, s: &NamedOrBlankNode, p: NamedNode) -> Option<NamedNode> {
        self.all(s, p).iter().find_map(|t| match t {
            Term::NamedNode(n) => Some(n.clone()),
            _ => None,
        })
    }

    fn text(&self, s: &NamedOrBlankNode, p: NamedNode) -> Option<String> {
        self.all(s, p).iter().find_map(|t| match t {
            Term::Literal(l) => Some(Literal::value(l).to_owned()),
            _ => None,
        })
    }

    fn subjects_of_type(&self, class: Term) -> impl Iterator<Item = &'a NamedOrBlankNode> + '_ {
        self.typed.iter().filter(move |(_, o)| **o == class).map(|(s, _)| *s)
    }
}

/// `2016-04-05` → April 2016.
fn month(date: Option<&str>) -> When {
    let parse = |d: &str| Some(When::Month(d.get(0..4)?.parse().ok()?, d.get(5..7)?.parse().ok()?));
    date.and_then(parse).unwrap_or(When::Unknown)
}

fn year(date: Option<&str>) -> When {
    date.and_then(|d| d.get(0..4)?.parse().ok()).map_or(When::Unknown, When::Year)
}

/// The last segment of an IRI's path, or its fragment.
pub fn last_segment(n: &NamedNode) -> String {
    n.as_str().rsplit(['/', '#']).next().unwrap_or_default().to_owned()
}
