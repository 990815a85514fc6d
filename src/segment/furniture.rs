//! Page furniture: lines that are not the article. Scraped pages carry
//! calls to action ("Click here to read the full report"), captions, share
//! prompts, and after the article teasers of other stories, sign-up boxes,
//! job listings and sponsored content. Single furniture lines are dropped;
//! at a block marker (a teaser card, "Related articles", "Sign up") the
//! article has ended and everything after it is dropped.

use super::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A line that is furniture on its own; the article may go on after it.
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            click\ here(?-u:\b).* | read\ more(?-u:\b).* | read\ the\ full\ (?:report|story)(?-u:\b).* | see\ also(?-u:\b).*
          | advertisement | advert | sponsored | share\ this(?-u:\b).* | share\ on\ \w+ | follow\ us(?-u:\b).*
          | (?:image|picture|photo|pic|photograph)\s*(?:credit)?\s*[:|].* | \((?:image|picture|photo)[^)]*\)
          | (?:sign\ up|subscribe)(?-u:\b).{0,60} | continue\ reading.*
          | hide\ ad | (?:image|media|video)\ (?:caption|source)\s*[,:]?.* | [•·*]?\s*published
          | watch\ (?:more|our|the\ video)(?-u:\b).* | (?:photo|picture|image)\s*(?:credit)?\s*[-–]\s.*
        )$",
    )
    .unwrap_or_else(|e| unreachable!("furniture regex: {e}"))
});

/// A line after which nothing is article text any more.
static END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            sign\ up | subscribe | related(?:\ (?:articles|stories|content|news|posts))? | partner\ content
          | sponsored\ content | more\ (?:stories|news|from\ \w+|on\ this\ story) | most\ (?:read|popular|viewed)
          | recommended(?:\ for\ you)? | you\ (?:may|might)\ also\ like | top\ stories | latest\ (?:news|jobs|stories)
          | (?-i:[A-Z])[\w&]*(?:\ [a-zA-Z&]+){0,2}\ jobs | comments | tags | topics | about\ the\ author | trending
        )\s*:?$",
    )
    .unwrap_or_else(|e| unreachable!("furniture regex: {e}"))
});

/// Drops furniture from a document's paragraphs.
pub fn drop_furniture(text: &str, paragraphs: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len());
    for (i, p) in paragraphs.iter().enumerate() {
        let line = &text[p.start..p.end];
        let next = paragraphs.get(i + 1).map(|n| &text[n.start..n.end]);
        // Only consider short lines: a long paragraph is never furniture.
        if line.len() < 120 && (END.is_match(line) || is_teaser_card(line, next)) && !out.is_empty() {
            break;
        }
        if line.len() < 160
            && (LINE.is_match(line.trim())
                || is_doubled_caption(line, i.checked_sub(1).map(|j| &text[paragraphs[j].start..paragraphs[j].end])))
        {
            continue;
        }
        out.push(*p);
    }
    out
}

/// An image's alt text run into its caption: "Town HallTown Hall", or the
/// caption line alone right after such a line.
fn is_doubled_caption(line: &str, prev: Option<&str>) -> bool {
    let t = line.trim();
    let half = t.len() / 2;
    let doubled = t.len() >= 6 && t.is_char_boundary(half) && t[..half] == t[half..];
    let repeats_last =
        prev.map(str::trim).is_some_and(|p| p.len() == 2 * t.len() && p.starts_with(t) && p.ends_with(t));
    doubled || repeats_last
}

/// A teaser card: an image's alt text ("Budget cuts image") followed by the
/// same words as a headline ("Budget cuts").
fn is_teaser_card(line: &str, next: Option<&str>) -> bool {
    let lower = line.to_lowercase();
    let stem = ["image", "photo", "picture", "thumbnail"].iter().find_map(|w| lower.strip_suffix(w)).map(str::trim_end);
    match (stem, next) {
        (Some(stem), Some(next)) => !stem.is_empty() && next.trim().to_lowercase() == stem,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraph::paragraphs;

    fn kept(text: &str) -> Vec<&str> {
        drop_furniture(text, paragraphs(text)).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn single_lines_are_dropped_and_the_article_goes_on() {
        let t = "Council agrees budget.\n\nClick here to read the full report.\n\nThe leader said it was fair.";
        assert_eq!(kept(t), ["Council agrees budget.", "The leader said it was fair."]);
    }

    #[test]
    fn teaser_card_ends_the_article() {
        let t = "Body text here.\n\nPothole crisis image\n\nPothole crisis\n\nJan Field, chair of the roads group, calls for more money.";
        assert_eq!(kept(t), ["Body text here."]);
    }

    #[test]
    fn block_markers_end_the_article() {
        let t = "Body.\n\nRelated articles\n\nOther story.";
        assert_eq!(kept(t), ["Body."]);
        let t = "Body.\n\nSocial care jobs\n\nCare assistant";
        assert_eq!(kept(t), ["Body."]);
    }

    #[test]
    fn ordinary_sentences_are_kept() {
        let t = "Readers should sign up to the consultation before Friday, the council said in a statement.\n\nComments were invited from parents over several weeks.";
        assert_eq!(kept(t).len(), 2);
    }

    #[test]
    fn doubled_captions_and_ad_slots_are_dropped() {
        let t =
            "The leader spoke.\n\nHide Ad\n\nCivic CentreCivic Centre\n\nCivic Centre\n\nImage caption,\n\nShe left.";
        assert_eq!(kept(t), ["The leader spoke.", "She left."]);
    }
}
