//! `ChronomapApp`: owns the store, the one `Filter` and `Selection`, the panels, and the
//! commands the panels push during a frame. Commands are applied in one place,
//! `apply_commands`, at the end of each frame.

use std::path::PathBuf;
use std::sync::mpsc;

use serde::{Deserialize, Serialize};

use crate::corpus::{Article, CorpusWarning};
use crate::extract::Event;
use crate::store::{EventIdx, Filter, Selection, Store};
use crate::ui::article_pane::ArticlePane;
use crate::ui::command::{AppCommand, Command};
use crate::ui::event_list::EventList;
use crate::ui::filters::FilterPanel;
use crate::ui::loader::{self, LoadUpdate, Loader};
use crate::ui::map::{MapContext, MapPanel};
use crate::ui::theme::{self, ThemeChoice};
use crate::ui::timeline::Timeline;
use crate::ui::warnings;

/// Key of the persisted settings in eframe storage.
const SETTINGS_KEY: &str = "chronomap/settings@1";
/// How many folders the Recent menu keeps.
const MAX_RECENT: usize = 8;

/// What is remembered between runs (panel sizes are kept by egui's own memory).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub theme: ThemeChoice,
    pub recent: Vec<Vec<PathBuf>>,
    pub last_corpus: Option<Vec<PathBuf>>,
}

impl Settings {
    /// Reads the settings; a corrupt entry gives the defaults plus a message for the user.
    pub fn from_storage(storage: Option<&dyn eframe::Storage>) -> (Settings, Option<String>) {
        let Some(text) = storage.and_then(|s| s.get_string(SETTINGS_KEY)) else {
            return (Settings::default(), None);
        };
        match serde_json::from_str(&text) {
            Ok(s) => (s, None),
            Err(e) => (
                Settings::default(),
                Some(format!(
                    "Saved settings could not be read ({e}); using defaults."
                )),
            ),
        }
    }

    fn remember(&mut self, paths: &[PathBuf]) {
        self.recent.retain(|r| r.as_slice() != paths);
        self.recent.insert(0, paths.to_vec());
        self.recent.truncate(MAX_RECENT);
        self.last_corpus = Some(paths.to_vec());
    }
}

/// What every panel reads in a frame. Panels never change it; they push `Command`s.
pub struct ViewContext<'a> {
    pub store: &'a Store,
    /// Filtered events in time order.
    pub visible: &'a [EventIdx],
    pub filter: &'a Filter,
    pub selection: &'a Selection,
    pub theme: ThemeChoice,
    /// Changes whenever `visible` (or the store) changes: panels key their caches on it.
    pub generation: u64,
    /// Changes whenever the store is replaced.
    pub store_generation: u64,
}

pub struct ChronomapApp {
    store: Store,
    /// Shown in the title bar: the folder or file name of the corpus.
    corpus_name: String,
    filter: Filter,
    selection: Selection,
    /// Filtered events in time order; recomputed when the store or the filter changes.
    visible: Vec<EventIdx>,
    commands: Vec<Command>,
    app_commands: Vec<AppCommand>,
    settings: Settings,
    /// Transient message for the status bar (errors, hints).
    message: Option<String>,
    show_warnings: bool,
    folder_dialog: Option<mpsc::Receiver<Option<PathBuf>>>,
    applied_theme: Option<ThemeChoice>,
    title: String,
    loader: Option<Loader>,
    /// What the loader has published so far, before the final store replaces it.
    partial: Partial,
    /// Name of the corpus being loaded (becomes `corpus_name` when it is shown).
    loading_name: String,
    generation: u64,
    store_generation: u64,
    /// Frame the map on the events once it has been laid out (it needs its size).
    fit_pending: bool,
    pub map: MapPanel,
    pub timeline: Timeline,
    pub event_list: EventList,
    pub article_pane: ArticlePane,
    pub filters: FilterPanel,
    /// Playback, storyboard, presentation mode and exports.
    pub briefing: crate::ui::briefing::BriefingUi,
}

#[derive(Default)]
struct Partial {
    articles: Vec<Article>,
    events: Vec<Event>,
    warnings: Vec<CorpusWarning>,
}

