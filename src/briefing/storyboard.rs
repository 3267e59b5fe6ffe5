//! The storyboard: an ordered list of slides, each a map view, a time range, a filter, the
//! highlighted events, a title, a caption and annotations pinned to map coordinates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::DatePrecision;
use crate::extract::{ClaimField, Event, PlacePrecision};
use crate::store::{EventIdx, Filter, Store};

/// Where a slide's map looks; the same numbers as the map panel's view.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SlideView {
    pub center_lon: f64,
    pub center_lat: f64,
    /// Slippy-map zoom: the world is 256 · 2^zoom pixels wide.
    pub zoom: f64,
}

impl Default for SlideView {
    /// Iraq and Syria, whole (the map's default).
    fn default() -> Self {
        Self {
            center_lon: 42.0,
            center_lat: 33.5,
            zoom: 5.0,
        }
    }
}

/// A note on the map, optionally with an arrow from the text to another point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub lon: f64,
    pub lat: f64,
    pub text: String,
    /// (lon, lat) the arrow points at.
    #[serde(default)]
    pub arrow_to: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    pub title: String,
    pub caption: String,
    pub view: SlideView,
    /// Inclusive day range shown on the map and timeline; `None` = all time.
    #[serde(default)]
    pub time: Option<(NaiveDate, NaiveDate)>,
    #[serde(default)]
    pub filter: Filter,
    /// Highlighted events by id: ids survive a reload of the corpus, indices do not.
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
}

