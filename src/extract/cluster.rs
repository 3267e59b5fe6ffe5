//! Cross-article clustering: the reports of one real-world event in several articles become
//! one event with every mention and every claim. Within an article the linker has already
//! decided which mentions are one event, so two events of the same article never merge here.

use chrono::{Days, NaiveDate};

use crate::corpus::DatePrecision;
use crate::extract::events::{self, places_compatible};
use crate::extract::gazetteer::{Gazetteer, haversine_km};
use crate::extract::types::{DateRange, Event, EventKind, Place, PlacePrecision};

/// Armed groups that a generic "Iran-backed militias" may stand for.
const IRAN_ALIGNED: &[&str] = &[
    "Iran-backed militias",
    "Kataib Hezbollah",
    "Kataib Sayyid al-Shuhada",
    "Asaib Ahl al-Haq",
    "Popular Mobilization Forces",
    "Harakat al-Nujaba",
    "Saraya Awliya al-Dam",
    "IRGC",
    "Iran",
];

/// Two perpetrators contradict when both are stated (not merely alleged) and are different
/// actors that cannot be the same side.
pub fn actors_contradict(
    a: Option<&str>,
    a_qualified: bool,
    b: Option<&str>,
    b_qualified: bool,
) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    if a == b || a_qualified || b_qualified {
        return false;
    }
    let a_iran = IRAN_ALIGNED.contains(&a);
    let b_iran = IRAN_ALIGNED.contains(&b);
    if a_iran && b_iran {
        return false;
    }
    let us_side = |x: &str| x == "United States" || x == "US-led coalition";
    if us_side(a) && us_side(b) {
        return false;
    }
    true
}

fn widen(r: &DateRange) -> (chrono::NaiveDate, chrono::NaiveDate) {
    (
        r.start.checked_sub_days(Days::new(1)).unwrap_or(r.start),
        r.end.checked_add_days(Days::new(1)).unwrap_or(r.end),
    )
}

/// Dates agree within the precision of each (a month-precision report joins a day inside it;
/// two day-precision reports may differ by one day for "overnight").
pub fn dates_agree(a: &DateRange, b: &DateRange) -> bool {
    // One day of slack in total: 27 and 28 June agree, 20 and 22 February do not.
    let (a0, a1) = widen(a);
    (a0 <= b.end && b.start <= a1) || {
        let (b0, b1) = widen(b);
        b0 <= a.end && a.start <= b1
    }
}

/// No mention of the event dates it: its date is the publication fallback. A date the lead
/// states ("rockets fell on the base on Tuesday, the military said") is no guess, though no
/// mention's own span holds it.
fn date_is_guess(e: &Event) -> bool {
    e.mentions
        .iter()
        .all(|m| m.date_span.is_none() && !m.date_reasoning.ends_with(events::LEAD_DATE_NOTE))
}

/// Every date a report writes for the event is the day of a statement about it.
fn dated_by_statement_only(e: &Event) -> bool {
    let mut dated = e
        .mentions
        .iter()
        .filter(|m| m.date_span.is_some())
        .peekable();
    dated.peek().is_some() && dated.all(|m| m.date_reasoning.ends_with(events::STATEMENT_DAY_NOTE))
}

/// A guessed date (reported some time before publication) fits an event dated up to a month
/// before the end of the guess.
fn guess_fits(known: &DateRange, guess: &DateRange) -> bool {
    let earliest = guess
        .end
        .checked_sub_days(Days::new(31))
        .unwrap_or(guess.end);
    known.end >= earliest && known.start <= guess.end
}

fn all_places(e: &Event) -> impl Iterator<Item = &Place> + Clone {
    e.place.iter().chain(e.other_places.iter())
}

/// No mention of the event names its place: it is the dateline fallback (or none).
fn place_is_guess(e: &Event) -> bool {
    e.mentions.iter().all(|m| m.place_span.is_none())
}

/// What the mentions of an event say about its date and place (`date_is_guess`,
/// `place_is_guess`). A cluster keeps its own instead of reading every mention again at each
/// merge, which made a cluster of hundreds of reports quadratic.
#[derive(Debug, Clone, Copy)]
struct Guesses {
    date: bool,
    place: bool,
}

impl Guesses {
    fn of(e: &Event) -> Self {
        Self {
            date: date_is_guess(e),
            place: place_is_guess(e),
        }
    }

    /// The guesses of the mentions of two events put together.
    fn and(self, other: Guesses) -> Self {
        Self {
            date: self.date && other.date,
            place: self.place && other.place,
        }
    }
}

/// `a_guess` / `b_guess`: `place_is_guess` of each event.
fn places_agree(gaz: &Gazetteer, a: &Event, a_guess: bool, b: &Event, b_guess: bool) -> bool {
    if a_guess || b_guess {
        return guessed_places_near(a, b);
    }
    let mut any_a = false;
    for p in all_places(a) {
        any_a = true;
        for q in all_places(b) {
            if places_compatible(gaz, p, q) {
                return true;
            }
        }
    }
    // An event without a place cannot be placed wrong; it joins on kind and date alone.
    !any_a || all_places(b).next().is_none()
}

/// A guessed place (the dateline city of a report that names no site) says little about where
/// the event was, so it joins on kind and date; but not an event in another region of the world
/// (a Sahel raid is not a Karbala shooting of the same month). Neighbouring countries stay
/// compatible: a Baghdad-datelined report of strikes "on the Syrian side of the border" belongs
/// with the Albu Kamal strikes, 400 km away.
fn guessed_places_near(a: &Event, b: &Event) -> bool {
    /// Well beyond a dateline in the same or a neighbouring country (Baghdad to the Syrian
    /// border is ~400 km), well short of another region of the world.
    const SAME_REGION_KM: f64 = 2_000.0;
    let mut any_pair = false;
    for p in all_places(a) {
        for q in all_places(b) {
            any_pair = true;
            if haversine_km((p.lat, p.lon), (q.lat, q.lon)) <= SAME_REGION_KM {
                return true;
            }
        }
    }
    !any_pair
}

