//! Prints what extraction finds in text files, one fact per line with the
//! rule that made it, for debugging rules:
//! `cargo run --release --example facts -- seeds/*.txt`.

use councilgraph::extract::{extract, report};
use councilgraph::ingest::Document;
use councilgraph::segment::segment;

fn main() -> std::io::Result<()> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let doc = Document::from_text(path.clone(), path.clone(), text.clone());
        let x = extract(&segment(&text), &doc);
        println!("== {path}");
        let rules = std::iter::repeat_n("", x.persons.len()).chain(x.facts.iter().map(|f| f.rule));
        for (line, rule) in report::lines(&text, &x).into_iter().zip(rules) {
            println!("{line}\t[{rule}]");
        }
    }
    Ok(())
}
