//! The playback bar: Play/Pause, speed (days per second), step back/forward, loop, and the
//! moving-window / cumulative mode.

use crate::briefing::playback::{MAX_DAYS_PER_SECOND, MIN_DAYS_PER_SECOND};
use crate::briefing::{Playback, PlaybackMode};

/// Draws the bar; returns true when the user changed the playback.
pub fn ui(ui: &mut egui::Ui, p: &mut Playback, visible_now: usize) -> bool {
    let before = p.clone();
    ui.horizontal_wrapped(|ui| {
        if ui.button("|<").on_hover_text("Back to the start").clicked() {
            p.current = p.start;
        }
        if ui
            .button("<")
            .on_hover_text("Step one day back (Left)")
            .clicked()
        {
            p.step(-1);
        }
        let label = if p.playing { "Pause" } else { "Play" };
        if ui
            .button(label)
            .on_hover_text("Play or pause (Space)")
            .clicked()
        {
            p.toggle();
        }
        if ui
            .button(">")
            .on_hover_text("Step one day forward (Right)")
            .clicked()
        {
            p.step(1);
        }
        ui.checkbox(&mut p.looping, "Loop");
        ui.separator();
        let mut speed = p.days_per_second;
        ui.add(
            egui::Slider::new(&mut speed, MIN_DAYS_PER_SECOND..=MAX_DAYS_PER_SECOND)
                .logarithmic(true)
                .text("days/s"),
        );
        if speed != p.days_per_second {
            p.set_speed(speed);
        }
        ui.separator();
        let cumulative = matches!(p.mode, PlaybackMode::Cumulative { .. });
        if ui.radio(!cumulative, "Moving window").clicked() && cumulative {
            p.mode = PlaybackMode::MovingWindow { days: 14.0 };
        }
        if ui.radio(cumulative, "Cumulative").clicked() && !cumulative {
            p.mode = PlaybackMode::Cumulative { fade_days: 30.0 };
        }
        match &mut p.mode {
            PlaybackMode::MovingWindow { days } => {
                ui.add(
                    egui::DragValue::new(days)
                        .range(1.0..=365.0)
                        .suffix(" days"),
                );
            }
            PlaybackMode::Cumulative { fade_days } => {
                ui.add(
                    egui::DragValue::new(fade_days)
                        .range(1.0..=3650.0)
                        .prefix("fade ")
                        .suffix(" days"),
                );
            }
        }
        ui.separator();
        let mut pos = p.current;
        let range = p.start..=p.end.max(p.start + 1.0);
        let resp = ui.add(
            egui::Slider::new(&mut pos, range)
                .show_value(false)
                .text("time"),
        );
        if resp.changed() {
            p.current = pos;
        }
        // Whole, never broken over two lines by the wrapping bar.
        let date = p.current_date().format("%-d %b %Y").to_string();
        ui.add(
            egui::Label::new(egui::RichText::new(date).strong())
                .wrap_mode(egui::TextWrapMode::Extend),
        );
        ui.add(
            egui::Label::new(format!("{visible_now} on the map"))
                .wrap_mode(egui::TextWrapMode::Extend),
        );
    });
    *p != before
}
