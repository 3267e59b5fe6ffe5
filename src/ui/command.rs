//! Everything a view can ask for. Views push commands; the app applies them once per frame,
//! so every view sees the same `Selection` and `Filter` within a frame.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::extract::EventKind;
use crate::store::{ArticleIdx, EventIdx, Filter};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Load a corpus from these paths (folder dialog, drag and drop, recent list, CLI).
    OpenPaths(Vec<PathBuf>),
    CancelLoad,
    SelectEvent(Option<EventIdx>),
    HoverEvent(Option<EventIdx>),
    /// Show the n-th source article of the selected event.
    ShowSource(usize),
    SelectArticle(Option<ArticleIdx>),
    /// Step to the previous (-1) or next (+1) filtered event in time.
    StepEvent(i32),
    SetFilter(Filter),
    SetTimeRange(Option<(NaiveDate, NaiveDate)>),
    ToggleKind(EventKind),
    ClearFilter,
    /// Fly the map to the selected event.
    ZoomToSelection,
    /// Frame all filtered events on the map.
    FitAll,
    /// Esc: clear selection (and leave modes).
    ClearSelection,
    /// Move the timeline scrubber ("current time"; playback drives it too).
    SetNow(Option<NaiveDate>),
    /// Replace the multi-selection (`Selection::marked`) of the event list.
    SetMarked(BTreeSet<EventIdx>),
}

/// Commands about the app itself rather than the data views.
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// Ask the user for a folder (Ctrl+O, File → Open folder…).
    OpenFolderDialog,
    SetTheme(crate::ui::theme::ThemeChoice),
    /// Show or hide the warnings window.
    ShowWarnings(bool),
}
