//! Inspections as events: the reports of one Ofsted inspection, in any
//! number of articles, become one inspection with one IRI.
//!
//! Each article's graph holds the inspection *as that article reports it*
//! (a `cg:Inspection` node of its own, with its judgements). Which reports
//! speak of the same inspection can only be decided across the corpus, so
//! this runs after the documents are in the store, and its output is a
//! graph of its own that the next run replaces. The rules, per council:
//!
//! 1. A report of the current inspection is dated by its article's
//!    publication month. Dated reports, oldest first, join the first event
//!    that began at most three months earlier and whose grades they do not
//!    contradict (the same area graded differently); otherwise they begin
//!    an event, keyed by that month.
//! 2. A report of an earlier inspection that names its year joins the one
//!    event of that year it agrees with; otherwise it begins one keyed by
//!    the year.
//! 3. A report with no date at all joins the one dated event of the
//!    council it agrees with, when exactly one does: a report of the current
//!    inspection, among the events some article reports as current; a report
//!    of an earlier one, among the events only ever called earlier.
//!    Otherwise it joins the undated reports that give exactly the same
//!    grades (and the same current-or-earlier status): copies of one
//!    syndicated article are one inspection, not one each. Such an event is
//!    keyed by a hash of its grades, so its IRI does not depend on which
//!    articles report it. Undated reports that grade differently stay apart:
//!    nothing says which is the later.

use super::iri::short_hash;
use std::collections::BTreeMap;
use std::fmt::Display;

/// When an inspection was reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// Year and month.
    Month(i32, u32),
    Year(i32),
    Unknown,
}

impl When {
    fn year(self) -> Option<i32> {
        match self {
            When::Month(y, _) | When::Year(y) => Some(y),
            When::Unknown => None,
        }
    }

    /// The key part of an event's IRI: `2016-04`, `2012`.
    pub fn key(self) -> Option<String> {
        match self {
            When::Month(y, m) => Some(format!("{y:04}-{m:02}")),
            When::Year(y) => Some(format!("{y:04}")),
            When::Unknown => None,
        }
    }
}

/// One article's report of an inspection. `A` is whatever names areas and
/// grades (IRIs in the store, small values in tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report<A> {
    /// The council's key (its ONS code).
    pub council: String,
    /// The reporting document's key.
    pub doc: String,
    /// The article says it is an earlier inspection.
    pub former: bool,
    pub when: When,
    /// Judgement area → grade.
    pub grades: BTreeMap<A, A>,
}

/// One inspection: the reports of it, and what they agree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<A> {
    pub council: String,
    /// Unique within the council: a month, a year, or a document's key.
    pub key: String,
    pub when: When,
    /// Every report of it speaks of an earlier inspection.
    pub former: bool,
    /// Indices into the reports given to [`cluster`].
    pub reports: Vec<usize>,
    pub grades: BTreeMap<A, A>,
}

impl<A: Ord + Clone> Event<A> {
    fn new(council: &str, key: String, when: When) -> Self {
        Event { council: council.to_owned(), key, when, former: true, reports: Vec::new(), grades: BTreeMap::new() }
    }

    fn agrees(&self, r: &Report<A>) -> bool {
        r.grades.iter().all(|(area, grade)| self.grades.get(area).is_none_or(|g| g == grade))
    }

    fn take(&mut self, i: usize, r: &Report<A>) {
        self.reports.push(i);
        self.former &= r.former;
        self.grades.extend(r.grades.iter().map(|(a, g)| (a.clone(), g.clone())));
    }
}

/// Groups reports into events, by the rules of the module.
pub fn cluster<A: Ord + Clone + Display>(reports: &[Report<A>]) -> Vec<Event<A>> {
    let mut by_council: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        by_council.entry(r.council.as_str()).or_default().push(i);
    }
    by_council.into_iter().flat_map(|(council, ids)| council_events(council, &ids, reports)).collect()
}

