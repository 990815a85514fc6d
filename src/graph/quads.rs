//! Facts → quads, all in the document's named graph, following
//! `design/DATA-MODEL.md`. Byte offsets become character offsets here.

use crate::extract::{Entity, Extraction, FactKind};
use crate::graph::vocab::{cg, dcterms, nif, org, rdf, rdfs, schema, skos, time, xsd};
use crate::graph::writer::Writer;
use crate::graph::{civic, provenance};
use crate::ingest::Document;
use crate::pipeline::DocumentGraph;
use crate::reference::councils::COUNCILS;
use crate::reference::organisations::OrgKind;
use crate::reference::parties::PARTIES;
use crate::resolve::{self, EntityIris, Iris};
use crate::segment::{Segmented, Span};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Converts byte offsets to character offsets (Unicode scalar values),
/// with a checkpoint every 4 KiB so each lookup counts few characters.
struct CharOffsets<'a> {
    text: &'a str,
    /// (byte offset on a char boundary, chars before it)
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let mut next = 4096;
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = i + 4096;
            }
        }
        Self { text, checkpoints }
    }

    fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let k = self.checkpoints.partition_point(|c| c.0 <= byte) - 1;
        let (b0, c0) = self.checkpoints[k];
        c0 + self.text[b0..byte].chars().count()
    }
}

/// The document's graph: its own description and every fact read from it.
pub fn document_graph(doc: &Document, iris: &Iris) -> DocumentGraph {
    let seg = crate::segment::segment(&doc.text);
    let x = crate::extract::extract(&seg, doc);
    facts_to_graph(doc, &seg, &x, iris)
}

