//! The briefing UI: the playback bar, the storyboard window, presentation mode and the export
//! dialog. `BriefingUi` holds their state; the app calls it at a few fixed points each frame
//! (see the `ChronomapApp` integration: `sync`, `handle_input`, `playback_panel`,
//! `map_events`, `windows`, `presentation`, `menu`).

pub mod annotate;
pub mod export_dialog;
pub mod playback_bar;
pub mod presentation;
pub mod storyboard_panel;

use std::path::{Path, PathBuf};

use crate::briefing::{Playback, SlideView, Storyboard, WorkspaceStore};
use crate::store::{EventIdx, Filter, Selection, Store};
use crate::ui::command::Command;
use crate::ui::map::MapPanel;

pub use annotate::AnnotationLayer;
pub use export_dialog::{ExportDialog, ExportInputs, ExportKind};
pub use presentation::Presentation;
pub use storyboard_panel::{AnnotateState, StoryboardAction, StoryboardInputs};

pub struct BriefingUi {
    pub playback: Playback,
    /// The playback bar is shown and the map follows the playback time.
    pub playback_active: bool,
    pub storyboard: Storyboard,
    pub storyboard_open: bool,
    /// The slide selected in the storyboard; the map shows its annotations.
    pub current_slide: Option<usize>,
    /// Annotate mode on the map for the current slide.
    pub annotate: AnnotateState,
    pub presentation: Option<Presentation>,
    pub export: ExportDialog,
    /// Where the storyboard is saved; `None` disables saving (tests, no home folder).
    pub workspaces: Option<WorkspaceStore>,
    corpus: Option<PathBuf>,
    store_generation: Option<u64>,
    dirty: bool,
    pub message: Option<String>,
    last_now: Option<chrono::NaiveDate>,
}

impl Default for BriefingUi {
    fn default() -> Self {
        Self {
            playback: Playback::default(),
            playback_active: false,
            storyboard: Storyboard::default(),
            storyboard_open: false,
            current_slide: None,
            annotate: AnnotateState::default(),
            presentation: None,
            export: ExportDialog::default(),
            workspaces: WorkspaceStore::default_location(),
            corpus: None,
            store_generation: None,
            dirty: false,
            message: None,
            last_now: None,
        }
    }
}

/// The events "Draft from selection" drafts, and which of the fallbacks they are: the events
/// marked in the event list, else the selected event, else all filtered events.
pub fn draft_events(selection: &Selection, visible: &[EventIdx]) -> (Vec<EventIdx>, &'static str) {
    if !selection.marked.is_empty() {
        (
            selection.marked.iter().copied().collect(),
            "the events marked in the event list",
        )
    } else if let Some(i) = selection.event {
        (vec![i], "the selected event")
    } else {
        (
            visible.to_vec(),
            "all filtered events (nothing is selected)",
        )
    }
}

impl BriefingUi {
    /// A briefing state that never touches the disk (tests).
    pub fn in_memory() -> Self {
        Self {
            workspaces: None,
            ..Self::default()
        }
    }

    /// Once per frame: follows a new store (playback range, the corpus's saved storyboard) and
    /// saves the storyboard when it changed.
    pub fn sync(&mut self, store: &Store, store_generation: u64, corpus: Option<&Path>) {
        if self.store_generation != Some(store_generation) {
            self.store_generation = Some(store_generation);
            if let Some((a, b)) = store.time_extent() {
                let at_start = self.playback.current <= self.playback.start;
                self.playback.set_range(a, b);
                if at_start {
                    self.playback.current = self.playback.start;
                }
            }
            let corpus = corpus.map(Path::to_path_buf);
            if corpus != self.corpus {
                self.save_now();
                self.corpus = corpus;
                if let (Some(ws), Some(c)) = (&self.workspaces, &self.corpus) {
                    let (loaded, warning) = ws.load(c);
                    self.storyboard = loaded.storyboard;
                    let range = (self.playback.start, self.playback.end);
                    self.playback = loaded.playback;
                    (self.playback.start, self.playback.end) = range;
                    self.playback.current = self.playback.current.clamp(range.0, range.1);
                    self.playback.playing = false;
                    self.current_slide = None;
                    self.message = warning;
                }
            }
        }
        if self.dirty {
            self.save_now();
        }
    }

    fn save_now(&mut self) {
        self.dirty = false;
        if let (Some(ws), Some(c)) = (&self.workspaces, &self.corpus) {
            let mut w = crate::briefing::Workspace::new(c);
            w.storyboard = self.storyboard.clone();
            w.playback = Playback {
                playing: false,
                ..self.playback.clone()
            };
            if let Err(e) = ws.save(c, &w) {
                self.message = Some(format!("Could not save the storyboard: {e}"));
            }
        }
    }

    pub fn mark_changed(&mut self) {
        self.dirty = true;
    }

    pub fn presenting(&self) -> bool {
        self.presentation.is_some()
    }