fn council_events<A: Ord + Clone + Display>(council: &str, ids: &[usize], reports: &[Report<A>]) -> Vec<Event<A>> {
    let mut order = ids.to_vec();
    // months first (oldest first), then years, then the undated; by document within each
    order.sort_by(|&a, &b| rank(&reports[a]).cmp(&rank(&reports[b])));
    let mut events: Vec<Event<A>> = Vec::new();
    for i in order {
        let r = &reports[i];
        let key = r.when.key().unwrap_or_else(|| undated_key(r));
        let at = match r.when {
            When::Month(..) => events.iter().position(|e| within_three_months(e.when, r.when) && e.agrees(r)),
            When::Year(y) => only(events.iter().enumerate().filter(|(_, e)| e.when.year() == Some(y) && e.agrees(r))),
            When::Unknown => only(
                events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.when != When::Unknown && e.agrees(r) && e.former == r.former),
            )
            // else the undated reports giving the same grades (keys are unique in a council)
            .or_else(|| events.iter().position(|e| e.key == key)),
        };
        let at = at.unwrap_or_else(|| {
            events.push(Event::new(council, key, r.when));
            events.len() - 1
        });
        events[at].take(i, r);
    }
    events
}

/// The key of the undated event a report gives the grades of: `undated-`
/// (`undated-earlier-` for an earlier inspection) and a hash of its grades.
fn undated_key<A: Display>(r: &Report<A>) -> String {
    let grades: String = r.grades.iter().map(|(area, grade)| format!("{area} {grade}\n")).collect();
    let status = if r.former { "undated-earlier" } else { "undated" };
    format!("{status}-{}", short_hash(grades.as_bytes()))
}

fn rank<A>(r: &Report<A>) -> (u8, When, &str) {
    let class = match r.when {
        When::Month(..) => 0,
        When::Year(_) => 1,
        When::Unknown => 2,
    };
    (class, r.when, r.doc.as_str())
}

/// The latest inspection of each council: its latest-dated event that is
/// not only ever called earlier, or, when no such event is dated, each of
/// its undated ones (nothing tells them apart). Indices into `events`.
pub fn latest<A>(events: &[Event<A>]) -> Vec<usize> {
    let mut by_council: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate().filter(|(_, e)| !e.former) {
        by_council.entry(e.council.as_str()).or_default().push(i);
    }
    let mut out = Vec::new();
    for ids in by_council.values() {
        let dated = ids.iter().copied().filter(|&i| events[i].when != When::Unknown);
        match dated.max_by_key(|&i| date_order(events[i].when)) {
            Some(i) => out.push(i),
            None => out.extend(ids),
        }
    }
    out
}

/// Orders a month and a year of the same year by the year's end: an event
/// known only as "2018" is not taken as later than "2018-05".
fn date_order(w: When) -> (i32, u32) {
    match w {
        When::Month(y, m) => (y, m),
        When::Year(y) => (y, 0),
        When::Unknown => (i32::MIN, 0),
    }
}