/// Where each article's events are (all their places, named or dateline), by article id; the
/// main place of the event the article tells first comes first (`story_place`).
type ArticlePlaces = std::collections::HashMap<String, Vec<Place>>;

fn article_places(events: &[Event]) -> ArticlePlaces {
    let told_at = |e: &Event| e.mentions.iter().map(|m| m.sentence_span[0]).min();
    let mut in_story_order: Vec<&Event> = events.iter().collect();
    in_story_order.sort_by_key(|e| told_at(e));
    let mut places = ArticlePlaces::new();
    for e in in_story_order {
        let Some(m) = e.mentions.first() else {
            continue;
        };
        let at = places.entry(m.article.clone()).or_default();
        for p in all_places(e) {
            if !at.iter().any(|q| q.lat == p.lat && q.lon == p.lon) {
                at.push(p.clone());
            }
        }
    }
    places
}

/// Where an event that no report places most likely happened: where its article's story is,
/// the main place of the first event the article tells. A report names a place the gazetteer
/// cannot know ("a second car bomb went off in the Madina district", "the square was hit by a
/// similar attack in 2018", "Turkish shelling overnight" in a story about Idlib) far more often
/// than it strays to an unnamed place elsewhere. An area as wide as a region or a country
/// places nothing.
fn story_place(home: &[Place]) -> Option<&Place> {
    home.first().filter(|p| {
        !matches!(
            p.precision,
            PlacePrecision::Region | PlacePrecision::Country
        )
    })
}

/// An event with no place at all (a recalled "air strikes in February 2021" with no site, a
/// "drone and artillery strikes" line in a story about one province) happened, as far as
/// anyone can tell, where its article is about: a page on Myanmar recalls Myanmar's strikes,
/// not a rocket attack of that month in Iraq, and a page on Idlib its own province's strikes,
/// not a drone strike at Karbala. It may join an event in a country of one of its article's
/// places (`home`) or across a border near one ("US jets struck on the Syrian side of the
/// border" in a page on Mosul and Erbil), not an event elsewhere. An article with no place,
/// or an event with none, leaves the question open.
fn home_near(home: &[Place], other: &Event) -> bool {
    /// Erbil to the Syrian border strip is ~400 km; Idlib to Karbala, ~800 km.
    const ACROSS_A_BORDER_KM: f64 = 500.0;
    home.is_empty()
        || all_places(other).next().is_none()
        || all_places(other).any(|q| {
            home.iter().any(|p| {
                (p.country.is_some() && p.country == q.country)
                    || haversine_km((p.lat, p.lon), (q.lat, q.lon)) <= ACROSS_A_BORDER_KM
            })
        })
}

/// The days an event's reports state outright, each as the window of days the report allows:
/// a plain day ("on Wednesday", "March 11") is that day; "late on Thursday" and a night
/// ("Thursday night", "overnight") may run past midnight into the next day, and "early on
/// Friday" ("before dawn") may be another time zone's evening before. A day worked out from
/// "hours after" another event, the day of a statement, and a date the report does not write
/// (the lead's, the publication's) state no day.
fn stated_days(e: &Event) -> Vec<(NaiveDate, NaiveDate)> {
    if e.date.precision != DatePrecision::Day || e.date.start != e.date.end {
        return Vec::new();
    }
    let day = e.date.start;
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for m in e.mentions.iter().filter(|m| m.date_span.is_some()) {
        let reasoning = m.date_reasoning.as_str();
        // "'late on Thursday' before Fri 2020-03-13 -> 2020-03-12": the expression, then the
        // day it resolved to.
        let Some(expr) = reasoning
            .strip_prefix('\'')
            .and_then(|r| r.find("' ").map(|end| &r[..end]))
        else {
            continue;
        };
        // A night resolves to "-> night of 2021-06-27/28": its first day.
        let resolved = reasoning
            .rsplit("-> ")
            .next()
            .map(|r| r.strip_prefix("night of ").unwrap_or(r))
            .and_then(|r| r.get(..10))
            .and_then(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").ok());
        if resolved != Some(day) || reasoning.ends_with(events::STATEMENT_DAY_NOTE) {
            continue;
        }
        let has = |words: &[&str]| {
            expr.split_whitespace()
                .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
        };
        if has(&["hours"]) {
            continue;
        }
        let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
        let prev = day.checked_sub_days(Days::new(1)).unwrap_or(day);
        let window = if has(&["night", "overnight", "tonight", "late"]) {
            (day, next)
        } else if has(&["early", "dawn", "morning"]) {
            (prev, day)
        } else {
            (day, day)
        };
        if !out.contains(&window) {
            out.push(window);
        }
    }
    out
}

/// Two reports one day apart are two events when each states its own day outright and no
/// window of one meets a window of the other (strikes on adjacent nights 10 km apart across a
/// border are two raids); a loose date joins either.
fn stated_days_differ(a: &[(NaiveDate, NaiveDate)], b: &[(NaiveDate, NaiveDate)]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.iter().any(|y| x.0 <= y.1 && y.0 <= x.1))
}

/// "He was referring to the February 15 attack on Erbil airport": a report whose words only
/// say "attack" or "the strikes" guessed its kind, and joins a report of another kind family
/// that names the kind ("rockets hit Erbil airport on Monday night") when both name the place
/// (a dateline guess says too little to set the kinds aside) and state the day.
fn kind_left_to_the_other(a: &Event, a_guesses: Guesses, b: &Event, b_guesses: Guesses) -> bool {
    (a.kind_guessed || b.kind_guessed)
        && !a_guesses.place
        && !b_guesses.place
        && !a_guesses.date
        && !b_guesses.date
        && a.date.precision == DatePrecision::Day
        && b.date.precision == DatePrecision::Day
}

