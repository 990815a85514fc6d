//! HTML pages → the article's main text and the page's metadata.
//!
//! Text: the largest `<article>` (else `[itemprop=articleBody]`, `<main>`,
//! `[role=main]`, `<body>`), one paragraph per block element, paragraphs
//! separated by a blank line, whitespace collapsed, entities decoded.
//! Scripts, navigation, headers, footers, forms and elements whose class or id
//! marks them as menus, adverts, cookie banners, share buttons, related links
//! or comments are dropped. Of an article's own header only its `<h1>` is kept.
//!
//! Metadata: title, author, date (`YYYY-MM-DD`) and URL from meta tags,
//! `<title>`, `<time datetime>`, `rel`/`itemprop` markup and JSON-LD.
//!
//! Every walk over the tree uses an explicit stack or `traverse`, never
//! recursion, so a deeply nested page cannot overflow the stack.

use super::meta::{self, clean, iso_date};
use super::DocMeta;
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::node::{Element, Node};
use scraper::{ElementRef, Html};
use serde_json::Value;

/// True when text starts like an HTML page (after whitespace).
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start().as_bytes();
    let starts = |p: &[u8]| head.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    starts(b"<!doctype html") || starts(b"<html")
}

/// Elements that never hold article text.
const NON_CONTENT_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "title", "meta", "link", "select", "input",
    "textarea", "button", "iframe", "canvas", "video", "audio", "object", "embed", "map", "dialog",
];

/// Page furniture, never read (but see [`Mode::Forms`]).
const FURNITURE_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form", "figure", "figcaption", "menu"];

/// Elements that start and end a paragraph.
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
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "tr",
    "td",
    "th",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "center",
    "hgroup",
];

/// Elements whose inside says nothing about the article: their text is not
/// counted when sizing articles and they are not searched for metadata.
const OPAQUE_TAGS: &[&str] = &["script", "style", "noscript", "template", "svg", "math"];

/// Words in a class or id that mark page furniture (a plural `s` is allowed).
const JUNK_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "ad",
    "adslot",
    "adunit",
    "advert",
    "advertisement",
    "advertising",
    "advertorial",
    "dfp",
    "cookie",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "sharebar",
    "social",
    "related",
    "recommended",
    "trending",
    "outbrain",
    "taboola",
    "comment",
    "commenting",
    "disqus",
    "promo",
    "promotion",
    "promoted",
    "sponsor",
    "sponsored",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sidebar",
    "breadcrumb",
    "header",
    "masthead",
    "footer",
    "banner",
    "popup",
    "modal",
    "teaser",
    "skip",
];

/// Whole class tokens that hide text from sighted readers.
const HIDDEN_TOKENS: &[&str] = &["hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text"];

/// Class tokens that describe a state, not a role (`has-sidebar`, `no-ads`).
const STATE_PREFIXES: &[&str] = &["has-", "with-", "no-", "is-", "show-", "hide-"];

/// ARIA roles of page furniture.
const JUNK_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"];

/// The words of a class or id token: split at punctuation, at lower-to-upper
/// case changes and between letters and digits; lower-cased.
fn words(token: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev: Option<char> = None;
    for c in token.chars() {
        let boundary = match prev {
            _ if !c.is_alphanumeric() => true,
            Some(p) => {
                (p.is_lowercase() && c.is_uppercase())
                    || (p.is_alphanumeric() && p.is_alphabetic() != c.is_alphabetic())
            }
            None => false,
        };
        if boundary && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn is_junk_word(w: &str) -> bool {
    JUNK_WORDS.contains(&w) || w.strip_suffix('s').is_some_and(|s| JUNK_WORDS.contains(&s))
}

/// True when a class or id value marks page furniture.
fn marks_junk(value: &str) -> bool {
    value.split_ascii_whitespace().any(|token| {
        let lower = token.to_ascii_lowercase();
        if HIDDEN_TOKENS.contains(&lower.as_str()) {
            return true;
        }
        !STATE_PREFIXES.iter().any(|p| lower.starts_with(p)) && words(token).iter().any(|w| is_junk_word(w))
    })
}

/// True when the markup hides the element or says it is furniture.
fn marked_junk(e: &Element) -> bool {
    let attr = |a: &str| e.attr(a).unwrap_or("");
    e.attr("hidden").is_some()
        || attr("aria-hidden").eq_ignore_ascii_case("true")
        || JUNK_ROLES.iter().any(|r| attr("role").eq_ignore_ascii_case(r))
        || attr("style").split(';').any(|d| {
            let d: String = d.chars().filter(|c| !c.is_whitespace()).collect();
            d.eq_ignore_ascii_case("display:none") || d.eq_ignore_ascii_case("visibility:hidden")
        })
        || marks_junk(attr("class"))
        || marks_junk(attr("id"))
}

/// True for a header: `<header>`, `role=banner`, or a class or id saying so.
fn is_header(e: &Element) -> bool {
    e.name() == "header"
        || e.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("banner"))
        || [e.attr("class"), e.attr("id")]
            .into_iter()
            .flatten()
            .any(|v| v.split_ascii_whitespace().any(|t| words(t).iter().any(|w| w == "header" || w == "masthead")))
}

/// How strictly the walk drops things.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Drop furniture tags and marked elements; keep an article header's `<h1>`.
    Article,
    /// The same, but a header is dropped whole (the root is not an article).
    Page,
    /// As `Page`, but forms are read (some sites wrap the whole page in one).
    Forms,
}

