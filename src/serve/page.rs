//! The page at `/`: a query box and the canned queries of `queries/`.

const QUERIES: &[(&str, &str)] = &[
    ("quotes-by-person", include_str!("../../queries/quotes-by-person.rq")),
    ("quotes-by-party", include_str!("../../queries/quotes-by-party.rq")),
    ("councils-by-grade", include_str!("../../queries/councils-by-grade.rq")),
    ("posts", include_str!("../../queries/posts.rq")),
    ("opposition-critics", include_str!("../../queries/opposition-critics.rq")),
    ("people-by-party", include_str!("../../queries/people-by-party.rq")),
    ("resignation-calls", include_str!("../../queries/resignation-calls.rq")),
    ("documents-mentioning-council", include_str!("../../queries/documents-mentioning-council.rq")),
    ("councillors-by-council", include_str!("../../queries/councillors-by-council.rq")),
    ("most-quoted", include_str!("../../queries/most-quoted.rq")),
    ("article-dates", include_str!("../../queries/article-dates.rq")),
    ("council-control", include_str!("../../queries/council-control.rq")),
];

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The HTML page.
pub fn index() -> String {
    let mut options = String::new();
    for (name, text) in QUERIES {
        options.push_str(&format!("<option value=\"{}\">{}</option>\n", html_escape(text), html_escape(name)));
    }
    include_str!("index.html").replace("{{OPTIONS}}", &options).replace("{{FIRST}}", &html_escape(QUERIES[0].1))
}
