//! Cross-article clustering: the reports of one real-world event in several articles become
//! one event with every mention and every claim. Within an article the linker has already
//! decided which mentions are one event, so two events of the same article never merge here.

use chrono::Days;

use crate::corpus::DatePrecision;
use crate::extract::events::places_compatible;
use crate::extract::gazetteer::{Gazetteer, haversine_km};
use crate::extract::types::{DateRange, Event, EventKind, Place};

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

/// No mention of the event dates it: its date is the publication fallback.
fn date_is_guess(e: &Event) -> bool {
    e.mentions.iter().all(|m| m.date_span.is_none())
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

fn places_agree(gaz: &Gazetteer, a: &Event, b: &Event) -> bool {
    if place_is_guess(a) || place_is_guess(b) {
        return true;
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
    articles: std::collections::HashSet<String>,
    /// One vote per member report: its kind and its main place.
    kind_votes: Vec<EventKind>,
    place_votes: Vec<Place>,
}

/// Merges events of different articles that report the same real-world event, then numbers
/// them "e1", "e2", … in time order.
pub fn cluster_events(events: Vec<Event>, gaz: &Gazetteer) -> Vec<Event> {
    // Precise reports first, so a vague one ("in December 2019") joins the event it fits best
    // instead of chaining two distinct events together. The order is found on small keys (a
    // stable sort, like sorting the events themselves) so the large events are moved only once.
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
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let events = order.into_iter().filter_map(|(.., i)| slots[i].take());
    let mut clusters: Vec<Cluster> = Vec::new();
    // Clusters by the start of their date, so that each event only looks at clusters dated
    // near it (a month-precision cluster starts on the 1st; a guessed date looks a month back).
    let mut by_start: std::collections::BTreeSet<(chrono::NaiveDate, usize)> = Default::default();
    for e in events {
        let article = e
            .mentions
            .first()
            .map(|m| m.article.clone())
            .unwrap_or_default();
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
        let near: Vec<usize> = by_start
            .range((lo, 0)..=(hi, usize::MAX))
            .map(|&(_, i)| i)
            .collect();
        let best = near
            .into_iter()
            .map(|i| (i, &clusters[i]))
            .filter(|(_, c)| !c.articles.contains(&article))
            .filter(|(_, c)| c.event.kind.same_family(e.kind))
            .filter(|(_, c)| {
                dates_agree(&c.event.date, &e.date)
                    || (date_is_guess(&e) && guess_fits(&c.event.date, &e.date))
            })
            .filter(|(_, c)| places_agree(gaz, &c.event, &e))
            .filter(|(_, c)| {
                !actors_contradict(
                    c.event.perpetrator.as_deref(),
                    c.event.perpetrator_qualifier.is_some(),
                    e.perpetrator.as_deref(),
                    e.perpetrator_qualifier.is_some(),
                )
            })
            .min_by_key(|(_, c)| closeness(&c.event, &e))
            .map(|(i, _)| i);
        match best {
            Some(i) => {
                let c = &mut clusters[i];
                c.articles.insert(article);
                let before = c.event.date.start;
                c.kind_votes.push(e.kind);
                if !place_is_guess(&e) {
                    c.place_votes.extend(e.place.clone());
                }
                merge_into(&mut c.event, e);
                c.event.kind = vote_kind(&c.kind_votes);
                choose_place(gaz, &mut c.event, &c.place_votes);
                if c.event.date.start != before {
                    by_start.remove(&(before, i));
                    by_start.insert((c.event.date.start, i));
                }
            }
            None => {
                by_start.insert((e.date.start, clusters.len()));
                clusters.push(Cluster {
                    kind_votes: vec![e.kind],
                    place_votes: if place_is_guess(&e) {
                        Vec::new()
                    } else {
                        e.place.iter().cloned().collect()
                    },
                    event: e,
                    articles: std::iter::once(article).collect(),
                });
            }
        }
    }
    // A weak mention that no other article confirms is not shown as an event.
    let mut out: Vec<Event> = clusters
        .into_iter()
        .filter(|c| {
            c.articles.len() > 1
                || c.event.confidence > crate::extract::events::UNCONFIRMED_CONFIDENCE
        })
        // A date that only says "2015" or "since 2015" locates no strike in time: such a
        // mention is background unless it joined a precisely dated event above.
        .filter(|c| !span_too_long(&c.event.date))
        .map(|c| c.event)
        .collect();
    out.sort_by(|a, b| {
        (
            a.date.start,
            a.date.end,
            a.place.as_ref().map(|p| p.name.clone()),
        )
            .cmp(&(
                b.date.start,
                b.date.end,
                b.place.as_ref().map(|p| p.name.clone()),
            ))
    });
    for (i, e) in out.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    out
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
fn merge_into(into: &mut Event, mut other: Event) {
    // A guessed (dateline) place gives way to any place a report names.
    if place_is_guess(&other) && (other.place.is_some() || !other.other_places.is_empty()) {
        if into.place.is_some() {
            other.place = None;
            other.other_places.clear();
        }
    } else if place_is_guess(into) && other.place.is_some() {
        into.place = None;
        into.other_places.clear();
    }
    if !date_is_guess(&other)
        && (date_is_guess(into) || date_rank(other.date.precision) < date_rank(into.date.precision))
    {
        into.date = other.date;
    }
    if into.kind == EventKind::Airstrike && other.kind == EventKind::DroneStrike {
        into.kind = EventKind::DroneStrike;
    }
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
    into.recompute_ranges();
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(s: &str) -> DateRange {
        DateRange::day(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
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