/// Paragraphs being built.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    buf: String,
    /// `<br>`s since the last visible text; two or more end a paragraph.
    breaks: u32,
}

impl Paragraphs {
    fn text(&mut self, t: &str) {
        if t.chars().any(|c| !c.is_whitespace()) {
            if self.breaks >= 2 {
                self.flush();
            }
            self.breaks = 0;
        }
        self.buf.push_str(t);
    }

    fn line_break(&mut self) {
        self.breaks = self.breaks.saturating_add(1);
        self.buf.push(' ');
    }

    fn flush(&mut self) {
        if let Some(p) = clean(&self.buf) {
            self.done.push(p);
        }
        self.buf.clear();
        self.breaks = 0;
    }

    /// A whole paragraph given at once.
    fn push(&mut self, paragraph: &str) {
        self.flush();
        self.buf.push_str(paragraph);
        self.flush();
    }
}

enum Step<'a> {
    Enter(NodeRef<'a, Node>),
    EndBlock,
}

/// The text of `root` as paragraphs joined by blank lines.
fn text_of(root: ElementRef<'_>, mode: Mode) -> String {
    let mut out = Paragraphs::default();
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::EndBlock => {
                out.flush();
                continue;
            }
            Step::Enter(node) => node,
        };
        let e = match node.value() {
            Node::Text(t) => {
                out.text(t);
                continue;
            }
            Node::Element(e) => e,
            _ => continue,
        };
        let name = e.name();
        if NON_CONTENT_TAGS.contains(&name) {
            continue;
        }
        if name == "br" {
            out.line_break();
            continue;
        }
        if node.id() != root.id() {
            if is_header(e) {
                if mode == Mode::Article {
                    // The first one only: text of nested h1s would be read twice.
                    let h1 = node.descendants().filter_map(ElementRef::wrap).find(|h| h.value().name() == "h1");
                    if let Some(h1) = h1 {
                        out.push(&h1.text().collect::<String>());
                    }
                }
                continue;
            }
            let furniture = FURNITURE_TAGS.contains(&name) && !(mode == Mode::Forms && name == "form");
            if furniture || marked_junk(e) {
                continue;
            }
        }
        if BLOCK_TAGS.contains(&name) {
            out.flush();
            stack.push(Step::EndBlock);
        }
        stack.extend(node.children().rev().map(Step::Enter));
    }
    out.flush();
    out.done.join("\n\n")
}

/// What one pass over the page finds: where the article is, and metadata.
#[derive(Default)]
struct Scan<'a> {
    /// Outermost `<article>`s with the length of the text inside each.
    articles: Vec<(ElementRef<'a>, usize)>,
    article_body: Option<ElementRef<'a>>,
    main: Option<ElementRef<'a>>,
    role_main: Option<ElementRef<'a>>,
    body: Option<ElementRef<'a>>,
    /// `(key, content)` of each `<meta>`: the lower-cased name, property or itemprop.
    metas: Vec<(String, String)>,
    // The first element of each kind (only the first: reading the text of
    // every one could take quadratic time when they nest).
    title: Option<ElementRef<'a>>,
    h1: Option<ElementRef<'a>>,
    rel_author: Option<ElementRef<'a>>,
    itemprop_author: Option<ElementRef<'a>>,
    canonical: Option<String>,
    json_ld: Vec<Value>,
}

