//! How councils and parties join other datasets: `owl:sameAs` only to an
//! IRI of the same thing (the Wikidata item of the council body or party),
//! the ONS area a council serves through `schema:areaServed`, and the codes
//! civic datasets use as literals of `dcterms:identifier` sub-properties.
//! Every value comes from the reference tables.

use crate::graph::vocab::{cg, owl, schema};
use crate::graph::writer::Writer;
use crate::reference::councils::COUNCILS;
use crate::reference::identifiers;
use crate::reference::parties::PARTIES;
use crate::resolve;
use oxigraph::model::{Literal, NamedNode, NamedNodeRef};

fn code(w: &mut Writer, n: &NamedNode, p: NamedNodeRef<'_>, value: Option<&String>) {
    if let Some(v) = value {
        w.add(n.clone(), p, Literal::new_simple_literal(v));
    }
}

/// A council's links and identifiers: Wikidata body, ONS area, GSS code,
/// register code, DfE LA code and Ofsted URN where the tables have them.
pub fn council(w: &mut Writer, n: &NamedNode, c: usize) {
    let r = &COUNCILS.all[c];
    if let Some(q) = r.wikidata.as_deref().and_then(resolve::wikidata_iri) {
        w.add(n.clone(), owl::SAME_AS, q);
    }
    w.add(n.clone(), schema::AREA_SERVED, resolve::ons_iri(c));
    code(w, n, cg::GSS_CODE, Some(&r.gss));
    code(w, n, cg::REGISTER_CODE, r.register_code.as_ref());
    if let Some(ids) = identifiers::by_gss(&r.gss) {
        code(w, n, cg::DFE_LA_CODE, ids.dfe_la_code.as_ref());
        code(w, n, cg::OFSTED_URN, ids.ofsted_urn.as_ref());
    }
}

/// A party's links: its Wikidata item and Electoral Commission ids.
pub fn party(w: &mut Writer, n: &NamedNode, p: usize) {
    let r = &PARTIES.all[p];
    if let Some(q) = r.wikidata.as_deref().and_then(resolve::wikidata_iri) {
        w.add(n.clone(), owl::SAME_AS, q);
    }
    for id in &r.ec_ids {
        code(w, n, cg::ELECTORAL_COMMISSION_ID, Some(id));
    }
}
