//! HTML pages: the article's main text, one paragraph per block element,
//! with navigation, scripts, adverts and share boxes dropped, and the
//! title, author, date and URL from the page's metadata.

use super::DocMeta;
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

/// True when text starts like an HTML page.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(15).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "figcaption",
    "figure",
    "head",
    "select",
    "input",
    "textarea",
    "canvas",
    "video",
    "audio",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "br",
    "hr",
];
const JUNK_WORDS: &[&str] = &[
    "nav",
    "menu",
    "advert",
    "ad-",
    "ads",
    "cookie",
    "share",
    "social",
    "related",
    "comment",
    "promo",
    "newsletter",
    "subscribe",
    "sidebar",
    "breadcrumb",
    "footer",
    "header",
    "teaser",
    "sponsor",
    "banner",
    "popup",
    "modal",
];

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn is_junk(e: &ElementRef<'_>) -> bool {
    let v = e.value();
    if SKIP_TAGS.contains(&v.name()) || v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    let marks = format!("{} {}", v.attr("class").unwrap_or(""), v.id().unwrap_or("")).to_ascii_lowercase();
    marks.split(|c: char| c.is_whitespace()).any(|token| {
        JUNK_WORDS.iter().any(|w| {
            token == *w
                || token.starts_with(&format!("{w}-"))
                || token.starts_with(&format!("{w}_"))
                || token.ends_with(&format!("-{w}"))
                || (w.ends_with('-') && token.starts_with(w))
        })
    })
}

fn walk(e: ElementRef<'_>, paras: &mut Vec<String>, buf: &mut String) {
    for child in e.children() {
        match child.value() {
            Node::Text(t) => buf.push_str(t),
            Node::Element(_) => {
                let Some(ce) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_junk(&ce) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&ce.value().name());
                if block {
                    flush(paras, buf);
                }
                walk(ce, paras, buf);
                if block {
                    flush(paras, buf);
                }
            }
            _ => {}
        }
    }
}

fn flush(paras: &mut Vec<String>, buf: &mut String) {
    let p = buf.split_whitespace().collect::<Vec<_>>().join(" ");
    if !p.is_empty() {
        paras.push(p);
    }
    buf.clear();
}

fn meta(doc: &Html, selectors: &[&str], attr: &str) -> Option<String> {
    selectors.iter().filter_map(|s| sel(s)).find_map(|s| {
        doc.select(&s).find_map(|e| {
            let v = if attr == "text" { e.text().collect::<String>() } else { e.value().attr(attr)?.to_owned() };
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            (!v.is_empty()).then_some(v)
        })
    })
}

/// Looks for `key` anywhere in a JSON-LD value.
fn json_ld(v: &Value, key: &str) -> Option<String> {
    match v {
        Value::Object(o) => {
            if let Some(x) = o.get(key) {
                let s = match x {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(a) => a.get("name").and_then(Value::as_str).map(str::to_owned),
                    Value::Array(a) => a.first().and_then(|f| match f {
                        Value::String(s) => Some(s.clone()),
                        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_owned),
                        _ => None,
                    }),
                    _ => None,
                };
                if s.is_some() {
                    return s;
                }
            }
            o.values().find_map(|x| json_ld(x, key))
        }
        Value::Array(a) => a.iter().find_map(|x| json_ld(x, key)),
        _ => None,
    }
}

/// The main text (paragraphs separated by a blank line) and metadata.
pub fn extract(html: &str) -> (String, DocMeta) {
    let doc = Html::parse_document(html);
    let root = ["article", "[itemprop=articleBody]", "main", "[role=main]", "body"]
        .iter()
        .filter_map(|s| sel(s))
        .find_map(|s| doc.select(&s).next())
        .unwrap_or_else(|| doc.root_element());
    let mut paras = Vec::new();
    let mut buf = String::new();
    walk(root, &mut paras, &mut buf);
    flush(&mut paras, &mut buf);

    let ld: Vec<Value> = sel("script[type=\"application/ld+json\"]")
        .map(|s| doc.select(&s).filter_map(|e| serde_json::from_str(&e.text().collect::<String>()).ok()).collect())
        .unwrap_or_default();
    let from_ld = |key: &str| ld.iter().find_map(|v| json_ld(v, key));
    let title =
        meta(&doc, &["meta[property=\"og:title\"]"], "content").or_else(|| meta(&doc, &["title", "h1"], "text"));
    let author = meta(&doc, &["meta[name=author]", "meta[property=\"article:author\"]"], "content")
        .or_else(|| meta(&doc, &["[rel=author]", "[itemprop=author]"], "text"))
        .or_else(|| from_ld("author"));
    let date = meta(
        &doc,
        &[
            "meta[property=\"article:published_time\"]",
            "meta[name=date]",
            "meta[name=pubdate]",
            "meta[name=\"dcterms.date\"]",
            "meta[name=\"DC.date.issued\"]",
        ],
        "content",
    )
    .or_else(|| meta(&doc, &["time[datetime]"], "datetime"))
    .or_else(|| from_ld("datePublished"))
    .map(|d| d.chars().take(10).collect::<String>())
    .filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-');
    let url = meta(&doc, &["meta[property=\"og:url\"]", "link[rel=canonical]"], "content")
        .or_else(|| meta(&doc, &["link[rel=canonical]"], "href"));
    (paras.join("\n\n"), DocMeta { title, author, date, url })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_and_metadata() {
        let page = r#"<!DOCTYPE html><html><head><title>Site | Story</title>
<meta property="og:title" content="Council apologises">
<meta name="author" content="Jo Bell">
<meta property="article:published_time" content="2021-05-06T09:00:00Z">
<link rel="canonical" href="https://news.example/story">
<script>var x = "not text";</script></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Council apologises</h1><p>First   paragraph
 of the story.</p><div class="share-buttons">Share on X</div>
<blockquote><p>"A quoted line," she said.</p></blockquote>
<figure><img src="a.jpg"><figcaption>A caption</figcaption></figure>
<p>Last &amp; final.</p></article><footer>Copyright</footer></body></html>"#;
        let (text, meta) = extract(page);
        assert_eq!(
            text,
            "Council apologises\n\nFirst paragraph of the story.\n\n\"A quoted line,\" she said.\n\nLast & final."
        );
        assert_eq!(meta.title.as_deref(), Some("Council apologises"));
        assert_eq!(meta.author.as_deref(), Some("Jo Bell"));
        assert_eq!(meta.date.as_deref(), Some("2021-05-06"));
        assert_eq!(meta.url.as_deref(), Some("https://news.example/story"));
        assert!(looks_like_html("  <!doctype html><p>x"));
    }

    #[test]
    fn json_ld_metadata() {
        let page = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-01-02","author":{"@type":"Person","name":"Sam Reed"}}</script></head><body><p>Text.</p></body></html>"#;
        let (text, meta) = extract(page);
        assert_eq!(text, "Text.");
        assert_eq!(meta.author.as_deref(), Some("Sam Reed"));
        assert_eq!(meta.date.as_deref(), Some("2019-01-02"));
    }
}
