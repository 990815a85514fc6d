//! Escaping text for markup: the served pages (HTML), GraphML (XML) and the
//! pictures' legends (Graphviz HTML-like labels). One escaper; the outputs
//! differ only in what they do with control characters.

/// What becomes of a control character, which the markup may not carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Controls {
    /// Left out (XML 1.0 forbids most of them outright); tab, line feed and
    /// carriage return are kept, as are U+FFFE and U+FFFF left out.
    Drop,
    /// Shown as U+FFFD, so a reader sees that something was there; tab
    /// and line feed are kept.
    Replace,
    /// A space, tab and line feed included (a one-line label).
    Space,
}

/// Escapes `&`, `<`, `>`, `"` and `'` for element content and attribute
/// values, and deals with control characters as `controls` says.
pub fn escape(s: &str, controls: Controls) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => push_other(&mut out, c, controls),
        }
    }
    out
}

fn push_other(out: &mut String, c: char, controls: Controls) {
    let kept_whitespace = match controls {
        Controls::Drop => matches!(c, '\t' | '\n' | '\r'),
        Controls::Replace => matches!(c, '\t' | '\n'),
        Controls::Space => false,
    };
    let noncharacter = c == '\u{FFFE}' || c == '\u{FFFF}';
    if kept_whitespace || !(c.is_control() || (controls == Controls::Drop && noncharacter)) {
        out.push(c);
        return;
    }
    match controls {
        Controls::Drop => {}
        Controls::Replace => out.push('\u{FFFD}'),
        Controls::Space => out.push(' '),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_the_same_everywhere() {
        for controls in [Controls::Drop, Controls::Replace, Controls::Space] {
            assert_eq!(escape(r#"a<b & "c" 'd'>"#, controls), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
        }
    }

    #[test]
    fn control_characters_go_as_each_output_needs() {
        let text = "a\u{1}b\tc\nd\u{FFFF}";
        assert_eq!(escape(text, Controls::Drop), "ab\tc\nd");
        assert_eq!(escape(text, Controls::Replace), "a\u{FFFD}b\tc\nd\u{FFFF}");
        assert_eq!(escape(text, Controls::Space), "a b c d\u{FFFF}");
    }
}
