//! The article model that every later stage reads. Spans everywhere in chronomap are byte
//! offsets into `Article::body`, the cleaned text that the article pane shows.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's `body`.
pub type Span = [usize; 2];

/// How much of a date is known. A month-only header must never turn into an invented day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// A publication date with its precision. `date` is the first day of the period for
/// month or year precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubDate {
    pub date: NaiveDate,
    pub precision: DatePrecision,
}

impl PubDate {
    /// "2019-12-30", "2019-12" or "2019", as the events@1 schema writes it.
    pub fn to_schema_string(&self) -> String {
        match self.precision {
            DatePrecision::Day | DatePrecision::Week => self.date.format("%Y-%m-%d").to_string(),
            DatePrecision::Month => self.date.format("%Y-%m").to_string(),
            DatePrecision::Year => self.date.format("%Y").to_string(),
        }
    }
}

/// Which reader produced the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
    Json,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id within one corpus load: "a1", "a2", … in path order.
    pub id: String,
    /// The file the article came from (as found on disk).
    pub path: PathBuf,
    /// `path` relative to the corpus root it was found under, with `/` separators; for a JSONL
    /// dump with several articles, "dump.jsonl#3" (1-based record number).
    pub rel_path: String,
    pub title: String,
    pub published: Option<PubDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub format: SourceFormat,
    /// The cleaned text. All spans index into this.
    pub body: String,
    /// The dateline ("BAGHDAD, Dec 30 (Reuters) -"), if any: the place named there is where the
    /// story was filed, not where something happened.
    pub dateline: Option<Span>,
    /// Spans of page furniture (related-story teasers, "Discuss This Article", share bars) that
    /// the reader recognised; extraction ignores places inside them.
    pub boilerplate: Vec<Span>,
    /// Problems with this file that did not stop it from loading (e.g. lossy decoding).
    pub warnings: Vec<String>,
}

#[cfg(test)]
impl Article {
    /// A plain-text article for unit tests: id "a1", file "t.txt", published on `published`
    /// ("YYYY-MM-DD", day precision) when given, nothing else set.
    pub(crate) fn for_test(body: &str, published: Option<&str>) -> Article {
        Article {
            id: "a1".into(),
            path: "t.txt".into(),
            rel_path: "t.txt".into(),
            title: String::new(),
            published: published.map(|d| PubDate {
                date: NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("test date"),
                precision: DatePrecision::Day,
            }),
            source: None,
            url: None,
            format: SourceFormat::Text,
            body: body.to_string(),
            dateline: None,
            boilerplate: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// A file (or record) that could not be loaded, or loaded with a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusWarning {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for CorpusWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Options for reading a corpus.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a warning.
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 20 * 1024 * 1024,
        }
    }
}

/// The result of reading one or more paths.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The folder (or file) the user opened, for display and relative paths.
    pub roots: Vec<PathBuf>,
    pub articles: Vec<Article>,
    pub warnings: Vec<CorpusWarning>,
}
