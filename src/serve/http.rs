//! HTTP/1.1 on a `TcpStream`, as much as the endpoint needs: a request's
//! head and its `Content-Length` body, read against a deadline so an idle or
//! trickling client cannot hold a connection open, and a response with a
//! length. No chunked request bodies (501), no duplicate or malformed
//! `Content-Length` (400), heads over [`MAX_HEAD`] bytes refused (431).

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Largest request line plus headers (a GET query travels in the line).
pub const MAX_HEAD: usize = 64 * 1024;

/// One request, body read in full.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The request target: path and query string.
    pub target: String,
    /// Headers in order, names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub keep_alive: bool,
}

impl Request {
    /// The first header with this (lower-case) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The path, without the query string.
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(self.target.as_str(), |(p, _)| p)
    }

    /// The query string ("" when there is none).
    pub fn query_string(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }
}

/// Why no request came.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The client closed the connection, or sent nothing before the deadline:
    /// close without a word.
    Closed,
    /// Answer with this status and message, then close.
    Refuse(u16, String),
}

/// A connection's stream and the bytes read past the last request.
pub struct Connection {
    pub stream: TcpStream,
    buffered: Vec<u8>,
}

impl Connection {
    pub fn new(stream: TcpStream) -> Self {
        Self { stream, buffered: Vec::new() }
    }

    /// Reads one request: the head within `timeout`, then the body within
    /// `timeout` again; bodies over `max_body` are refused unread.
    pub fn read_request(&mut self, timeout: Duration, max_body: u64) -> Result<Request, ReadError> {
        let head_end = self.fill_until_head(Instant::now() + timeout)?;
        let head = std::str::from_utf8(&self.buffered[..head_end])
            .map_err(|_| refuse(400, "the request head is not UTF-8"))?
            .to_owned();
        self.buffered.drain(..head_end + 4);
        let mut request = parse_head(&head)?;
        let length = body_length(&request.headers, max_body)?;
        request.body = self.read_body(length, Instant::now() + timeout)?;
        Ok(request)
    }

    fn fill_until_head(&mut self, deadline: Instant) -> Result<usize, ReadError> {
        loop {
            if let Some(end) = find(&self.buffered, b"\r\n\r\n") {
                return Ok(end);
            }
            if self.buffered.len() > MAX_HEAD {
                return Err(refuse(431, format!("request line and headers over {MAX_HEAD} bytes")));
            }
            let idle = self.buffered.iter().all(|b| matches!(b, b'\r' | b'\n'));
            match self.read_some(deadline) {
                Ok(0) | Err(_) if idle => return Err(ReadError::Closed),
                Ok(0) => return Err(refuse(400, "the connection closed inside the request head")),
                Err(e) => return Err(timeout_or_closed(&e, "the request head")),
                Ok(_) => {}
            }
        }
    }

    fn read_body(&mut self, length: u64, deadline: Instant) -> Result<Vec<u8>, ReadError> {
        let length = usize::try_from(length).map_err(|_| refuse(413, "request body too large"))?;
        while self.buffered.len() < length {
            match self.read_some(deadline) {
                Ok(0) => return Err(refuse(400, "the connection closed inside the request body")),
                Err(e) => return Err(timeout_or_closed(&e, "the request body")),
                Ok(_) => {}
            }
        }
        Ok(self.buffered.drain(..length).collect())
    }

    /// One read, waiting no later than `deadline`.
    fn read_some(&mut self, deadline: Instant) -> io::Result<usize> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut chunk = [0u8; 16 * 1024];
        let n = self.stream.read(&mut chunk)?;
        self.buffered.extend_from_slice(&chunk[..n]);
        Ok(n)
    }
}

fn refuse(status: u16, msg: impl Into<String>) -> ReadError {
    ReadError::Refuse(status, msg.into())
}

