//! The article pane: the list of articles, the event card with its claims table, and the
//! selected article's text with the evidence highlighted. Clicking a highlight selects its
//! event; selecting an event scrolls the text to its sentence.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};

use crate::corpus::{Article, Span};
use crate::extract::{ClaimField, Event};
use crate::store::{ArticleIdx, EventIdx, Store};
use crate::ui::app::ViewContext;
use crate::ui::command::Command;
use crate::ui::theme;

/// What a highlighted stretch of text is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// The whole sentence of the selected event (weakest, drawn under everything else).
    SelectedSentence,
    SearchHit,
    Actor,
    Date,
    Place,
    Trigger,
    Figure,
}

/// One highlight in the shown article.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub span: Span,
    pub evidence: Evidence,
    pub event: Option<EventIdx>,
}

/// The evidence of every event the article reports, plus the selected event's sentence and
/// the search hits. Spans that do not fit the body or cut a character are dropped.
pub fn highlights(
    store: &Store,
    article: ArticleIdx,
    selected: Option<EventIdx>,
    query: &str,
) -> Vec<Highlight> {
    let a = &store.articles[article];
    let mut out = Vec::new();
    let valid = |s: Span| {
        s[0] < s[1]
            && s[1] <= a.body.len()
            && a.body.is_char_boundary(s[0])
            && a.body.is_char_boundary(s[1])
    };
    let mut push = |span: Option<Span>, evidence: Evidence, event: Option<EventIdx>| {
        if let Some(span) = span.filter(|s| valid(*s)) {
            out.push(Highlight {
                span,
                evidence,
                event,
            });
        }
    };
    for &ei in store.events_of_article(article) {
        let e = &store.events[ei];
        for m in e.mentions.iter().filter(|m| m.article == a.id) {
            if selected == Some(ei) {
                push(Some(m.sentence_span), Evidence::SelectedSentence, Some(ei));
            }
            push(Some(m.trigger_span), Evidence::Trigger, Some(ei));
            push(m.place_span, Evidence::Place, Some(ei));
            push(m.date_span, Evidence::Date, Some(ei));
            push(m.perpetrator_span, Evidence::Actor, Some(ei));
            push(m.target_span, Evidence::Actor, Some(ei));
        }
        for c in e.claims.iter().filter(|c| c.article == a.id) {
            push(Some(c.span), Evidence::Figure, Some(ei));
        }
    }
    let q = query.trim().to_lowercase();
    if !q.is_empty() {
        let lower = a.body.to_lowercase();
        // Lower-casing can change byte lengths outside ASCII; only use hits when it did not.
        if lower.len() == a.body.len() {
            for (pos, _) in lower.match_indices(&q) {
                push(Some([pos, pos + q.len()]), Evidence::SearchHit, None);
            }
        }
    }
    out
}

/// The text laid out with non-overlapping sections: where highlights overlap, the strongest
/// evidence wins.
fn layout_job(body: &str, hl: &[Highlight], ui: &egui::Ui, v: &ViewContext<'_>) -> LayoutJob {
    let accents = theme::accents(v.theme);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let base = TextFormat {
        font_id: font,
        color: accents.text,
        ..Default::default()
    };
    let mut cuts: Vec<usize> = vec![0, body.len()];
    for h in hl {
        cuts.extend_from_slice(&h.span);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob {
        text: body.to_string(),
        ..Default::default()
    };
    job.wrap.max_width = ui.available_width();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s >= e {
            continue;
        }
        let strongest = hl
            .iter()
            .filter(|h| h.span[0] <= s && e <= h.span[1])
            .max_by_key(|h| h.evidence);
        let mut format = base.clone();
        match strongest.map(|h| h.evidence) {
            None => {}
            Some(Evidence::SelectedSentence) => {
                format.background = accents.selection.gamma_multiply(0.10);
            }
            Some(Evidence::SearchHit) => {
                format.underline = egui::Stroke::new(2.0, accents.hover);
            }
            Some(Evidence::Actor) => format.background = theme::evidence::actor(),
            Some(Evidence::Date) => format.background = theme::evidence::date(),
            Some(Evidence::Place) => format.background = theme::evidence::place(),
            Some(Evidence::Trigger) => format.background = theme::evidence::trigger(),
            Some(Evidence::Figure) => format.background = theme::evidence::figure(),
        }
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(s)..egui::text::ByteIndex(e),
            format,
        });
    }
    job
}