    /// Space plays/pauses and the arrow keys step days while the playback bar is shown; in
    /// presentation mode, the presentation keys. Call before the app's own key handling (the
    /// keys are consumed).
    pub fn handle_input(&mut self, ctx: &egui::Context) {
        // Presentation keys are taken here, before the app's own arrow/Esc handling sees them.
        if let Some(p) = &mut self.presentation {
            if !presentation::handle_keys(ctx, p, self.storyboard.len()) {
                self.presentation = None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            return;
        }
        if !self.playback_active || ctx.egui_wants_keyboard_input() {
            return;
        }
        ctx.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Space) {
                self.playback.toggle();
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft) {
                self.playback.playing = false;
                self.playback.step(-1);
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight) {
                self.playback.playing = false;
                self.playback.step(1);
            }
        });
    }

    /// Advances the playback by the frame time and moves the timeline's "now" with it.
    pub fn tick(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.playback_active {
            return;
        }
        if self.playback.playing {
            let dt = ctx.input(|i| i.stable_dt).min(0.25);
            self.playback.advance(f64::from(dt));
            ctx.request_repaint();
        }
        let now = Some(self.playback.current_date());
        if now != self.last_now {
            self.last_now = now;
            commands.push(Command::SetNow(now));
        }
    }

    /// The events the map shows: during playback those visible at the current moment.
    pub fn map_events(&self, store: &Store, filtered: &[EventIdx]) -> Option<Vec<EventIdx>> {
        self.playback_active.then(|| {
            self.playback
                .visible(store, filtered)
                .into_iter()
                .map(|(i, _, _)| i)
                .collect()
        })
    }

    /// The playback bar as a bottom panel (shown when playback is on).
    pub fn playback_panel(
        &mut self,
        ui: &mut egui::Ui,
        store: &Store,
        filtered: &[EventIdx],
        commands: &mut Vec<Command>,
    ) {
        if !self.playback_active {
            return;
        }
        self.tick(&ui.ctx().clone(), commands);
        let n = self.playback.visible(store, filtered).len();
        egui::Panel::bottom("playback").show(ui, |ui| {
            // Close first: the bar wraps into a second row between the side panels, and a
            // button after it would land on a row of its own.
            ui.horizontal(|ui| {
                if ui
                    .small_button("Close")
                    .on_hover_text("Close playback")
                    .clicked()
                {
                    self.playback_active = false;
                    self.playback.playing = false;
                    self.last_now = None;
                    commands.push(Command::SetNow(None));
                }
                if playback_bar::ui(ui, &mut self.playback, n) {
                    self.dirty = !self.playback.playing;
                }
            });
        });
    }

    /// Entries for the app's menu bar: call inside `MenuBar::ui`.
    pub fn menu(
        &mut self,
        ui: &mut egui::Ui,
        export_range: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    ) {
        ui.menu_button("Briefing", |ui| {
            if ui
                .checkbox(&mut self.playback_active, "Playback bar")
                .changed()
                && !self.playback_active
            {
                self.playback.playing = false;
            }
            ui.checkbox(&mut self.storyboard_open, "Storyboard");
            if ui
                .add_enabled(
                    !self.storyboard.is_empty(),
                    egui::Button::new("Present  (F5)"),
                )
                .clicked()
            {
                self.start_presentation(ui.ctx(), self.current_slide.unwrap_or(0));
            }
            ui.separator();
            for (kind, label) in [
                (ExportKind::Png, "Export PNG…"),
                (ExportKind::Deck, "Export slide deck…"),
                (ExportKind::Gif, "Export GIF…"),
                (ExportKind::Events, "Export events (GeoJSON/CSV/KML)…"),
            ] {
                if ui.button(label).clicked() {
                    self.export.open_for(kind, export_range);
                }
            }
        });
    }

    /// File → Export…: the export dialog on the kind used last (PNG at first); its tabs switch
    /// between PNG, slide deck, GIF and events.
    pub fn open_export(&mut self, export_range: Option<(chrono::NaiveDate, chrono::NaiveDate)>) {
        let kind = self.export.kind;
        self.export.open_for(kind, export_range);
    }

    pub fn start_presentation(&mut self, ctx: &egui::Context, index: usize) {
        if self.storyboard.is_empty() {
            return;
        }
        self.playback.playing = false;
        self.presentation = Some(Presentation::new(index.min(self.storyboard.len() - 1)));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Presentation mode over the whole window. Returns true while presenting (then the app
    /// draws nothing else this frame).
    pub fn presentation(&mut self, ui: &mut egui::Ui, store: &Store, map: &mut MapPanel) -> bool {
        if ui
            .ctx()
            .input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F5))
            && !self.presenting()
        {
            self.start_presentation(ui.ctx(), self.current_slide.unwrap_or(0));
        }
        let Some(p) = &mut self.presentation else {
            return false;
        };
        if presentation::ui(ui, p, &self.storyboard, store, map) {
            self.current_slide = Some(p.index);
            true
        } else {
            self.presentation = None;
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            false
        }
    }

    /// The slide whose annotations the live map shows: the current one while the storyboard
    /// is open.
    fn shown_slide(&self) -> Option<usize> {
        self.current_slide
            .filter(|&i| self.storyboard_open && i < self.storyboard.len())
    }

    /// Adds the notes placed on the map (Annotate mode) to the shown slide.
    fn take_annotations(&mut self, map: &mut MapPanel) {
        let Some(layer) = &mut map.annotations else {
            return;
        };
        let made = layer.take_made();
        if let Some(i) = self.shown_slide()
            && !made.is_empty()
        {
            self.storyboard.slides[i].annotations.extend(made);
            self.dirty = true;
        }
    }

    /// Hands the shown slide's notes and the Annotate mode to the map for its next frame.
    fn show_annotations(&mut self, ctx: &egui::Context, map: &mut MapPanel) {
        let Some(i) = self.shown_slide() else {
            self.annotate.active = false;
            if map.annotations.take().is_some() {
                ctx.request_repaint();
            }
            return;
        };
        let notes = &self.storyboard.slides[i].annotations;
        let layer = map.annotations.get_or_insert_with(AnnotationLayer::default);
        if layer.notes != *notes
            || layer.interactive != self.annotate.active
            || layer.text != self.annotate.text
        {
            layer.notes = notes.clone();
            layer.interactive = self.annotate.active;
            layer.text = self.annotate.text.clone();
            ctx.request_repaint();
        }
    }

    /// The storyboard and export windows. Showing a slide pushes the commands that restore
    /// its filter, time range and highlighted event.
    #[allow(clippy::too_many_arguments)]
    pub fn windows(
        &mut self,
        ctx: &egui::Context,
        store: &Store,
        filter: &Filter,
        visible: &[EventIdx],
        selection: &Selection,
        map: &mut MapPanel,
        palette: &crate::theme::Palette,
        commands: &mut Vec<Command>,
    ) {
        let mv = map.view();
        let view = SlideView {
            center_lon: mv.center_lon,
            center_lat: mv.center_lat,
            zoom: mv.zoom,
        };
        self.take_annotations(map);
        if self.storyboard_open {
            let (selected, selected_from) = draft_events(selection, visible);
            let highlighted: Vec<String> = selection
                .event
                .into_iter()
                .chain(selection.marked.iter().copied())
                .filter_map(|i| store.events.get(i).map(|e| e.id.clone()))
                .fold(Vec::new(), |mut ids, id| {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                    ids
                });
            let inputs = StoryboardInputs {
                store,
                view,
                filter,
                selected: &selected,
                selected_from,
                highlighted: &highlighted,
            };
            let mut open = true;
            let mut result = (Vec::new(), false);
            egui::Window::new("Storyboard")
                .open(&mut open)
                .default_width(360.0)
                .show(ctx, |ui| {
                    result = storyboard_panel::ui(
                        ui,
                        &mut self.storyboard,
                        &mut self.current_slide,
                        &inputs,
                        &mut self.annotate,
                    );
                });
            self.storyboard_open = open;
            if result.1 {
                self.dirty = true;
            }
            for action in result.0 {
                match action {
                    StoryboardAction::FlyTo(i) => {
                        if let Some(s) = self.storyboard.slides.get(i) {
                            map.set_view(presentation::view_of(s), true);
                        }
                    }
                    StoryboardAction::Show(i) => {
                        if let Some(s) = self.storyboard.slides.get(i) {
                            map.set_view(presentation::view_of(s), true);
                            commands.push(Command::SetFilter(Filter {
                                time: s.time.or(s.filter.time),
                                ..s.filter.clone()
                            }));
                            commands.push(Command::SelectEvent(
                                s.resolve_events(store).first().copied(),
                            ));
                        }
                    }
                    StoryboardAction::Present(i) => self.start_presentation(ctx, i),
                }
            }
        }
        self.show_annotations(ctx, map);
        if self.export.open || self.export.is_running() {
            let inputs = ExportInputs {
                store,
                visible,
                highlighted: selection.event.into_iter().collect(),
                view,
                map_width_points: map.last_rect().map(|r| r.width()).unwrap_or(0.0),
                palette: *palette,
                playback: &self.playback,
                playback_active: self.playback_active,
                storyboard: &self.storyboard,
                time_range: filter.time.or_else(|| store.time_extent()),
                annotations: map
                    .annotations
                    .as_ref()
                    .map(|a| a.notes.clone())
                    .unwrap_or_default(),
            };
            self.export.window(ctx, &inputs);
        }
        if let Some(m) = self.message.clone() {
            let mut open = true;
            egui::Window::new("Briefing")
                .open(&mut open)
                .show(ctx, |ui| ui.label(m));
            if !open {
                self.message = None;
            }
        }
    }
}
