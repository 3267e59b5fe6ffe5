//! The warnings window: every file that was skipped or loaded with a problem, with the reason.

use crate::corpus::CorpusWarning;
use crate::ui::command::AppCommand;

/// Title of the window; tests look it up by this label.
pub const TITLE: &str = "Warnings";

pub fn window(
    ctx: &egui::Context,
    open: bool,
    warnings: &[CorpusWarning],
    commands: &mut Vec<AppCommand>,
) {
    if !open {
        return;
    }
    let mut still_open = true;
    egui::Window::new(TITLE)
        .open(&mut still_open)
        .default_width(520.0)
        .default_height(260.0)
        .collapsible(false)
        .show(ctx, |ui| {
            if warnings.is_empty() {
                ui.label("Every file loaded without problems.");
                return;
            }
            ui.label(format!(
                "{} file{} skipped or loaded with problems:",
                warnings.len(),
                if warnings.len() == 1 { "" } else { "s" }
            ));
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new("warnings-grid")
                        .striped(true)
                        .num_columns(2)
                        .show(ui, |ui| {
                            for w in warnings {
                                ui.label(egui::RichText::new(&w.path).monospace());
                                ui.label(&w.message);
                                ui.end_row();
                            }
                        });
                });
        });
    if !still_open {
        commands.push(AppCommand::ShowWarnings(false));
    }
}
