//! The filter bar: full-text search, kind toggles, and pick-lists for perpetrator, target,
//! country, source and minimum place precision. It edits a copy of the one `Filter` and pushes
//! it back as a command.

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::{EventKind, PlacePrecision};
use crate::store::Store;
use crate::ui::app::ViewContext;
use crate::ui::command::Command;
use crate::ui::theme;

/// Distinct values (with event counts) offered by the pick-lists; rebuilt per store.
#[derive(Debug, Default, Clone)]
pub struct Facets {
    pub perpetrators: Vec<(String, usize)>,
    pub targets: Vec<(String, usize)>,
    pub countries: Vec<(String, usize)>,
    pub sources: Vec<(String, usize)>,
    pub kinds: BTreeMap<EventKind, usize>,
}

impl Facets {
    pub fn of(store: &Store) -> Self {
        let mut perp = BTreeMap::<String, usize>::new();
        let mut targ = BTreeMap::<String, usize>::new();
        let mut country = BTreeMap::<String, usize>::new();
        let mut source = BTreeMap::<String, usize>::new();
        let mut kinds = BTreeMap::new();
        for (i, e) in store.events.iter().enumerate() {
            *kinds.entry(e.kind).or_default() += 1;
            if let Some(p) = &e.perpetrator {
                *perp.entry(p.clone()).or_default() += 1;
            }
            if let Some(t) = &e.target {
                *targ.entry(t.clone()).or_default() += 1;
            }
            if let Some(c) = e.place.as_ref().and_then(|p| p.country.clone()) {
                *country.entry(c).or_default() += 1;
            }
            for s in store.sources_of(i) {
                *source.entry(s).or_default() += 1;
            }
        }
        // Most frequent first: the long tail is at the bottom of the list.
        let ranked = |m: BTreeMap<String, usize>| {
            let mut v: Vec<(String, usize)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        Self {
            perpetrators: ranked(perp),
            targets: ranked(targ),
            countries: ranked(country),
            sources: ranked(source),
            kinds,
        }
    }
}

#[derive(Default)]
pub struct FilterPanel {
    facets: Facets,
    facets_key: Option<u64>,
    /// The search box text; sent as `Filter::text_query` when it changes.
    search: String,
}

impl FilterPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, v: &ViewContext<'_>, commands: &mut Vec<Command>) {
        if self.facets_key != Some(v.store_generation) {
            self.facets = Facets::of(v.store);
            self.facets_key = Some(v.store_generation);
        }
        if self.search != v.filter.text_query && !ui.memory(|m| m.has_focus(search_id())) {
            self.search.clone_from(&v.filter.text_query);
        }
        let mut f = v.filter.clone();
        ui.horizontal(|ui| {
            let search = egui::TextEdit::singleline(&mut self.search)
                .id(search_id())
                .hint_text("Search article text…")
                .desired_width(ui.available_width() - 70.0);
            if ui.add(search).changed() {
                f.text_query = self.search.clone();
            }
            if ui
                .add_enabled(!v.filter.is_empty(), egui::Button::new("Clear"))
                .clicked()
            {
                self.search.clear();
                commands.push(Command::ClearFilter);
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 3.0;
            for kind in EventKind::ALL {
                let count = self.facets.kinds.get(&kind).copied().unwrap_or(0);
                if count == 0 && !f.kinds.contains(&kind) {
                    continue;
                }
                let on = f.kinds.contains(&kind);
                let text = egui::RichText::new(format!("{} {count}", kind.label()));
                let button = egui::Button::selectable(on, text)
                    .stroke(egui::Stroke::new(1.5, theme::kind_color(kind)));
                if ui
                    .add(button)
                    .on_hover_text("Show only the selected kinds")
                    .clicked()
                {
                    commands.push(Command::ToggleKind(kind));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            pick_list(
                ui,
                "Perpetrator",
                &self.facets.perpetrators,
                &mut f.perpetrators,
            );
            pick_list(ui, "Target", &self.facets.targets, &mut f.targets);
            pick_list(ui, "Country", &self.facets.countries, &mut f.countries);
            pick_list(ui, "Source", &self.facets.sources, &mut f.sources);
            precision_pick(ui, &mut f.min_precision);
        });
        if f != *v.filter {
            commands.push(Command::SetFilter(f));
        }
    }
}

fn search_id() -> egui::Id {
    egui::Id::unique("chronomap-search")
}

fn pick_list(
    ui: &mut egui::Ui,
    title: &str,
    values: &[(String, usize)],
    chosen: &mut BTreeSet<String>,
) {
    let label = match chosen.len() {
        0 => format!("{title}: any"),
        1 => format!(
            "{title}: {}",
            chosen.iter().next().map(String::as_str).unwrap_or("")
        ),
        n => format!("{title}: {n}"),
    };
    let accessible = label.clone();
    let combo = egui::ComboBox::from_id_salt(("pick", title))
        .selected_text(label)
        .height(320.0)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            if ui.selectable_label(chosen.is_empty(), "any").clicked() {
                chosen.clear();
            }
            for (value, count) in values {
                let mut on = chosen.contains(value);
                if ui
                    .checkbox(&mut on, format!("{value}  ({count})"))
                    .changed()
                {
                    if on {
                        chosen.insert(value.clone());
                    } else {
                        chosen.remove(value);
                    }
                }
            }
        });
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, accessible.as_str()));
}

fn precision_pick(ui: &mut egui::Ui, min: &mut Option<PlacePrecision>) {
    let text = match min {
        None => "Precision: any".to_string(),
        Some(p) => format!("Precision: {} or better", p.as_str()),
    };
    let accessible = text.clone();
    let combo = egui::ComboBox::from_id_salt("pick-precision")
        .selected_text(text)
        .show_ui(ui, |ui| {
            ui.selectable_value(min, None, "any");
            for p in [
                PlacePrecision::Point,
                PlacePrecision::Town,
                PlacePrecision::District,
                PlacePrecision::Province,
                PlacePrecision::Region,
            ] {
                ui.selectable_value(min, Some(p), format!("{} or better", p.as_str()));
            }
        });
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, accessible.as_str()));
}