#[derive(Default)]
pub struct ArticlePane {
    highlights: Vec<Highlight>,
    shown_article: Option<ArticleIdx>,
    /// (event, source index, article) the text was last scrolled for.
    scrolled_for: Option<(Option<EventIdx>, usize, Option<ArticleIdx>)>,
    list_scrolled_for: Option<ArticleIdx>,
    hover_sent: Option<EventIdx>,
}

impl ArticlePane {
    /// The highlights of the article shown in the last frame.
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights
    }

    pub fn shown_article(&self) -> Option<ArticleIdx> {
        self.shown_article
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, v: &ViewContext<'_>, commands: &mut Vec<Command>) {
        // With an event selected the card and its claims table get the room.
        let share = if v.selection.event.is_some() {
            0.16
        } else {
            0.28
        };
        let list_height = (ui.available_height() * share).clamp(90.0, 260.0);
        ui.strong(format!("Articles ({})", v.store.articles.len()));
        // Virtualised: only the rows in view are laid out, so 100,000 articles cost nothing.
        let spacing = ui.spacing().item_spacing.y;
        let row_height = ui.text_style_height(&egui::TextStyle::Body)
            + ui.text_style_height(&egui::TextStyle::Small)
            + spacing;
        let mut list = egui::ScrollArea::vertical()
            .id_salt("article-list")
            .max_height(list_height)
            .auto_shrink([false, true]);
        let scroll = v.selection.article != self.list_scrolled_for;
        self.list_scrolled_for = v.selection.article;
        if scroll && let Some(i) = v.selection.article {
            let y = i as f32 * (row_height + spacing) - list_height / 2.0 + row_height;
            list = list.vertical_scroll_offset(y.max(0.0));
        }
        list.show_rows(ui, row_height, v.store.articles.len(), |ui, rows| {
            self.article_list(ui, v, rows, commands)
        });
        ui.separator();
        if let Some(ei) = v.selection.event {
            egui::ScrollArea::vertical()
                .id_salt("event-card")
                .max_height((ui.available_height() * 0.6).max(120.0))
                .auto_shrink([false, true])
                .show(ui, |ui| event_card(ui, v, ei, commands));
            ui.separator();
        }
        self.article_text(ui, v, commands);
    }

    fn article_list(
        &mut self,
        ui: &mut egui::Ui,
        v: &ViewContext<'_>,
        rows: std::ops::Range<usize>,
        commands: &mut Vec<Command>,
    ) {
        for (i, a) in v
            .store
            .articles
            .iter()
            .enumerate()
            .skip(rows.start)
            .take(rows.len())
        {
            let n = v.store.events_of_article(i).len();
            let selected = v.selection.article == Some(i);
            let meta = format!(
                "{} · {} · {} event{}",
                a.source.as_deref().unwrap_or(&a.rel_path),
                a.published
                    .map(|p| p.to_schema_string())
                    .unwrap_or_else(|| "undated".into()),
                n,
                if n == 1 { "" } else { "s" }
            );
            let accents = theme::accents(v.theme);
            // Reserve the background's place so it is painted under the text.
            let background = ui.painter().add(egui::Shape::Noop);
            let r = ui
                .scope_builder(egui::UiBuilder::new().sense(egui::Sense::click()), |ui| {
                    ui.set_min_width(ui.available_width());
                    let weak = if n == 0 {
                        accents.weak_text
                    } else {
                        accents.text
                    };
                    ui.add(egui::Label::new(egui::RichText::new(&a.title).color(weak)).truncate());
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(meta).small().color(accents.weak_text),
                        )
                        .truncate(),
                    );
                })
                .response;
            if selected || r.hovered() {
                let fill = if selected {
                    ui.visuals().selection.bg_fill.gamma_multiply(0.6)
                } else {
                    ui.visuals().widgets.hovered.weak_bg_fill
                };
                ui.painter().set(
                    background,
                    egui::Shape::rect_filled(r.rect.expand(1.0), 3.0, fill),
                );
            }
            if r.clicked() {
                commands.push(Command::SelectArticle(Some(i)));
            }
        }
    }

    fn article_text(
        &mut self,
        ui: &mut egui::Ui,
        v: &ViewContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let Some(ai) = v.selection.article.filter(|&a| a < v.store.articles.len()) else {
            self.highlights.clear();
            self.shown_article = None;
            ui.weak("Select an event or an article to read it here.");
            return;
        };
        let a: &Article = &v.store.articles[ai];
        self.shown_article = Some(ai);
        self.highlights = highlights(v.store, ai, v.selection.event, &v.filter.text_query);
        ui.heading(&a.title);
        ui.horizontal_wrapped(|ui| {
            ui.weak(a.source.as_deref().unwrap_or("unknown source"));
            if let Some(p) = a.published {
                ui.weak(p.to_schema_string());
            }
            ui.weak(&a.rel_path);
        });
        legend(ui);
        let key = (v.selection.event, v.selection.source_index, Some(ai));
        let scroll_needed = self.scrolled_for != Some(key);
        self.scrolled_for = Some(key);
        let target = v.selection.event.and_then(|ei| {
            v.store.events[ei]
                .mentions
                .iter()
                .find(|m| m.article == a.id)
                .map(|m| m.sentence_span)
        });
        egui::ScrollArea::vertical()
            .id_salt(("article-text", ai))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let job = layout_job(&a.body, &self.highlights, ui, v);
                let galley: Arc<egui::Galley> = ui.painter().layout_job(job);
                let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Label, true, a.body.as_str())
                });
                ui.painter()
                    .galley(rect.min, galley.clone(), theme::accents(v.theme).text);
                if scroll_needed && let Some(span) = target {
                    let c = CCursor::new(a.body[..span[0].min(a.body.len())].chars().count());
                    let r = galley.pos_from_cursor(c).translate(rect.min.to_vec2());
                    ui.scroll_to_rect(r.expand2(egui::vec2(0.0, 60.0)), Some(egui::Align::Center));
                }
                let hover_event = response.hover_pos().and_then(|pos| {
                    let c = galley.cursor_from_pos(pos - rect.min);
                    let byte = a.body.char_indices().nth(c.index.0).map(|(b, _)| b)?;
                    event_at(&self.highlights, byte)
                });
                crate::ui::event_list::hover_handoff(
                    &mut self.hover_sent,
                    hover_event,
                    v.selection.hovered,
                    commands,
                );
                if let Some(ei) = hover_event {
                    response
                        .clone()
                        .on_hover_cursor(egui::CursorIcon::PointingHand);
                    if response.clicked() {
                        commands.push(Command::SelectEvent(Some(ei)));
                    }
                }
            });
    }
}

