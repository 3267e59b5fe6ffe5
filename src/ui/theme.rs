//! The bridge from `crate::theme` (plain RGBA, shared with the exports) to egui. Every colour
//! the UI paints comes through here, so the views contain no colour literals.

use egui::Color32;
use serde::{Deserialize, Serialize};

use crate::extract::EventKind;
use crate::theme::{self as palette_theme, Palette, Rgba};

/// The look the user picked; persisted between runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
}

impl ThemeChoice {
    pub fn palette(self) -> &'static Palette {
        match self {
            ThemeChoice::Dark => &palette_theme::DARK,
            ThemeChoice::Light => &palette_theme::LIGHT,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Dark => "Dark",
            ThemeChoice::Light => "Light",
        }
    }
}

/// Straight RGBA to egui's premultiplied colour.
pub fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

/// The same colour with a different opacity (0..=255).
pub fn with_alpha(c: Rgba, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], alpha)
}

pub fn kind_color(kind: EventKind) -> Color32 {
    color(palette_theme::kind_color(kind))
}

pub fn perpetrator_color(perpetrator: Option<&str>) -> Color32 {
    color(palette_theme::perpetrator_color(perpetrator))
}

/// Background colours of the evidence highlights in the article pane.
pub mod evidence {
    use egui::Color32;

    use crate::theme::evidence as ev;

    pub fn trigger() -> Color32 {
        super::color(ev::TRIGGER)
    }
    pub fn place() -> Color32 {
        super::color(ev::PLACE)
    }
    pub fn date() -> Color32 {
        super::color(ev::DATE)
    }
    pub fn figure() -> Color32 {
        super::color(ev::FIGURE)
    }
    pub fn actor() -> Color32 {
        super::color(ev::ACTOR)
    }
}

/// Accent colours derived from the palette for the views (selection, hover, brushes).
#[derive(Debug, Clone, Copy)]
pub struct Accents {
    pub selection: Color32,
    pub hover: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    /// Translucent fill of the brushed time range on the timeline.
    pub brush_fill: Color32,
    /// Row background of events that match the full-text search.
    pub search_hit: Color32,
    pub warning: Color32,
}

pub fn accents(choice: ThemeChoice) -> Accents {
    let p = choice.palette();
    Accents {
        selection: color(p.selection),
        hover: color(p.hover),
        text: color(p.text),
        weak_text: with_alpha(p.text, 150),
        brush_fill: with_alpha(p.hover, 40),
        search_hit: color(palette_theme::evidence::FIGURE),
        warning: color(palette_theme::kind_color(EventKind::MissileAttack)),
    }
}

/// egui visuals for a theme: egui's own dark or light base, with the panels, text and
/// selection taken from the chronomap palette.
pub fn visuals(choice: ThemeChoice) -> egui::Visuals {
    let p = choice.palette();
    let mut v = match choice {
        ThemeChoice::Dark => egui::Visuals::dark(),
        ThemeChoice::Light => egui::Visuals::light(),
    };
    v.panel_fill = color(p.panel);
    v.window_fill = color(p.panel);
    v.override_text_color = Some(color(p.text));
    v.selection.bg_fill = with_alpha(p.river, 200);
    v.hyperlink_color = color(p.river);
    v.faint_bg_color = with_alpha(p.land, 255);
    v.warn_fg_color = accents(choice).warning;
    v
}

/// Applies the theme to every egui style the context keeps.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    let theme = match choice {
        ThemeChoice::Dark => egui::Theme::Dark,
        ThemeChoice::Light => egui::Theme::Light,
    };
    ctx.set_theme(theme);
    ctx.set_visuals_of(theme, visuals(choice));
    ctx.style_mut_of(theme, |style| {
        style.spacing.item_spacing = egui::vec2(6.0, 4.0);
        style.spacing.button_padding = egui::vec2(6.0, 2.0);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_and_light_panels_differ_and_follow_the_palette() {
        let dark = visuals(ThemeChoice::Dark);
        let light = visuals(ThemeChoice::Light);
        assert_eq!(dark.panel_fill, color(palette_theme::DARK.panel));
        assert_eq!(light.panel_fill, color(palette_theme::LIGHT.panel));
        assert!(dark.dark_mode && !light.dark_mode);
    }

    #[test]
    fn straight_alpha_is_premultiplied() {
        let c = color([200, 100, 50, 128]);
        assert_eq!(c.a(), 128);
        assert!(c.r() <= 101);
    }
}