fn scan(doc: &Html) -> Scan<'_> {
    let mut s = Scan::default();
    let mut article_depth = 0usize;
    let mut opaque_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(t) = node.value().as_text() {
                    if article_depth > 0 && opaque_depth == 0 {
                        if let Some(a) = s.articles.last_mut() {
                            a.1 += t.trim().len();
                        }
                    }
                    continue;
                }
                let Some(el) = ElementRef::wrap(node) else { continue };
                let name = el.value().name();
                if opaque_depth == 0 {
                    if name == "article" {
                        if article_depth == 0 {
                            s.articles.push((el, 0));
                        }
                        article_depth += 1;
                    }
                    s.note(el, name);
                }
                if OPAQUE_TAGS.contains(&name) {
                    opaque_depth += 1;
                }
            }
            Edge::Close(node) => {
                if let Some(e) = node.value().as_element() {
                    let name = e.name();
                    if OPAQUE_TAGS.contains(&name) {
                        opaque_depth = opaque_depth.saturating_sub(1);
                    }
                    if name == "article" && opaque_depth == 0 {
                        article_depth = article_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    s
}

impl<'a> Scan<'a> {
    /// Records what one element (outside scripts, SVG and the like) tells.
    fn note(&mut self, el: ElementRef<'a>, name: &str) {
        let e = el.value();
        let attr_is = |a: &str, v: &str| e.attr(a).is_some_and(|x| x.trim().eq_ignore_ascii_case(v));
        let has_rel =
            |v: &str| e.attr("rel").is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case(v)));
        match name {
            "meta" => {
                if let Some(content) = e.attr("content") {
                    for key in ["name", "property", "itemprop"].into_iter().filter_map(|k| e.attr(k)) {
                        self.metas.push((key.trim().to_ascii_lowercase(), content.to_owned()));
                    }
                }
            }
            "title" if self.title.is_none() => self.title = Some(el),
            "h1" if self.h1.is_none() => self.h1 = Some(el),
            "body" if self.body.is_none() => self.body = Some(el),
            "main" if self.main.is_none() => self.main = Some(el),
            "script" if attr_is("type", "application/ld+json") => {
                if let Ok(v) = serde_json::from_str::<Value>(&el.text().collect::<String>()) {
                    self.json_ld.push(v);
                }
            }
            "link" if self.canonical.is_none() && has_rel("canonical") => {
                self.canonical = e.attr("href").and_then(absolute_url);
            }
            _ => {}
        }
        if name != "link" && name != "meta" {
            if self.rel_author.is_none() && has_rel("author") {
                self.rel_author = Some(el);
            }
            if self.itemprop_author.is_none() && attr_is("itemprop", "author") {
                self.itemprop_author = Some(el);
            }
        }
        if self.article_body.is_none() && attr_is("itemprop", "articleBody") {
            self.article_body = Some(el);
        }
        if self.role_main.is_none() && attr_is("role", "main") {
            self.role_main = Some(el);
        }
    }

    /// The first usable `<meta content>` for the keys, in the keys' order.
    fn meta(&self, keys: &[&str], usable: impl Fn(&str) -> Option<String>) -> Option<String> {
        keys.iter().find_map(|k| self.metas.iter().filter(|(key, _)| key == k).find_map(|(_, v)| usable(v)))
    }

    /// Values of `key` in the page's JSON-LD blocks, block by block.
    fn json_ld<'s>(&'s self, key: &'s str) -> impl Iterator<Item = String> + 's {
        self.json_ld.iter().filter_map(move |v| json_ld(v, key))
    }
}

/// An element's text, whitespace collapsed.
fn text_in(e: Option<ElementRef<'_>>) -> Option<String> {
    clean(&e?.text().collect::<String>())
}

/// An absolute http(s) URL, trimmed; a relative one says nothing on its own.
fn absolute_url(u: &str) -> Option<String> {
    let u = u.trim();
    let scheme = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (scheme.starts_with("http://") || scheme.starts_with("https://")).then(|| u.to_owned())
}

