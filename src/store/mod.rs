//! The indexed event store, and the one `Filter` and `Selection` that every view shares.
//! The UI reads a `Store`; it never changes it except by replacing it after a new load.

mod filter;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::corpus::{Article, CorpusWarning};
use crate::extract::{Event, EventKind};

pub use filter::{Filter, Selection};

/// `EventFacts::perpetrator` of an event with no named perpetrator.
pub const NO_PERPETRATOR: u32 = u32::MAX;

/// The few fields of an event that the per-frame passes (filtering, timeline bins, map
/// clusters, legends) read, packed small. With 100,000 events those passes walk events in
/// time order, which is random order in memory; reading these 24 bytes instead of the large
/// `Event` keeps them in cache and each pass under a millisecond.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventFacts {
    pub kind: EventKind,
    /// Position of `kind` in `EventKind::ALL`.
    pub kind_slot: u8,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// High end of the killed figure; 0 when unknown.
    pub killed: u32,
    /// Index into `Store::perpetrator_names`, or `NO_PERPETRATOR`.
    pub perpetrator: u32,
}

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
    /// One entry per event, same order as `events`.
    facts: Vec<EventFacts>,
    /// `facts` in `by_time` order, so that filtering reads memory front to back.
    facts_by_time: Vec<EventFacts>,
    /// Distinct perpetrator names, in order of first appearance.
    perpetrator_names: Vec<String>,
    /// First and last day covered by any event.
    time_extent: Option<(NaiveDate, NaiveDate)>,
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
        let mut perpetrator_names: Vec<String> = Vec::new();
        let mut perpetrator_ids: HashMap<&str, u32> = HashMap::new();
        let facts = events
            .iter()
            .map(|e| EventFacts {
                kind: e.kind,
                kind_slot: EventKind::ALL
                    .iter()
                    .position(|k| *k == e.kind)
                    .unwrap_or(0) as u8,
                start: e.date.start,
                end: e.date.end,
                killed: e.killed.as_ref().map_or(0, |k| k.high),
                perpetrator: e.perpetrator.as_deref().map_or(NO_PERPETRATOR, |p| {
                    *perpetrator_ids.entry(p).or_insert_with(|| {
                        perpetrator_names.push(p.to_owned());
                        (perpetrator_names.len() - 1) as u32
                    })
                }),
            })
            .collect::<Vec<EventFacts>>();
        let facts_by_time = by_time.iter().map(|&i| facts[i]).collect();
        let time_extent = events
            .iter()
            .map(|e| e.date.start)
            .min()
            .zip(events.iter().map(|e| e.date.end).max());
        Self {
            articles,
            events,
            warnings,
            by_time,
            article_by_id,
            events_by_article,
            lowercase_bodies,
            facts,
            facts_by_time,
            perpetrator_names,
            time_extent,
        }
    }

    /// The packed per-frame fields of every event, indexed like `events`.
    pub fn facts(&self) -> &[EventFacts] {
        &self.facts
    }

    /// How many distinct perpetrator names the events have.
    pub fn perpetrator_count(&self) -> usize {
        self.perpetrator_names.len()
    }

    /// The name behind `EventFacts::perpetrator` (`None` for `NO_PERPETRATOR`).
    pub fn perpetrator_name(&self, id: u32) -> Option<&str> {
        self.perpetrator_names.get(id as usize).map(String::as_str)
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
    /// Computed once per store: every view asks for it every frame.
    pub fn time_extent(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.time_extent
    }

    /// Events that pass the filter, in time order.
    pub fn filtered(&self, filter: &Filter) -> Vec<EventIdx> {
        // The time range and kinds (what the timeline brush and the kind buttons change) are
        // checked on the packed facts; the full `Filter::matches` runs only when another
        // criterion is set, and only for the events that pass those two.
        let mut kind_on = [filter.kinds.is_empty(); EventKind::ALL.len()];
        for k in &filter.kinds {
            if let Some(slot) = EventKind::ALL.iter().position(|x| x == k) {
                kind_on[slot] = true;
            }
        }
        let only_time_and_kinds = Filter {
            time: None,
            kinds: Default::default(),
            ..filter.clone()
        }
        .is_empty();
        let text_hits = self.articles_matching_text(&filter.text_query);
        let mut out = Vec::with_capacity(self.by_time.len());
        for (&i, f) in self.by_time.iter().zip(&self.facts_by_time) {
            if !kind_on[usize::from(f.kind_slot)] {
                continue;
            }
            // An event with a month-wide date is in range when its span touches the range.
            if let Some((from, to)) = filter.time
                && (f.end < from || f.start > to)
            {
                continue;
            }
            if only_time_and_kinds || filter.matches(self, i, text_hits.as_deref()) {
                out.push(i);
            }
        }
        out.shrink_to_fit();
        out
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
