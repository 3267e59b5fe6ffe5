//! The indexed event store, and the one `Filter` and `Selection` that every view shares.
//! The UI reads a `Store`; it never changes it except by replacing it after a new load.

mod filter;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::corpus::{Article, CorpusWarning};
use crate::extract::Event;

pub use filter::{Filter, Selection};

/// Index of an event in `Store::events`.
pub type EventIdx = usize;
/// Index of an article in `Store::articles`.
pub type ArticleIdx = usize;

#[derive(Debug, Default, Clone)]
pub struct Store {
    pub articles: Vec<Article>,
    pub events: Vec<Event>,
    pub warnings: Vec<CorpusWarning>,
    /// Event indices sorted by (date.start, date.end, id).
    by_time: Vec<EventIdx>,
    article_by_id: HashMap<String, ArticleIdx>,
    /// For each article, the events that mention it.
    events_by_article: Vec<Vec<EventIdx>>,
    /// Lower-cased article bodies for the full-text search.
    lowercase_bodies: Vec<String>,
}

impl Store {
    pub fn new(articles: Vec<Article>, events: Vec<Event>, warnings: Vec<CorpusWarning>) -> Self {
        let article_by_id: HashMap<String, ArticleIdx> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut events_by_article = vec![Vec::new(); articles.len()];
        for (ei, e) in events.iter().enumerate() {
            for aid in e.article_ids() {
                if let Some(&ai) = article_by_id.get(aid) {
                    events_by_article[ai].push(ei);
                }
            }
        }
        let mut by_time: Vec<EventIdx> = (0..events.len()).collect();
        by_time.sort_by(|&a, &b| {
            let (ea, eb) = (&events[a], &events[b]);
            (ea.date.start, ea.date.end, &ea.id).cmp(&(eb.date.start, eb.date.end, &eb.id))
        });
        let lowercase_bodies = articles.iter().map(|a| a.body.to_lowercase()).collect();
        Self {
            articles,
            events,
            warnings,
            by_time,
            article_by_id,
            events_by_article,
            lowercase_bodies,
        }
    }

    pub fn article_index(&self, id: &str) -> Option<ArticleIdx> {
        self.article_by_id.get(id).copied()
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_index(id).map(|i| &self.articles[i])
    }

    /// Events that an article reports.
    pub fn events_of_article(&self, article: ArticleIdx) -> &[EventIdx] {
        self.events_by_article
            .get(article)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// All events in time order.
    pub fn events_by_time(&self) -> &[EventIdx] {
        &self.by_time
    }

    /// First and last day covered by any event.
    pub fn time_extent(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.events.iter().map(|e| e.date.start).min()?;
        let last = self.events.iter().map(|e| e.date.end).max()?;
        Some((first, last))
    }

    /// Events that pass the filter, in time order.
    pub fn filtered(&self, filter: &Filter) -> Vec<EventIdx> {
        let text_hits = self.articles_matching_text(&filter.text_query);
        self.by_time
            .iter()
            .copied()
            .filter(|&i| filter.matches(self, i, text_hits.as_deref()))
            .collect()
    }

    /// Articles whose text contains the query (case-insensitive); `None` for an empty query.
    pub fn articles_matching_text(&self, query: &str) -> Option<Vec<bool>> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return None;
        }
        Some(
            self.lowercase_bodies
                .iter()
                .map(|b| b.contains(&q))
                .collect(),
        )
    }

    /// Names of the sources (publishers) that report an event.
    pub fn sources_of(&self, event: EventIdx) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for aid in self.events[event].article_ids() {
            if let Some(a) = self.article(aid) {
                let name = a.source.clone().unwrap_or_else(|| a.rel_path.clone());
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
    }
}
