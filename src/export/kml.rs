//! KML export: one Placemark per event with a TimeStamp (day precision) or a TimeSpan (a range,
//! a week or a month), so that Google Earth's time slider plays them; one style per kind; the
//! description cites the sources.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::write_atomic;
use crate::corpus::{Article, DatePrecision};
use crate::extract::{ClaimField, Event, EventKind};
use crate::theme;

/// XML text escaping (element content and attribute values).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// KML colours are aabbggrr.
fn kml_color(c: theme::Rgba) -> String {
    format!("{:02x}{:02x}{:02x}{:02x}", c[3], c[2], c[1], c[0])
}

fn time_element(e: &Event) -> String {
    let (s, t) = (e.date.start, e.date.end);
    if e.date.precision == DatePrecision::Day && s == t {
        format!(
            "<TimeStamp><when>{}</when></TimeStamp>",
            s.format("%Y-%m-%d")
        )
    } else {
        format!(
            "<TimeSpan><begin>{}</begin><end>{}</end></TimeSpan>",
            s.format("%Y-%m-%d"),
            t.format("%Y-%m-%d")
        )
    }
}

fn description(e: &Event, by_id: &HashMap<&str, &Article>) -> String {
    let mut d = String::new();
    let _ = writeln!(
        d,
        "{} ({} precision date: {} to {})",
        e.kind.label(),
        e.date.precision.as_str(),
        e.date.start,
        e.date.end
    );
    if let Some(p) = &e.place {
        let _ = writeln!(d, "Place: {} ({} precision)", p.name, p.precision.as_str());
        if e.place_inferred() {
            let _ = writeln!(d, "Place inferred: {}", Event::INFERRED_PLACE_NOTE);
        }
    }
    if let Some(p) = &e.perpetrator {
        let _ = writeln!(d, "Perpetrator: {p}");
    }
    if let Some(t) = &e.target {
        let _ = writeln!(d, "Target: {t}");
    }
    for c in e.claims.iter().filter(|c| c.field != ClaimField::Munitions) {
        let field = if c.field == ClaimField::Killed {
            "killed"
        } else {
            "wounded"
        };
        let q = c
            .qualifier
            .as_deref()
            .map(|q| format!("{q} "))
            .unwrap_or_default();
        let who = c
            .attributed_to
            .as_deref()
            .map(|a| format!(" according to {a}"))
            .unwrap_or_default();
        let _ = writeln!(d, "{q}{} {field}{who}", c.value);
    }
    let _ = writeln!(d, "Sources:");
    for id in e.article_ids() {
        match by_id.get(id) {
            Some(a) => {
                let name = a.source.clone().unwrap_or_else(|| a.rel_path.clone());
                let date = a
                    .published
                    .map(|p| p.to_schema_string())
                    .unwrap_or_default();
                let _ = write!(d, "- {name}: {}", a.title);
                if !date.is_empty() {
                    let _ = write!(d, " ({date})");
                }
                if let Some(u) = &a.url {
                    let _ = write!(d, " {u}");
                }
                d.push('\n');
            }
            None => {
                let _ = writeln!(d, "- {id}");
            }
        }
    }
    d
}

/// The KML document of these events.
pub fn events_kml_string(articles: &[Article], events: &[Event]) -> String {
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut k = String::new();
    k.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    k.push_str("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>chronomap events</name>\n");
    for kind in EventKind::ALL {
        let _ = writeln!(
            k,
            "<Style id=\"{}\"><IconStyle><color>{}</color><scale>1.1</scale><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle><LabelStyle><scale>0.8</scale></LabelStyle></Style>",
            kind.as_str(),
            kml_color(theme::kind_color(kind))
        );
    }
    for e in events {
        let name = match &e.place {
            Some(p) => format!("{} — {}", e.kind.label(), p.name),
            None => e.kind.label().to_owned(),
        };
        let _ = writeln!(k, "<Placemark id=\"{}\">", esc(&e.id));
        let _ = writeln!(k, "<name>{}</name>", esc(&name));
        let _ = writeln!(
            k,
            "<description>{}</description>",
            esc(&description(e, &by_id))
        );
        let _ = writeln!(k, "{}", time_element(e));
        let _ = writeln!(k, "<styleUrl>#{}</styleUrl>", e.kind.as_str());
        if let Some(p) = &e.place {
            let _ = writeln!(
                k,
                "<Point><coordinates>{:.6},{:.6},0</coordinates></Point>",
                p.lon, p.lat
            );
        }
        k.push_str("</Placemark>\n");
    }
    k.push_str("</Document>\n</kml>\n");
    k
}

/// Writes the KML atomically. Errors name the path.
pub fn write_events_kml(
    path: &Path,
    articles: &[Article],
    events: &[Event],
) -> std::io::Result<()> {
    write_atomic(path, events_kml_string(articles, events).as_bytes())
}