/// How close two compatible events are (lower is better): day difference, then distance.
fn closeness(a: &Event, b: &Event) -> (i64, i64) {
    let day_gap = if a.date.overlaps(&b.date) {
        0
    } else {
        (a.date.start - b.date.start).num_days().abs()
    };
    let km = match (&a.place, &b.place) {
        (Some(p), Some(q)) => haversine_km((p.lat, p.lon), (q.lat, q.lon)) as i64,
        _ => 1000,
    };
    (day_gap, km)
}

struct Cluster {
    event: Event,
    /// `Guesses::of(&event)`, kept up to date as reports join.
    guesses: Guesses,
    /// Whether any report joined: killed and wounded are then recomputed from all the claims
    /// once, at the end (they play no part in clustering).
    merged: bool,
    articles: std::collections::HashSet<String>,
    /// One vote per member report: its kind and its main place.
    kind_votes: Vec<EventKind>,
    place_votes: Vec<Place>,
    /// `stated_days` of the member reports.
    stated: Vec<(NaiveDate, NaiveDate)>,
    /// The places of the first report's article when that report has none (`home_near`).
    home: Vec<Place>,
}

/// How far back and forward from its own dates an event looks for a cluster to join: the
/// cluster's start date must lie in `[start - 70 days, end + 2 days]` (a month-precision cluster
/// starts on the 1st; a guessed date looks a month back).
fn search_window(e: &Event) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let lo = e
        .date
        .start
        .checked_sub_days(Days::new(70))
        .unwrap_or(e.date.start);
    let hi = e
        .date
        .end
        .checked_add_days(Days::new(2))
        .unwrap_or(e.date.end);
    (lo, hi)
}

/// Splits search windows into groups whose events cannot touch each other's clusters: the
/// connected runs of overlapping windows (closed intervals: sharing one day is overlapping).
/// Returns the group of each window and each group's span, both in date order.
#[allow(clippy::type_complexity)]
fn window_groups(
    windows: &[(chrono::NaiveDate, chrono::NaiveDate)],
) -> (Vec<usize>, Vec<(chrono::NaiveDate, chrono::NaiveDate)>) {
    let mut by_lo: Vec<(chrono::NaiveDate, chrono::NaiveDate, usize)> = windows
        .iter()
        .enumerate()
        .map(|(i, &(lo, hi))| (lo, hi, i))
        .collect();
    by_lo.sort_unstable();
    let mut group_of = vec![0; windows.len()];
    let mut spans: Vec<(chrono::NaiveDate, chrono::NaiveDate)> = Vec::new();
    for (lo, hi, i) in by_lo {
        match spans.last_mut() {
            Some(span) if lo <= span.1 => span.1 = span.1.max(hi),
            _ => spans.push((lo, hi)),
        }
        group_of[i] = spans.len() - 1;
    }
    (group_of, spans)
}

/// Merges events of different articles that report the same real-world event, then numbers
/// them "e1", "e2", … in time order.
///
/// The merge is greedy and depends on the order (`processing_order`), yet most of it runs in
/// parallel with exactly the result of one pass: the order falls into stages (precise dates,
/// then vaguer ones, then guessed ones), and within a stage into groups whose search windows
/// do not overlap. A cluster's date is always the date of one of its reports (`merge_into`),
/// which lies inside that report's window, so a cluster that an event of one group can see
/// (or move) lies inside that group's span and no other's. Each group takes the clusters
/// dated in its span, runs the pass over its own events, and gives them back. Clusters keep
/// the rank of the report that started them, which is the order one pass would have created
/// them in; ties among candidates and in the final stable sort are broken by it.
pub fn cluster_events(events: Vec<Event>, gaz: &Gazetteer) -> Vec<Event> {
    use rayon::prelude::*;
    let order = processing_order(&events);
    let places = article_places(&events);
    let n = events.len();
    // Lay the events out stage by stage, group by group (each in processing order), so that
    // every group owns one slice; `rank_at` keeps each position's rank in the whole order.
    let stage_of = |e: &Event| (date_is_guess(e), e.date.precision);
    let mut target = vec![0; n];
    let mut rank_at = vec![0; n];
    let mut stages: Vec<Vec<(usize, (chrono::NaiveDate, chrono::NaiveDate))>> = Vec::new();
    let mut first = 0;
    while first < n {
        let stage = stage_of(&events[order[first]]);
        let end = first
            + order[first..]
                .iter()
                .take_while(|&&i| stage_of(&events[i]) == stage)
                .count();
        let windows: Vec<_> = order[first..end]
            .iter()
            .map(|&i| search_window(&events[i]))
            .collect();
        let (group_of, spans) = window_groups(&windows);
        let mut sizes = vec![0; spans.len()];
        for &g in &group_of {
            sizes[g] += 1;
        }
        let mut next_in_group: Vec<usize> = sizes
            .iter()
            .scan(first, |at, &len| {
                let start = *at;
                *at += len;
                Some(start)
            })
            .collect();
        for (rank, &i) in order.iter().enumerate().take(end).skip(first) {
            let p = &mut next_in_group[group_of[rank - first]];
            target[i] = *p;
            rank_at[*p] = rank;
            *p += 1;
        }
        stages.push(sizes.into_iter().zip(spans).collect());
        first = end;
    }
    drop(order);
    // Move every event to its place (each is moved once: a swap puts one event where it goes).
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    for i in 0..n {
        while target[i] != i {
            let j = target[i];
            slots.swap(i, j);
            target.swap(i, j);
        }
    }
    drop(target);

    let mut all = ClusterSet::default();
    let mut rest_slots: &mut [Option<Event>] = &mut slots;
    let mut rest_ranks: &[usize] = &rank_at;
    for groups in stages {
        let mut work = Vec::with_capacity(groups.len());
        for (len, (lo, hi)) in groups {
            let (group_slots, tail) = std::mem::take(&mut rest_slots).split_at_mut(len);
            rest_slots = tail;
            let (group_ranks, tail) = rest_ranks.split_at(len);
            rest_ranks = tail;
            work.push((group_slots, group_ranks, all.take_dated(lo, hi)));
        }
        let done: Vec<ClusterSet> = work
            .into_par_iter()
            .map(|(group_slots, group_ranks, mut set)| {
                for (slot, &rank) in group_slots.iter_mut().zip(group_ranks) {
                    if let Some(e) = slot.take() {
                        set.add(e, rank, gaz, &places);
                    }
                }
                set
            })
            .collect();
        for set in done {
            all.give_back(set);
        }
    }
    drop(slots);
    shown_events(all)
}

