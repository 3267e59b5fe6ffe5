//! Briefing a room: playback of events over time, a storyboard of slides, and the workspace
//! file that keeps the storyboard between sessions. Core logic only (no egui); the UI lives in
//! `crate::ui::briefing` and the image exports in `crate::export`.

pub mod playback;
pub mod storyboard;
pub mod workspace;

pub use playback::{Playback, PlaybackMode, day_number, from_day_number};
pub use storyboard::{Annotation, Slide, SlideView, Storyboard, caption_for, draft_from_selection};
pub use workspace::{Workspace, WorkspaceStore};
