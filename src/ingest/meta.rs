//! Cleaning of metadata values taken from containers (HTML meta tags,
//! JSON-LD, JSON Lines fields): whitespace, dates as `YYYY-MM-DD`, authors.

/// Collapses runs of whitespace to one space and trims; `None` when nothing is left.
pub fn clean(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

/// The `YYYY-MM-DD` a date or timestamp starts with, if it is a real date
/// (`2021-05-06`, `2021-05-06T09:00:00Z`, `2021-05-06 09:00`); else `None`.
pub fn iso_date(value: &str) -> Option<String> {
    let v = value.trim();
    let head = v.get(..10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    // Whatever follows must not extend the day (`2021-05-061` is no date).
    if v[10..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (y > 0 && (1..=days).contains(&d)).then(|| head.to_owned())
}

/// Longest author name taken from markup; longer text is a bio, not a name.
const MAX_AUTHOR_LEN: usize = 80;

/// An author's name as a page gives it: whitespace collapsed, a leading
/// "By" dropped; `None` for a URL (`article:author` is often a profile link)
/// or for text too long to be a name.
pub fn author(value: &str) -> Option<String> {
    let v = clean(value)?;
    if v.contains("://") || v.starts_with("www.") {
        return None;
    }
    let v = match v.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => v[3..].trim_start().to_owned(),
        _ => v,
    };
    (!v.is_empty() && v.len() <= MAX_AUTHOR_LEN).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_the_day_only_and_must_be_real() {
        for (input, want) in [
            ("2021-05-06", Some("2021-05-06")),
            (" 2021-05-06T09:00:00+01:00", Some("2021-05-06")),
            ("2021-05-06 09:00", Some("2021-05-06")),
            ("2024-02-29", Some("2024-02-29")),
            ("2000-02-29", Some("2000-02-29")),
            ("1900-02-29", None),
            ("2023-02-29", None),
            ("2021-13-01", None),
            ("2021-04-31", None),
            ("2021-00-10", None),
            ("2021-05-00", None),
            ("2021-05-061", None),
            ("6 May 2021", None),
            ("2021/05/06", None),
            ("2021-5-6", None),
            ("", None),
            ("२०२१-०५-०६", None),
        ] {
            assert_eq!(iso_date(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn authors_are_names_not_links_or_bios() {
        assert_eq!(author("  By  Jo   Bell ").as_deref(), Some("Jo Bell"));
        assert_eq!(author("BY Jo Bell").as_deref(), Some("Jo Bell"));
        assert_eq!(author("Bya Lane").as_deref(), Some("Bya Lane"));
        assert_eq!(author("https://social.example/jo.bell"), None);
        assert_eq!(author(" "), None);
        assert_eq!(author(&"Jo Bell writes about schools. ".repeat(5)), None);
    }

    #[test]
    fn clean_collapses_whitespace() {
        assert_eq!(clean(" a \n\t b ").as_deref(), Some("a b"));
        assert_eq!(clean(" \u{a0} "), None);
    }
}
