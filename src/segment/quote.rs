//! Quotation spans: straight and curly, double and single marks, nested
//! quotations, and quotations that run over several paragraphs.
//!
//! A mark opens when it follows white space, an opening bracket, a dash or a
//! colon (or starts the paragraph) and precedes a non-space; it closes when
//! it follows a non-space. An apostrophe between two letters (`it's`,
//! `Council’s`) is neither. An unclosed double quotation ends with its
//! paragraph; an unclosed single one is kept only where a quotation is
//! expected (after a colon, at the start of a paragraph, or when the next
//! paragraph opens with the same mark), since a stray `'` is more often an
//! apostrophe.

use super::Span;

/// Double (`"` `“ ”`) or single (`'` `‘ ’`) marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteMark {
    Double,
    Single,
}

/// One quotation span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// From the opening mark to after the closing mark (or paragraph end).
    pub outer: Span,
    /// The quoted words, marks excluded, trimmed.
    pub inner: Span,
    pub paragraph: usize,
    /// 0 for a top-level quotation, 1 for one nested inside it, …
    pub depth: u8,
    pub mark: QuoteMark,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// The index (in the document's quote list) of the quotation this one
    /// continues: the paragraph before ended inside a quotation, or this
    /// paragraph opens with a quotation straight after one.
    pub continues: Option<usize>,
    /// The quotation opens its paragraph.
    pub opens_paragraph: bool,
}

fn mark_of(c: char) -> Option<(QuoteMark, Option<bool>)> {
    // (type, Some(true) = opening only, Some(false) = closing only, None = either)
    match c {
        '"' | '\u{201F}' => Some((QuoteMark::Double, None)),
        '\u{201C}' | '\u{201E}' => Some((QuoteMark::Double, Some(true))),
        '\u{201D}' => Some((QuoteMark::Double, Some(false))),
        '\'' => Some((QuoteMark::Single, None)),
        '\u{2018}' | '\u{201A}' => Some((QuoteMark::Single, Some(true))),
        '\u{2019}' => Some((QuoteMark::Single, Some(false))),
        _ => None,
    }
}

fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || "([{<-\u{2013}\u{2014}:;/".contains(c) || mark_of(c).is_some(),
    }
}

/// Finds the quotation spans of one paragraph.
pub fn find_quotes(text: &str, para: Span, para_index: usize, next_para: Option<&str>) -> Vec<QuoteSpan> {
    let p = &text[para.start..para.end];
    let mut out: Vec<QuoteSpan> = Vec::new();
    // open marks: (mark type, byte offset of the mark, byte length of the mark)
    let mut stack: Vec<(QuoteMark, usize, usize)> = Vec::new();
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let Some((kind, fixed)) = mark_of(c) else {
            continue;
        };
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let letter_before = prev.is_some_and(|c| c.is_alphanumeric());
        let letter_after = next.is_some_and(|c| c.is_alphanumeric());
        if kind == QuoteMark::Single && letter_before && letter_after {
            continue; // apostrophe: it's, Council’s
        }
        let can_open = fixed != Some(false) && opens_after(prev) && next.is_some_and(|c| !c.is_whitespace());
        let can_close = fixed != Some(true) && prev.is_some_and(|c| !c.is_whitespace());
        let open_of_kind = stack.iter().rposition(|s| s.0 == kind);
        if can_close && open_of_kind.is_some() {
            let Some(pos) = open_of_kind else { continue };
            // Close this kind; anything opened inside it and left open is dropped.
            let (_, at, len) = stack[pos];
            stack.truncate(pos);
            let inner = trim(p, at + len, i);
            if !inner.is_empty() {
                out.push(QuoteSpan {
                    outer: Span::new(para.start + at, para.start + i + c.len_utf8()),
                    inner: Span::new(para.start + inner.start, para.start + inner.end),
                    paragraph: para_index,
                    depth: pos as u8,
                    mark: kind,
                    closed: true,
                    continues: None,
                    opens_paragraph: at == 0,
                });
            }
        } else if can_open {
            // A straight single mark right after a letter's "s" is a plural possessive.
            if kind == QuoteMark::Single && c == '\'' && prev.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            stack.push((kind, i, c.len_utf8()));
        }
    }
    // Marks still open run to the end of the paragraph.
    let next_opens_with = next_para.and_then(|n| n.chars().next()).and_then(mark_of).map(|m| m.0);
    for (depth, &(kind, at, len)) in stack.iter().enumerate() {
        let after_colon = p[..at].trim_end().ends_with(':') || p[..at].trim_end().ends_with(',');
        let keep = kind == QuoteMark::Double || at == 0 || after_colon || next_opens_with == Some(kind);
        if !keep || depth > 0 && stack[depth - 1].0 == kind {
            continue;
        }
        let inner = trim(p, at + len, p.len());
        if inner.is_empty() {
            continue;
        }
        out.push(QuoteSpan {
            outer: Span::new(para.start + at, para.end),
            inner: Span::new(para.start + inner.start, para.start + inner.end),
            paragraph: para_index,
            depth: depth as u8,
            mark: kind,
            closed: false,
            continues: None,
            opens_paragraph: at == 0,
        });
    }
    out.sort_by_key(|q| (q.outer.start, q.depth));
    out
}

