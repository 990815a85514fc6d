//! What a handler answers, before it becomes an HTTP response.

use super::http::Response;

/// A reply: status, type, body, extra headers, and whether browsers on
/// other origins may read it (CORS: reads yes, updates no).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
    pub cors: bool,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self { status, content_type: content_type.to_owned(), body: body.into(), headers: Vec::new(), cors: true }
    }

    /// A plain-text message (one line, ending in a newline).
    pub fn text(status: u16, msg: impl Into<String>) -> Self {
        let mut m = msg.into();
        m.push('\n');
        Self::new(status, "text/plain; charset=utf-8", m)
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// No CORS headers: a browser on another origin cannot read it.
    pub fn without_cors(mut self) -> Self {
        self.cors = false;
        self
    }

    pub fn into_response(self) -> Response {
        let mut headers = vec![("Content-Type".to_owned(), self.content_type)];
        if self.cors {
            headers.push(("Access-Control-Allow-Origin".into(), "*".into()));
        }
        headers.push(("Vary".into(), "Accept, Origin".into()));
        headers.extend(self.headers);
        Response { status: self.status, headers, body: self.body }
    }
}
