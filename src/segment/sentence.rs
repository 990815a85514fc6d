//! Sentences: a break after `.`, `!` or `?` (and any closing marks) when
//! white space and a capital, digit or opening mark follow, except after an
//! abbreviation or an initial, and never inside a quotation.

use super::Span;

/// Words that end in a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "cllr", "coun", "cr", "st", "rev", "revd", "rt", "hon", "prof", "no", "nos", "sen", "gov",
    "lt", "col", "gen", "capt", "sgt", "insp", "det", "supt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "e.g", "i.e", "etc", "vs", "v", "approx", "dept", "inc", "ltd", "co", "cf", "op",
];

/// Splits paragraph `para` into sentences, never inside one of `quotes`.
pub fn split(text: &str, para: Span, quotes: &[Span]) -> Vec<Span> {
    let p = &text[para.start..para.end];
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            // closing quotation marks and brackets belong to this sentence
            let mut rest = &p[j..];
            while let Some(c) =
                rest.chars().next().filter(|c| matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}'))
            {
                rest = &rest[c.len_utf8()..];
            }
            let end = p.len() - rest.len();
            let ws = rest.len() - rest.trim_start().len();
            let next = rest[ws..].chars().next();
            let abs = para.start + i;
            let inside_quote = quotes.iter().any(|q| q.start < abs && para.start + end < q.end);
            let starts_new = next.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '(')
            });
            if ws > 0 && starts_new && !inside_quote && !(b == b'.' && is_abbreviation(&p[start..i])) {
                out.push(Span::new(para.start + start, para.start + end));
                start = end + ws;
                i = start;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < p.len() {
        out.push(Span::new(para.start + start, para.end));
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(p: &str) -> Vec<&str> {
        split(p, Span::new(0, p.len()), &[]).into_iter().map(|s| &p[s.start..s.end]).collect()
    }

    #[test]
    fn breaks_and_abbreviations() {
        assert_eq!(
            sents("It rained. Then it stopped! Did it? Yes."),
            ["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
        assert_eq!(
            sents("Dr. Ann B. Cole met Cllr. Ray at 10 a.m. today."),
            ["Dr. Ann B. Cole met Cllr. Ray at 10 a.m. today."]
        );
        assert_eq!(
            sents("Costs rose 2.5 per cent. \"We know,\" he said."),
            ["Costs rose 2.5 per cent.", "\"We know,\" he said."]
        );
    }
}