impl ChronomapApp {
    /// The app as eframe starts it: settings from storage, then loads `paths`, the last
    /// corpus, or the sample corpus.
    pub fn new(cc: &eframe::CreationContext<'_>, paths: Vec<PathBuf>) -> Self {
        let (settings, message) = Settings::from_storage(cc.storage);
        let mut app = Self::empty(settings);
        app.message = message;
        let paths = if paths.is_empty() {
            app.settings
                .last_corpus
                .clone()
                .filter(|p| p.iter().all(|p| p.exists()))
                .or_else(|| crate::ui::default_corpus_path().map(|p| vec![p]))
                .unwrap_or_default()
        } else {
            paths
        };
        if !paths.is_empty() {
            app.commands.push(Command::OpenPaths(paths));
        }
        app
    }

    /// An app that loads `paths` in the background from its first frame, with default
    /// settings (tests).
    pub fn open(paths: Vec<PathBuf>) -> Self {
        let mut app = Self::empty(Settings::default());
        app.commands.push(Command::OpenPaths(paths));
        app
    }

    /// An app showing a ready-made store, with default settings (tests, benchmarks).
    pub fn with_store(store: Store, corpus_name: &str) -> Self {
        let mut app = Self::empty(Settings::default());
        app.set_store(store, corpus_name.to_string());
        app
    }

    fn empty(settings: Settings) -> Self {
        Self {
            store: Store::default(),
            corpus_name: String::new(),
            filter: Filter::default(),
            selection: Selection::default(),
            visible: Vec::new(),
            commands: Vec::new(),
            app_commands: Vec::new(),
            settings,
            message: None,
            show_warnings: false,
            folder_dialog: None,
            applied_theme: None,
            title: String::new(),
            loader: None,
            partial: Partial::default(),
            loading_name: String::new(),
            generation: 0,
            store_generation: 0,
            fit_pending: false,
            map: MapPanel::new(),
            timeline: Timeline::default(),
            event_list: EventList::default(),
            article_pane: ArticlePane::default(),
            filters: FilterPanel::default(),
            briefing: Default::default(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }
    pub fn filter(&self) -> &Filter {
        &self.filter
    }
    pub fn selection(&self) -> &Selection {
        &self.selection
    }
    /// The filtered events, in time order.
    pub fn visible(&self) -> &[EventIdx] {
        &self.visible
    }
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    pub fn is_loading(&self) -> bool {
        self.loader.is_some()
            || self
                .commands
                .iter()
                .any(|c| matches!(c, Command::OpenPaths(_)))
    }
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    pub fn warnings_open(&self) -> bool {
        self.show_warnings
    }
    /// Queue a command as if a view had pushed it; applied at the end of the next frame.
    pub fn push_command(&mut self, command: Command) {
        self.commands.push(command);
    }
    pub fn window_title(&self) -> String {
        if self.corpus_name.is_empty() {
            "chronomap".to_string()
        } else {
            format!(
                "chronomap — {} — {} events",
                self.corpus_name,
                self.store.events.len()
            )
        }
    }

    fn set_store(&mut self, store: Store, corpus_name: String) {
        self.store = store;
        self.corpus_name = corpus_name;
        self.selection = Selection::default();
        self.store_generation += 1;
        self.timeline.reset_view();
        self.refilter();
        self.fit_pending = true;
    }

    fn refilter(&mut self) {
        self.visible = self.store.filtered(&self.filter);
        self.generation += 1;
    }

    fn fit_all(&mut self) {
        if !self.visible.is_empty() {
            self.map.fit(&self.store, &self.visible);
        }
    }

    /// The read-only view of the state that panels draw from.
    pub fn view_context(&self) -> ViewContext<'_> {
        ViewContext {
            store: &self.store,
            visible: &self.visible,
            filter: &self.filter,
            selection: &self.selection,
            theme: self.settings.theme,
            generation: self.generation,
            store_generation: self.store_generation,
        }
    }

    /// Applies every queued command, in order. The one place where the filter, the selection
    /// and the store change.
    pub fn apply_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        let mut refilter = false;
        for command in commands {
            match command {
                Command::OpenPaths(paths) => self.open_paths(paths, ctx),
                Command::CancelLoad => {
                    if let Some(l) = &self.loader {
                        l.cancel();
                    }
                }
                Command::SelectEvent(idx) => self.select_event(idx),
                Command::HoverEvent(idx) => self.selection.hovered = idx,
                Command::ShowSource(n) => self.show_source(n),
                Command::SelectArticle(a) => {
                    self.selection.article = a.filter(|&a| a < self.store.articles.len());
                }
                Command::StepEvent(step) => self.step_event(step),
                Command::SetFilter(f) => {
                    self.filter = f;
                    refilter = true;
                }
                Command::SetTimeRange(range) => {
                    self.filter.time = range;
                    refilter = true;
                }
                Command::ToggleKind(kind) => {
                    if !self.filter.kinds.remove(&kind) {
                        self.filter.kinds.insert(kind);
                    }
                    refilter = true;
                }
                Command::ClearFilter => {
                    self.filter = Filter::default();
                    refilter = true;
                }
                Command::ZoomToSelection => {
                    if let Some(i) = self.selection.event {
                        self.map.fly_to_event(&self.store, i);
                    }
                }
                Command::FitAll => self.fit_all(),
                Command::SetNow(d) => self.timeline.now = d,
                Command::ClearSelection => {
                    self.selection.event = None;
                    self.selection.hovered = None;
                    self.selection.marked.clear();
                }
                Command::SetMarked(marked) => {
                    let n = self.store.events.len();
                    self.selection.marked = marked.into_iter().filter(|&i| i < n).collect();
                }
            }
        }
        if refilter {
            self.refilter();
        }
        for command in std::mem::take(&mut self.app_commands) {
            match command {
                AppCommand::OpenFolderDialog => self.open_folder_dialog(ctx),
                AppCommand::SetTheme(t) => self.settings.theme = t,
                AppCommand::ShowWarnings(show) => self.show_warnings = show,
            }
        }
    }

