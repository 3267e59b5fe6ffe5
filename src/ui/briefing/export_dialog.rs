//! File → Export: PNG of the current view, slide deck (PNGs / HTML / PDF), animated GIF of the
//! playback, and the filtered events as GeoJSON / CSV / KML. Every export runs on a background
//! thread with a progress bar and Cancel; the UI never waits for it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, mpsc};

use chrono::NaiveDate;

use crate::briefing::{Annotation, Playback, SlideView, Storyboard};
use crate::export::deck::{
    DeckOptions, render_deck, write_deck_html, write_deck_pdf, write_slide_pngs,
};
use crate::export::gif::{GifOptions, GifOutcome, export_gif};
use crate::export::render::{RenderOptions, Scene};
use crate::store::{EventIdx, Store};
use crate::theme::Palette;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Png,
    Deck,
    Gif,
    Events,
}

/// Everything an export needs from the app at the moment the user clicks Export.
pub struct ExportInputs<'a> {
    pub store: &'a Store,
    /// The filtered events.
    pub visible: &'a [EventIdx],
    pub highlighted: Vec<EventIdx>,
    pub view: SlideView,
    /// Export pixels per map point at the map's on-screen size: keeps the same extent.
    pub map_width_points: f32,
    pub palette: Palette,
    pub playback: &'a Playback,
    /// Whether the map currently shows the playback (then the PNG shows that moment).
    pub playback_active: bool,
    pub storyboard: &'a Storyboard,
    pub time_range: Option<(NaiveDate, NaiveDate)>,
    /// The notes the live map shows (the shown slide's): the PNG shows them too.
    pub annotations: Vec<Annotation>,
}

struct Job {
    label: String,
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    done: mpsc::Receiver<Result<String, String>>,
}

pub struct ExportDialog {
    pub open: bool,
    pub kind: ExportKind,
    /// Output file (PNG, GIF) or base name (deck, events: extensions are added).
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub title: String,
    pub deck_pngs: bool,
    pub deck_html: bool,
    pub deck_pdf: bool,
    pub gif_from: String,
    pub gif_to: String,
    pub gif_speed: f64,
    pub gif_fps: u32,
    pub geojson: bool,
    pub csv: bool,
    pub kml: bool,
    job: Option<Job>,
    chooser: Option<mpsc::Receiver<Option<PathBuf>>>,
    pub message: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            kind: ExportKind::Png,
            path: String::new(),
            width: 1920,
            height: 1080,
            title: String::new(),
            deck_pngs: true,
            deck_html: true,
            deck_pdf: true,
            gif_from: String::new(),
            gif_to: String::new(),
            gif_speed: 7.0,
            gif_fps: 10,
            geojson: true,
            csv: true,
            kml: true,
            job: None,
            chooser: None,
            message: None,
        }
    }
}

fn default_folder() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
        .join("chronomap-exports")
}

impl ExportDialog {
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Opens the dialog on a kind, with a default path and the range to export.
    pub fn open_for(&mut self, kind: ExportKind, range: Option<(NaiveDate, NaiveDate)>) {
        self.open = true;
        self.set_kind(kind);
        if let Some((a, b)) = range {
            if self.gif_from.is_empty() {
                self.gif_from = a.to_string();
            }
            if self.gif_to.is_empty() {
                self.gif_to = b.to_string();
            }
        }
    }

    fn set_kind(&mut self, kind: ExportKind) {
        self.kind = kind;
        let name = match kind {
            ExportKind::Png => "map.png",
            ExportKind::Deck => "briefing",
            ExportKind::Gif => "playback.gif",
            ExportKind::Events => "events",
        };
        self.path = default_folder().join(name).display().to_string();
        if kind == ExportKind::Gif {
            (self.width, self.height) = (1280, 720);
        }
    }

    /// Polls the background job; call every frame.
    pub fn poll(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.chooser {
            match rx.try_recv() {
                Ok(Some(p)) => {
                    self.path = p.display().to_string();
                    self.chooser = None;
                }
                Ok(None) | Err(mpsc::TryRecvError::Disconnected) => self.chooser = None,
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        if let Some(job) = &self.job {
            match job.done.try_recv() {
                Ok(result) => {
                    self.message = Some(match result {
                        Ok(m) => m,
                        Err(e) => format!("{} failed: {e}", job.label),
                    });
                    self.job = None;
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.message = Some(format!("{} stopped unexpectedly", job.label));
                    self.job = None;
                }
                Err(mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100))
                }
            }
        }
    }