fn timeout_or_closed(e: &io::Error, what: &str) -> ReadError {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => refuse(408, format!("{what} did not arrive in time")),
        _ => ReadError::Closed,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The request line and headers.
fn parse_head(head: &str) -> Result<Request, ReadError> {
    let head = head.trim_start_matches("\r\n");
    let mut lines = head.split("\r\n");
    let line = lines.next().unwrap_or("");
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(refuse(400, "malformed request line"));
    };
    if method.is_empty() || !method.bytes().all(is_token) || !target.starts_with('/') {
        return Err(refuse(400, "malformed request line"));
    }
    let http10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Err(refuse(505, format!("unsupported HTTP version {version}"))),
    };
    let mut headers = Vec::new();
    for l in lines {
        let Some((name, value)) = l.split_once(':') else { return Err(refuse(400, "malformed header line")) };
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(refuse(400, "malformed header name"));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    let connection = headers.iter().filter(|(k, _)| k == "connection").map(|(_, v)| v.to_ascii_lowercase());
    let tokens: Vec<String> = connection.collect();
    let keep_alive = if http10 {
        tokens.iter().any(|v| v.contains("keep-alive"))
    } else {
        !tokens.iter().any(|v| v.contains("close"))
    };
    Ok(Request { method: method.to_owned(), target: target.to_owned(), headers, body: Vec::new(), keep_alive })
}

fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The body's length from `Content-Length`: one header, digits only, at most
/// `max_body`; `Transfer-Encoding` is not supported.
fn body_length(headers: &[(String, String)], max_body: u64) -> Result<u64, ReadError> {
    if headers.iter().any(|(k, _)| k == "transfer-encoding") {
        return Err(refuse(501, "Transfer-Encoding is not supported: send the body with a Content-Length"));
    }
    let mut lengths = headers.iter().filter(|(k, _)| k == "content-length").map(|(_, v)| v);
    let Some(value) = lengths.next() else { return Ok(0) };
    if lengths.next().is_some() {
        return Err(refuse(400, "more than one Content-Length header"));
    }
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(refuse(400, format!("invalid Content-Length {value:?}")));
    }
    match value.parse::<u64>() {
        Ok(n) if n <= max_body => Ok(n),
        _ => Err(refuse(413, format!("request body over the limit of {max_body} bytes"))),
    }
}

/// A response ready to be written.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// Writes the response; without the body for HEAD. `Connection: close`
    /// unless `keep_alive`.
    pub fn write_to(&self, out: &mut impl Write, head_only: bool, keep_alive: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (k, v) in &self.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        // said both ways: an HTTP/1.0 client keeps the connection only when told
        head.push_str(if keep_alive { "Connection: keep-alive\r\n" } else { "Connection: close\r\n" });
        head.push_str("\r\n");
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_parsed_and_checked() {
        let r = parse_head("GET /sparql?query=x HTTP/1.1\r\nAccept: text/csv\r\nConnection: close").ok();
        let r = r.unwrap_or_else(|| panic!("not parsed"));
        assert_eq!(
            (r.path(), r.query_string(), r.header("accept"), r.keep_alive),
            ("/sparql", "query=x", Some("text/csv"), false)
        );
        assert!(parse_head("GET /x HTTP/1.0").is_ok_and(|r| !r.keep_alive));
        assert!(matches!(parse_head("GET /x HTTP/2"), Err(ReadError::Refuse(505, _))));
        assert!(matches!(parse_head("GET x HTTP/1.1"), Err(ReadError::Refuse(400, _))));
        assert!(matches!(parse_head("GET /x HTTP/1.1\r\n folded"), Err(ReadError::Refuse(400, _))));
    }

    #[test]
    fn content_length_must_be_single_and_bounded() {
        let h = |v: &[&str]| v.iter().map(|v| ("content-length".to_owned(), (*v).to_owned())).collect::<Vec<_>>();
        assert_eq!(body_length(&h(&["12"]), 100), Ok(12));
        assert_eq!(body_length(&[], 100), Ok(0));
        assert!(matches!(body_length(&h(&["12", "12"]), 100), Err(ReadError::Refuse(400, _))));
        assert!(matches!(body_length(&h(&["-1"]), 100), Err(ReadError::Refuse(400, _))));
        assert!(matches!(body_length(&h(&["101"]), 100), Err(ReadError::Refuse(413, _))));
        assert!(matches!(body_length(&h(&["99999999999999999999999"]), 100), Err(ReadError::Refuse(413, _))));
        let te = vec![("transfer-encoding".to_owned(), "chunked".to_owned())];
        assert!(matches!(body_length(&te, 100), Err(ReadError::Refuse(501, _))));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 10_000, ..Default::default() })]
        /// Any head is parsed or refused, never a panic; a refusal is a 4xx or 5xx.
        #[test]
        fn any_head_is_parsed_or_refused(head in "[ -~\\r\\n\\t\\u{80}-\\u{10FFFF}]{0,200}") {
            if let Err(ReadError::Refuse(status, _)) = parse_head(&head) {
                proptest::prop_assert!((400..600).contains(&status));
            }
        }
    }
}
