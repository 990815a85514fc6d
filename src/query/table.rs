//! An aligned text table of query results, for people: IRIs shortened with
//! the project's prefixes, literals shown as their text.

use crate::graph::vocab::ns::PREFIXES;
use oxigraph::model::{Term, Variable};
use std::io::{self, Write};

/// A term as a person reads it.
pub fn compact(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            for (p, ns) in PREFIXES {
                if let Some(local) = iri.strip_prefix(ns) {
                    return format!("{p}:{local}");
                }
            }
            format!("<{iri}>")
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Writes rows under a header, columns padded to their widest cell (cells
/// longer than 80 characters are cut with an ellipsis; newlines shown as ⏎,
/// other control characters escaped).
pub fn write(out: &mut dyn Write, variables: &[Variable], rows: &[Vec<Option<Term>>]) -> io::Result<()> {
    let cell = |t: &Option<Term>| {
        let s = t.as_ref().map(compact).unwrap_or_default().replace('\n', "⏎");
        let s = crate::terminal::escape(&s).into_owned();
        if width(&s) > 80 {
            format!("{}…", s.chars().take(79).collect::<String>())
        } else {
            s
        }
    };
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
    let body: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(cell).collect()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in &body {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(c));
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(w - width(c)));
            }
        }
        s
    };
    writeln!(out, "{}", line(&header))?;
    writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("  "))?;
    for r in &body {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}