/// The index of the one item, if there is exactly one.
fn only<'a, T: 'a>(mut items: impl Iterator<Item = (usize, &'a T)>) -> Option<usize> {
    let (first, _) = items.next()?;
    items.next().is_none().then_some(first)
}

fn within_three_months(event: When, report: When) -> bool {
    let months = |w: When| match w {
        When::Month(y, m) => Some(y * 12 + m as i32),
        _ => None,
    };
    matches!((months(event), months(report)), (Some(a), Some(b)) if (b - a).abs() <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(doc: &str, former: bool, when: When, grades: &[(&'static str, &'static str)]) -> Report<&'static str> {
        Report { council: "E1".into(), doc: doc.into(), former, when, grades: grades.iter().copied().collect() }
    }

    fn keys(events: &[Event<&str>]) -> Vec<(String, Vec<usize>)> {
        events.iter().map(|e| (e.key.clone(), e.reports.clone())).collect()
    }

    #[test]
    fn reports_a_few_days_apart_are_one_inspection_and_the_undated_join_it() {
        let reports = [
            report("a", false, When::Unknown, &[("overall", "inadequate")]),
            report("b", false, When::Month(2016, 4), &[("overall", "inadequate")]),
            report("c", false, When::Month(2016, 4), &[("overall", "inadequate"), ("adoption", "good")]),
            report("d", false, When::Unknown, &[("help", "inadequate")]),
        ];
        assert_eq!(keys(&cluster(&reports)), [("2016-04".into(), vec![1, 2, 0, 3])]);
    }

    #[test]
    fn an_earlier_inspection_stays_apart_and_conflicting_grades_split() {
        let reports = [
            report("a", false, When::Month(2019, 3), &[("overall", "good")]),
            report("b", true, When::Year(2016), &[("overall", "inadequate")]),
            report("c", false, When::Month(2016, 5), &[("overall", "inadequate")]),
            report("d", false, When::Month(2019, 4), &[("overall", "inadequate")]),
        ];
        let events = cluster(&reports);
        assert_eq!(
            keys(&events),
            [("2016-05".into(), vec![2, 1]), ("2019-03".into(), vec![0]), ("2019-04".into(), vec![3])]
        );
        assert!(!events[0].former, "a current report of it makes it no earlier one");
    }

    #[test]
    fn an_undated_report_that_fits_two_inspections_is_left_alone() {
        let reports = [
            report("a", false, When::Month(2015, 1), &[("overall", "inadequate")]),
            report("b", false, When::Month(2018, 1), &[("overall", "inadequate")]),
            report("z", false, When::Unknown, &[("overall", "inadequate")]),
            report("y", true, When::Unknown, &[("overall", "good")]),
        ];
        let events = cluster(&reports);
        let undated: Vec<_> = keys(&events)[2..].iter().map(|(k, r)| (k.split('-').count(), r.clone())).collect();
        assert_eq!(undated, [(3, vec![3]), (2, vec![2])], "undated-earlier-…, undated-…");
        assert!(events[2].former && !events[3].former);
    }

    #[test]
    fn an_undated_current_report_does_not_join_an_earlier_inspection_that_agrees() {
        let reports = [
            report("a", true, When::Year(2018), &[("overall", "good")]),
            report("a", false, When::Unknown, &[("overall", "good"), ("leadership", "good")]),
        ];
        let events = cluster(&reports);
        assert_eq!(events.len(), 2);
        assert_eq!((events[1].when, &events[1].reports), (When::Unknown, &vec![1]));
    }

    #[test]
    fn the_latest_is_the_latest_dated_current_inspection_else_every_undated_one() {
        let mut reports = vec![
            report("a", false, When::Month(2016, 4), &[("overall", "inadequate")]),
            report("b", false, When::Month(2019, 6), &[("overall", "good")]),
            report("c", true, When::Year(2022), &[("overall", "outstanding")]),
        ];
        let events = cluster(&reports);
        let keys =
            |ids: Vec<usize>, events: &[Event<&str>]| ids.iter().map(|&i| events[i].key.clone()).collect::<Vec<_>>();
        assert_eq!(keys(latest(&events), &events), ["2019-06"], "an earlier inspection is never the latest");
        let mut other = |doc: &str| {
            let mut r = report(doc, false, When::Unknown, &[("overall", "good")]);
            r.council = "E2".into();
            reports.push(r);
        };
        other("x");
        let mut r = report("y", false, When::Unknown, &[("overall", "inadequate")]);
        r.council = "E2".into();
        reports.push(r);
        let events = cluster(&reports);
        let latest = keys(latest(&events), &events);
        assert_eq!(latest.len(), 3);
        assert_eq!(latest[0], "2019-06");
        assert!(latest[1..].iter().all(|k| k.starts_with("undated-")), "{latest:?}");
    }

    #[test]
    fn undated_copies_giving_the_same_grades_are_one_inspection_whoever_reports_it() {
        let same = [("overall", "inadequate"), ("leadership", "inadequate")];
        let reports = [
            report("copy-2", false, When::Unknown, &same),
            report("copy-1", false, When::Unknown, &same),
            report("other", false, When::Unknown, &[("overall", "inadequate")]),
            report("older", true, When::Unknown, &same),
        ];
        let events = cluster(&reports);
        let groups: Vec<_> = events.iter().map(|e| e.reports.clone()).collect();
        assert_eq!(groups, [vec![1, 0], vec![3], vec![2]], "earlier apart; other grades apart");
        let alone = cluster(&reports[..1]);
        assert_eq!(alone[0].key, events[0].key, "the key does not depend on which articles report it");
    }

    #[test]
    fn councils_never_share_an_event() {
        let mut other = report("b", false, When::Month(2016, 4), &[("overall", "inadequate")]);
        other.council = "E2".into();
        let reports = [report("a", false, When::Month(2016, 4), &[("overall", "inadequate")]), other];
        assert_eq!(cluster(&reports).len(), 2);
    }
}
