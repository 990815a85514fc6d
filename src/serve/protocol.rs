//! The SPARQL 1.1 Protocol: routing, reading the operation and its dataset
//! from a request, and the checks an update must pass.

use super::execute::{self, Dataset};
use super::http::Request;
use super::negotiate::{self, Format};
use super::reply::Reply;
use super::{description, entity, page, Shared};

/// An operation read from a request.
enum Operation {
    Query(String),
    Update(String),
    /// `GET /sparql` without a query: the service description.
    Describe,
}

/// Parameters of the request: the query string, then a form body.
struct Params(Vec<(String, String)>);

impl Params {
    fn one(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }
}

/// Answers one request.
pub fn respond(shared: &Shared, request: &Request) -> Reply {
    let method = request.method.to_ascii_uppercase();
    if method == "OPTIONS" {
        return preflight();
    }
    let path = request.path();
    match path {
        "/" | "/index.html" => match method.as_str() {
            "GET" | "HEAD" => Reply::new(200, "text/html; charset=utf-8", page::index(&shared.settings.base)),
            _ => not_allowed(&method, "GET, HEAD"),
        },
        "/sparql" | "/query" | "/update" => sparql(shared, request, &method),
        "/search" => match method.as_str() {
            "GET" | "HEAD" => entity::search(shared, request),
            _ => not_allowed(&method, "GET, HEAD"),
        },
        p if p.starts_with("/id/") => match method.as_str() {
            "GET" | "HEAD" => entity::reply(shared, request),
            _ => not_allowed(&method, "GET, HEAD"),
        },
        _ => Reply::text(404, format!("no such page {}: the SPARQL endpoint is /sparql", clean(path))),
    }
}

fn preflight() -> Reply {
    Reply::new(204, "text/plain", Vec::new())
        .with_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
        .with_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        .with_header("Access-Control-Max-Age", "600")
}

fn not_allowed(method: &str, allow: &str) -> Reply {
    Reply::text(405, format!("method {} not allowed here: use {allow}", clean(method))).with_header("Allow", allow)
}

/// Text from a request, safe to echo: no control characters, not too long.
pub fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(200).collect()
}

fn sparql(shared: &Shared, request: &Request, method: &str) -> Reply {
    let mut params = Params(form_pairs(request.query_string()));
    let op = match method {
        "GET" | "HEAD" => match (params.one("query"), params.one("update")) {
            (Some(q), _) => Operation::Query(q.to_owned()),
            (None, Some(_)) => return Reply::text(405, "updates must be sent with POST").with_header("Allow", "POST"),
            (None, None) => Operation::Describe,
        },
        "POST" => match from_body(request, &mut params) {
            Ok(op) => op,
            Err(reply) => return reply,
        },
        _ => return not_allowed(method, "GET, HEAD, POST"),
    };
    match op {
        Operation::Describe => description::reply(shared, request),
        Operation::Update(u) => update(shared, request, &params, &u),
        Operation::Query(q) => {
            let dataset = Dataset {
                default: params.all("default-graph-uri").into_iter().map(str::to_owned).collect(),
                named: params.all("named-graph-uri").into_iter().map(str::to_owned).collect(),
            };
            let formats = params.all("format");
            execute::query(shared, &q, &dataset, &formats, request.header("accept"))
        }
    }
}

/// The operation in a POST body (form parameters join `params`).
fn from_body(request: &Request, params: &mut Params) -> Result<Operation, Reply> {
    let body =
        String::from_utf8(request.body.clone()).map_err(|_| Reply::text(400, "the request body is not UTF-8"))?;
    let ctype = request.header("content-type").unwrap_or("");
    let ctype = ctype.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match ctype.as_str() {
        "application/sparql-query" => Ok(Operation::Query(body)),
        "application/sparql-update" => Ok(Operation::Update(body)),
        "application/x-www-form-urlencoded" | "" => {
            params.0.extend(form_pairs(&body));
            match (params.one("query"), params.one("update")) {
                (Some(q), None) => Ok(Operation::Query(q.to_owned())),
                (None, Some(u)) => Ok(Operation::Update(u.to_owned())),
                (Some(_), Some(_)) => Err(Reply::text(400, "send either a query or an update, not both")),
                (None, None) => Err(Reply::text(400, "missing the query or update parameter")),
            }
        }
        other => Err(Reply::text(
            415,
            format!(
                "unsupported Content-Type {}: use application/sparql-query, application/sparql-update or a form",
                clean(other)
            ),
        )),
    }
}