    /// The dialog window.
    pub fn window(&mut self, ctx: &egui::Context, inputs: &ExportInputs<'_>) {
        self.poll(ctx);
        let mut open = self.open;
        egui::Window::new("Export")
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| self.contents(ui, inputs));
        self.open = open;
    }

    fn contents(&mut self, ui: &mut egui::Ui, inputs: &ExportInputs<'_>) {
        ui.horizontal(|ui| {
            for (k, label) in [
                (ExportKind::Png, "PNG"),
                (ExportKind::Deck, "Slide deck"),
                (ExportKind::Gif, "GIF"),
                (ExportKind::Events, "Events"),
            ] {
                let tab = ui.selectable_label(self.kind == k, label);
                let tab = if k == ExportKind::Gif {
                    tab.on_hover_text(
                        "The playback as an animated GIF. No MP4/WebM: no suitable encoder \
                         crate without system or C/C++ codec libraries (see ARCHITECTURE.md).",
                    )
                } else {
                    tab
                };
                if tab.clicked() && self.kind != k {
                    self.set_kind(k);
                }
            }
        });
        ui.separator();
        ui.horizontal(|ui| {
            ui.label("Save to");
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(320.0));
            if ui.button("Choose…").clicked() && self.chooser.is_none() {
                let (tx, rx) = mpsc::channel();
                let ctx = ui.ctx().clone();
                std::thread::spawn(move || {
                    let _ = tx.send(rfd::FileDialog::new().set_title("Export to").save_file());
                    ctx.request_repaint();
                });
                self.chooser = Some(rx);
            }
        });
        let size_row = |ui: &mut egui::Ui, w: &mut u32, h: &mut u32| {
            ui.horizontal(|ui| {
                ui.label("Size");
                ui.add(egui::DragValue::new(w).range(64..=8192).suffix(" px"));
                ui.label("×");
                ui.add(egui::DragValue::new(h).range(64..=8192).suffix(" px"));
                for (pw, ph) in [(1280, 720), (1920, 1080), (3840, 2160)] {
                    if ui.small_button(format!("{pw}×{ph}")).clicked() {
                        (*w, *h) = (pw, ph);
                    }
                }
            });
        };
        match self.kind {
            ExportKind::Png => {
                size_row(ui, &mut self.width, &mut self.height);
                ui.horizontal(|ui| {
                    ui.label("Title (optional)");
                    ui.text_edit_singleline(&mut self.title);
                });
            }
            ExportKind::Deck => {
                ui.label(format!("{} slides", inputs.storyboard.len()));
                ui.checkbox(&mut self.deck_pngs, "One PNG per slide");
                ui.checkbox(&mut self.deck_html, "HTML (self-contained, arrow keys)");
                ui.checkbox(&mut self.deck_pdf, "PDF");
            }
            ExportKind::Gif => {
                size_row(ui, &mut self.width, &mut self.height);
                ui.horizontal(|ui| {
                    ui.label("From");
                    ui.add(egui::TextEdit::singleline(&mut self.gif_from).desired_width(90.0));
                    ui.label("to");
                    ui.add(egui::TextEdit::singleline(&mut self.gif_to).desired_width(90.0));
                });
                ui.add(
                    egui::Slider::new(&mut self.gif_speed, 0.5..=60.0)
                        .logarithmic(true)
                        .text("days/s"),
                );
                ui.horizontal(|ui| {
                    ui.label("Frames/s");
                    for f in [5u32, 10, 20] {
                        ui.radio_value(&mut self.gif_fps, f, f.to_string());
                    }
                });
                if let Some(o) = self.gif_options(inputs) {
                    ui.label(format!(
                        "{:.1} s, {} frames",
                        o.duration_seconds(),
                        o.frame_count()
                    ));
                }
            }
            ExportKind::Events => {
                ui.label(format!("{} filtered events", inputs.visible.len()));
                ui.checkbox(&mut self.geojson, "GeoJSON");
                ui.checkbox(&mut self.csv, "CSV");
                ui.checkbox(&mut self.kml, "KML (Google Earth time slider)");
            }
        }
        ui.separator();
        if let Some(job) = &self.job {
            ui.horizontal(|ui| {
                let f = f32::from_bits(job.progress.load(Ordering::Relaxed));
                ui.add(
                    egui::ProgressBar::new(f)
                        .desired_width(260.0)
                        .text(job.label.clone()),
                );
                if ui.button("Cancel").clicked() {
                    job.cancel.store(true, Ordering::Relaxed);
                }
            });
        } else if ui.button("Export").clicked()
            && let Err(e) = self.start(ui.ctx(), inputs)
        {
            self.message = Some(e);
        }
        if let Some(m) = &self.message {
            ui.label(m);
        }
    }

    fn gif_options(&self, inputs: &ExportInputs<'_>) -> Option<GifOptions> {
        let parse = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let (a, b) = (parse(&self.gif_from)?, parse(&self.gif_to)?);
        let mut render = RenderOptions::new(self.width, self.height, inputs.view);
        render.palette = inputs.palette;
        render.pixel_ratio = pixel_ratio(self.width, inputs.map_width_points);
        Some(GifOptions {
            render,
            start: a.min(b),
            end: a.max(b),
            days_per_second: self.gif_speed,
            fps: self.gif_fps,
            mode: inputs.playback.mode,
            hold_end_seconds: 1.5,
        })
    }

    /// Starts the export on a background thread.
    pub fn start(&mut self, ctx: &egui::Context, inputs: &ExportInputs<'_>) -> Result<(), String> {
        let path = PathBuf::from(self.path.trim());
        if path.as_os_str().is_empty() {
            return Err("Choose where to save the export.".into());
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let store = inputs.store.clone();
        let visible = inputs.visible.to_vec();
        let progress = Arc::new(AtomicU32::new(0f32.to_bits()));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
        let (p2, ctx2) = (progress.clone(), ctx.clone());
        let report = move |f: f32| {
            p2.store(f.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
            ctx2.request_repaint();
        };
        let label;
        let work: Box<dyn FnOnce() -> Result<String, String> + Send> = match self.kind {
            ExportKind::Png => {
                label = "PNG".to_string();
                let mut opts = RenderOptions::new(self.width, self.height, inputs.view);
                opts.palette = inputs.palette;
                opts.pixel_ratio = pixel_ratio(self.width, inputs.map_width_points);
                opts.title = (!self.title.trim().is_empty()).then(|| self.title.trim().to_string());
                let mut scene = if inputs.playback_active {
                    let mut s = Scene::all(&visible);
                    s.events = inputs.playback.visible(inputs.store, &visible);
                    s.now = Some(inputs.playback.current);
                    s
                } else {
                    Scene::all(&visible)
                };
                scene.highlighted = inputs.highlighted.clone();
                scene.time_range = inputs.time_range;
                scene.annotations = inputs.annotations.clone();
                Box::new(move || {
                    crate::export::png::write_png_with_progress(
                        &path, &store, &scene, &opts, &report,
                    )
                    .map_err(|e| e.to_string())?;
                    Ok(format!("Saved {}", path.display()))
                })
            }
            ExportKind::Deck => {
                label = "Slide deck".to_string();
                if inputs.storyboard.is_empty() {
                    return Err("The storyboard has no slides yet.".into());
                }
                let board = inputs.storyboard.clone();
                let opts = DeckOptions {
                    width: self.width.clamp(320, 3840),
                    height: self.height.clamp(200, 2160),
                    ..DeckOptions::default()
                };
                let (pngs, html, pdf) = (self.deck_pngs, self.deck_html, self.deck_pdf);
                let cancel = cancel.clone();
                Box::new(move || {
                    let images = render_deck(&store, &board, &opts, &|f| report(f * 0.9), &cancel)
                        .ok_or("cancelled")?;
                    let base = path.with_extension("");
                    let title = base
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let mut written = Vec::new();
                    if pngs {
                        let dir = PathBuf::from(format!("{}-slides", base.display()));
                        std::fs::create_dir_all(&dir)
                            .map_err(|e| format!("{}: {e}", dir.display()))?;
                        write_slide_pngs(&dir, &images).map_err(|e| e.to_string())?;
                        written.push(dir);
                    }
                    if html {
                        let p = base.with_extension("html");
                        write_deck_html(&p, &title, &board, &images).map_err(|e| e.to_string())?;
                        written.push(p);
                    }
                    if pdf {
                        let p = base.with_extension("pdf");
                        write_deck_pdf(&p, &title, &images).map_err(|e| e.to_string())?;
                        written.push(p);
                    }
                    report(1.0);
                    Ok(format!("Saved {}", list(&written)))
                })
            }
            ExportKind::Gif => {
                label = "GIF".to_string();
                let opts = self
                    .gif_options(inputs)
                    .ok_or("Enter the range as YYYY-MM-DD.")?;
                let cancel = cancel.clone();
                Box::new(move || {
                    match export_gif(&path, &store, &visible, &opts, &report, &cancel)
                        .map_err(|e| e.to_string())?
                    {
                        GifOutcome::Written { frames, bytes } => Ok(format!(
                            "Saved {} ({frames} frames, {:.1} MB)",
                            path.display(),
                            bytes as f64 / 1e6
                        )),
                        GifOutcome::Cancelled => {
                            Ok("GIF export cancelled; no file written.".into())
                        }
                    }
                })
            }
            ExportKind::Events => {
                label = "Events".to_string();
                let formats = crate::export::EventFormats {
                    geojson: self.geojson,
                    csv: self.csv,
                    kml: self.kml,
                };
                Box::new(move || {
                    let events: Vec<_> = visible
                        .iter()
                        .filter_map(|&i| store.events.get(i).cloned())
                        .collect();
                    let written = crate::export::write_event_files(
                        &path,
                        &store.articles,
                        &events,
                        formats,
                        &report,
                    )
                    .map_err(|e| e.to_string())?;
                    Ok(format!(
                        "Saved {} events to {}",
                        events.len(),
                        list(&written)
                    ))
                })
            }
        };
        std::thread::spawn(move || {
            let result = work();
            let _ = tx.send(result);
        });
        self.message = None;
        self.job = Some(Job {
            label,
            progress,
            cancel,
            done: rx,
        });
        Ok(())
    }
}

fn pixel_ratio(export_width: u32, map_width_points: f32) -> f32 {
    if map_width_points > 1.0 {
        (export_width as f32 / map_width_points).clamp(0.25, 8.0)
    } else {
        export_width as f32 / 1280.0
    }
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p: &PathBuf| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
