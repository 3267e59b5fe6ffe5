//! The shared filter and selection. Every view reads these; only commands change them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ArticleIdx, EventIdx, Store};
use crate::extract::{EventKind, PlacePrecision};

/// What the user has narrowed the events down to. Empty sets mean "no restriction".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    /// Inclusive day range brushed on the timeline.
    pub time: Option<(NaiveDate, NaiveDate)>,
    pub kinds: BTreeSet<EventKind>,
    pub perpetrators: BTreeSet<String>,
    pub targets: BTreeSet<String>,
    /// ISO country codes of the event's main place.
    pub countries: BTreeSet<String>,
    /// Publisher names (or file names when an article has no source).
    pub sources: BTreeSet<String>,
    /// Only events placed at least this precisely (Point is most precise).
    pub min_precision: Option<PlacePrecision>,
    /// Full-text query over article text: events reported by a matching article pass.
    pub text_query: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// `text_hits` is `Store::articles_matching_text(&self.text_query)`, computed once per pass.
    pub fn matches(&self, store: &Store, idx: EventIdx, text_hits: Option<&[bool]>) -> bool {
        let e = &store.events[idx];
        if let Some((from, to)) = self.time {
            // An event with a month-wide date is in range when its span touches the range.
            if e.date.end < from || e.date.start > to {
                return false;
            }
        }
        if !self.kinds.is_empty() && !self.kinds.contains(&e.kind) {
            return false;
        }
        if !self.perpetrators.is_empty()
            && !e
                .perpetrator
                .as_ref()
                .is_some_and(|p| self.perpetrators.contains(p))
        {
            return false;
        }
        if !self.targets.is_empty() && !e.target.as_ref().is_some_and(|t| self.targets.contains(t))
        {
            return false;
        }
        if !self.countries.is_empty() {
            let country = e.place.as_ref().and_then(|p| p.country.as_ref());
            if !country.is_some_and(|c| self.countries.contains(c)) {
                return false;
            }
        }
        if !self.sources.is_empty()
            && !store
                .sources_of(idx)
                .iter()
                .any(|s| self.sources.contains(s))
        {
            return false;
        }
        if let Some(min) = self.min_precision {
            match &e.place {
                Some(p) if p.precision <= min => {}
                _ => return false,
            }
        }
        if let Some(hits) = text_hits {
            let any = e
                .article_ids()
                .iter()
                .filter_map(|aid| store.article_index(aid))
                .any(|ai| hits.get(ai).copied().unwrap_or(false));
            if !any {
                return false;
            }
        }
        true
    }
}

/// The one selection shared by the map, timeline, list and article pane.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    pub event: Option<EventIdx>,
    /// Which of the selected event's source articles the article pane shows (0-based).
    pub source_index: usize,
    /// The article shown in the article pane (may be set without an event).
    pub article: Option<ArticleIdx>,
    /// Hovered event in any view; highlighted in all of them. Not persisted meaningfully.
    #[serde(skip)]
    pub hovered: Option<EventIdx>,
    /// Events marked in the event list with Ctrl/Cmd-click or Shift-click: the multi-selection
    /// that "Draft from selection" turns into slides. Independent of `event`.
    #[serde(default)]
    pub marked: BTreeSet<EventIdx>,
}