    fn select_event(&mut self, idx: Option<EventIdx>) {
        let idx = idx.filter(|&i| i < self.store.events.len());
        self.selection.event = idx;
        self.selection.source_index = 0;
        if let Some(i) = idx {
            self.selection.article = self.source_article(i, 0);
        }
    }

    fn show_source(&mut self, n: usize) {
        if let Some(i) = self.selection.event {
            let count = self.store.events[i].article_ids().len();
            if n < count {
                self.selection.source_index = n;
                self.selection.article = self.source_article(i, n);
            }
        }
    }

    fn source_article(&self, event: EventIdx, n: usize) -> Option<usize> {
        let ids = self.store.events[event].article_ids();
        ids.get(n).and_then(|id| self.store.article_index(id))
    }

    /// ←/→: the previous or next filtered event in time (the first or last when none is
    /// selected or the selection is filtered out).
    fn step_event(&mut self, step: i32) {
        if self.visible.is_empty() {
            return;
        }
        let pos = self
            .selection
            .event
            .and_then(|e| self.visible.iter().position(|&v| v == e));
        let next = match pos {
            Some(p) => (p as i64 + step as i64).clamp(0, self.visible.len() as i64 - 1) as usize,
            None if step < 0 => self.visible.len() - 1,
            None => 0,
        };
        self.select_event(Some(self.visible[next]));
    }

    fn open_paths(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if paths.is_empty() {
            return;
        }
        self.settings.remember(&paths);
        self.message = None;
        self.loading_name = loader::corpus_name(&paths);
        self.partial = Partial::default();
        // Replacing the loader drops (and so cancels) a load still running.
        self.loader = Some(Loader::start(paths, Some(ctx.clone())));
    }

