//! Slicing text at computed byte offsets without ever splitting a
//! character: offsets that fall inside one are moved to its edge.

/// The largest char boundary of `s` at or below `i` (clamped to `s.len()`).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i` (clamped to `s.len()`).
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `s[start..end]` widened to whole characters; empty when `end <= start`.
pub fn slice(s: &str, start: usize, end: usize) -> &str {
    let a = floor_boundary(s, start);
    let b = ceil_boundary(s, end);
    if b <= a {
        return "";
    }
    &s[a..b]
}

/// Up to `n` bytes of `s` before byte `end`, starting on a char boundary.
pub fn before(s: &str, end: usize, n: usize) -> &str {
    let b = floor_boundary(s, end);
    slice(s, ceil_boundary(s, b.saturating_sub(n)), b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_splits_a_character() {
        let s = "It cost £5m, run by Cllr Jo Doe.";
        for a in 0..=s.len() + 2 {
            for b in 0..=s.len() + 2 {
                let _ = slice(s, a, b);
            }
            let _ = before(s, a, 3);
        }
        assert_eq!(slice(s, 9, 10), "£");
        assert_eq!(before(s, 10, 1), "");
        assert_eq!(before(s, 11, 3), "£5");
    }
}
