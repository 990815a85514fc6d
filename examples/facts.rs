//! Prints the facts extracted from text files, one per line, for debugging
//! rules: `cargo run --release --example facts -- seeds/*.txt`.

use councilgraph::extract::{extract, Entity, Extraction, FactKind};
use councilgraph::ingest::Document;
use councilgraph::reference::{councils::COUNCILS, parties::PARTIES};
use councilgraph::segment::segment;

fn name(x: &Extraction, e: Entity) -> String {
    match e {
        Entity::Person(p) => x.persons[p].name.clone(),
        Entity::Council(c) => COUNCILS.all[c].label.clone(),
        Entity::Party(p) => PARTIES.all[p].name.clone(),
        Entity::Organisation(o) => x.organisations[o].name.clone(),
    }
}

fn main() -> std::io::Result<()> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let doc = Document::from_text(path.clone(), path.clone(), text.clone());
        let seg = segment(&text);
        let x = extract(&seg, &doc);
        println!("== {path}");
        for p in &x.persons {
            println!("person\t{}\t{:?}\t{:?}", p.name, p.honorifics, p.gender);
        }
        for f in &x.facts {
            let line = match &f.kind {
                FactKind::PartyMember { person, party } => format!("party\t{}\t{}", x.persons[*person].name, PARTIES.all[*party].name),
                FactKind::CouncilMember { person, council } => format!("member\t{}\t{}", x.persons[*person].name, COUNCILS.all[*council].label),
                FactKind::HoldsPost { person, post } => format!(
                    "role\t{}\t{}\t{}\t{}",
                    x.persons[*person].name,
                    post.label,
                    post.organisation.map(|o| name(&x, o)).unwrap_or_default(),
                    if post.former { "former" } else { "" }
                ),
                FactKind::RepresentsWard { person, ward } => format!("ward\t{}\t{ward}", x.persons[*person].name),
                FactKind::ControlledBy { council, party } => format!("control\t{}\t{}", COUNCILS.all[*council].label, PARTIES.all[*party].name),
                FactKind::Rating { council, area, grade } => format!("rating\t{}\t{area:?}\t{grade:?}", COUNCILS.all[*council].label),
                FactKind::Quote { speaker, text: t, continues } => {
                    let q: String = text[t.start..t.end].replace(['\t', '\n'], " ");
                    format!("quote\t{}\t{q}{}", name(&x, *speaker), if continues.is_some() { "\t(cont)" } else { "" })
                }
                FactKind::CalledForResignation { by, target } => format!("resign\t{}\t{}", x.persons[*by].name, x.persons[*target].name),
                FactKind::Published { date } => format!("published\t{date}"),
                FactKind::Author { person } => format!("author\t{}", x.persons[*person].name),
            };
            println!("{line}\t[{}]", f.rule);
        }
    }
    Ok(())
}
