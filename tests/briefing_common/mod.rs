//! A hand-built store for the briefing and export tests: seed-like events written for these
//! tests (no extraction involved), so the tests do not depend on extraction quality.
#![allow(dead_code)]

use chrono::NaiveDate;

use chronomap::corpus::{Article, DatePrecision, PubDate, SourceFormat};
use chronomap::extract::{
    Claim, ClaimField, DateRange, Event, EventKind, Mention, Place, PlacePrecision, Range,
};
use chronomap::store::Store;

pub use crate::common::day;
use crate::common::place;

fn article(id: &str, source: &str, published: NaiveDate, body: &str) -> Article {
    Article {
        id: id.into(),
        path: format!("{id}.txt").into(),
        rel_path: format!("{id}.txt"),
        title: format!("Report {id}"),
        published: Some(PubDate {
            date: published,
            precision: DatePrecision::Day,
        }),
        source: Some(source.into()),
        url: Some(format!("https://example.org/{id}")),
        format: SourceFormat::Text,
        body: body.into(),
        dateline: None,
        boilerplate: Vec::new(),
        warnings: Vec::new(),
    }
}

fn mention(article: &str) -> Mention {
    Mention {
        article: article.into(),
        sentence_span: [0, 10],
        trigger_span: [0, 5],
        place_span: None,
        date_span: None,
        date_reasoning: String::new(),
        perpetrator_span: None,
        target_span: None,
    }
}

fn claim(field: ClaimField, value: u32, by: &str, article: &str) -> Claim {
    Claim {
        field,
        value,
        qualifier: None,
        attributed_to: Some(by.into()),
        article: article.into(),
        span: [0, 5],
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    id: &str,
    kind: EventKind,
    date: DateRange,
    place: Option<Place>,
    perpetrator: Option<&str>,
    target: Option<&str>,
    claims: Vec<Claim>,
    articles: &[&str],
) -> Event {
    let mut e = Event {
        id: id.into(),
        kind,
        date,
        place,
        other_places: Vec::new(),
        perpetrator: perpetrator.map(Into::into),
        perpetrator_qualifier: None,
        target: target.map(Into::into),
        killed: None,
        wounded: None,
        claims,
        mentions: articles.iter().map(|a| mention(a)).collect(),
        confidence: 0.9,
        kind_guessed: false,
    };
    e.recompute_ranges();
    e
}

/// Five events from late Dec 2019 to mid-March 2020, one with a month-wide date.
pub fn store() -> Store {
    let articles = vec![
        article(
            "a1",
            "Reuters",
            day(2019, 12, 30),
            "Strikes were reported on Sunday.",
        ),
        article("a2", "AP", day(2019, 12, 30), "The strikes hit five sites."),
        article(
            "a3",
            "Example Wire",
            day(2019, 12, 28),
            "Rockets hit the base on Friday.",
        ),
        article(
            "a4",
            "Example Wire",
            day(2020, 1, 8),
            "Missiles struck two bases.",
        ),
        article(
            "a5",
            "Monthly Review",
            day(2020, 2, 1),
            "Drone attacks continued in January.",
        ),
        article(
            "a6",
            "Example Wire",
            day(2020, 3, 12),
            "Rockets hit Camp Taji.",
        ),
    ];
    let mut strikes = event(
        "ev-strikes-kh",
        EventKind::Airstrike,
        DateRange::day(day(2019, 12, 29)),
        Some(place("al-Qaim", 34.37, 41.09, PlacePrecision::Town, "IQ")),
        Some("United States"),
        Some("Kataib Hezbollah"),
        vec![
            claim(ClaimField::Killed, 25, "Kataib Hezbollah", "a1"),
            claim(ClaimField::Killed, 19, "PMF", "a2"),
        ],
        &["a1", "a2"],
    );
    strikes
        .other_places
        .push(place("Syria", 35.0, 38.5, PlacePrecision::Country, "SY"));
    let events = vec![
        event(
            "ev-k1",
            EventKind::RocketAttack,
            DateRange::day(day(2019, 12, 27)),
            Some(place(
                "K-1 air base",
                35.51,
                44.28,
                PlacePrecision::Point,
                "IQ",
            )),
            Some("Kataib Hezbollah"),
            Some("United States"),
            vec![claim(ClaimField::Killed, 1, "US officials", "a3")],
            &["a3"],
        ),
        strikes,
        event(
            "ev-iran-missiles",
            EventKind::MissileAttack,
            DateRange::day(day(2020, 1, 8)),
            Some(place(
                "Ain al-Asad",
                33.8,
                42.44,
                PlacePrecision::Point,
                "IQ",
            )),
            Some("Iran"),
            Some("United States"),
            Vec::new(),
            &["a4"],
        ),
        event(
            "ev-drones-jan",
            EventKind::DroneAttack,
            DateRange {
                start: day(2020, 1, 1),
                end: day(2020, 1, 31),
                precision: DatePrecision::Month,
            },
            Some(place("Anbar", 33.4, 42.0, PlacePrecision::Province, "IQ")),
            None,
            None,
            Vec::new(),
            &["a5"],
        ),
        event(
            "ev-taji",
            EventKind::RocketAttack,
            DateRange::day(day(2020, 3, 11)),
            Some(place(
                "Camp Taji",
                33.53,
                44.26,
                PlacePrecision::Point,
                "IQ",
            )),
            None,
            Some("United States"),
            vec![Claim {
                qualifier: Some("at least".into()),
                ..claim(ClaimField::Killed, 3, "US officials", "a6")
            }],
            &["a6"],
        ),
    ];
    Store::new(articles, events, Vec::new())
}

/// A range (unused fields keep their shape documented).
pub fn killed(low: u32, high: u32) -> Range {
    Range { low, high }
}
