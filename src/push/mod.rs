//! Push: every named graph of the store to an external triple store, with
//! the SPARQL 1.1 Graph Store HTTP Protocol (`PUT ?graph=`, then `POST` for
//! further batches) or with SPARQL 1.1 Update (`DROP SILENT GRAPH` +
//! `INSERT DATA` batches). Either way pushing twice leaves the remote store
//! the same. Transient failures (connection errors, 5xx, 429) are retried
//! with backoff; Basic and Digest authentication are answered when the
//! endpoint asks.

pub mod auth;

use auth::{Challenge, Credentials};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Triple};
use oxigraph::store::Store;
use std::time::Duration;

/// How graphs are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// SPARQL 1.1 Graph Store HTTP Protocol.
    Gsp,
    /// SPARQL 1.1 Update.
    Update,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub endpoint: String,
    pub protocol: Protocol,
    pub credentials: Option<Credentials>,
    /// Triples per request.
    pub batch: usize,
    /// Further attempts after a transient failure.
    pub retries: u32,
    pub timeout: Duration,
}

/// What happened to one graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphReport {
    pub graph: String,
    pub triples: usize,
    pub requests: usize,
    /// Triples the endpoint accepted before an error (all of them when none).
    pub sent: usize,
    pub error: Option<String>,
}