/// The event whose narrowest highlight contains the byte.
fn event_at(hl: &[Highlight], byte: usize) -> Option<EventIdx> {
    hl.iter()
        .filter(|h| h.event.is_some() && h.evidence != Evidence::SelectedSentence)
        .filter(|h| h.span[0] <= byte && byte < h.span[1])
        .min_by_key(|h| h.span[1] - h.span[0])
        .and_then(|h| h.event)
}

fn legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (name, color) in [
            ("trigger", theme::evidence::trigger()),
            ("place", theme::evidence::place()),
            ("date", theme::evidence::date()),
            ("figure", theme::evidence::figure()),
            ("actor", theme::evidence::actor()),
        ] {
            let (r, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, color);
            ui.small(name);
        }
    });
}

/// Kind, date (with precision and reasoning), place (with precision), actors, source stepping
/// and the claims table.
fn event_card(ui: &mut egui::Ui, v: &ViewContext<'_>, ei: EventIdx, commands: &mut Vec<Command>) {
    let e: &Event = &v.store.events[ei];
    let sources = e.article_ids();
    let n = v
        .selection
        .source_index
        .min(sources.len().saturating_sub(1));
    let shown_article = sources.get(n).copied();
    ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(r, 3.0, theme::kind_color(e.kind));
        ui.heading(e.kind.label());
        ui.weak(&e.id);
    });
    egui::Grid::new("event-card-grid")
        .num_columns(2)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            ui.weak("Date");
            let date = if e.date.start == e.date.end {
                e.date.start.format("%Y-%m-%d").to_string()
            } else {
                format!(
                    "{} – {}",
                    e.date.start.format("%Y-%m-%d"),
                    e.date.end.format("%Y-%m-%d")
                )
            };
            ui.label(format!("{date}  ({} precision)", e.date.precision.as_str()));
            ui.end_row();
            let reasoning = e
                .mentions
                .iter()
                .find(|m| Some(m.article.as_str()) == shown_article)
                .map(|m| m.date_reasoning.as_str())
                .filter(|r| !r.is_empty());
            if let Some(r) = reasoning {
                ui.weak("Date from");
                ui.add(egui::Label::new(egui::RichText::new(r).italics()).truncate())
                    .on_hover_text(r);
                ui.end_row();
            }
            ui.weak("Place");
            match &e.place {
                Some(p) => ui.label(format!(
                    "{}{}  ({})",
                    p.name,
                    p.country
                        .as_ref()
                        .map(|c| format!(", {c}"))
                        .unwrap_or_default(),
                    p.precision.as_str()
                )),
                None => ui.label("unknown"),
            };
            ui.end_row();
            if e.place_inferred() {
                // No highlighted place span backs this pin: say where it came from.
                ui.weak("Place from");
                ui.label(egui::RichText::new(Event::INFERRED_PLACE_NOTE).italics());
                ui.end_row();
            }
            ui.weak("Perpetrator");
            ui.horizontal(|ui| {
                crate::ui::event_list::dot(ui, theme::perpetrator_color(e.perpetrator.as_deref()));
                ui.label(e.perpetrator.as_deref().unwrap_or("not stated"));
                if let Some(q) = &e.perpetrator_qualifier {
                    ui.weak(format!("({q})"));
                }
            });
            ui.end_row();
            ui.weak("Target");
            ui.label(e.target.as_deref().unwrap_or("not stated"));
            ui.end_row();
            for (name, range) in [("Killed", &e.killed), ("Wounded", &e.wounded)] {
                if let Some(r) = range {
                    ui.weak(name);
                    ui.label(if r.low == r.high {
                        r.low.to_string()
                    } else {
                        format!("{}–{} (sources differ)", r.low, r.high)
                    });
                    ui.end_row();
                }
            }
        });
    ui.horizontal(|ui| {
        ui.label(format!("Source {} of {}", n + 1, sources.len()));
        if ui
            .add_enabled(n > 0, egui::Button::new("Previous"))
            .on_hover_text("Previous source")
            .clicked()
        {
            commands.push(Command::ShowSource(n - 1));
        }
        if ui
            .add_enabled(n + 1 < sources.len(), egui::Button::new("Next"))
            .on_hover_text("Next source")
            .clicked()
        {
            commands.push(Command::ShowSource(n + 1));
        }
    });
    if e.claims.is_empty() {
        ui.weak("No casualty figures reported.");
        return;
    }
    ui.strong("Claims");
    egui::Grid::new("claims-table")
        .striped(true)
        .num_columns(4)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            ui.weak("Figure");
            ui.weak("Qualifier");
            ui.weak("Attributed to");
            ui.weak("Article");
            ui.end_row();
            for c in &e.claims {
                let field = match c.field {
                    ClaimField::Killed => "killed",
                    ClaimField::Wounded => "wounded",
                    ClaimField::Munitions => "munitions",
                };
                ui.strong(format!("{} {field}", c.value));
                ui.label(c.qualifier.as_deref().unwrap_or("—"));
                ui.label(c.attributed_to.as_deref().unwrap_or("—"));
                let article = v.store.article(&c.article);
                let name = article
                    .map(|a| a.source.clone().unwrap_or_else(|| a.rel_path.clone()))
                    .unwrap_or_else(|| c.article.clone());
                let pos = sources.iter().position(|s| *s == c.article);
                if ui
                    .link(name)
                    .on_hover_text(article.map(|a| a.title.as_str()).unwrap_or(""))
                    .clicked()
                    && let Some(p) = pos
                {
                    commands.push(Command::ShowSource(p));
                }
                ui.end_row();
            }
        });
}
