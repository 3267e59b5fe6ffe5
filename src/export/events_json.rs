//! The "chronomap/events@1" JSON document (docs/events-schema.md): articles, events, warnings.
//! `chronomap extract --format json` prints it and File → Export writes it.

use serde::{Deserialize, Serialize};

use crate::corpus::{Article, CorpusWarning, DatePrecision};
use crate::extract::Event;

pub const EVENTS_SCHEMA: &str = "chronomap/events@1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventsDocument {
    pub schema: String,
    pub articles: Vec<ArticleRecord>,
    pub events: Vec<Event>,
    pub warnings: Vec<CorpusWarning>,
}

/// An article as the document lists it. `path` is relative to the corpus root that was opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub id: String,
    pub path: String,
    pub title: String,
    /// "2019-12-30", "2019-12" or "2019" according to the precision.
    pub published: Option<String>,
    pub published_precision: Option<DatePrecision>,
    pub source: Option<String>,
    pub warnings: Vec<String>,
    /// The cleaned text that spans index into; only with `--with-text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl ArticleRecord {
    pub fn from_article(a: &Article, with_text: bool) -> Self {
        Self {
            id: a.id.clone(),
            path: a.rel_path.clone(),
            title: a.title.clone(),
            published: a.published.map(|p| p.to_schema_string()),
            published_precision: a.published.map(|p| p.precision),
            source: a.source.clone(),
            warnings: a.warnings.clone(),
            text: with_text.then(|| a.body.clone()),
        }
    }
}

impl EventsDocument {
    pub fn new(
        articles: &[Article],
        events: &[Event],
        warnings: &[CorpusWarning],
        with_text: bool,
    ) -> Self {
        Self {
            schema: EVENTS_SCHEMA.to_owned(),
            articles: articles
                .iter()
                .map(|a| ArticleRecord::from_article(a, with_text))
                .collect(),
            events: events.to_vec(),
            warnings: warnings.to_vec(),
        }
    }

    pub fn to_json_pretty(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).expect("events document serialises")
    }

    /// Writes the document atomically.
    pub fn write(&self, path: &std::path::Path) -> std::io::Result<()> {
        super::atomic::write_atomic_with(path, |w| {
            serde_json::to_writer_pretty(&mut *w, self).map_err(std::io::Error::other)?;
            w.write_all(b"\n")
        })
    }
}

/// Hand-built articles and events for the serializer tests (no extraction involved).
#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::NaiveDate;

    use crate::corpus::{Article, DatePrecision, PubDate, SourceFormat};
    use crate::extract::{
        Claim, ClaimField, DateRange, Event, EventKind, Mention, Place, PlacePrecision, Range,
    };

    pub fn article(id: &str, rel_path: &str, source: Option<&str>, body: &str) -> Article {
        Article {
            id: id.into(),
            path: rel_path.into(),
            rel_path: rel_path.into(),
            title: format!("Title of {id}"),
            published: Some(PubDate {
                date: NaiveDate::from_ymd_opt(2020, 3, 12).unwrap(),
                precision: DatePrecision::Day,
            }),
            source: source.map(Into::into),
            url: None,
            format: SourceFormat::Text,
            body: body.into(),
            dateline: None,
            boilerplate: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub fn articles() -> Vec<Article> {
        vec![
            article(
                "a1",
                "wire/taji.txt",
                Some("Example Wire"),
                "Rockets hit Camp Taji on Wednesday, killing three. Officials, said more.",
            ),
            article(
                "a2",
                "dump.jsonl#2",
                None,
                "About 18 rockets hit the base, said a source.",
            ),
        ]
    }

    pub fn events() -> Vec<Event> {
        let d = |day| NaiveDate::from_ymd_opt(2020, 3, day).unwrap();
        let taji = Event {
            id: "e1".into(),
            kind: EventKind::RocketAttack,
            date: DateRange::day(d(11)),
            place: Some(Place {
                name: "Camp Taji".into(),
                lat: 33.53,
                lon: 44.26,
                precision: PlacePrecision::Point,
                country: Some("IQ".into()),
                admin1: Some("Baghdad".into()),
                gazetteer_id: Some("site:camp-taji".into()),
            }),
            other_places: Vec::new(),
            perpetrator: None,
            perpetrator_qualifier: None,
            target: Some("coalition forces".into()),
            killed: Some(Range { low: 3, high: 3 }),
            wounded: None,
            claims: vec![Claim {
                field: ClaimField::Killed,
                value: 3,
                qualifier: None,
                attributed_to: Some("Officials".into()),
                article: "a1".into(),
                span: [44, 49],
            }],
            mentions: vec![
                Mention {
                    article: "a1".into(),
                    sentence_span: [0, 50],
                    trigger_span: [0, 11],
                    place_span: Some([12, 21]),
                    date_span: Some([25, 34]),
                    date_reasoning: "'Wednesday' before Thu 2020-03-12 -> 2020-03-11".into(),
                    perpetrator_span: None,
                    target_span: None,
                },
                Mention {
                    article: "a2".into(),
                    sentence_span: [0, 45],
                    trigger_span: [9, 16],
                    place_span: None,
                    date_span: None,
                    date_reasoning: String::new(),
                    perpetrator_span: None,
                    target_span: None,
                },
            ],
            confidence: 0.9,
            kind_guessed: false,
        };
        let unplaced = Event {
            id: "e2".into(),
            kind: EventKind::Airstrike,
            date: DateRange {
                start: d(12),
                end: d(13),
                precision: DatePrecision::Day,
            },
            place: None,
            other_places: Vec::new(),
            perpetrator: Some("United States".into()),
            perpetrator_qualifier: Some("claimed by United States".into()),
            target: None,
            killed: None,
            wounded: Some(Range { low: 2, high: 5 }),
            claims: Vec::new(),
            mentions: Vec::new(),
            confidence: 0.5,
            kind_guessed: false,
        };
        vec![taji, unplaced]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_has_the_contract_shape_and_round_trips() {
        let articles = fixtures::articles();
        let events = fixtures::events();
        let warnings = vec![CorpusWarning {
            path: "bad.bin".into(),
            message: "binary file".into(),
        }];
        let doc = EventsDocument::new(&articles, &events, &warnings, false);
        let v: serde_json::Value = serde_json::from_str(&doc.to_json_pretty()).unwrap();
        assert_eq!(v["schema"], "chronomap/events@1");
        assert_eq!(v["articles"][0]["path"], "wire/taji.txt");
        assert_eq!(v["articles"][0]["published"], "2020-03-12");
        assert_eq!(v["articles"][0]["published_precision"], "day");
        assert!(v["articles"][0].get("text").is_none());
        let e = &v["events"][0];
        assert_eq!(e["kind"], "rocket_attack");
        assert_eq!(e["date"]["start"], "2020-03-11");
        assert_eq!(e["date"]["precision"], "day");
        assert_eq!(e["place"]["precision"], "point");
        assert_eq!(e["killed"]["low"], 3);
        assert_eq!(e["claims"][0]["field"], "killed");
        assert_eq!(e["claims"][0]["span"], serde_json::json!([44, 49]));
        assert_eq!(e["mentions"][1]["place_span"], serde_json::Value::Null);
        assert_eq!(v["events"][1]["place"], serde_json::Value::Null);
        assert_eq!(v["warnings"][0]["path"], "bad.bin");
        let back: EventsDocument = serde_json::from_value(v).unwrap();
        assert_eq!(back.events, events);

        let with_text = EventsDocument::new(&articles, &events, &[], true);
        assert_eq!(
            with_text.articles[1].text.as_deref(),
            Some(articles[1].body.as_str())
        );
    }
}
