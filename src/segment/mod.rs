//! Segment: a document's text → paragraphs, sentences and quotation spans,
//! all as byte ranges into the text.
//!
//! Page furniture (adverts, teasers, "Click here", captions) is left out of
//! the paragraphs, so no later stage reads facts from it.

mod furniture;
mod paragraph;
mod quote;
mod sentence;
pub mod text;

pub use quote::{QuoteMark, QuoteSpan};

/// A byte range `start..end` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub fn contains(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }
    pub fn covers(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// A sentence, inside one paragraph. Sentence breaks are not made inside a
/// quotation, so `He said: "A. B."` is one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// A segmented document.
#[derive(Debug, Clone)]
pub struct Segmented<'a> {
    pub text: &'a str,
    /// Paragraphs of article text, furniture left out, in order.
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// Quotation spans in text order (outer before the quotes nested in it).
    pub quotes: Vec<QuoteSpan>,
}

/// Segments a document's text.
pub fn segment(text: &str) -> Segmented<'_> {
    let lines = paragraph::paragraphs(text);
    let paragraphs = furniture::drop_furniture(text, lines);
    let mut quotes = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let next_start = paragraphs.get(i + 1).map(|n| &text[n.start..n.end]);
        quotes.extend(quote::find_quotes(text, *p, i, next_start));
    }
    quote::link_continuations(text, &paragraphs, &mut quotes);
    let mut sentences = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let a = quotes.partition_point(|q| q.paragraph < i);
        let b = quotes.partition_point(|q| q.paragraph <= i);
        let top: Vec<Span> = quotes[a..b].iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
        sentences.extend(sentence::split(text, *p, &top).into_iter().map(|span| Sentence { span, paragraph: i }));
    }
    Segmented { text, paragraphs, sentences, quotes }
}

impl Segmented<'_> {
    /// The text of a span.
    pub fn slice(&self, s: Span) -> &str {
        &self.text[s.start..s.end]
    }

    /// The index of the sentence holding byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        self.sentences.get(i).filter(|s| s.span.start <= pos).map(|_| i)
    }

    /// The sentences of paragraph `p`, as a range of indices.
    pub fn sentences_of(&self, p: usize) -> std::ops::Range<usize> {
        let a = self.sentences.partition_point(|s| s.paragraph < p);
        let b = self.sentences.partition_point(|s| s.paragraph <= p);
        a..b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sentence_around_a_quotation() {
        let text = "He said: \"It works. It really does.\" Then he left. Mr. Smith stayed.";
        let s = segment(text);
        let sents: Vec<&str> = s.sentences.iter().map(|x| s.slice(x.span)).collect();
        assert_eq!(sents, ["He said: \"It works. It really does.\"", "Then he left.", "Mr. Smith stayed."]);
        assert_eq!(s.quotes.len(), 1);
        assert_eq!(s.slice(s.quotes[0].inner), "It works. It really does.");
    }

    #[test]
    fn spans_are_on_char_boundaries_for_any_text() {
        for text in ["‘Déjà vu’, she said. “Ça va?” — oui.", "\u{0}\u{feff}''\"\"", "“", "’’’ ‘‘‘"]
        {
            let s = segment(text);
            for q in &s.quotes {
                assert!(text.is_char_boundary(q.inner.start) && text.is_char_boundary(q.inner.end));
            }
            for x in &s.sentences {
                assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
            }
        }
    }
}