/// The clusters shown as events, numbered in time order.
fn shown_events(all: ClusterSet) -> Vec<Event> {
    // A weak mention that no other article confirms is not shown as an event.
    let mut out: Vec<Event> = all
        .into_created_order()
        .filter(|c| {
            c.articles.len() > 1
                || c.event.confidence > crate::extract::events::UNCONFIRMED_CONFIDENCE
        })
        // A date that only says "2015" or "since 2015" locates no strike in time: such a
        // mention is background unless it joined a precisely dated event above.
        .filter(|c| !span_too_long(&c.event.date))
        .map(|c| {
            let mut event = c.event;
            if c.merged {
                event.recompute_ranges();
            }
            if event.place.is_none() && event.other_places.is_empty() {
                event.place = story_place(&c.home).cloned();
            }
            event
        })
        .collect();
    number_in_time_order(&mut out);
    out
}

/// Clusters by the start of their date, so that each event only looks at clusters dated near
/// it, then by the rank (in processing order) of the report that started each: one pass would
/// have created them in that order, and ties among candidates go to the earliest.
#[derive(Default)]
struct ClusterSet {
    by_start: std::collections::BTreeMap<(chrono::NaiveDate, usize), Box<Cluster>>,
}

impl ClusterSet {
    /// Moves out the clusters whose date starts in `lo..=hi`.
    fn take_dated(&mut self, lo: chrono::NaiveDate, hi: chrono::NaiveDate) -> ClusterSet {
        let keys: Vec<(chrono::NaiveDate, usize)> = self
            .by_start
            .range((lo, 0)..=(hi, usize::MAX))
            .map(|(&k, _)| k)
            .collect();
        let mut taken = ClusterSet::default();
        for key in keys {
            if let Some(c) = self.by_start.remove(&key) {
                taken.by_start.insert(key, c);
            }
        }
        taken
    }

    fn give_back(&mut self, other: ClusterSet) {
        self.by_start.extend(other.by_start);
    }

    /// The clusters in the order one pass would have created them.
    fn into_created_order(self) -> impl Iterator<Item = Box<Cluster>> {
        let mut all: Vec<(usize, Box<Cluster>)> = self
            .by_start
            .into_iter()
            .map(|((_, rank), c)| (rank, c))
            .collect();
        all.sort_unstable_by_key(|&(rank, _)| rank);
        all.into_iter().map(|(_, c)| c)
    }

    /// One step of the greedy pass: the event joins the closest compatible cluster or starts
    /// its own (keyed by `rank`).
    fn add(&mut self, e: Event, rank: usize, gaz: &Gazetteer, places: &ArticlePlaces) {
        let article = e
            .mentions
            .first()
            .map(|m| m.article.clone())
            .unwrap_or_default();
        let home: &[Place] = match places.get(&article) {
            Some(at) if all_places(&e).next().is_none() => at,
            _ => &[],
        };
        let (lo, hi) = search_window(&e);
        let guesses = Guesses::of(&e);
        let stated = stated_days(&e);
        let best = self
            .by_start
            .range((lo, 0)..=(hi, usize::MAX))
            .filter(|(_, c)| !c.articles.contains(&article))
            .filter(|(_, c)| {
                c.event.kind.same_family(e.kind)
                    || kind_left_to_the_other(&c.event, c.guesses, &e, guesses)
            })
            .filter(|(_, c)| {
                dates_agree(&c.event.date, &e.date)
                    || (guesses.date && guess_fits(&c.event.date, &e.date))
            })
            .filter(|(_, c)| !stated_days_differ(&c.stated, &stated))
            .filter(|(_, c)| places_agree(gaz, &c.event, c.guesses.place, &e, guesses.place))
            .filter(|(_, c)| home_near(home, &c.event) && home_near(&c.home, &e))
            .filter(|(_, c)| {
                !actors_contradict(
                    c.event.perpetrator.as_deref(),
                    c.event.perpetrator_qualifier.is_some(),
                    e.perpetrator.as_deref(),
                    e.perpetrator_qualifier.is_some(),
                )
            })
            .min_by_key(|(_, c)| closeness(&c.event, &e))
            .map(|(&k, _)| k);
        match best {
            Some(key) => {
                let Some(c) = self.by_start.get_mut(&key) else {
                    return;
                };
                c.articles.insert(article);
                // A report that names the kind outvotes every one that only guessed it.
                if c.event.kind_guessed && !e.kind_guessed {
                    c.kind_votes.clear();
                }
                if c.event.kind_guessed || !e.kind_guessed {
                    c.kind_votes.push(e.kind);
                }
                for w in stated {
                    if !c.stated.contains(&w) {
                        c.stated.push(w);
                    }
                }
                if !guesses.place {
                    c.place_votes.extend(e.place.clone());
                }
                merge_into(&mut c.event, c.guesses, e, guesses);
                c.guesses = c.guesses.and(guesses);
                c.merged = true;
                c.event.kind = vote_kind(&c.kind_votes);
                choose_place(gaz, &mut c.event, &c.place_votes);
                let start = c.event.date.start;
                if start != key.0
                    && let Some(c) = self.by_start.remove(&key)
                {
                    self.by_start.insert((start, key.1), c);
                }
            }
            None => {
                self.by_start.insert(
                    (e.date.start, rank),
                    Box::new(Cluster {
                        kind_votes: vec![e.kind],
                        place_votes: if guesses.place {
                            Vec::new()
                        } else {
                            e.place.iter().cloned().collect()
                        },
                        event: e,
                        guesses,
                        stated,
                        home: home.to_vec(),
                        merged: false,
                        articles: std::iter::once(article).collect(),
                    }),
                );
            }
        }
    }
}

