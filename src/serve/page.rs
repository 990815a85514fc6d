//! The page at `/`: a search box, a query box, and every query of
//! `queries/` (compiled in by `build.rs`) with its title and column notes;
//! results as a table with entity links, CSV/JSON downloads, and a picture
//! of the result's network where it has one (`network.js`).

use super::html::esc;

include!(concat!(env!("OUT_DIR"), "/queries.rs"));

/// A query file's comment header.
#[derive(Debug, PartialEq, Eq)]
pub struct Header {
    pub title: String,
    pub about: String,
    pub columns: String,
}

/// Reads the header: the first comment line is the title, a line starting
/// `Columns:` (and the lines after it) the column notes, the rest the
/// description.
pub fn header(text: &str) -> Header {
    let mut lines = text.lines().map_while(|l| l.strip_prefix('#')).map(str::trim);
    let title = lines.next().unwrap_or("").to_owned();
    let (mut about, mut columns, mut in_columns) = (Vec::new(), Vec::new(), false);
    for l in lines {
        if let Some(c) = l.strip_prefix("Columns:") {
            in_columns = true;
            columns.push(c.trim());
        } else if in_columns {
            columns.push(l);
        } else {
            about.push(l);
        }
    }
    Header { title, about: about.join(" "), columns: columns.join(" ") }
}

/// The HTML page; `base` is the base of the entity IRIs (linked to `/id/`).
pub fn index(base: &str) -> String {
    let mut options = String::new();
    for (name, text) in QUERIES {
        let h = header(text);
        options.push_str(&format!(
            "<option value=\"{}\" data-about=\"{}\" data-columns=\"{}\" data-query=\"{}\">{}</option>\n",
            esc(name),
            esc(&h.about),
            esc(&h.columns),
            esc(text),
            esc(&format!("{} ({name}.rq)", h.title))
        ));
    }
    include_str!("index.html")
        .replace("{{OPTIONS}}", &options)
        .replace("{{COUNT}}", &QUERIES.len().to_string())
        .replace("{{NETWORK_JS}}", include_str!("network.js"))
        .replace("\"{{BASE}}\"", &script_string(base))
}

/// A JavaScript string literal that cannot end the `<script>` it is in.
fn script_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()).replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_file_has_a_title_and_columns() {
        assert!(QUERIES.len() >= 22, "{}", QUERIES.len());
        for (name, text) in QUERIES {
            let h = header(text);
            assert!(!h.title.is_empty() && !h.columns.is_empty(), "{name}: {h:?}");
        }
        let h = header("# Title\n# What it does,\n# on two lines.\n# Columns: a, b,\n#   c\nSELECT");
        assert_eq!(
            h,
            Header { title: "Title".into(), about: "What it does, on two lines.".into(), columns: "a, b, c".into() }
        );
    }
}
