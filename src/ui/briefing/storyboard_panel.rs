//! The storyboard window: the list of slides (drag to reorder), "Add current view as slide",
//! "Draft from selection", caption editing, the slide's annotations (Annotate mode on the map,
//! a list to edit and delete them), and "Present".

use crate::briefing::{Slide, SlideView, Storyboard, draft_from_selection};
use crate::store::{EventIdx, Filter, Store};

/// What the user asked for in the storyboard window this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryboardAction {
    /// Jump the map to a slide.
    Show(usize),
    /// Start presenting from a slide.
    Present(usize),
    /// Fly the map to a slide's view only (the filter and selection stay as they are).
    FlyTo(usize),
}

/// What the storyboard needs from the rest of the app.
pub struct StoryboardInputs<'a> {
    pub store: &'a Store,
    pub view: SlideView,
    pub filter: &'a Filter,
    /// Events "Draft from selection" drafts: the marked ones, else the selected one, else all
    /// filtered ones (see `super::draft_events`).
    pub selected: &'a [EventIdx],
    /// Which of those fallbacks `selected` is, for the button's tooltip.
    pub selected_from: &'a str,
    /// Ids of the selected and marked events: "Add current view as slide" highlights them.
    pub highlighted: &'a [String],
}

/// Annotate mode of the current slide: on, and the text of the notes it places.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotateState {
    pub active: bool,
    pub text: String,
}

impl Default for AnnotateState {
    fn default() -> Self {
        Self {
            active: false,
            text: "Note".to_owned(),
        }
    }
}

/// Returns the actions and whether the storyboard changed (to be saved).
pub fn ui(
    ui: &mut egui::Ui,
    board: &mut Storyboard,
    current: &mut Option<usize>,
    inputs: &StoryboardInputs<'_>,
    annotate: &mut AnnotateState,
) -> (Vec<StoryboardAction>, bool) {
    let mut actions = Vec::new();
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add current view as slide").clicked() {
            let n = board.len() + 1;
            board.add(Slide {
                title: format!("Slide {n}"),
                caption: String::new(),
                view: inputs.view,
                time: inputs.filter.time,
                filter: inputs.filter.clone(),
                events: inputs.highlighted.to_vec(),
                annotations: Vec::new(),
            });
            *current = Some(board.len() - 1);
            changed = true;
        }
        let n_sel = inputs.selected.len();
        if ui
            .add_enabled(
                n_sel > 0,
                egui::Button::new(format!("Draft from selection ({n_sel})")),
            )
            .on_hover_text(format!(
                "One slide per event, in time order, with a caption generated from the event and \
                 its sources. Drafts the events marked in the event list (Ctrl/Cmd-click, \
                 Shift-click for a range); without marks the selected event; without a selection \
                 all filtered events. Now: {}.",
                inputs.selected_from
            ))
            .clicked()
        {
            let first_new = board.len();
            for s in draft_from_selection(inputs.store, inputs.selected) {
                board.add(s);
            }
            // The first drafted slide opens, its caption ready to edit.
            if board.len() > first_new {
                *current = Some(first_new);
                actions.push(StoryboardAction::FlyTo(first_new));
            }
            changed = true;
        }
        if ui
            .add_enabled(!board.is_empty(), egui::Button::new("Present"))
            .clicked()
        {
            actions.push(StoryboardAction::Present(current.unwrap_or(0)));
        }
    });
    ui.separator();
    if board.is_empty() {
        ui.label("No slides yet. Frame the map, then \"Add current view as slide\".");
    }
    let mut remove: Option<usize> = None;
    let mut moved: Option<(usize, usize)> = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for i in 0..board.slides.len() {
            let is_current = *current == Some(i);
            let row = ui.horizontal(|ui| {
                let handle_id = ui.scope_id().with(("storyboard-slide", i));
                ui.dnd_drag_source(handle_id, i, |ui| {
                    ui.label("::").on_hover_text("Drag to reorder");
                });
                if ui
                    .selectable_label(is_current, format!("{}.", i + 1))
                    .clicked()
                {
                    *current = Some(i);
                    actions.push(StoryboardAction::Show(i));
                }
                let title = ui.add(
                    egui::TextEdit::singleline(&mut board.slides[i].title)
                        .desired_width(180.0)
                        .hint_text("Slide title"),
                );
                changed |= title.changed();
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove slide")
                    .clicked()
                {
                    remove = Some(i);
                }
            });
            if let Some(from) = row.response.dnd_release_payload::<usize>()
                && *from != i
            {
                moved = Some((*from, i));
            }
            if is_current {
                let caption = ui.add(
                    egui::TextEdit::multiline(&mut board.slides[i].caption)
                        .desired_rows(3)
                        .hint_text("Caption"),
                );
                changed |= caption.changed();
                if ui.button("Use current view for this slide").clicked() {
                    board.slides[i].view = inputs.view;
                    changed = true;
                }
                changed |= annotations_ui(ui, &mut board.slides[i], annotate);
            }
        }
    });
    if current.is_none() {
        annotate.active = false;
    }
    if let Some((from, to)) = moved
        && board.move_slide(from, to)
    {
        *current = Some(to);
        changed = true;
    }
    if let Some(i) = remove {
        board.remove(i);
        *current = current.and_then(|c| {
            if board.is_empty() {
                None
            } else {
                Some(c.min(board.len() - 1))
            }
        });
        changed = true;
    }
    (actions, changed)
}

/// The current slide's annotations: the Annotate toggle with the text of new notes, and one
/// row per note (its text, what it is, Delete). Returns whether the slide changed.
fn annotations_ui(ui: &mut egui::Ui, slide: &mut Slide, annotate: &mut AnnotateState) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.toggle_value(&mut annotate.active, "Annotate")
            .on_hover_text(
                "On the map: click to place a note with this text, drag to draw an arrow from \
                 the note to a point. Right-drag pans meanwhile.",
            );
        ui.label("Text");
        ui.add(
            egui::TextEdit::singleline(&mut annotate.text)
                .desired_width(160.0)
                .hint_text("text of new notes"),
        );
    });
    let mut delete = None;
    for (n, note) in slide.annotations.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let what = match note.arrow_to {
                Some(_) => "arrow",
                None => "label",
            };
            ui.label(format!("{what} at {:.3}, {:.3}", note.lat, note.lon))
                .on_hover_text("latitude, longitude");
            changed |= ui
                .add(egui::TextEdit::singleline(&mut note.text).desired_width(140.0))
                .changed();
            if ui
                .small_button("Delete")
                .on_hover_text("Delete this annotation")
                .clicked()
            {
                delete = Some(n);
            }
        });
    }
    if let Some(n) = delete {
        slide.annotations.remove(n);
        changed = true;
    }
    changed
}
