//! Paragraphs: one per line, except that hard-wrapped lines (a line that
//! stops mid-sentence and is followed by a lower-case continuation) are
//! joined.

use super::Span;

/// The non-blank paragraphs of `text`, trimmed of surrounding white space.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut lines: Vec<Span> = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push(Span::new(start, i));
            start = i + 1;
        }
    }
    lines.push(Span::new(start, text.len()));
    let lines: Vec<Span> = lines.into_iter().filter_map(|l| trim(text, l)).collect();

    let mut out: Vec<Span> = Vec::new();
    let mut last_end = 0;
    for l in lines {
        let gap = &text[last_end..l.start];
        let blank_gap = gap.matches('\n').count() >= 2;
        if let Some(p) = out.last_mut() {
            if !blank_gap && is_soft_wrap(&text[p.start..p.end], &text[l.start..l.end]) {
                p.end = l.end;
                last_end = l.end;
                continue;
            }
        }
        out.push(l);
        last_end = l.end;
    }
    out
}

/// A line that ends without closing punctuation and is followed by one that
/// starts in lower case continues the same paragraph.
fn is_soft_wrap(prev: &str, next: &str) -> bool {
    let ends_open = prev.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == ',');
    let next_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    ends_open && next_lower && prev.chars().count() > 40
}

fn trim(text: &str, s: Span) -> Option<Span> {
    let t = &text[s.start..s.end];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    let span = Span::new(s.start + lead, s.end - trail);
    (!span.is_empty() && span.start < span.end).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        paragraphs(t).into_iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn lines_and_blank_lines() {
        assert_eq!(texts("A.\nB.\n\n  C.  \n"), ["A.", "B.", "C."]);
        assert_eq!(texts("\r\n\n"), Vec::<&str>::new());
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let t = "The committee met on Monday evening and agreed that the\nreport should be published.\nNext paragraph.";
        assert_eq!(
            texts(t),
            ["The committee met on Monday evening and agreed that the\nreport should be published.", "Next paragraph."]
        );
    }
}
