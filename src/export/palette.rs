//! The pictures' colours: parties in their own colours (from the data or
//! `ontology/reference/parties.tsv`), councils by their current Ofsted
//! grade, and the fixed fills of the other kinds of node.

use super::network::{NodeData, NodeKind};

/// A person with no party in the articles.
pub const NO_PARTY: &str = "#FFFFFF";
/// A party whose colour we do not know.
pub const UNKNOWN_PARTY: &str = "#BBBBBB";
/// A council with no grade in the articles.
pub const UNGRADED: &str = "#FFF2CC";
/// The outline of the `--focus` entities.
pub const FOCUS: &str = "#C51B7D";

/// The Ofsted grades, best first, with their fills (a diverging scale
/// that stays readable in grey).
pub const GRADES: &[(&str, &str)] = &[
    ("outstanding", "#1A9641"),
    ("good", "#A6D96A"),
    ("requires improvement to be good", "#FDAE61"),
    ("inadequate", "#D7191C"),
];

/// The fill of a council with this grade.
pub fn grade_colour(grade: Option<&str>) -> &'static str {
    grade.and_then(|g| GRADES.iter().find(|(name, _)| *name == g)).map_or(UNGRADED, |(_, c)| c)
}

/// A colour from the data, if Graphviz is sure to know it.
pub fn party_colour(c: Option<&str>) -> &str {
    c.filter(|c| is_hex_colour(c)).unwrap_or(UNKNOWN_PARTY)
}

/// A node's fill: one colour, or several (a person in more than one party).
pub fn fills(n: &NodeData) -> Vec<&str> {
    match n.kind {
        NodeKind::Person if n.parties.is_empty() => vec![NO_PARTY],
        NodeKind::Person => n.parties.iter().map(|p| party_colour(p.colour.as_deref())).collect(),
        NodeKind::Party => vec![party_colour(n.colour.as_deref())],
        NodeKind::Council => vec![grade_colour(n.grade.as_deref())],
        NodeKind::Organisation => vec!["#E2EFDA"],
        NodeKind::Ward => vec!["#F2F2F2"],
        NodeKind::Article => vec!["#DDEBF7"],
    }
}

/// True for `#RRGGBB`: a colour that comes from the data is used only if
/// Graphviz is sure to know it (anything else would make `dot` warn).
pub fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// True when white text reads better than black on this fill.
pub fn is_dark(hex: &str) -> bool {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| u32::from_str_radix(h.get(i..i + 2).unwrap_or("ff"), 16).unwrap_or(255);
    (c(0) * 299 + c(2) * 587 + c(4) * 114) / 1000 < 140
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_hex_colours_from_the_data_are_used() {
        assert!(is_hex_colour("#0087DC"));
        for bad in ["#0087D", "#0087DCX", "red\"", "#00é7DC", ""] {
            assert!(!is_hex_colour(bad), "{bad}");
            assert_eq!(party_colour(Some(bad)), UNKNOWN_PARTY);
        }
    }

    #[test]
    fn text_colour_follows_the_fill() {
        assert!(is_dark("#0087DC") && is_dark("#D7191C"));
        assert!(!is_dark("#FFFFFF") && !is_dark("#FAA61A"));
    }

    #[test]
    fn every_grade_has_its_own_fill() {
        assert_eq!(grade_colour(Some("inadequate")), "#D7191C");
        assert_eq!(grade_colour(Some("no such grade")), UNGRADED);
        assert_eq!(grade_colour(None), UNGRADED);
    }
}