fn update(shared: &Shared, request: &Request, params: &Params, update: &str) -> Reply {
    if !shared.settings.allow_update {
        return Reply::text(
            403,
            "this endpoint is read-only: updates are refused (start it with --allow-update to allow them)",
        )
        .without_cors();
    }
    if let Some(why) = cross_origin(request, shared.local.ip().is_loopback()) {
        return Reply::text(403, format!("update refused: {why}")).without_cors();
    }
    if !params.all("using-graph-uri").is_empty() || !params.all("using-named-graph-uri").is_empty() {
        return Reply::text(
            400,
            "using-graph-uri and using-named-graph-uri are not supported: write USING in the update",
        )
        .without_cors();
    }
    execute::update(shared, update).without_cors()
}

/// Why a request may come from another site's page (None: it does not).
/// Browsers send `Origin` (and `Sec-Fetch-Site`) with every cross-origin
/// POST, forms included; a page on another host name that resolves to us
/// (DNS rebinding) is caught by the Host check on a loopback server.
fn cross_origin(request: &Request, loopback: bool) -> Option<String> {
    let host = request.header("host").unwrap_or("").to_ascii_lowercase();
    if let Some(site) = request.header("sec-fetch-site") {
        if !matches!(site, "same-origin" | "none") {
            return Some(format!("the request comes from another site (Sec-Fetch-Site: {})", clean(site)));
        }
    }
    if let Some(origin) = request.header("origin") {
        let authority = origin.split_once("://").map_or("", |(_, a)| a).trim_end_matches('/').to_ascii_lowercase();
        if authority.is_empty() || authority != host {
            return Some(format!("the request comes from another origin ({})", clean(origin)));
        }
    }
    if loopback && !is_loopback_host(&host) {
        return Some(format!("Host {} is not a loopback name", clean(&host)));
    }
    None
}

fn is_loopback_host(host: &str) -> bool {
    let name = if host.starts_with('[') {
        host.split_once(']').map_or(host, |(h, _)| h).trim_start_matches('[')
    } else {
        host.rsplit_once(':').map_or(host, |(h, _)| h)
    };
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Decodes `application/x-www-form-urlencoded` pairs.
pub fn form_pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match hex() {
                Some(b) => {
                    out.push(b);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The format a reply in one of `offered` takes, or a 406 naming them.
pub fn negotiate(
    formats: &[&str],
    accept: Option<&str>,
    offered: &[(&str, Format)],
    graphs: bool,
) -> Result<Format, Reply> {
    negotiate::choose(formats, accept, offered, graphs).ok_or_else(|| {
        let names: Vec<&str> = offered.iter().map(|(m, _)| *m).collect();
        Reply::text(
            406,
            format!("cannot answer in {}: available are {}", clean(accept.unwrap_or("")), names.join(", ")),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request {
        Request {
            method: "POST".into(),
            target: "/sparql".into(),
            headers: headers.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
            body: Vec::new(),
            keep_alive: true,
        }
    }

    #[test]
    fn forms_decode() {
        assert_eq!(
            form_pairs("query=SELECT+%3Fx%20WHERE&x="),
            [("query".into(), "SELECT ?x WHERE".into()), ("x".into(), String::new())]
        );
        assert_eq!(form_pairs("q=100%"), [("q".into(), "100%".into())]);
        assert_eq!(form_pairs("q=%e2%82%ac%2"), [("q".into(), "€%2".into())]);
    }

    #[test]
    fn updates_from_other_origins_are_spotted() {
        let same = request(&[("host", "127.0.0.1:7878"), ("origin", "http://127.0.0.1:7878")]);
        assert_eq!(cross_origin(&same, true), None);
        assert_eq!(cross_origin(&request(&[("host", "localhost:7878")]), true), None);
        let other = request(&[("host", "127.0.0.1:7878"), ("origin", "http://evil.example")]);
        assert!(cross_origin(&other, true).is_some());
        let fetch = request(&[("host", "127.0.0.1:7878"), ("sec-fetch-site", "cross-site")]);
        assert!(cross_origin(&fetch, true).is_some());
        let rebound = request(&[("host", "evil.example:7878"), ("origin", "http://evil.example:7878")]);
        assert!(cross_origin(&rebound, true).is_some());
        assert_eq!(cross_origin(&rebound, false), None);
        assert!(is_loopback_host("[::1]:7878") && !is_loopback_host("example.org"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 10_000, ..Default::default() })]
        /// Any form body decodes without a panic; plain text decodes to itself.
        #[test]
        fn any_form_decodes(body in "\\PC{0,200}", plain in "[a-zA-Z0-9 ._-]{0,40}") {
            let _ = form_pairs(&body);
            proptest::prop_assert_eq!(percent_decode(&plain.replace(' ', "%20")), plain);
        }
    }
}