    /// Takes what the loading thread published since the last frame.
    fn poll_loader(&mut self) {
        let Some(loader) = &mut self.loader else {
            return;
        };
        let mut partial_changed = false;
        let mut ended = false;
        for update in loader.poll() {
            match update {
                LoadUpdate::Listed { .. } | LoadUpdate::Progress { .. } => {}
                LoadUpdate::Batch {
                    articles,
                    events,
                    warnings,
                } => {
                    self.partial.articles.extend(articles);
                    self.partial.events.extend(events);
                    self.partial.warnings.extend(warnings);
                    partial_changed = true;
                }
                LoadUpdate::Finished(store) => {
                    let name = std::mem::take(&mut self.loading_name);
                    let has_warnings = !store.warnings.is_empty();
                    self.set_store(*store, name);
                    self.show_warnings = has_warnings;
                    self.message = None;
                    ended = true;
                    partial_changed = false;
                }
                LoadUpdate::Cancelled { done } => {
                    self.message = Some(format!(
                        "Loading cancelled after {done} files; showing what was read."
                    ));
                    ended = true;
                }
                LoadUpdate::Failed(msg) => {
                    self.message = Some(format!("Could not load: {msg}"));
                    ended = true;
                }
            }
        }
        if partial_changed {
            let p = &self.partial;
            let store = Store::new(p.articles.clone(), p.events.clone(), p.warnings.clone());
            self.store = store;
            self.corpus_name = self.loading_name.clone();
            self.selection = Selection::default();
            self.store_generation += 1;
            self.timeline.reset_view();
            self.refilter();
        }
        if ended {
            self.loader = None;
            self.partial = Partial::default();
        }
    }

    fn open_folder_dialog(&mut self, ctx: &egui::Context) {
        if self.folder_dialog.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        // The dialog blocks, so it runs on its own thread; the answer comes back by channel.
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title("Open a folder of articles")
                .pick_folder();
            let _ = tx.send(picked);
            ctx.request_repaint();
        });
        self.folder_dialog = Some(rx);
    }

    fn poll_folder_dialog(&mut self) {
        let Some(rx) = &self.folder_dialog else {
            return;
        };
        match rx.try_recv() {
            Ok(Some(path)) => {
                self.folder_dialog = None;
                self.commands.push(Command::OpenPaths(vec![path]));
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                self.folder_dialog = None;
                self.message = Some(
                    "No folder chosen. If no dialog appeared, pass the folder on the command line \
                     or drop it on the window."
                        .to_string(),
                );
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::OpenPaths(dropped));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            self.app_commands.push(AppCommand::OpenFolderDialog);
        }
        // Only typing needs the keys; a clicked button keeping focus must not block shortcuts.
        if ctx.text_edit_focused() {
            return;
        }
        let none = egui::Modifiers::NONE;
        ctx.input_mut(|i| {
            if i.consume_key(none, egui::Key::ArrowLeft) {
                self.commands.push(Command::StepEvent(-1));
            }
            if i.consume_key(none, egui::Key::ArrowRight) {
                self.commands.push(Command::StepEvent(1));
            }
            if i.consume_key(none, egui::Key::F) {
                self.commands.push(Command::FitAll);
            }
            if i.consume_key(none, egui::Key::Escape) {
                self.commands.push(Command::ClearSelection);
            }
        });
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open folder…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    self.app_commands.push(AppCommand::OpenFolderDialog);
                }
                ui.menu_button("Recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("No recent folders");
                    }
                    for paths in &self.settings.recent {
                        if ui.button(display_paths(paths)).clicked() {
                            self.commands.push(Command::OpenPaths(paths.clone()));
                        }
                    }
                });
                if let Some(sample) = crate::ui::default_corpus_path()
                    && ui.button("Open sample corpus").clicked()
                {
                    self.commands.push(Command::OpenPaths(vec![sample]));
                }
                ui.separator();
                if ui.button("Export…").clicked() {
                    let range = self.filter.time.or_else(|| self.store.time_extent());
                    self.briefing.open_export(range);
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                for t in [ThemeChoice::Dark, ThemeChoice::Light] {
                    if ui.radio(self.settings.theme == t, t.label()).clicked() {
                        self.app_commands.push(AppCommand::SetTheme(t));
                    }
                }
                ui.separator();
                if ui.button("Fit all  (F)").clicked() {
                    self.commands.push(Command::FitAll);
                }
                if ui.button("Zoom to selection").clicked() {
                    self.commands.push(Command::ZoomToSelection);
                }
                if ui.button("Warnings").clicked() {
                    self.app_commands.push(AppCommand::ShowWarnings(true));
                }
            });
            let range = self.filter.time.or_else(|| self.store.time_extent());
            self.briefing.menu(ui, range);
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} articles · {} events · {} shown",
                self.store.articles.len(),
                self.store.events.len(),
                self.visible.len()
            ));
            if let Some(l) = &self.loader {
                let text = match l.total {
                    Some(t) => format!("{} of {t} files", l.done),
                    None => "listing files…".to_string(),
                };
                ui.add(
                    egui::ProgressBar::new(l.fraction())
                        .desired_width(220.0)
                        .text(text),
                );
                if ui.button("Cancel").clicked() {
                    self.commands.push(Command::CancelLoad);
                }
            }
            let n_warn = self.store.warnings.len();
            if n_warn > 0 && ui.link(format!("{n_warn} warnings")).clicked() {
                self.app_commands.push(AppCommand::ShowWarnings(true));
            }
            if let Some(msg) = &self.message {
                ui.separator();
                ui.label(msg);
            }
        });
    }
}

