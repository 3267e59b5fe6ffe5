//! The sortable, virtualised table of the filtered events. A click selects, hovering a row
//! hovers the event everywhere, and the selected row is scrolled into view when the selection
//! comes from another view. Ctrl/Cmd-click marks several events and Shift-click a range of
//! rows (`Selection::marked`, what "Draft from selection" drafts); a plain click clears them.

use std::collections::BTreeSet;

use egui_extras::{Column, TableBuilder};

use crate::store::{EventIdx, Store};
use crate::ui::app::ViewContext;
use crate::ui::command::Command;
use crate::ui::theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    Date,
    Kind,
    Place,
    Perpetrator,
    Killed,
    Sources,
}

impl SortColumn {
    const ALL: [SortColumn; 6] = [
        SortColumn::Date,
        SortColumn::Kind,
        SortColumn::Place,
        SortColumn::Perpetrator,
        SortColumn::Killed,
        SortColumn::Sources,
    ];

    fn title(self) -> &'static str {
        match self {
            SortColumn::Date => "Date",
            SortColumn::Kind => "Kind",
            SortColumn::Place => "Place",
            SortColumn::Perpetrator => "Perpetrator",
            SortColumn::Killed => "Killed",
            SortColumn::Sources => "Src",
        }
    }
}

pub struct EventList {
    pub sort: SortColumn,
    pub ascending: bool,
    /// Rows in display order, rebuilt when the visible set or the sort changes.
    rows: Vec<EventIdx>,
    rows_key: Option<(u64, SortColumn, bool)>,
    /// The selection the table last scrolled to, so it scrolls once per new selection.
    scrolled_to: Option<EventIdx>,
    /// The event this view last reported as hovered.
    hover_sent: Option<EventIdx>,
    /// The row event a Shift-click range starts from: the last clicked or Ctrl-clicked one.
    anchor: Option<EventIdx>,
}

impl Default for EventList {
    fn default() -> Self {
        Self {
            sort: SortColumn::Date,
            ascending: true,
            rows: Vec::new(),
            rows_key: None,
            scrolled_to: None,
            hover_sent: None,
            anchor: None,
        }
    }
}

impl EventList {
    /// Events in the order the table shows them.
    pub fn rows(&self) -> &[EventIdx] {
        &self.rows
    }