/// A stable 64-bit FNV-1a hash, for statement IRIs that must not change
/// between runs or Rust versions.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Writes an extraction as quads. Every fact also says where it came from:
/// nodes (memberships, judgements, quotations) carry `cg:sentence` and
/// `cg:rule`; plain triples get an `rdf:Statement` that does.
pub fn facts_to_graph(doc: &Document, seg: &Segmented<'_>, x: &Extraction, iris: &Iris) -> DocumentGraph {
    let graph = iris.document(&doc.id);
    let entities = EntityIris::new(iris, x);
    let mut w = Writer::new(GraphName::NamedNode(graph.clone()));
    let d = graph.clone();
    w.add(d.clone(), rdf::TYPE, schema::NEWS_ARTICLE);
    w.add(d.clone(), dcterms::IDENTIFIER, Literal::new_simple_literal(&doc.id));
    if let Some(source) = provenance::source_iri(&doc.source) {
        w.add(d.clone(), dcterms::SOURCE, source);
    }
    if let Some(t) = &doc.meta.title {
        w.add(d.clone(), schema::HEADLINE, Literal::new_simple_literal(t));
    }
    if let Some(u) = doc.meta.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
        w.add(d.clone(), schema::URL, u);
    }

    // Entities: class and label, and the article mentions them.
    for (i, p) in x.persons.iter().enumerate() {
        let n = entities.of(Entity::Person(i));
        w.add(n.clone(), rdf::TYPE, schema::PERSON);
        w.add(n.clone(), rdfs::LABEL, Literal::new_simple_literal(resolve::person_key(&p.name)));
        for h in &p.honorifics {
            w.add(n.clone(), schema::HONORIFIC_PREFIX, Literal::new_simple_literal(h));
        }
        w.add(d.clone(), cg::MENTIONS, n);
    }
    for &c in &x.councils {
        let n = iris.council(c);
        let r = &COUNCILS.all[c];
        w.add(n.clone(), rdf::TYPE, cg::COUNCIL);
        // The label as this article writes it; the reference name as prefLabel.
        let label = x.council_names.get(&c).unwrap_or(&r.label);
        w.add(n.clone(), rdfs::LABEL, Literal::new_simple_literal(label));
        w.add(n.clone(), skos::PREF_LABEL, Literal::new_simple_literal(&r.label));
        civic::council(&mut w, &n, c);
        w.add(d.clone(), cg::MENTIONS, n);
    }
    for &p in &x.parties {
        let n = iris.party(p);
        let r = &PARTIES.all[p];
        w.add(n.clone(), rdf::TYPE, schema::POLITICAL_PARTY);
        w.add(n.clone(), rdfs::LABEL, Literal::new_simple_literal(&r.name));
        civic::party(&mut w, &n, p);
        if let Some(c) = &r.colour {
            w.add(n.clone(), schema::COLOR, Literal::new_simple_literal(c));
        }
        w.add(d.clone(), cg::MENTIONS, n);
    }
    let used_orgs: BTreeSet<usize> = x
        .facts
        .iter()
        .flat_map(|f| match &f.kind {
            FactKind::Quote { speaker: Entity::Organisation(o), .. } => vec![*o],
            FactKind::HoldsPost { post, .. } => match post.organisation {
                Some(Entity::Organisation(o)) => vec![o],
                _ => vec![],
            },
            _ => vec![],
        })
        .chain(
            x.organisations
                .iter()
                .enumerate()
                .filter(|(_, o)| o.reference.is_some() || o.kind == OrgKind::Trust)
                .map(|(i, _)| i),
        )
        .collect();
    let has_rating = x.facts.iter().any(|f| matches!(f.kind, FactKind::Rating { .. }));
    let ofsted = x.organisations.iter().position(|o| o.reference.as_deref() == Some("ofsted"));
    let ofsted_node = if has_rating { Some(iris.organisation("ofsted")) } else { None };
    for &o in &used_orgs {
        let n = entities.of(Entity::Organisation(o));
        let class = match x.organisations[o].kind {
            OrgKind::Inspectorate | OrgKind::Government | OrgKind::Office | OrgKind::Ombudsman | OrgKind::Agency => {
                schema::GOVERNMENT_ORGANIZATION
            }
            _ => schema::ORGANIZATION,
        };
        w.add(n.clone(), rdf::TYPE, class);
        w.add(n.clone(), rdf::TYPE, schema::ORGANIZATION);
        w.add(n.clone(), rdfs::LABEL, Literal::new_simple_literal(&x.organisations[o].name));
        w.add(d.clone(), cg::MENTIONS, n);
    }
    if let (Some(n), None) = (&ofsted_node, ofsted) {
        w.add(n.clone(), rdf::TYPE, schema::GOVERNMENT_ORGANIZATION);
        w.add(n.clone(), rdf::TYPE, schema::ORGANIZATION);
        w.add(n.clone(), rdfs::LABEL, Literal::new_simple_literal("Ofsted"));
    }

    let offsets = CharOffsets::new(&doc.text);
    let quote_iri = |byte: usize| iris.mint2("quote", &doc.id, &offsets.at(byte).to_string());
    let mut inspections: BTreeSet<(usize, bool)> = BTreeSet::new();
    let sentence_of = |span: Span| -> String {
        let text = seg.sentence_at(span.start).map_or("", |i| seg.slice(seg.sentences[i].span));
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let former_years = former_inspection_years(x, &sentence_of);
    for f in &x.facts {
        let sentence = Literal::new_simple_literal(sentence_of(f.span));
        let rule = Literal::new_simple_literal(f.rule);
        // A triple plus the statement that says where it came from.
        let fact = |w: &mut Writer, s: NamedNode, p: NamedNodeRef<'_>, o: NamedNode| {
            let st = iris.mint2("statement", &doc.id, &format!("{:016x}", fnv1a(&format!("{s} {p} {o}"))));
            w.add(s.clone(), p, o.clone());
            w.add(st.clone(), rdf::TYPE, rdf::STATEMENT);
            w.add(st.clone(), rdf::SUBJECT, s);
            w.add(st.clone(), rdf::PREDICATE, p.into_owned());
            w.add(st.clone(), rdf::OBJECT, o);
            w.add(st.clone(), cg::SENTENCE, sentence.clone());
            w.add(st.clone(), cg::RULE, rule.clone());
            provenance::derived(w, iris, &st, &d, f.rule);
        };
        match &f.kind {
            FactKind::PartyMember { person, party } => {
                fact(&mut w, entities.of(Entity::Person(*person)), org::MEMBER_OF, iris.party(*party));
            }
            FactKind::CouncilMember { person, council } => {
                fact(&mut w, entities.of(Entity::Person(*person)), org::MEMBER_OF, iris.council(*council));
            }
            FactKind::HoldsPost { person, post } => {
                let pname = &x.persons[*person].name;
                let m = iris.mint2("membership", &doc.id, &format!("{pname} {}", post.label));
                let role = iris.role(&post.label);
                w.add(m.clone(), rdf::TYPE, org::MEMBERSHIP);
                w.add(m.clone(), org::MEMBER, entities.of(Entity::Person(*person)));
                w.add(m.clone(), org::ROLE, role.clone());
                if let Some(o) = post.organisation {
                    w.add(m.clone(), org::ORGANIZATION, entities.of(o));
                }
                if post.former {
                    w.add(m.clone(), cg::FORMER, Literal::from(true));
                }
                if let Some((from, to)) = &post.during {
                    let interval = NamedNode::new_unchecked(format!("{}-during", m.as_str()));
                    w.add(m.clone(), org::MEMBER_DURING, interval.clone());
                    w.add(interval.clone(), rdf::TYPE, time::INTERVAL);
                    for (end, value) in [(time::HAS_BEGINNING, from), (time::HAS_END, to)] {
                        let instant = NamedNode::new_unchecked(format!(
                            "{}-{}",
                            interval.as_str(),
                            if end == time::HAS_BEGINNING { "start" } else { "end" }
                        ));
                        w.add(interval.clone(), end, instant.clone());
                        w.add(instant.clone(), rdf::TYPE, time::INSTANT);
                        if value.len() == 7 {
                            w.add(
                                instant,
                                time::IN_XSD_G_YEAR_MONTH,
                                Literal::new_typed_literal(value, xsd::G_YEAR_MONTH),
                            );
                        } else {
                            w.add(instant, time::IN_XSD_G_YEAR, Literal::new_typed_literal(value, xsd::G_YEAR));
                        }
                    }
                }
                w.add(m.clone(), cg::RULE, rule.clone());
                w.add(m.clone(), cg::SENTENCE, sentence.clone());
                provenance::derived(&mut w, iris, &m, &d, f.rule);
                w.add(role.clone(), rdf::TYPE, org::ROLE_CLASS);
                w.add(role, rdfs::LABEL, Literal::new_simple_literal(&post.label));
            }
            FactKind::RepresentsWard { person, ward } => {
                let council = x.facts.iter().find_map(|g| match g.kind {
                    FactKind::CouncilMember { person: p, council } if p == *person => Some(council),
                    _ => None,
                });
                let n = iris.ward(council, ward);
                fact(&mut w, entities.of(Entity::Person(*person)), cg::REPRESENTS_WARD, n.clone());
                w.add(n.clone(), rdf::TYPE, cg::WARD);
                w.add(n, rdfs::LABEL, Literal::new_simple_literal(ward));
            }
            FactKind::ControlledBy { council, party } => {
                fact(&mut w, iris.council(*council), cg::CONTROLLED_BY, iris.party(*party));
            }
            FactKind::Rating { council, area, grade, earlier } => {
                let gss = &COUNCILS.all[*council].gss;
                let key = if *earlier { format!("{gss}-earlier") } else { gss.clone() };
                let insp = iris.mint2("inspection", &doc.id, &key);
                if inspections.insert((*council, *earlier)) {
                    w.add(insp.clone(), rdf::TYPE, cg::INSPECTION);
                    w.add(insp.clone(), cg::INSPECTED_BODY, iris.council(*council));
                    if let Some(o) = &ofsted_node {
                        w.add(insp.clone(), cg::INSPECTOR, o.clone());
                    }
                    if *earlier {
                        w.add(insp.clone(), cg::FORMER, Literal::from(true));
                    }
                    if let Some(year) = former_years.get(council).filter(|_| *earlier) {
                        w.add(insp.clone(), dcterms::DATE, Literal::new_typed_literal(year.to_string(), xsd::G_YEAR));
                    }
                }
                let area_node = resolve::area_concept(*area);
                let local = area_node.as_str().rsplit('#').next().unwrap_or("area").to_owned();
                let j = iris.mint2("judgement", &doc.id, &format!("{key}-{local}"));
                w.add(insp, cg::JUDGEMENT_PROP, j.clone());
                w.add(j.clone(), rdf::TYPE, cg::JUDGEMENT);
                w.add(j.clone(), cg::JUDGEMENT_AREA, area_node);
                w.add(j.clone(), cg::GRADE, resolve::grade_concept(*grade));
                w.add(j.clone(), cg::RULE, rule.clone());
                w.add(j.clone(), cg::SENTENCE, sentence.clone());
                provenance::derived(&mut w, iris, &j, &d, f.rule);
            }
            FactKind::Quote { speaker, text, continues } => {
                let q = quote_iri(text.start);
                let sp = entities.of(*speaker);
                w.add(q.clone(), rdf::TYPE, schema::QUOTATION);
                w.add(q.clone(), schema::TEXT, Literal::new_simple_literal(&doc.text[text.start..text.end]));
                w.add(q.clone(), schema::CREATOR, sp.clone());
                w.add(
                    q.clone(),
                    nif::BEGIN_INDEX,
                    Literal::new_typed_literal(offsets.at(text.start).to_string(), xsd::INTEGER),
                );
                w.add(
                    q.clone(),
                    nif::END_INDEX,
                    Literal::new_typed_literal(offsets.at(text.end).to_string(), xsd::INTEGER),
                );
                w.add(q.clone(), cg::RULE, rule.clone());
                provenance::derived(&mut w, iris, &q, &d, f.rule);
                if let Some(prev) = continues {
                    w.add(q.clone(), cg::CONTINUES, quote_iri(prev.start));
                }
                w.add(sp, cg::SAID, q);
            }
            FactKind::CalledForResignation { by, target } => {
                fact(&mut w, entities.of(*by), cg::CALLED_FOR_RESIGNATION_OF, entities.of(Entity::Person(*target)));
            }
            FactKind::Published { date } => {
                w.add(d.clone(), schema::DATE_PUBLISHED, Literal::new_typed_literal(date, xsd::DATE));
            }
            FactKind::Author { person } => {
                w.add(d.clone(), schema::AUTHOR, entities.of(Entity::Person(*person)));
            }
        }
    }
    DocumentGraph { id: doc.id.clone(), graph, quads: w.finish() }
}

/// The year the article gives each council's earlier inspection: the
/// latest year named by a sentence that grades it ("at its last inspection
/// in 2012").
fn former_inspection_years(x: &Extraction, sentence_of: &impl Fn(Span) -> String) -> BTreeMap<usize, u16> {
    let mut years = BTreeMap::new();
    for f in &x.facts {
        if let FactKind::Rating { council, earlier: true, .. } = f.kind {
            if let Some(y) = crate::extract::rating::year_in(&sentence_of(f.span)) {
                let e = years.entry(council).or_insert(y);
                *e = (*e).max(y);
            }
        }
    }
    years
}
