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