/// The order in which events meet the clusters (indices into `events`). Precise reports first,
/// so a vague one ("in December 2019") joins the event it fits best instead of chaining two
/// distinct events together. The order is found on small keys (a stable sort, like sorting the
/// events themselves) so the large events are moved only once.
fn processing_order(events: &[Event]) -> Vec<usize> {
    let mut order: Vec<(bool, DatePrecision, bool, chrono::NaiveDate, usize)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                date_is_guess(e),
                e.date.precision,
                e.place.is_none(),
                e.date.start,
                i,
            )
        })
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(.., i)| i).collect()
}

/// Sorts the events by date (then place name; a stable sort, so ties keep their creation
/// order) and numbers them "e1", "e2", ….
fn number_in_time_order(out: &mut [Event]) {
    out.sort_by(|a, b| {
        (a.date.start, a.date.end)
            .cmp(&(b.date.start, b.date.end))
            .then_with(|| {
                a.place
                    .as_ref()
                    .map(|p| p.name.as_str())
                    .cmp(&b.place.as_ref().map(|p| p.name.as_str()))
            })
    });
    for (i, e) in out.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
}

/// Longest date span an event may have on its own: a month plus slack for "late January".
const MAX_EVENT_SPAN_DAYS: i64 = 35;

fn span_too_long(d: &DateRange) -> bool {
    (d.end - d.start).num_days() > MAX_EVENT_SPAN_DAYS
}

fn date_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
    }
}

/// The kind most reports give. A drone strike is also an air strike, so "air strike" reports
/// count for it. Ties go to the more common word of wire copy: "rockets" over "missiles", and
/// a "drone attack" (no state air force behind it) over a "drone strike".
pub fn vote_kind(votes: &[EventKind]) -> EventKind {
    const PREFERENCE: [EventKind; 9] = [
        EventKind::RocketAttack,
        EventKind::MissileAttack,
        EventKind::Shelling,
        EventKind::DroneAttack,
        EventKind::DroneStrike,
        EventKind::Ied,
        EventKind::Airstrike,
        EventKind::GroundAssault,
        EventKind::OtherAttack,
    ];
    let count = |k: EventKind| {
        votes
            .iter()
            .filter(|&&v| v == k || (k == EventKind::DroneStrike && v == EventKind::Airstrike))
            .count()
    };
    PREFERENCE
        .into_iter()
        .filter(|k| votes.contains(k))
        .enumerate()
        .max_by_key(|&(rank, k)| (count(k), std::cmp::Reverse(rank)))
        .map_or(EventKind::OtherAttack, |(_, k)| k)
}

/// Sets the event's main place to the one its reports support best (see
/// `events::most_supported_place`); the others stay as further places.
fn choose_place(gaz: &Gazetteer, ev: &mut Event, votes: &[Place]) {
    let mut places: Vec<Place> = ev
        .place
        .take()
        .into_iter()
        .chain(std::mem::take(&mut ev.other_places))
        .collect();
    let weighted: Vec<(&Place, u32)> = places
        .iter()
        .map(|p| (p, votes.iter().filter(|v| *v == p).count() as u32))
        .collect();
    if let Some(i) = crate::extract::events::most_supported_place(gaz, &weighted) {
        ev.place = Some(places.remove(i));
    }
    ev.other_places = places;
}

