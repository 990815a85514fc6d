//! Deterministic IRIs: the same key gives the same IRI on every run and
//! machine, so separate runs merge by a plain union of their N-Quads.

use crate::graph::vocab::ns;
use oxigraph::model::NamedNode;

/// Mints entity IRIs under a base (default `https://w3id.org/councilgraph/id/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iris {
    base: String,
}

impl Default for Iris {
    fn default() -> Self {
        Self { base: ns::DATA.to_owned() }
    }
}

/// The `--base` value is not an absolute IRI.
#[derive(Debug, thiserror::Error)]
#[error("invalid base IRI {0:?}: expected an absolute IRI such as https://example.org/id/")]
pub struct BaseIriError(String);

impl Iris {
    /// Uses `base` (an absolute IRI; a `/` is added when it ends otherwise
    /// than in `/` or `#`).
    pub fn with_base(base: &str) -> Result<Self, BaseIriError> {
        let mut b = base.to_owned();
        if !b.ends_with('/') && !b.ends_with('#') {
            b.push('/');
        }
        NamedNode::new(format!("{b}x")).map_err(|_| BaseIriError(base.to_owned()))?;
        if !b.contains(':') {
            return Err(BaseIriError(base.to_owned()));
        }
        Ok(Self { base: b })
    }

    /// The base, ending in `/` or `#`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `{base}{kind}/{slug(key)}`.
    pub fn mint(&self, kind: &str, key: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{}/{}", self.base, kind, slug(key)))
    }

    /// `{base}{kind}/{slug(a)}/{slug(b)}`: things that belong to another
    /// (a document's quotation, a council's inspection).
    pub fn mint2(&self, kind: &str, a: &str, b: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{}/{}/{}", self.base, kind, slug(a), slug(b)))
    }

    /// The IRI of a document, which is also the name of its graph.
    pub fn document(&self, id: &str) -> NamedNode {
        self.mint("doc", id)
    }
}

/// Eight hex digits of a stable 64-bit FNV-1a hash: the same bytes give
/// the same digits on every run, machine and Rust version.
pub fn short_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", (h >> 32) ^ (h & 0xffff_ffff))
}

/// A key made safe for an IRI path segment: lower-case ASCII letters and
/// digits are kept, runs of anything else become one `-`; non-ASCII letters
/// are percent-encoded so distinct names stay distinct.
pub fn slug(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut dash = false;
    for c in key.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\'' => continue,
            _ => c,
        };
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for b in l.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable_and_safe() {
        assert_eq!(slug("Sarah Norman"), "sarah-norman");
        assert_eq!(slug("Children's services"), "childrens-services");
        assert_eq!(slug("  --  "), "_");
        assert_eq!(slug("Zoë Núñez"), "zo%C3%AB-n%C3%BA%C3%B1ez");
        assert_ne!(slug("Zoë"), slug("Zoe"));
    }

    #[test]
    fn short_hashes_are_stable() {
        assert_eq!(short_hash(b""), short_hash(b""));
        assert_ne!(short_hash(b"a"), short_hash(b"b"));
        assert_eq!(short_hash(b"Report 1.txt").len(), 8);
    }

    #[test]
    fn minted_iris_are_valid() {
        let iris = Iris::default();
        for key in ["Sarah Norman", "a/b?c#d", "\"quoted\" <x>", "", "日本"] {
            let n = iris.mint("person", key);
            assert!(NamedNode::new(n.as_str()).is_ok(), "{n}");
        }
    }

    #[test]
    fn base_must_be_absolute() {
        assert!(Iris::with_base("not a base").is_err());
        assert_eq!(
            Iris::with_base("http://ex.org/kg").map(|i| i.base().to_owned()).ok(),
            Some("http://ex.org/kg/".into())
        );
    }
}
