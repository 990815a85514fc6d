//! A look at a query's shape before it is parsed: the SPARQL parser and
//! evaluator recurse once per nesting level and once per chained operator
//! (FILTER, UNION, `&&`, `+`…), so 10,000 nested `{` or 3,000 FILTERs would
//! overflow the stack and abort the process. The scan is linear and never
//! recurses; queries within the limits are run on a thread whose stack is
//! large enough for them ([`on_query_stack`]).

/// Deepest nesting of `{`, `(` and `[` accepted.
pub const MAX_DEPTH: usize = 128;
/// Most operators that chain (FILTER, UNION, OPTIONAL, MINUS, `&&`, `||`,
/// arithmetic, comparison, `!`) accepted in one query.
pub const MAX_OPERATORS: usize = 2_000;
/// Stack size of the thread that parses and evaluates a query.
pub const QUERY_STACK: usize = 256 * 1024 * 1024;

/// Why a query was refused before parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShapeError {
    #[error("the query nests brackets {0} deep (the limit is {MAX_DEPTH})")]
    TooDeep(usize),
    #[error("the query chains {0} operators (FILTER, UNION, &&, + …; the limit is {MAX_OPERATORS})")]
    TooManyOperators(usize),
}

/// Checks nesting depth and the number of chaining operators.
pub fn check(query: &str) -> Result<(), ShapeError> {
    let (depth, operators) = measure(query);
    if depth > MAX_DEPTH {
        return Err(ShapeError::TooDeep(depth));
    }
    if operators > MAX_OPERATORS {
        return Err(ShapeError::TooManyOperators(operators));
    }
    Ok(())
}

const KEYWORDS: &[&str] = &["filter", "union", "optional", "minus", "bind", "not", "exists", "service", "graph"];

/// (deepest nesting, operators): strings, comments and IRIs skipped; the
/// words of prefixed names and variables read as one token.
fn measure(query: &str) -> (usize, usize) {
    let b = query.as_bytes();
    let (mut i, mut depth, mut deepest, mut ops) = (0, 0usize, 0usize, 0usize);
    while i < b.len() {
        let c = b[i];
        i += 1;
        match c {
            b'{' | b'(' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b')' | b']' => depth = depth.saturating_sub(1),
            b'#' => i = skip_until(b, i, |c| c == b'\n'),
            b'"' | b'\'' => i = skip_string(b, i, c),
            b'<' if looks_like_iri(b, i) => i = skip_until(b, i, |c| c == b'>') + 1,
            b'&' | b'|' | b'+' | b'-' | b'*' | b'/' | b'!' | b'=' | b'<' | b'>' | b'^' => ops += 1,
            c if c.is_ascii_alphabetic() || c == b'?' || c == b'$' || c == b':' || c == b'_' => {
                let start = i - 1;
                i = skip_until(b, i, |c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'-' | b'.' | b'%')));
                let word = &query[start..i];
                if KEYWORDS.iter().any(|k| word.eq_ignore_ascii_case(k)) {
                    ops += 1;
                }
            }
            _ => {}
        }
    }
    (deepest, ops)
}

fn skip_until(b: &[u8], mut i: usize, stop: impl Fn(u8) -> bool) -> usize {
    while i < b.len() && !stop(b[i]) {
        i += 1;
    }
    i
}

/// Past the end of a string opened by `quote` (long strings too).
fn skip_string(b: &[u8], mut i: usize, quote: u8) -> usize {
    let long = b.len() >= i + 2 && b[i] == quote && b[i + 1] == quote;
    if long {
        i += 2;
    }
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == quote && (!long || (b.len() >= i + 3 && b[i + 1] == quote && b[i + 2] == quote)) => {
                return i + if long { 3 } else { 1 };
            }
            _ => i += 1,
        }
    }
    i
}

/// An IRI reference: `<` followed by no space before a `>`.
fn looks_like_iri(b: &[u8], i: usize) -> bool {
    b[i..].iter().take(4096).take_while(|c| !c.is_ascii_whitespace()).any(|&c| c == b'>')
}

/// Runs `f` on a thread with a stack big enough for any query that passes
/// [`check`], and returns its result (None if the thread could not start
/// or panicked).
pub fn on_query_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let handle = std::thread::Builder::new().name("query".into()).stack_size(QUERY_STACK).spawn(f).ok()?;
    handle.join().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_queries_pass() {
        for q in [
            "SELECT * WHERE { ?s ?p ?o FILTER(?o != \"{{{{\") } # {{{{",
            "PREFIX id: <https://w3id.org/councilgraph/id/> ASK { id:sarah-norman ?p ?o }",
            "SELECT ?x WHERE { VALUES ?x { 1 2 3 } FILTER(?x > 1 && ?x < 3) }",
            "SELECT * { ?s ?p '''it's {(['''}",
        ] {
            assert_eq!(check(q), Ok(()), "{q}");
        }
        for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/queries")).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(f.path()).unwrap_or_default();
            assert_eq!(check(&text), Ok(()), "{}", f.path().display());
        }
    }

    #[test]
    fn deep_and_long_queries_are_refused() {
        let deep = format!("SELECT * WHERE {}{}", "{".repeat(10_000), "}".repeat(10_000));
        assert_eq!(check(&deep), Err(ShapeError::TooDeep(10_000)));
        let filters = format!("SELECT * WHERE {{ ?s ?p ?o {} }}", "FILTER(?o) ".repeat(3_000));
        assert!(matches!(check(&filters), Err(ShapeError::TooManyOperators(_))));
        let sums = format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(5_000));
        assert!(matches!(check(&sums), Err(ShapeError::TooManyOperators(_))));
    }

    #[test]
    fn unterminated_text_is_scanned_without_panic() {
        for q in ["\"", "'''", "<", "#", "\"\\", "{(", "é\"é", "a:b-"] {
            let _ = check(q);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 10_000, ..Default::default() })]
        /// Any text is measured without a panic, and an accepted one is within the limits.
        #[test]
        fn any_text_is_measured(text in "\\PC{0,300}") {
            let (depth, operators) = measure(&text);
            proptest::prop_assert_eq!(check(&text).is_ok(), depth <= MAX_DEPTH && operators <= MAX_OPERATORS);
        }
    }
}