/// Folds `other` into `into`: all mentions and claims are kept; date and place become the
/// most precise ones supported; the kind the more specific one.
/// `into_guesses` / `other_guesses`: `Guesses::of` each event. Killed and wounded are left for
/// `Event::recompute_ranges` once all reports have joined.
fn merge_into(into: &mut Event, into_guesses: Guesses, mut other: Event, other_guesses: Guesses) {
    // A guessed (dateline) place gives way to any place a report names.
    if other_guesses.place && (other.place.is_some() || !other.other_places.is_empty()) {
        if into.place.is_some() {
            other.place = None;
            other.other_places.clear();
        }
    } else if into_guesses.place && other.place.is_some() {
        into.place = None;
        into.other_places.clear();
    }
    // "said on Saturday it distanced itself from the rocket fire": the day of a statement is
    // no day of the attack, so it does not narrow a month the other reports state ("in late
    // September").
    let finer = date_rank(other.date.precision) < date_rank(into.date.precision)
        && (!dated_by_statement_only(&other) || dated_by_statement_only(into));
    let stated_over_statement = dated_by_statement_only(into) && !dated_by_statement_only(&other);
    if !other_guesses.date && (into_guesses.date || finer || stated_over_statement) {
        into.date = other.date;
    }
    if into.kind == EventKind::Airstrike && other.kind == EventKind::DroneStrike {
        into.kind = EventKind::DroneStrike;
    }
    into.kind_guessed &= other.kind_guessed;
    let mut places: Vec<Place> = into
        .place
        .take()
        .into_iter()
        .chain(std::mem::take(&mut into.other_places))
        .collect();
    for p in other.place.into_iter().chain(other.other_places) {
        if !places
            .iter()
            .any(|q| q.gazetteer_id == p.gazetteer_id && q.name == p.name)
        {
            places.push(p);
        }
    }
    if let Some((i, _)) = places
        .iter()
        .enumerate()
        .min_by_key(|(i, p)| (p.precision, *i))
    {
        let primary = places.remove(i);
        into.place = Some(primary);
    }
    into.other_places = places;
    let replace_perp = match (&into.perpetrator, &other.perpetrator) {
        (None, Some(_)) => true,
        (Some(_), Some(_)) => {
            into.perpetrator_qualifier.is_some() && other.perpetrator_qualifier.is_none()
        }
        _ => false,
    };
    if replace_perp {
        into.perpetrator = other.perpetrator;
        into.perpetrator_qualifier = other.perpetrator_qualifier;
    }
    if into.target.is_none() {
        into.target = other.target;
    }
    into.claims.extend(other.claims);
    into.mentions.extend(other.mentions);
    into.confidence = (into.confidence.max(other.confidence) + 0.05).min(1.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    fn day(s: &str) -> DateRange {
        DateRange::day(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    /// An invented report: `kind` on `date` at place `p` (0 = none, 1–3 three invented towns)
    /// in article `a`, dated in the text unless `guessed`.
    fn report(a: usize, kind: EventKind, date: DateRange, p: usize, guessed: bool) -> Event {
        let towns = [
            ("Alpha", 33.0, 44.0),
            ("Beta", 33.3, 44.2),
            ("Gamma", 35.0, 41.0),
        ];
        let place = p.checked_sub(1).map(|t| Place {
            name: towns[t].0.into(),
            lat: towns[t].1,
            lon: towns[t].2,
            precision: crate::extract::types::PlacePrecision::Town,
            country: Some("IQ".into()),
            admin1: None,
            gazetteer_id: Some(format!("test:{t}")),
        });
        Event {
            id: String::new(),
            kind,
            date,
            place,
            other_places: Vec::new(),
            perpetrator: None,
            perpetrator_qualifier: None,
            target: None,
            killed: None,
            wounded: None,
            claims: Vec::new(),
            mentions: vec![crate::extract::types::Mention {
                article: format!("a{a}"),
                sentence_span: [0, 10],
                trigger_span: [0, 5],
                place_span: (p > 0).then_some([6, 9]),
                date_span: (!guessed).then_some([1, 4]),
                date_reasoning: String::new(),
                perpetrator_span: None,
                target_span: None,
            }],
            confidence: 0.5,
            kind_guessed: false,
        }
    }

    #[test]
    fn reports_that_each_state_a_different_day_are_two_events() {
        let stated = |a: usize, d: &str, p: usize, reasoning: &str| {
            let mut e = report(a, EventKind::Airstrike, day(d), p, false);
            e.mentions[0].date_reasoning = reasoning.into();
            e
        };
        let gaz = Gazetteer::global();
        // Raids near one town on Wednesday evening and late on Thursday: each report states
        // its day, so two events.
        let wed = stated(
            1,
            "2020-05-06",
            1,
            "'Wednesday evening' before Fri 2020-05-08 -> 2020-05-06",
        );
        let thu = stated(
            2,
            "2020-05-07",
            1,
            "'late on Thursday' before Fri 2020-05-08 -> 2020-05-07",
        );
        assert_eq!(cluster_events(vec![wed.clone(), thu.clone()], gaz).len(), 2);
        // "overnight" reaches into the next day: one event.
        let night = stated(
            2,
            "2020-05-06",
            1,
            "'overnight' night before Thu 2020-05-07 -> night of 2020-05-06/07",
        );
        let thu_plain = stated(
            3,
            "2020-05-07",
            1,
            "'Thursday' before Fri 2020-05-08 -> 2020-05-07",
        );
        assert_eq!(cluster_events(vec![night, thu_plain.clone()], gaz).len(), 1);
        // The day of a statement ("said on Thursday") states no day of the raid: one event.
        let said = stated(
            2,
            "2020-05-07",
            1,
            &format!(
                "'Thursday' before Fri 2020-05-08 -> 2020-05-07{}",
                events::STATEMENT_DAY_NOTE
            ),
        );
        assert_eq!(cluster_events(vec![wed.clone(), said], gaz).len(), 1);
        // A report whose day is not written (the lead's, "hours after") joins either.
        let loose = report(2, EventKind::Airstrike, day("2020-05-07"), 1, false);
        assert_eq!(cluster_events(vec![wed, loose], gaz).len(), 1);
    }

    #[test]
    fn windows_that_share_a_day_are_one_group_and_a_long_gap_splits() {
        let r = |d: &str| search_window(&report(1, EventKind::Airstrike, day(d), 1, false));
        // Windows run from 70 days before to 2 days after: 1 Jan reaches 3 Jan, and 14 Mar
        // looks back to 4 Jan (no overlap); 13 Mar looks back to 3 Jan (overlap on that day).
        let (groups, spans) = window_groups(&[r("2020-03-14"), r("2020-01-01")]);
        assert_eq!((groups, spans.len()), (vec![1, 0], 2));
        let (groups, spans) = window_groups(&[r("2020-01-01"), r("2020-03-13")]);
        assert_eq!((groups, spans.len()), (vec![0, 0], 1));
        assert_eq!(spans[0], (r("2020-01-01").0, r("2020-03-13").1));
        // A chain of reports a month apart is one group however long it runs.
        let chain: Vec<_> = (1..=12).map(|m| r(&format!("2021-{m:02}-15"))).collect();
        assert_eq!(window_groups(&chain).1.len(), 1);
    }

    /// A report that names no site (its place is the dateline guess) joins an event of the same
    /// kind and day in a neighbouring country, but not one on another continent.
    #[test]
    fn a_guessed_place_joins_a_neighbouring_event_but_not_one_in_another_region() {
        let gaz = Gazetteer::global();
        let named = report(1, EventKind::Shelling, day("2020-07-06"), 1, false);
        let guessed_at = |name: &str, lat: f64, lon: f64| {
            let mut e = report(2, EventKind::Shelling, day("2020-07-06"), 1, false);
            let place = e.place.as_mut().unwrap();
            (place.name, place.lat, place.lon) = (name.into(), lat, lon);
            e.mentions[0].place_span = None;
            e
        };
        let near = cluster_events(
            vec![named.clone(), guessed_at("Deir ez-Zor", 35.3, 40.1)],
            gaz,
        );
        assert_eq!(near.len(), 1, "a dateline ~400 km away is the same region");
        let far = cluster_events(vec![named, guessed_at("Ouagadougou", 12.37, -1.53)], gaz);
        assert_eq!(far.len(), 2, "a dateline 5,000 km away is another event");
    }

    /// A report with no place at all stays in the country its article is about: a page about
    /// strikes in a far country, or in a neighbouring one, that recalls "air strikes in
    /// February" with no site does not join a strike of that month at a town of our invented
    /// country; a page about a town of the same country does.
    #[test]
    fn a_placeless_report_joins_no_event_outside_its_articles_countries() {
        let gaz = Gazetteer::global();
        let named = report(1, EventKind::Airstrike, day("2021-02-15"), 1, false);
        let recalled_in_page_at = |lat: f64, lon: f64, country: &str| {
            let mut here = report(2, EventKind::Airstrike, day("2021-04-11"), 1, false);
            let place = here.place.as_mut().unwrap();
            (place.lat, place.lon, place.country) = (lat, lon, Some(country.into()));
            let mut recalled = report(
                2,
                EventKind::Airstrike,
                DateRange {
                    start: NaiveDate::from_ymd_opt(2021, 2, 1).unwrap(),
                    end: NaiveDate::from_ymd_opt(2021, 2, 28).unwrap(),
                    precision: DatePrecision::Month,
                },
                0,
                false,
            );
            recalled.confidence = 0.9;
            vec![named.clone(), here, recalled]
        };
        let far = cluster_events(recalled_in_page_at(22.0, 95.9, "MM"), gaz);
        assert_eq!(far.len(), 3, "a page 4,000 km away: {far:?}");
        let neighbour = cluster_events(recalled_in_page_at(35.9, 36.6, "SY"), gaz);
        assert_eq!(
            neighbour.len(),
            3,
            "a page on a town of the next country: {neighbour:?}"
        );
        let border = cluster_events(recalled_in_page_at(34.4, 40.9, "SY"), gaz);
        assert_eq!(
            border.len(),
            2,
            "a page on the border strip next door: {border:?}"
        );
        let near = cluster_events(recalled_in_page_at(36.2, 43.9, "IQ"), gaz);
        assert_eq!(near.len(), 2, "a page on the same country: {near:?}");
    }

    /// A report dated only by the day of a statement ("a group said on Saturday it had no
    /// part in the rocket fire") joins the attack of that month, but does not move its date to
    /// the day of the statement; a day the report states for the attack does.
    #[test]
    fn the_day_of_a_statement_does_not_narrow_a_stated_month() {
        let gaz = Gazetteer::global();
        let september = DateRange {
            start: NaiveDate::from_ymd_opt(2020, 9, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2020, 9, 30).unwrap(),
            precision: DatePrecision::Month,
        };
        let month = report(1, EventKind::RocketAttack, september, 1, false);
        let said = |note: &str| {
            let mut e = report(2, EventKind::RocketAttack, day("2020-09-26"), 1, false);
            e.mentions[0].date_reasoning =
                format!("'Saturday' before Tue 2020-09-29 -> 2020-09-26{note}");
            e
        };
        // In either order of the reports.
        let out = cluster_events(vec![month.clone(), said(events::STATEMENT_DAY_NOTE)], gaz);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].date, september);
        let out = cluster_events(vec![said(events::STATEMENT_DAY_NOTE), month.clone()], gaz);
        assert_eq!(out[0].date, september, "{out:?}");
        let out = cluster_events(vec![month, said("")], gaz);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].date, day("2020-09-26"));
    }

    /// A report that only says "the attack on the airport" joins the report of rockets at that
    /// airport on that day, which decides the kind; a report that names another kind does not,
    /// nor does one whose place is a dateline guess.
    #[test]
    fn a_guessed_kind_joins_the_report_that_names_it() {
        let gaz = Gazetteer::global();
        let rockets = report(1, EventKind::RocketAttack, day("2021-03-09"), 1, false);
        let mut recalled = report(2, EventKind::Airstrike, day("2021-03-09"), 1, false);
        recalled.kind_guessed = true;
        let out = cluster_events(vec![recalled.clone(), rockets.clone()], gaz);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].kind, EventKind::RocketAttack);
        // Named as an air strike, it is another event.
        let mut named = recalled.clone();
        named.kind_guessed = false;
        assert_eq!(cluster_events(vec![named, rockets.clone()], gaz).len(), 2);
        // Placed only by a dateline guess, it is too loose to set the kinds aside.
        let mut unsited = recalled;
        unsited.mentions[0].place_span = None;
        assert_eq!(cluster_events(vec![unsited, rockets], gaz).len(), 2);
    }

    /// An event no report places ("a second car bomb went off in the market district" where
    /// the gazetteer knows no such district) is shown where its article's story is: the main
    /// place of the event the article tells first, unless that is a whole region or country.
    #[test]
    fn an_unplaced_event_takes_the_place_of_its_articles_first_story() {
        let gaz = Gazetteer::global();
        let story = |first_place: usize, precision: PlacePrecision| {
            let mut lead = report(1, EventKind::Ied, day("2019-03-02"), first_place, false);
            lead.confidence = 0.9;
            if let Some(p) = lead.place.as_mut() {
                p.precision = precision;
            }
            // Told later in the page, in another town: not the story's place.
            let mut later = report(1, EventKind::Shelling, day("2019-01-20"), 3, false);
            later.mentions[0].sentence_span = [500, 600];
            later.confidence = 0.9;
            let mut unplaced = report(1, EventKind::Ied, day("2019-03-02"), 0, false);
            unplaced.mentions[0].sentence_span = [200, 300];
            unplaced.confidence = 0.9;
            // Given last, so the story's order is read from the text, not the list.
            cluster_events(vec![later, unplaced, lead], gaz)
        };
        let place_of_unplaced = |out: &[Event]| {
            out.iter()
                .find(|e| e.mentions[0].sentence_span[0] == 200)
                .and_then(|e| e.place.as_ref().map(|p| p.name.clone()))
        };
        let out = story(1, PlacePrecision::Town);
        assert_eq!(place_of_unplaced(&out).as_deref(), Some("Alpha"), "{out:?}");
        // Views say the place is inferred for that event only, not for the lead that names it.
        let inferred: Vec<bool> = out.iter().map(|e| e.place_inferred()).collect();
        let unplaced_at = out
            .iter()
            .position(|e| e.mentions[0].sentence_span[0] == 200);
        for (i, flag) in inferred.iter().enumerate() {
            assert_eq!(*flag, Some(i) == unplaced_at, "{out:?}");
        }
        let out = story(1, PlacePrecision::Country);
        assert_eq!(place_of_unplaced(&out), None, "{out:?}");
    }

    /// Clustering stage by stage and group by group in parallel gives exactly what one pass
    /// over all events in processing order gives: same events, same merges, same ids.
    #[test]
    fn clustering_by_independent_groups_equals_one_pass() {
        use EventKind::*;
        let gaz = Gazetteer::global();
        let kinds = [Airstrike, DroneStrike, RocketAttack, Shelling];
        // A small deterministic generator (no randomness in tests).
        let mut x: u64 = 12345;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let mut events = Vec::new();
        for k in 0..600 {
            // Bursts of reports in seasons years apart, and one long busy stretch; some
            // reports dated to a month or a year, some with a guessed date.
            let season = next(5) as i32;
            let base = NaiveDate::from_ymd_opt(2000 + 3 * season, 1 + next(3) as u32, 1).unwrap();
            let date = base + chrono::Days::new(next(if season == 4 { 300 } else { 20 }));
            let range = match next(10) {
                0 => DateRange {
                    start: date.with_day(1).unwrap(),
                    end: date.with_day(28).unwrap(),
                    precision: DatePrecision::Month,
                },
                1 => DateRange {
                    start: date.with_ordinal(1).unwrap(),
                    end: date.with_ordinal(365).unwrap(),
                    precision: DatePrecision::Year,
                },
                _ => DateRange::day(date),
            };
            let kind = kinds[next(4) as usize];
            let guessed = next(10) == 0;
            events.push(report(1 + k % 80, kind, range, next(4) as usize, guessed));
        }
        let parallel = cluster_events(events.clone(), gaz);
        let mut one_pass = ClusterSet::default();
        let places = article_places(&events);
        for (rank, i) in processing_order(&events).into_iter().enumerate() {
            one_pass.add(events[i].clone(), rank, gaz, &places);
        }
        let one_pass = shown_events(one_pass);
        assert!(
            (20..400).contains(&one_pass.len()),
            "reports merged: {}",
            one_pass.len()
        );
        assert_eq!(parallel, one_pass);
    }

    #[test]
    fn a_year_long_date_is_too_vague_for_an_event_but_a_month_is_not() {
        let year = DateRange {
            start: NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2016, 12, 31).unwrap(),
            precision: DatePrecision::Year,
        };
        let month = DateRange {
            start: NaiveDate::from_ymd_opt(2016, 3, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2016, 3, 31).unwrap(),
            precision: DatePrecision::Month,
        };
        assert!(span_too_long(&year));
        assert!(!span_too_long(&month));
        assert!(!span_too_long(&day("2016-03-04")));
    }

    #[test]
    fn a_month_report_agrees_with_a_day_inside_it() {
        let month = DateRange {
            start: NaiveDate::from_ymd_opt(2019, 12, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(),
            precision: DatePrecision::Month,
        };
        assert!(dates_agree(&month, &day("2019-12-27")));
        assert!(!dates_agree(&month, &day("2020-01-08")));
        assert!(
            dates_agree(&day("2021-06-27"), &day("2021-06-28")),
            "overnight straddles two days"
        );
        assert!(!dates_agree(&day("2020-03-11"), &day("2020-03-14")));
    }

    #[test]
    fn stated_perpetrators_of_opposite_sides_contradict() {
        assert!(actors_contradict(
            Some("United States"),
            false,
            Some("Kataib Hezbollah"),
            false
        ));
        assert!(!actors_contradict(
            Some("Iran-backed militias"),
            false,
            Some("Kataib Hezbollah"),
            false
        ));
        assert!(!actors_contradict(
            Some("United States"),
            false,
            Some("Kataib Hezbollah"),
            true
        ));
        assert!(!actors_contradict(
            None,
            false,
            Some("Kataib Hezbollah"),
            false
        ));
    }

    #[test]
    fn the_kind_most_reports_give_wins_and_rockets_win_a_tie() {
        use EventKind::*;
        assert_eq!(vote_kind(&[MissileAttack, RocketAttack]), RocketAttack);
        assert_eq!(
            vote_kind(&[MissileAttack, MissileAttack, RocketAttack]),
            MissileAttack
        );
        assert_eq!(vote_kind(&[Airstrike, DroneStrike]), DroneStrike);
        assert_eq!(vote_kind(&[DroneStrike, DroneAttack]), DroneAttack);
    }
}