/// Links a quotation that opens a paragraph to the last top-level quotation
/// of the paragraph before when that one was left open (the news convention
/// for a quotation running over paragraphs).
pub fn link_continuations(_text: &str, _paragraphs: &[Span], quotes: &mut [QuoteSpan]) {
    for i in 0..quotes.len() {
        if !quotes[i].opens_paragraph || quotes[i].depth != 0 || quotes[i].paragraph == 0 {
            continue;
        }
        let para = quotes[i].paragraph;
        let prev = (0..i)
            .rev()
            .take_while(|&j| quotes[j].paragraph + 1 >= para)
            .find(|&j| quotes[j].paragraph + 1 == para && quotes[j].depth == 0);
        if let Some(j) = prev {
            if !quotes[j].closed {
                quotes[i].continues = Some(j);
            }
        }
    }
}

fn trim(p: &str, start: usize, end: usize) -> Span {
    let s = &p[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return Span::new(start, start);
    }
    Span::new(start + lead, end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(p: &str) -> Vec<(String, u8, bool)> {
        find_quotes(p, Span::new(0, p.len()), 0, None)
            .into_iter()
            .map(|q| (p[q.inner.start..q.inner.end].to_owned(), q.depth, q.closed))
            .collect()
    }

    #[test]
    fn straight_and_curly_double_marks() {
        assert_eq!(quotes("He said: \"We will act.\""), [("We will act.".into(), 0, true)]);
        assert_eq!(
            quotes("It found “grave failings” and \"no plan”."),
            [("grave failings".into(), 0, true), ("no plan".into(), 0, true)]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(quotes("The council’s plan isn't ready, Mr Jones' aide said."), vec![]);
        assert_eq!(quotes("Mr Jones' remarks were 'shameful'."), [("shameful".into(), 0, true)]);
    }

    #[test]
    fn nested_quotation() {
        let q = quotes("She said: ‘The report says ‘real progress’ has been made.’");
        assert_eq!(
            q,
            [("The report says ‘real progress’ has been made.".into(), 0, true), ("real progress".into(), 1, true)]
        );
        let q = quotes("He said: \"They called it 'a disgrace' today.\"");
        assert_eq!(q[1], ("a disgrace".into(), 1, true));
    }

    #[test]
    fn open_quotation_runs_to_paragraph_end() {
        assert_eq!(quotes("She said: \"We will act. We must."), [("We will act. We must.".into(), 0, false)]);
        assert_eq!(quotes("‘We will act and we must."), [("We will act and we must.".into(), 0, false)]);
        // A lone single mark mid-sentence is dropped.
        assert_eq!(quotes("The ‘90s were different for the town."), vec![]);
    }

    #[test]
    fn continuation_links_to_the_open_quotation_before() {
        let text = "He said: \"First part.\n\"Second part.\"";
        let paras = [Span::new(0, 21), Span::new(22, text.len())];
        let mut qs = find_quotes(text, paras[0], 0, Some(&text[22..]));
        qs.extend(find_quotes(text, paras[1], 1, None));
        link_continuations(text, &paras, &mut qs);
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[1].continues, Some(0));
    }
}
