//! Small pieces of HTML for the served pages: escaping, links to terms,
//! and the page frame.

use oxigraph::model::Term;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    crate::markup::escape(s, crate::markup::Controls::Replace)
}

/// Where an IRI is shown: under the served base, as a local path; else as
/// itself.
pub fn href(iri: &str, base: &str) -> String {
    match iri.strip_prefix(base) {
        Some(rest) => format!("/id/{rest}"),
        None => iri.to_owned(),
    }
}

/// The last segment of an IRI (after `#` or `/`).
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// A property's name in words: `calledForResignationOf` → "called for
/// resignation of".
pub fn words(property: &str) -> String {
    let mut out = String::new();
    for c in local_name(property).chars() {
        if c.is_uppercase() && !out.is_empty() {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A term as HTML: an IRI as a link with its label (or its last segment),
/// a literal as text.
pub fn term(t: &Term, label: Option<&str>, base: &str) -> String {
    match t {
        Term::NamedNode(n) => {
            let text = label.unwrap_or_else(|| local_name(n.as_str()));
            format!("<a href=\"{}\">{}</a>", esc(&href(n.as_str(), base)), esc(text))
        }
        Term::Literal(l) => esc(l.value()),
        other => esc(&other.to_string()),
    }
}

/// A whole page: title, body, the search box on top.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t} · councilgraph</title>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>{STYLE}</style></head>\n\
         <body><nav><a href=\"/\">councilgraph</a> <form action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" placeholder=\"Find a person, party, council…\" aria-label=\"name\"> \
         <button>Find</button></form></nav>\n<main>\n{body}\n</main></body></html>\n",
        t = esc(title)
    )
}

const STYLE: &str =
    "body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 60em; padding: 0 1em; line-height: 1.4 }
nav { display: flex; gap: 1em; align-items: center; border-bottom: 1px solid #ddd; padding-bottom: .5em }
nav form { margin-left: auto } .kind { color: #555 } .iri { font-size: 85%; color: #666; word-break: break-all }
blockquote { margin: .3em 0 .2em 1em; padding-left: .8em; border-left: 3px solid #ccc }
.source { font-size: 90%; color: #444 } .sentence { color: #555; font-style: italic }
li { margin-bottom: .5em } h3 { margin-bottom: .2em }";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_links_and_words() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>\u{1b}[31m"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\u{FFFD}[31m"
        );
        let base = "https://w3id.org/councilgraph/id/";
        assert_eq!(href("https://w3id.org/councilgraph/id/person/a-b", base), "/id/person/a-b");
        assert_eq!(href("http://example.org/x", base), "http://example.org/x");
        assert_eq!(words("https://w3id.org/councilgraph/ns#calledForResignationOf"), "called for resignation of");
        assert_eq!(words("http://www.w3.org/ns/org#memberOf"), "member of");
    }
}