    fn refresh_rows(&mut self, v: &ViewContext<'_>) {
        let key = (v.generation, self.sort, self.ascending);
        if self.rows_key == Some(key) {
            return;
        }
        self.rows_key = Some(key);
        self.rows = v.visible.to_vec();
        sort_events(v.store, &mut self.rows, self.sort, self.ascending);
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, v: &ViewContext<'_>, commands: &mut Vec<Command>) {
        self.refresh_rows(v);
        let selected = v.selection.event;
        let scroll_row = match selected {
            Some(sel) if self.scrolled_to != Some(sel) => {
                self.scrolled_to = Some(sel);
                self.rows.iter().position(|&r| r == sel)
            }
            None => {
                self.scrolled_to = None;
                None
            }
            _ => None,
        };
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        // Selectable labels would take the click that selects the row.
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("event-table")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(78.0))
            .column(Column::initial(96.0).at_least(50.0).clip(true))
            .column(Column::initial(110.0).at_least(50.0).clip(true))
            .column(Column::initial(110.0).at_least(50.0).clip(true))
            .column(Column::exact(46.0))
            .column(Column::remainder().at_least(26.0))
            .min_scrolled_height(0.0);
        if let Some(row) = scroll_row {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        let rows = &self.rows;
        let marked = &v.selection.marked;
        let mut clicked: Option<(EventIdx, egui::Modifiers)> = None;
        let mut new_sort = None;
        let mut hovered_now = None;
        table
            .header(row_height + 2.0, |mut header| {
                for column in SortColumn::ALL {
                    header.col(|ui| {
                        let text = egui::RichText::new(column.title()).strong();
                        let r = ui.add(egui::Button::new(text).frame(false));
                        if self.sort == column {
                            sort_arrow(ui, r.rect, self.ascending);
                        }
                        if r.on_hover_text("Sort by this column").clicked() {
                            new_sort = Some(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let idx = rows[row.index()];
                    let e = &v.store.events[idx];
                    row.set_selected(selected == Some(idx) || marked.contains(&idx));
                    row.set_hovered(v.selection.hovered == Some(idx));
                    row.col(|ui| {
                        ui.label(short_date(e));
                    });
                    row.col(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(8.0, 8.0), egui::Sense::hover());
                        ui.painter()
                            .rect_filled(rect, 2.0, theme::kind_color(e.kind));
                        ui.label(e.kind.label());
                    });
                    row.col(|ui| {
                        ui.label(e.place.as_ref().map(|p| p.name.as_str()).unwrap_or("—"));
                    });
                    row.col(|ui| {
                        let name = e.perpetrator.as_deref();
                        dot(ui, theme::perpetrator_color(name));
                        ui.label(name.unwrap_or("unknown"));
                    });
                    row.col(|ui| {
                        ui.label(match &e.killed {
                            Some(r) if r.low == r.high => r.low.to_string(),
                            Some(r) => format!("{}–{}", r.low, r.high),
                            None => String::new(),
                        });
                    });
                    row.col(|ui| {
                        ui.label(e.article_ids().len().to_string());
                    });
                    let response = row.response();
                    if response.clicked() {
                        clicked = Some((idx, click_modifiers(&response.ctx)));
                    }
                    if response.double_clicked() {
                        commands.push(Command::ZoomToSelection);
                    }
                    if response.hovered() {
                        hovered_now = Some(idx);
                    }
                });
            });
        if let Some((idx, modifiers)) = clicked {
            let (marks, select) =
                click_marks(&self.rows, marked, selected, self.anchor, idx, modifiers);
            if marks != *marked {
                commands.push(Command::SetMarked(marks));
            }
            if select {
                commands.push(Command::SelectEvent(Some(idx)));
            }
            if !modifiers.shift {
                self.anchor = Some(idx);
            }
        }
        hover_handoff(
            &mut self.hover_sent,
            hovered_now,
            v.selection.hovered,
            commands,
        );
        if let Some(column) = new_sort {
            if self.sort == column {
                self.ascending = !self.ascending;
            } else {
                self.sort = column;
                self.ascending = true;
            }
        }
    }
}

/// The modifiers held when the primary button was released this frame (they travel with
/// the click event; the frame's final modifier state may already be released).
fn click_modifiers(ctx: &egui::Context) -> egui::Modifiers {
    ctx.input(|i| {
        i.events
            .iter()
            .rev()
            .find_map(|e| match e {
                egui::Event::PointerButton {
                    button: egui::PointerButton::Primary,
                    pressed: false,
                    modifiers,
                    ..
                } => Some(*modifiers),
                _ => None,
            })
            .unwrap_or(i.modifiers)
    })
}

/// What a click on the row of `idx` does to the marked set, and whether it selects `idx`.
/// Plain click: selects, clears the marks. Ctrl/Cmd-click: toggles the event's mark (the
/// selected event joins the marks when a multi-selection starts) and selects it when marked.
/// Shift-click: marks the rows from the anchor (else the selected event) to this one, added
/// to the marks when Ctrl/Cmd is held too.
pub fn click_marks(
    rows: &[EventIdx],
    marked: &BTreeSet<EventIdx>,
    selected: Option<EventIdx>,
    anchor: Option<EventIdx>,
    idx: EventIdx,
    modifiers: egui::Modifiers,
) -> (BTreeSet<EventIdx>, bool) {
    let position = |e: EventIdx| rows.iter().position(|&r| r == e);
    if modifiers.shift
        && let Some(from) = anchor.or(selected).and_then(position)
        && let Some(to) = position(idx)
    {
        let mut marks = if modifiers.command {
            marked.clone()
        } else {
            BTreeSet::new()
        };
        marks.extend(rows[from.min(to)..=from.max(to)].iter().copied());
        return (marks, true);
    }
    if modifiers.command || modifiers.shift {
        let mut marks = marked.clone();
        if marks.is_empty()
            && let Some(s) = selected.filter(|&s| s != idx)
        {
            marks.insert(s);
        }
        let now_marked = marks.insert(idx) || {
            marks.remove(&idx);
            false
        };
        return (marks, now_marked);
    }
    (BTreeSet::new(), true)
}

/// Reports hover changes of one view: the event under the pointer when it changes, and
/// `None` once when the pointer leaves, so views do not fight over `Selection::hovered`.
pub fn hover_handoff(
    sent: &mut Option<EventIdx>,
    now: Option<EventIdx>,
    current: Option<EventIdx>,
    commands: &mut Vec<Command>,
) {
    match now {
        Some(e) if current != Some(e) => commands.push(Command::HoverEvent(Some(e))),
        None if sent.is_some() && current == *sent => commands.push(Command::HoverEvent(None)),
        _ => {}
    }
    *sent = now;
}

/// A small triangle right of a header button: up for ascending, down for descending.
fn sort_arrow(ui: &mut egui::Ui, button: egui::Rect, ascending: bool) {
    let c = egui::pos2(button.right() + 6.0, button.center().y);
    let (tip, base) = if ascending { (-3.5, 3.0) } else { (3.5, -3.0) };
    let points = vec![
        egui::pos2(c.x, c.y + tip),
        egui::pos2(c.x - 3.5, c.y + base),
        egui::pos2(c.x + 3.5, c.y + base),
    ];
    let color = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// A small filled circle, the perpetrator colour key.
pub fn dot(ui: &mut egui::Ui, color: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(9.0, 9.0), egui::Sense::hover());
    ui.painter().circle_filled(rect.center(), 4.0, color);
}

/// "2020-01-03", "2020-01 (month)", "wk of 2020-01-06".
pub fn short_date(e: &crate::extract::Event) -> String {
    use crate::corpus::DatePrecision;
    match e.date.precision {
        DatePrecision::Day if e.date.start == e.date.end => {
            e.date.start.format("%Y-%m-%d").to_string()
        }
        DatePrecision::Day | DatePrecision::Week => format!("~{}", e.date.start.format("%Y-%m-%d")),
        DatePrecision::Month => e.date.start.format("%Y-%m").to_string(),
        DatePrecision::Year => e.date.start.format("%Y").to_string(),
    }
}

pub fn sort_events(store: &Store, rows: &mut [EventIdx], column: SortColumn, ascending: bool) {
    let ev = &store.events;
    match column {
        // `visible` is already in time order; a stable sort keeps that order among equals.
        SortColumn::Date => {}
        SortColumn::Kind => rows.sort_by_key(|&i| ev[i].kind.label()),
        SortColumn::Place => rows.sort_by(|&a, &b| {
            let name = |i: EventIdx| ev[i].place.as_ref().map(|p| p.name.as_str());
            name(a).cmp(&name(b))
        }),
        SortColumn::Perpetrator => rows.sort_by(|&a, &b| ev[a].perpetrator.cmp(&ev[b].perpetrator)),
        SortColumn::Killed => rows.sort_by_key(|&i| ev[i].killed.as_ref().map(|r| r.high)),
        SortColumn::Sources => rows.sort_by_key(|&i| ev[i].article_ids().len()),
    }
    if !ascending {
        rows.reverse();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[EventIdx]) -> BTreeSet<EventIdx> {
        v.iter().copied().collect()
    }

    #[test]
    fn click_marks_toggle_extend_and_clear() {
        // Rows in display order (not index order).
        let rows = [4, 2, 7, 1, 9];
        let (ctrl, shift) = (egui::Modifiers::COMMAND, egui::Modifiers::SHIFT);
        // Ctrl-click with a selected event starts the marks with it.
        assert_eq!(
            click_marks(&rows, &set(&[]), Some(4), Some(4), 7, ctrl),
            (set(&[4, 7]), true)
        );
        // Ctrl-click on a marked event unmarks it and does not select it.
        assert_eq!(
            click_marks(&rows, &set(&[4, 7]), Some(7), Some(7), 7, ctrl),
            (set(&[4]), false)
        );
        // Shift-click marks the display rows between the anchor and the click.
        assert_eq!(
            click_marks(&rows, &set(&[9]), Some(2), Some(2), 1, shift),
            (set(&[2, 7, 1]), true)
        );
        // Ctrl+Shift adds the range to the marks.
        assert_eq!(
            click_marks(&rows, &set(&[9]), Some(2), Some(2), 1, ctrl | shift),
            (set(&[9, 2, 7, 1]), true)
        );
        // A plain click clears them.
        assert_eq!(
            click_marks(
                &rows,
                &set(&[2, 7]),
                Some(2),
                Some(2),
                9,
                egui::Modifiers::NONE
            ),
            (set(&[]), true)
        );
    }
}
