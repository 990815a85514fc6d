//! Messages about a query that failed to parse: one line that says where,
//! echoes the line, and says what to do when the cause is a common one (a
//! misspelt query form, an update given where a query is wanted).

use oxigraph::sparql::SparqlEvaluator;

const FORMS: [&str; 4] = ["SELECT", "CONSTRUCT", "ASK", "DESCRIBE"];

/// "invalid SPARQL at line L, column C: what the parser expected (line L: …)".
pub fn syntax(query: &str, parser_message: &str) -> String {
    if SparqlEvaluator::new().parse_update(query).is_ok() {
        return "this is a SPARQL update, and `query` only reads: to change a store, rebuild it, or send the \
                update to `serve --allow-update` (POST application/sparql-update)"
            .into();
    }
    let folded = super::one_line(parser_message);
    let Some((line, column, expected)) = position(&folded) else {
        return format!("invalid SPARQL: {folded}");
    };
    let mut msg = format!("invalid SPARQL at line {line}, column {column}: {expected}");
    if let Some(word) = misspelt_form(query) {
        msg.push_str(&format!(
            " (a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE after its PREFIX lines, not {word})"
        ));
    }
    // the line, or the last one with text before it (the parser may stop at the very end)
    let lines: Vec<&str> = query.lines().collect();
    let shown = (0..line.min(lines.len())).rev().map(|i| (i + 1, lines[i].trim())).find(|(_, t)| !t.is_empty());
    if let Some((n, text)) = shown {
        let cut: String = text.chars().filter(|c| !c.is_control()).take(100).collect();
        let more = if text.chars().count() > 100 { "…" } else { "" };
        msg.push_str(&format!("; line {n}: {cut}{more}"));
    }
    msg
}

/// (line, column, rest) from "error at L:C: rest".
fn position(msg: &str) -> Option<(usize, usize, &str)> {
    let rest = msg.strip_prefix("error at ")?;
    let (at, expected) = rest.split_once(": ")?;
    let (line, column) = at.split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?, expected))
}

/// The first word after PREFIX and BASE declarations, when it is not a
/// query form.
fn misspelt_form(query: &str) -> Option<String> {
    let mut words = query.lines().map(|l| l.split('#').next().unwrap_or("")).flat_map(str::split_whitespace);
    loop {
        let w = words.next()?;
        let upper = w.to_ascii_uppercase();
        match upper.as_str() {
            "PREFIX" => {
                words.next();
                words.next();
            }
            "BASE" => {
                words.next();
            }
            _ if FORMS.contains(&upper.as_str()) => return None,
            _ => return Some(w.chars().take(40).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_updates_and_positions() {
        let m = syntax("SELEC ?x WHERE { ?x ?y ?z }", "error at 1:10: expected CONSTRUCT");
        assert!(m.starts_with("invalid SPARQL at line 1, column 10: expected CONSTRUCT"), "{m}");
        assert!(m.contains("not SELEC") && m.ends_with("line 1: SELEC ?x WHERE { ?x ?y ?z }"), "{m}");
        let m = syntax("PREFIX a: <x:>\nSELECT * {\n ?s ?p\n}", "error at 4:1: expected one of x");
        assert!(m.ends_with("line 4: }") && !m.contains("not "), "{m}");
        let m = syntax("SELECT * {\n ?s ?p\n}\n", "error at 4:1: expected one of x");
        assert!(m.starts_with("invalid SPARQL at line 4, column 1") && m.ends_with("; line 3: }"), "{m}");
        let m = syntax("DROP GRAPH <urn:x>", "error at 1:1: expected one of ASK");
        assert!(m.contains("SPARQL update") && m.contains("--allow-update"), "{m}");
        assert_eq!(syntax("x", "odd"), "invalid SPARQL: odd");
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 2_000, ..Default::default() })]
        /// Any text that fails to parse gets one line, never a panic.
        #[test]
        fn any_bad_query_gets_one_line(text in "\\PC{0,120}") {
            if let Err(e) = SparqlEvaluator::new().parse_query(&text) {
                let m = syntax(&text, &e.to_string());
                proptest::prop_assert!(!m.contains('\n'), "{}", m);
            }
        }
    }
}
