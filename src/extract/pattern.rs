//! Building the extractors' regular expressions: one place for compiling
//! literal patterns and for turning word lists into alternations.

use regex::Regex;

/// Compiles a pattern written in the source. Every caller passes a literal
/// (or one built from the lexicon), so a failure is a bug caught by the tests.
pub fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| unreachable!("extractor pattern: {e}"))
}

/// `a|b c|…` for a word list: escaped, longest first (so "cabinet member"
/// wins over "member"), with spaces matching any white space.
pub fn alternation(words: &[&str]) -> String {
    let mut v = words.to_vec();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.iter().map(|s| regex::escape(s).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}

#[cfg(test)]
mod tests {
    #[test]
    fn longest_first_and_spaces() {
        assert_eq!(super::alternation(&["leader", "group leader", "a.b"]), r"group\s+leader|leader|a\.b");
    }
}