impl GraphReport {
    /// True when the remote graph holds only part of this one: a later
    /// batch failed after the first replaced the remote graph.
    pub fn is_partial(&self) -> bool {
        self.error.is_some() && self.sent > 0
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error("reading the store: {0}")]
    Store(#[from] oxigraph::store::StorageError),
    #[error("invalid endpoint {0:?}: expected an http:// or https:// URL")]
    Endpoint(String),
}

/// Authentication state kept across the requests of one push.
struct Session {
    agent: ureq::Agent,
    credentials: Option<Credentials>,
    challenge: Option<Challenge>,
    nc: u32,
    retries: u32,
}

/// A URL without the `user:password@` of its authority, and those
/// credentials (percent-decoded), so a password given in the URL is sent
/// only in an `Authorization` header and never printed.
pub fn split_userinfo(url: &str) -> (String, Option<Credentials>) {
    let Some((scheme, rest)) = url.split_once("://") else { return (url.to_owned(), None) };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let Some((userinfo, host)) = rest[..end].rsplit_once('@') else { return (url.to_owned(), None) };
    let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
    let credentials = Credentials { user: percent_decode(user), password: percent_decode(password) };
    (format!("{scheme}://{host}{}", &rest[end..]), Some(credentials))
}

/// A URL fit to print: any `user:password@` replaced by `***@`.
pub fn redact_url(url: &str) -> String {
    match split_userinfo(url) {
        (clean, Some(_)) => clean.replacen("://", "://***@", 1),
        (clean, None) => clean,
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = (b[i] == b'%').then(|| s.get(i + 1..i + 3)).flatten().and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(v) => {
                out.push(v);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The request-target of a URL (path and query), for Digest's `uri`.
fn request_target(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |x| x.1);
    after.find('/').map_or_else(|| "/".to_owned(), |i| after[i..].to_owned())
}

impl Session {
    fn auth_header(&mut self, method: &str, url: &str) -> Option<String> {
        let (c, cred) = (self.challenge.as_ref()?, self.credentials.as_ref()?);
        self.nc += 1;
        let cnonce = format!("{:016x}", u64::from(self.nc).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5bd1_e995);
        Some(auth::authorization(c, cred, method, &request_target(url), self.nc, &cnonce))
    }

    /// A bodiless GET, to learn the endpoint's challenge before sending a
    /// body (some servers close the connection on a 401 before reading the
    /// body, which the client then sees as a broken pipe). Returns the status.
    fn probe(&mut self, url: &str) -> Option<u16> {
        let mut req = self.agent.request("GET", url);
        if let Some(h) = self.auth_header("GET", url) {
            req = req.set("Authorization", &h);
        }
        match req.call() {
            Ok(r) => Some(r.status()),
            Err(ureq::Error::Status(401, resp)) => {
                if let Some(c) = resp.header("WWW-Authenticate").and_then(auth::parse_challenge) {
                    if self.challenge.is_none() {
                        self.challenge = Some(c);
                        self.nc = 0;
                    }
                }
                Some(401)
            }
            Err(ureq::Error::Status(code, _)) => Some(code),
            Err(ureq::Error::Transport(_)) => None,
        }
    }

    fn send(&mut self, method: &str, url: &str, content_type: &str, body: &[u8]) -> Result<(), String> {
        if self.credentials.is_some() && self.challenge.is_none() {
            self.probe(url);
        }
        let mut attempt = 0;
        let mut answered_challenge = false;
        loop {
            let mut req = self.agent.request(method, url).set("Content-Type", content_type);
            if let Some(h) = self.auth_header(method, url) {
                req = req.set("Authorization", &h);
            }
            let transient = match req.send_bytes(body) {
                Ok(r) if (200..300).contains(&r.status()) => return Ok(()),
                Ok(r) => {
                    // Redirects are not followed: a PUT or POST must not turn into a GET.
                    let to = r.header("Location").map(|l| format!(" to {}", redact_url(l))).unwrap_or_default();
                    return Err(format!(
                        "the endpoint answered {} (a redirect{to}); give the final URL as --endpoint",
                        r.status()
                    ));
                }
                Err(ureq::Error::Status(401, resp)) => {
                    let challenge = resp.header("WWW-Authenticate").and_then(auth::parse_challenge);
                    match (&self.credentials, challenge) {
                        (None, _) => {
                            return Err(
                                "the endpoint requires authentication (401): give --user and --password-env".into()
                            )
                        }
                        (Some(_), Some(c)) if !answered_challenge => {
                            self.challenge = Some(c);
                            self.nc = 0;
                            answered_challenge = true;
                            continue;
                        }
                        _ => return Err("the endpoint refused the credentials (401 Unauthorized)".into()),
                    }
                }
                Err(ureq::Error::Status(code, resp)) => {
                    let text = resp.into_string().unwrap_or_default();
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    let text: String = text.chars().take(300).collect();
                    let text = if text.is_empty() { String::new() } else { format!(": {text}") };
                    if code >= 500 || code == 429 {
                        format!("{code}{text}")
                    } else {
                        return Err(format!("the endpoint answered {code}{text}"));
                    }
                }
                Err(ureq::Error::Transport(t)) => {
                    // A closed connection may be a refusal the server did not wait to send.
                    if self.credentials.is_some() && self.probe(url) == Some(401) {
                        return Err("the endpoint refused the credentials (401 Unauthorized)".into());
                    }
                    transport_error(&t)
                }
            };
            if attempt >= self.retries {
                let n = attempt + 1;
                return Err(format!("gave up after {n} attempt{}: {transient}", if n == 1 { "" } else { "s" }));
            }
            std::thread::sleep(Duration::from_millis(500 << attempt.min(5)));
            attempt += 1;
        }
    }
}

/// A connection failure in a few words, without the request's URL (which
/// names the graph and is long): "connection failed: Connection refused (os error 111)".
fn transport_error(t: &ureq::Transport) -> String {
    let mut msg = t.kind().to_string().to_lowercase();
    match std::error::Error::source(t) {
        Some(cause) => msg.push_str(&format!(": {cause}")),
        None => {
            if let Some(m) = t.message() {
                msg.push_str(&format!(": {m}"));
            }
        }
    }
    msg
}

fn ntriples(triples: &[Triple]) -> Vec<u8> {
    let mut ser = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for t in triples {
        // writing into a Vec cannot fail
        let _ = ser.serialize_triple(t);
    }
    ser.finish().unwrap_or_default()
}

/// What a push did: a report per graph tried, and the graphs not tried
/// because it stopped early (the endpoint down or refusing the credentials).
#[derive(Debug, Default)]
pub struct Pushed {
    pub reports: Vec<GraphReport>,
    pub untried: Vec<String>,
}

/// True when an error means the other graphs would fail alike.
fn stops_the_push(error: Option<&str>) -> bool {
    error.is_some_and(|e| e.contains("gave up") || e.contains("401"))
}

/// Pushes every named graph; `on_graph` hears about each as it is done.
pub fn push(store: &Store, s: &Settings, mut on_graph: impl FnMut(&GraphReport)) -> Result<Pushed, PushError> {
    if !(s.endpoint.starts_with("http://") || s.endpoint.starts_with("https://")) {
        return Err(PushError::Endpoint(redact_url(&s.endpoint)));
    }
    let agent = ureq::AgentBuilder::new().timeout(s.timeout).redirects(0).build();
    let mut session = Session { agent, credentials: s.credentials.clone(), challenge: None, nc: 0, retries: s.retries };
    let mut graphs: Vec<oxigraph::model::NamedNode> = store
        .named_graphs()
        .filter_map(|g| match g {
            Ok(NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()?;
    graphs.sort();
    let batch = s.batch.max(1);
    let mut reports = Vec::new();
    let mut graphs = graphs.into_iter();
    for g in graphs.by_ref() {
        let triples: Vec<Triple> = store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .map(|q| q.map(|q| Triple::new(q.subject, q.predicate, q.object)))
            .collect::<Result<_, _>>()?;
        let mut report =
            GraphReport { graph: g.as_str().to_owned(), triples: triples.len(), requests: 0, sent: 0, error: None };
        let chunks: Vec<&[Triple]> = if triples.is_empty() { vec![&[][..]] } else { triples.chunks(batch).collect() };
        for (i, chunk) in chunks.iter().enumerate() {
            let result = match s.protocol {
                Protocol::Gsp => {
                    let sep = if s.endpoint.contains('?') { '&' } else { '?' };
                    let url = format!("{}{sep}graph={}", s.endpoint, percent_encode(g.as_str()));
                    session.send(if i == 0 { "PUT" } else { "POST" }, &url, "application/n-triples", &ntriples(chunk))
                }
                Protocol::Update => {
                    let data = String::from_utf8_lossy(&ntriples(chunk)).into_owned();
                    let mut update = String::new();
                    if i == 0 {
                        update.push_str(&format!("DROP SILENT GRAPH <{}> ;\n", g.as_str()));
                    }
                    update.push_str(&format!("INSERT DATA {{ GRAPH <{}> {{\n{data}}} }}", g.as_str()));
                    let form = format!("update={}", percent_encode(&update));
                    session.send("POST", &s.endpoint, "application/x-www-form-urlencoded", form.as_bytes())
                }
            };
            report.requests += 1;
            match result {
                Ok(()) => report.sent += chunk.len(),
                Err(e) => {
                    report.error = Some(e);
                    break;
                }
            }
        }
        on_graph(&report);
        let stop = stops_the_push(report.error.as_deref());
        reports.push(report);
        if stop {
            break;
        }
    }
    Ok(Pushed { reports, untried: graphs.map(|g| g.into_string()).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_come_out_of_the_url() {
        let (url, c) = split_userinfo("http://u%40x:p%3Aw@host:8890/store?x=1");
        assert_eq!(url, "http://host:8890/store?x=1");
        let c = c.unwrap_or(Credentials { user: String::new(), password: String::new() });
        assert_eq!((c.user.as_str(), c.password.as_str()), ("u@x", "p:w"));
        assert_eq!(split_userinfo("http://host/a@b").0, "http://host/a@b");
        assert!(split_userinfo("http://host/a@b").1.is_none());
        assert_eq!(redact_url("https://u:pw@h/p"), "https://***@h/p");
        assert_eq!(redact_url("https://h/p"), "https://h/p");
        assert_eq!(redact_url("not a url"), "not a url");
    }

    #[test]
    fn request_targets() {
        assert_eq!(request_target("http://h:8890/sparql-graph-crud-auth?graph=x"), "/sparql-graph-crud-auth?graph=x");
        assert_eq!(request_target("http://h"), "/");
    }
}
