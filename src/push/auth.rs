//! HTTP authentication for `push`: Basic, and Digest (RFC 7616, MD5,
//! qop=auth), which is all Virtuoso offers. Passwords never appear in
//! messages.

use md5::{Digest, Md5};

/// Credentials for an endpoint.
#[derive(Clone)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Credentials {{ user: {:?}, password: <hidden> }}", self.user)
    }
}

/// A server's challenge, from `WWW-Authenticate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Challenge {
    Basic,
    Digest { realm: String, nonce: String, opaque: Option<String>, qop_auth: bool, algorithm: Option<String> },
}

/// Parses a `WWW-Authenticate` value.
pub fn parse_challenge(header: &str) -> Option<Challenge> {
    let h = header.trim();
    let (scheme, rest) = h.split_once(' ').unwrap_or((h, ""));
    if scheme.eq_ignore_ascii_case("basic") {
        return Some(Challenge::Basic);
    }
    if !scheme.eq_ignore_ascii_case("digest") {
        return None;
    }
    let mut realm = String::new();
    let mut nonce = String::new();
    let mut opaque = None;
    let mut qop_auth = false;
    let mut algorithm = None;
    for (k, v) in params(rest) {
        match k.to_ascii_lowercase().as_str() {
            "realm" => realm = v,
            "nonce" => nonce = v,
            "opaque" => opaque = Some(v),
            "qop" => qop_auth = v.split(',').any(|q| q.trim().eq_ignore_ascii_case("auth")),
            "algorithm" => algorithm = Some(v),
            _ => {}
        }
    }
    Some(Challenge::Digest { realm, nonce, opaque, qop_auth, algorithm })
}

/// `key=value` and `key="quoted, value"` pairs.
fn params(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq].trim().trim_start_matches(',').trim().to_owned();
        rest = rest[eq + 1..].trim_start();
        let value;
        if let Some(r) = rest.strip_prefix('"') {
            let end = r.find('"').unwrap_or(r.len());
            value = r[..end].to_owned();
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_owned();
            rest = &rest[end..];
        }
        rest = rest.trim_start().trim_start_matches(',').trim_start();
        out.push((key, value));
    }
    out
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The `Authorization` header answering a challenge. `nc` counts the
/// requests made with this nonce; `cnonce` is the client's nonce.
pub fn authorization(c: &Challenge, cred: &Credentials, method: &str, uri: &str, nc: u32, cnonce: &str) -> String {
    match c {
        Challenge::Basic => format!("Basic {}", base64(format!("{}:{}", cred.user, cred.password).as_bytes())),
        Challenge::Digest { realm, nonce, opaque, qop_auth, algorithm } => {
            let ha1 = md5_hex(&format!("{}:{realm}:{}", cred.user, cred.password));
            let ha2 = md5_hex(&format!("{method}:{uri}"));
            let nc = format!("{nc:08x}");
            let response = if *qop_auth {
                md5_hex(&format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"))
            } else {
                md5_hex(&format!("{ha1}:{nonce}:{ha2}"))
            };
            let mut h = format!(
                r#"Digest username="{}", realm="{realm}", nonce="{nonce}", uri="{uri}", response="{response}""#,
                cred.user
            );
            if *qop_auth {
                h.push_str(&format!(r#", qop=auth, nc={nc}, cnonce="{cnonce}""#));
            }
            if let Some(o) = opaque {
                h.push_str(&format!(r#", opaque="{o}""#));
            }
            if let Some(a) = algorithm {
                h.push_str(&format!(", algorithm={a}"));
            }
            h
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_2617_example() {
        // The worked example of RFC 2617, section 3.5.
        let c = parse_challenge(
            r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        );
        let Some(c) = c else { panic!("no challenge") };
        let cred = Credentials { user: "Mufasa".into(), password: "Circle Of Life".into() };
        let h = authorization(&c, &cred, "GET", "/dir/index.html", 1, "0a4f113b");
        assert!(h.contains(r#"response="6629fae49393a05397450978507c4ef1""#), "{h}");
    }

    #[test]
    fn basic_and_hidden_password() {
        let cred = Credentials { user: "Aladdin".into(), password: "open sesame".into() };
        assert_eq!(authorization(&Challenge::Basic, &cred, "PUT", "/", 1, ""), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert!(!format!("{cred:?}").contains("sesame"));
    }
}