impl ChronomapApp {
    /// The whole window: menu, status bar, filters + event list on the left, the article pane
    /// on the right, the timeline under the map in the middle.
    fn panels(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        let v = ViewContext {
            store: &self.store,
            visible: &self.visible,
            filter: &self.filter,
            selection: &self.selection,
            theme: self.settings.theme,
            generation: self.generation,
            store_generation: self.store_generation,
        };
        egui::Panel::left("events")
            .resizable(true)
            .default_size(470.0)
            .min_size(300.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                self.filters.ui(ui, &v, &mut commands);
                ui.separator();
                ui.horizontal(|ui| {
                    ui.strong(format!(
                        "Events ({} of {})",
                        v.visible.len(),
                        v.store.events.len()
                    ));
                });
                self.event_list.ui(ui, &v, &mut commands);
            });
        egui::Panel::right("article")
            .resizable(true)
            .default_size(430.0)
            .min_size(280.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                self.article_pane.ui(ui, &v, &mut commands);
            });
        self.briefing
            .playback_panel(ui, v.store, v.visible, &mut commands);
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(190.0)
            .min_size(110.0)
            .show(ui, |ui| {
                ui.add_space(2.0);
                self.timeline.ui(ui, &v, &mut commands);
            });
        let palette = self.settings.theme.palette();
        // During playback the map shows what `Playback::visible` shows, faded and pulsing.
        let look = self
            .briefing
            .playback_active
            .then(|| self.briefing.playback.visible(v.store, v.visible));
        let played: Option<Vec<EventIdx>> = look
            .as_ref()
            .map(|l| l.iter().map(|&(i, _, _)| i).collect());
        self.map.set_playback(look.as_deref());
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let map_ctx = MapContext {
                store: v.store,
                visible: played.as_deref().unwrap_or(v.visible),
                selection: v.selection,
                palette,
                now: self.timeline.now,
            };
            self.map.ui(ui, &map_ctx, &mut commands);
        });
        if self.fit_pending {
            self.fit_pending = false;
            self.fit_all();
        }
        warnings::window(
            ui.ctx(),
            self.show_warnings,
            &self.store.warnings,
            &mut self.app_commands,
        );
        self.briefing.windows(
            ui.ctx(),
            &self.store,
            &self.filter,
            &self.visible,
            &self.selection,
            &mut self.map,
            palette,
            &mut commands,
        );
        self.commands.extend(commands);
    }
}

fn display_paths(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} (+{} more)", first.display(), rest.len()),
        [] => String::new(),
    }
}

impl eframe::App for ChronomapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.applied_theme != Some(self.settings.theme) {
            theme::apply(&ctx, self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        self.poll_folder_dialog();
        self.poll_loader();
        let corpus = self
            .settings
            .last_corpus
            .as_ref()
            .and_then(|p| p.first())
            .cloned();
        self.briefing
            .sync(&self.store, self.store_generation, corpus.as_deref());
        self.briefing.handle_input(&ctx);
        self.handle_input(&ctx);

        if !self.briefing.presentation(ui, &self.store, &mut self.map) {
            self.panels(ui);
        }

        if !self.commands.is_empty() || !self.app_commands.is_empty() {
            self.apply_commands(&ctx);
            ctx.request_repaint();
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Ok(text) = serde_json::to_string(&self.settings) {
            storage.set_string(SETTINGS_KEY, text);
        }
    }
}