/// The first value of `key` in a JSON-LD document, looking at an object's
/// own keys before its children's; a person is read through `name`.
fn json_ld(v: &Value, key: &str) -> Option<String> {
    fn value(x: &Value) -> Option<String> {
        match x {
            Value::String(s) => clean(s),
            Value::Object(o) => o.get("name").and_then(value),
            Value::Array(a) => a.iter().find_map(value),
            _ => None,
        }
    }
    // An explicit stack, though serde_json already caps nesting at 128 levels.
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => {
                if let Some(found) = o.get(key).and_then(value) {
                    return Some(found);
                }
                stack.extend(o.values().rev());
            }
            Value::Array(a) => stack.extend(a.iter().rev()),
            _ => {}
        }
    }
    None
}

/// Where the article text is, in order of preference.
fn root<'a>(s: &Scan<'a>, doc: &'a Html) -> (ElementRef<'a>, Mode) {
    // The largest outermost article; the first of equals.
    let mut best: Option<(ElementRef<'a>, usize)> = None;
    for &(e, n) in &s.articles {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((e, n));
        }
    }
    if let Some((a, _)) = best {
        return (a, Mode::Article);
    }
    if let Some(a) = s.article_body {
        return (a, Mode::Article);
    }
    let page = s.main.or(s.role_main).or(s.body).unwrap_or_else(|| doc.root_element());
    (page, Mode::Page)
}

/// The main text (paragraphs separated by a blank line) and metadata, or
/// why the page was not read.
pub fn extract(html: &str) -> Result<(String, DocMeta), String> {
    let work = tree_work(html);
    if work > MAX_TREE_WORK {
        return Err(format!(
            "HTML nested too deeply to parse in reasonable time (about {} million steps, limit {} million)",
            work / 1_000_000,
            MAX_TREE_WORK / 1_000_000
        ));
    }
    let doc = Html::parse_document(html);
    let s = scan(&doc);
    let (root, mode) = root(&s, &doc);
    let body = s.body.unwrap_or_else(|| doc.root_element());
    // When the chosen part gives nothing, widen: the whole body, then the body
    // with its forms.
    let text = [(root, mode), (body, Mode::Page), (body, Mode::Forms)]
        .into_iter()
        .map(|(r, m)| text_of(r, m))
        .find(|t| !t.is_empty())
        .unwrap_or_default();

    let title = s.meta(&["og:title"], clean).or_else(|| text_in(s.title)).or_else(|| text_in(s.h1));
    let author = s
        .meta(&["author", "article:author"], meta::author)
        .or_else(|| text_in(s.rel_author).and_then(|a| meta::author(&a)))
        .or_else(|| text_in(s.itemprop_author).and_then(|a| meta::author(&a)))
        .or_else(|| s.json_ld("author").find_map(|a| meta::author(&a)));
    let time_in_root = || {
        root.descendants()
            .filter_map(|n| n.value().as_element())
            .filter(|e| e.name() == "time")
            .find_map(|e| e.attr("datetime").and_then(iso_date))
    };
    let date = s
        .meta(&["article:published_time", "date", "pubdate", "dcterms.date", "dc.date.issued"], iso_date)
        .or_else(time_in_root)
        .or_else(|| s.json_ld("datePublished").find_map(|d| iso_date(&d)))
        .or_else(|| s.meta(&["datepublished"], iso_date));
    let url = s.meta(&["og:url"], absolute_url).or_else(|| s.canonical.clone());
    Ok((text, DocMeta { title, author, date, url }))
}

/// The most tree-building work [`extract`] takes on, in [`tree_work`]'s
/// units (about a second of parsing).
const MAX_TREE_WORK: u64 = 250_000_000;

/// Elements that add no depth: void elements, those whose end tag may be
/// left out, and `a` and `nobr` (the parser closes them itself when another
/// one opens).
const FLAT_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "frame", "image", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rp", "rt", "rtc",
    "tbody", "thead", "tfoot", "colgroup", "caption", "html", "head", "body", "a", "nobr",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT_TAGS: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// A cheap, linear estimate of the HTML parser's work: the sum over start