impl Slide {
    /// The slide's events that exist in this store, in the slide's order.
    pub fn resolve_events(&self, store: &Store) -> Vec<EventIdx> {
        self.events
            .iter()
            .filter_map(|id| store.events.iter().position(|e| &e.id == id))
            .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Storyboard {
    pub slides: Vec<Slide>,
}

impl Storyboard {
    pub fn add(&mut self, slide: Slide) {
        self.slides.push(slide);
    }

    /// Inserts at `index` (clamped to the end).
    pub fn insert(&mut self, index: usize, slide: Slide) {
        let at = index.min(self.slides.len());
        self.slides.insert(at, slide);
    }

    pub fn remove(&mut self, index: usize) -> Option<Slide> {
        (index < self.slides.len()).then(|| self.slides.remove(index))
    }

    /// Moves the slide at `from` so that it ends up at position `to` (drag to reorder).
    /// Out-of-range indices leave the storyboard unchanged and return false.
    pub fn move_slide(&mut self, from: usize, to: usize) -> bool {
        if from >= self.slides.len() || to >= self.slides.len() {
            return false;
        }
        let slide = self.slides.remove(from);
        self.slides.insert(to, slide);
        true
    }

    pub fn len(&self) -> usize {
        self.slides.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }
}

/// One slide per selected event, in time order, each centred on its event with a caption
/// generated from the event's fields and its sources.
pub fn draft_from_selection(store: &Store, selected: &[EventIdx]) -> Vec<Slide> {
    let mut events: Vec<EventIdx> = selected
        .iter()
        .copied()
        .filter(|&i| i < store.events.len())
        .collect();
    events.sort_by(|&a, &b| {
        let (ea, eb) = (&store.events[a], &store.events[b]);
        (ea.date.start, ea.date.end, &ea.id).cmp(&(eb.date.start, eb.date.end, &eb.id))
    });
    events.dedup();
    events
        .into_iter()
        .map(|i| {
            let e = &store.events[i];
            let view = match &e.place {
                Some(p) => SlideView {
                    center_lon: p.lon,
                    center_lat: p.lat,
                    zoom: zoom_for(p.precision),
                },
                None => SlideView::default(),
            };
            Slide {
                title: title_for(e),
                caption: caption_for(store, i),
                view,
                time: Some((e.date.start, e.date.end)),
                filter: Filter::default(),
                events: vec![e.id.clone()],
                annotations: Vec::new(),
            }
        })
        .collect()
}

/// A zoom that frames a place of this precision with some context around it.
fn zoom_for(precision: PlacePrecision) -> f64 {
    match precision {
        PlacePrecision::Point | PlacePrecision::Town => 8.0,
        PlacePrecision::District => 7.0,
        PlacePrecision::Province => 6.5,
        PlacePrecision::Region => 6.0,
        PlacePrecision::Country => 5.0,
    }
}

fn title_for(e: &Event) -> String {
    match &e.place {
        Some(p) => format!("{} — {}", e.kind.label(), p.name),
        None => e.kind.label().to_owned(),
    }
}

/// "29 Dec 2019", "29–31 Dec 2019", "Dec 2019", "week of 6 Jan 2020".
pub fn date_label(e: &Event) -> String {
    let (s, t) = (e.date.start, e.date.end);
    match e.date.precision {
        DatePrecision::Day if s == t => s.format("%-d %b %Y").to_string(),
        DatePrecision::Day if s.format("%Y-%m").to_string() == t.format("%Y-%m").to_string() => {
            format!("{}–{}", s.format("%-d"), t.format("%-d %b %Y"))
        }
        DatePrecision::Day => format!("{} – {}", s.format("%-d %b %Y"), t.format("%-d %b %Y")),
        DatePrecision::Week => format!("week of {}", s.format("%-d %b %Y")),
        DatePrecision::Month => s.format("%b %Y").to_string(),
        DatePrecision::Year => s.format("%Y").to_string(),
    }
}

/// "near al-Qaim and in Syria": pins are "near", areas are "in". The other places add only
/// countries not named yet: "western Iraq" or "Iraq" after al-Qaim (Iraq) say nothing new.
fn where_phrase(e: &Event) -> Option<String> {
    let mut countries: Vec<Option<&str>> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    for (n, p) in e.place.iter().chain(&e.other_places).enumerate() {
        let country = p.country.as_deref();
        if n > 0 && country.is_some() && countries.contains(&country) {
            continue;
        }
        countries.push(country);
        let prep = if p.precision.is_area() { "in" } else { "near" };
        let part = format!("{prep} {}", p.name);
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    (!parts.is_empty()).then(|| parts.join(" and "))
}

/// Figures per source, never added up: "25 killed (Kataib Hezbollah) / 19 (PMF)". Claims of
/// the same figure are one entry citing everyone who gave it; its qualifier ("at least") is
/// the first one given.
fn figures_phrase(e: &Event, field: ClaimField, word: &str) -> Option<String> {
    // (value, qualifier, attributions) in order of first appearance.
    let mut figures: Vec<(u32, Option<&str>, Vec<&str>)> = Vec::new();
    for c in e.claims.iter().filter(|c| c.field == field) {
        let qualifier = c.qualifier.as_deref().filter(|q| !q.is_empty());
        let at = match figures.iter().position(|f| f.0 == c.value) {
            Some(at) => at,
            None => {
                figures.push((c.value, None, Vec::new()));
                figures.len() - 1
            }
        };
        let figure = &mut figures[at];
        figure.1 = figure.1.or(qualifier);
        if let Some(a) = c.attributed_to.as_deref().filter(|a| !a.is_empty())
            && !figure.2.contains(&a)
        {
            figure.2.push(a);
        }
    }
    let parts: Vec<String> = figures
        .iter()
        .enumerate()
        .map(|(n, (value, qualifier, by))| {
            let mut part = match qualifier {
                // A vague amount says more than the number read into it ("dozens 24").
                Some(q) if is_vague_amount(q) => q.to_string(),
                Some(q) => format!("{q} {value}"),
                None => value.to_string(),
            };
            if n == 0 {
                part.push(' ');
                part.push_str(word);
            }
            if !by.is_empty() {
                part.push_str(&format!(" ({})", by.join(", ")));
            }
            part
        })
        .collect();
    if parts.is_empty() {
        let range = match field {
            ClaimField::Killed => e.killed.as_ref(),
            ClaimField::Wounded => e.wounded.as_ref(),
            ClaimField::Munitions => None,
        }?;
        let n = if range.low == range.high {
            range.low.to_string()
        } else {
            format!("{}–{}", range.low, range.high)
        };
        return Some(format!("{n} {word}"));
    }
    Some(parts.join(" / "))
}

fn is_vague_amount(qualifier: &str) -> bool {
    matches!(
        qualifier.to_lowercase().as_str(),
        "dozens" | "scores" | "hundreds" | "thousands" | "tens" | "several" | "many"
    )
}

/// The caption of an event: date — who did what to whom where; figures with attribution.
/// Sources: publishers.
pub fn caption_for(store: &Store, idx: EventIdx) -> String {
    let e = &store.events[idx];
    let mut what = String::new();
    if let Some(p) = &e.perpetrator {
        what.push_str(p);
        what.push(' ');
        what.push_str(&e.kind.label().to_lowercase());
    } else {
        what.push_str(e.kind.label());
    }
    if let Some(t) = &e.target {
        what.push_str(" on ");
        what.push_str(t);
    }
    if let Some(w) = where_phrase(e) {
        what.push(' ');
        what.push_str(&w);
    }
    let mut caption = format!("{} — {what}", date_label(e));
    let figures: Vec<String> = [
        (ClaimField::Killed, "killed"),
        (ClaimField::Wounded, "wounded"),
    ]
    .into_iter()
    .filter_map(|(f, w)| figures_phrase(e, f, w))
    .collect();
    if !figures.is_empty() {
        caption.push_str("; ");
        caption.push_str(&figures.join("; "));
    }
    caption.push('.');
    let sources = store.sources_of(idx);
    if !sources.is_empty() {
        caption.push_str(" Sources: ");
        caption.push_str(&sources.join(", "));
        caption.push('.');
    }
    caption
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Claim, DateRange, EventKind, Place};

    fn place(name: &str, precision: PlacePrecision, country: &str) -> Place {
        Place {
            name: name.into(),
            lat: 34.0,
            lon: 41.0,
            precision,
            country: Some(country.into()),
            admin1: None,
            gazetteer_id: None,
        }
    }

    fn claim(field: ClaimField, value: u32, qualifier: Option<&str>, by: Option<&str>) -> Claim {
        Claim {
            field,
            value,
            qualifier: qualifier.map(Into::into),
            attributed_to: by.map(Into::into),
            article: "a1".into(),
            span: [0, 1],
        }
    }

    fn event() -> Event {
        Event {
            id: "e1".into(),
            kind: EventKind::Airstrike,
            date: DateRange::day(NaiveDate::from_ymd_opt(2019, 12, 29).unwrap()),
            place: Some(place("al-Qaim", PlacePrecision::Town, "IQ")),
            other_places: vec![
                place("western Iraq", PlacePrecision::Region, "IQ"),
                place("Iraq", PlacePrecision::Country, "IQ"),
                place("Syria", PlacePrecision::Country, "SY"),
            ],
            perpetrator: None,
            perpetrator_qualifier: None,
            target: None,
            killed: None,
            wounded: None,
            claims: Vec::new(),
            mentions: Vec::new(),
            confidence: 0.9,
            kind_guessed: false,
        }
    }

    #[test]
    fn other_places_add_only_countries_not_named_yet() {
        assert_eq!(
            where_phrase(&event()).as_deref(),
            Some("near al-Qaim and in Syria")
        );
    }

    #[test]
    fn one_figure_cites_everyone_who_gave_it_and_vague_amounts_stay_words() {
        let mut e = event();
        e.claims = vec![
            claim(ClaimField::Killed, 25, None, None),
            claim(ClaimField::Killed, 19, None, None),
            claim(ClaimField::Killed, 25, None, Some("the militia")),
            claim(ClaimField::Killed, 19, Some("at least"), Some("officials")),
            claim(ClaimField::Killed, 25, None, Some("medics")),
            claim(ClaimField::Wounded, 24, Some("dozens"), Some("officials")),
        ];
        assert_eq!(
            figures_phrase(&e, ClaimField::Killed, "killed").as_deref(),
            Some("25 killed (the militia, medics) / at least 19 (officials)")
        );
        assert_eq!(
            figures_phrase(&e, ClaimField::Wounded, "wounded").as_deref(),
            Some("dozens wounded (officials)")
        );
    }
}