/// tags of the nesting depth at that tag. html5ever, like the standard's tree
/// builder, scans the stack of open elements for many start tags, so a page
/// nested a hundred thousand levels deep costs it minutes; real pages nest
/// a few dozen levels.
fn tree_work(html: &str) -> u64 {
    let b = html.as_bytes();
    let find = |from: usize, pat: &[u8]| -> Option<usize> {
        b.get(from..)?.windows(pat.len()).position(|w| w.eq_ignore_ascii_case(pat)).map(|i| from + i)
    };
    let (mut i, mut depth, mut work) = (0usize, 0u64, 0u64);
    while let Some(lt) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        i += lt + 1;
        if b.get(i..).is_some_and(|r| r.starts_with(b"!--")) {
            match find(i + 3, b"-->") {
                Some(end) => i = end + 3,
                None => break,
            }
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let start = i;
        while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
            i += 1;
        }
        let name = &b[start..i];
        if !name.first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let Some(gt) = b[i..].iter().position(|&c| c == b'>').map(|g| i + g) else { break };
        let self_closing = b[gt - 1] == b'/';
        i = gt + 1;
        let is = |list: &[&str]| list.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
        let flat = self_closing || is(FLAT_TAGS);
        if closing {
            if !flat {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        work = work.saturating_add(depth);
        if is(RAW_TEXT_TAGS) {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(name);
            match find(i, &end_tag) {
                Some(end) => i = end + end_tag.len(),
                None => break,
            }
        } else if name.eq_ignore_ascii_case(b"plaintext") {
            break;
        } else if !flat {
            depth += 1;
        }
    }
    work
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(page: &str) -> (String, DocMeta) {
        super::extract(page).unwrap_or_else(|e| panic!("{e}"))
    }

    fn text(page: &str) -> String {
        extract(page).0
    }

    #[test]
    fn html_is_recognised_by_its_start() {
        assert!(looks_like_html("  \n<!DOCTYPE html><p>x"));
        assert!(looks_like_html("<html lang=en>"));
        assert!(looks_like_html("<HTML>"));
        assert!(!looks_like_html("<p>Just a fragment</p>"));
        assert!(!looks_like_html("The <html> tag"));
        assert!(!looks_like_html("<!doc"));
    }

    #[test]
    fn one_paragraph_per_block_whitespace_collapsed_entities_decoded() {
        let page = "<html><body><h2>Sub  heading</h2><p>First\n   line &amp; <em>more</em>.</p>\
                    <ul><li>One</li><li>Two &#8211; two</li></ul><blockquote>Quoted &ldquo;words&rdquo;</blockquote>\
                    <div>Direct text<p>Inner para</p>tail</div><pre>a   b\n c</pre></body></html>";
        assert_eq!(
            text(page),
            "Sub heading\n\nFirst line & more.\n\nOne\n\nTwo – two\n\nQuoted “words”\n\nDirect text\n\nInner para\n\ntail\n\na b c"
        );
    }

    #[test]
    fn furniture_and_scripts_are_dropped() {
        let page = r#"<html><head><style>p{}</style></head><body>
            <header>Site name</header><nav>Home | News</nav>
            <script>var a = 1;</script><noscript>Enable JS</noscript><template><p>T</p></template>
            <svg><text>Logo</text></svg><form><p>Search</p></form><iframe src="x"></iframe>
            <button>Click</button><aside>Aside</aside>
            <p>Kept one.</p>
            <div class="cookie-banner">We use cookies</div><div id="main-menu">Menu</div>
            <div class="ad-slot">Buy</div><div class="advert">Buy</div><div class="ads">Buy</div>
            <div class="socialShare">Tweet</div><ul class="share-buttons"><li>Facebook</li></ul>
            <section class="related-articles"><p>Other story</p></section>
            <div id="comments"><p>First!</p></div><div class="promo-box">Offer</div>
            <div class="newsletter-signup">Sign up</div><div class="subscribe">Subscribe</div>
            <div class="sidebar">Side</div><ol class="breadcrumbs"><li>Home</li></ol>
            <div class="navigation">Nav</div><div class="navbar">Nav</div>
            <div role="navigation">Nav</div><div hidden>Hidden</div><span class="sr-only">Opens in new window</span>
            <div style="display: none">Invisible</div>
            <p>Kept two.</p><footer>Copyright</footer></body></html>"#;
        assert_eq!(text(page), "Kept one.\n\nKept two.");
    }

    #[test]
    fn class_words_are_matched_as_words() {
        let keep = ["headline", "shared-content", "commentary", "load-more", "has-sidebar", "no-ads", "lead", "badge"];
        for class in keep {
            let page = format!("<html><body><div class=\"{class}\">Kept.</div></body></html>");
            assert_eq!(text(&page), "Kept.", "{class}");
        }
        let drop = ["ad", "ad-300x250", "adUnit", "top_ad", "comments-area", "cookieConsent", "menus", "Sidebar"];
        for class in drop {
            let page = format!("<html><body><p>Kept.</p><div class=\"{class}\">Dropped.</div></body></html>");
            assert_eq!(text(&page), "Kept.", "{class}");
        }
    }

    #[test]
    fn the_article_is_preferred_to_the_rest_of_the_body() {
        let page = "<html><body><p>Outside.</p><article><p>Inside.</p></article><div>Also outside.</div></body></html>";
        assert_eq!(text(page), "Inside.");
        let page = "<html><body><p>Outside.</p><div itemprop=\"articleBody\"><p>Body.</p></div></body></html>";
        assert_eq!(text(page), "Body.");
        let page = "<html><body><p>Outside.</p><main><p>Main.</p></main></body></html>";
        assert_eq!(text(page), "Main.");
    }

    #[test]
    fn of_several_articles_the_largest_wins() {
        let page = "<html><body><article><p>Teaser.</p></article>\
                    <article><p>The real story, which is longer.</p><article><p>Nested card.</p></article></article>\
                    </body></html>";
        assert_eq!(text(page), "The real story, which is longer.\n\nNested card.");
    }

    #[test]
    fn the_title_is_kept_only_as_the_articles_own_h1() {
        let page = "<html><head><title>Page title</title></head><body><header><h1>Site</h1></header>\
                    <article><header class=\"entry-header\"><h1>Story  title</h1><p class=\"byline\">By Jo</p></header>\
                    <p>Story text.</p></article></body></html>";
        let (t, m) = extract(page);
        assert_eq!(t, "Story title\n\nStory text.");
        assert_eq!(m.title.as_deref(), Some("Page title"));
        // Without an article, the site's header (and its h1) goes.
        let page = "<html><head><title>Page title</title></head><body><header><h1>Site</h1></header>\
                    <p>Story text.</p></body></html>";
        assert_eq!(text(page), "Story text.");
    }

    #[test]
    fn line_breaks_join_but_two_in_a_row_split() {
        let page = "<html><body><p>Line one<br>line two</p><div>Para A<br><br>\n<br>Para B</div></body></html>";
        assert_eq!(text(page), "Line one line two\n\nPara A\n\nPara B");
    }

    #[test]
    fn when_the_article_gives_nothing_the_body_and_then_its_forms_are_read() {
        let page = "<html><body><form id=\"aspnetForm\"><p>All the text.</p></form></body></html>";
        assert_eq!(text(page), "All the text.");
        let page = "<html><body><article><img src=a.jpg></article><p>Elsewhere.</p></body></html>";
        assert_eq!(text(page), "Elsewhere.");
        let page = "<html><body><nav>Menu</nav><form><p>Only a form.</p></form></body></html>";
        assert_eq!(text(page), "Only a form.");
    }

    #[test]
    fn metadata_from_meta_tags() {
        let page = r#"<!DOCTYPE html><html><head><title>Site | Story</title>
            <meta property="og:title" content="Council  apologises">
            <meta name="author" content="Jo Bell">
            <meta property="article:published_time" content="2021-05-06T09:00:00Z">
            <meta property="og:url" content="https://news.example/story">
            <link rel="canonical" href="https://news.example/canonical"></head>
            <body><p>Text.</p></body></html>"#;
        let (_, m) = extract(page);
        assert_eq!(
            m,
            DocMeta {
                title: Some("Council apologises".into()),
                author: Some("Jo Bell".into()),
                date: Some("2021-05-06".into()),
                url: Some("https://news.example/story".into()),
            }
        );
    }

    #[test]
    fn metadata_fallbacks() {
        let meta = |head: &str, body: &str| extract(&format!("<html><head>{head}</head><body>{body}</body></html>")).1;
        assert_eq!(meta("", "<h1>Heading</h1>").title.as_deref(), Some("Heading"));
        assert_eq!(meta("<title> T </title>", "<h1>H</h1>").title.as_deref(), Some("T"));
        let m = meta(
            "<meta property=\"article:author\" content=\"https://fb.example/jo\">",
            "<a rel=\"author\">By Ann Lee</a>",
        );
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        let m = meta("", "<span itemprop=\"author\"><span itemprop=\"name\">Kim Ford</span></span>");
        assert_eq!(m.author.as_deref(), Some("Kim Ford"));
        for name in ["date", "pubdate", "dcterms.date", "DC.date.issued"] {
            let m = meta(&format!("<meta name=\"{name}\" content=\"2020-01-31\">"), "");
            assert_eq!(m.date.as_deref(), Some("2020-01-31"), "{name}");
        }
        assert_eq!(meta("<meta name=\"date\" content=\"31/01/2020\">", "").date, None);
        let m = meta(
            "",
            "<time datetime=\"2019-12-01T10:00\">1 Dec</time><article><p>x <time datetime=\"2018-03-04\">then</time></p></article>",
        );
        assert_eq!(m.date.as_deref(), Some("2018-03-04"));
        let m = meta("<link rel=\"canonical\" href=\"https://n.example/a\">", "");
        assert_eq!(m.url.as_deref(), Some("https://n.example/a"));
        assert_eq!(meta("<link rel=\"canonical\" href=\"/a\">", "").url, None);
    }

    #[test]
    fn metadata_from_json_ld() {
        let page = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Example"},
            {"@type":"NewsArticle","datePublished":"2019-01-02T08:00:00Z","author":[{"@type":"Person","name":"Sam Reed"}]}]}
            </script><script type="application/ld+json">{ not json</script></head><body><p>Text.</p></body></html>"#;
        let (t, m) = extract(page);
        assert_eq!(t, "Text.");
        assert_eq!(m.author.as_deref(), Some("Sam Reed"));
        assert_eq!(m.date.as_deref(), Some("2019-01-02"));
    }

    #[test]
    fn deeply_nested_pages_are_refused_quickly() {
        let nested = |open: &str, n: usize| format!("<html><body>{}x", open.repeat(n));
        for page in [
            nested("<div>", 100_000),
            nested("<article>", 100_000),
            nested("<header>", 100_000),
            nested("<ul><li>", 100_000),
            nested("<b><div>", 50_000),
        ] {
            let t = std::time::Instant::now();
            let r = super::extract(&page);
            assert!(r.as_ref().is_err_and(|e| e.starts_with("HTML nested too deeply")), "{:?}", r.map(|_| ()));
            assert!(t.elapsed().as_secs() < 5);
        }
    }

    #[test]
    fn wide_pages_and_flat_or_closed_tags_cost_little() {
        assert_eq!(tree_work("<p>a<p>b<li>c<br><img src=x><td>"), 0);
        assert_eq!(tree_work("<div>a</div><div>b</div>"), 0);
        assert_eq!(tree_work("<div><div><span>x</span></div></div>"), 1 + 2);
        assert_eq!(tree_work("<div><svg><path/><path/></svg></div>"), 1 + 2 + 2);
        assert_eq!(tree_work("<div><!-- <div><div> --><script>if (a<b) { x('<div>') }</script><div>"), 1 + 1);
        assert_eq!(tree_work("<div><textarea><div><div></TEXTAREA><div>"), 1 + 1);
        assert_eq!(tree_work("< div> <3 <!-- unclosed <div>"), 0);
        assert_eq!(tree_work(&"<a href=x>y".repeat(1000)), 0);
        let wide = format!("<html><body>{}", "<div><span>x</span> <b>y</b></div>".repeat(300_000));
        assert!(wide.len() > 10_000_000);
        assert!(tree_work(&wide) < MAX_TREE_WORK);
        for bytes in ["<", "</", "<a", "<a ", "<!--", "<script>", "<plaintext><div>", "<a/"] {
            let _ = tree_work(bytes);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        // On a thread with a small stack: every walk must be iterative.
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let depth = 5_000;
                let page = format!("<html><body>{}deep{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
                text(&page)
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(handle.join().unwrap_or_default(), "deep");
    }
}
