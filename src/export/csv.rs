//! CSV export with ACLED-like columns, one row per event.

use std::collections::HashMap;
use std::io::Write;

use crate::corpus::{Article, first_sentence};
use crate::extract::Event;

pub const CSV_COLUMNS: [&str; 17] = [
    "event_id",
    "event_date",
    "date_precision",
    "kind",
    "perpetrator",
    "target",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "country",
    "killed_low",
    "killed_high",
    "wounded_low",
    "wounded_high",
    "sources",
    "notes",
];

/// Publisher names of the articles reporting `e`, in mention order without repeats; an article
/// without a known publisher is named by its file name.
pub fn source_names(e: &Event, by_id: &HashMap<&str, &Article>) -> String {
    let mut names: Vec<String> = Vec::new();
    for id in e.article_ids() {
        let name = match by_id.get(id) {
            Some(a) => a.source.clone().unwrap_or_else(|| {
                let file = a.rel_path.rsplit('/').next().unwrap_or(&a.rel_path);
                file.to_owned()
            }),
            None => id.to_owned(),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join("; ")
}

/// A short evidence sentence: the sentence of the first mention, on one line, at most ~200
/// characters.
fn evidence_note(e: &Event, by_id: &HashMap<&str, &Article>) -> String {
    let Some(m) = e.mentions.first() else {
        return String::new();
    };
    let Some(a) = by_id.get(m.article.as_str()) else {
        return String::new();
    };
    let [s, end] = m.sentence_span;
    let Some(sentence) = a.body.get(s..end.min(a.body.len())) else {
        return String::new();
    };
    let one_line: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = first_sentence(&one_line);
    if sentence.chars().count() <= 200 {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(199).collect();
    format!("{}…", cut.trim_end())
}

/// A place no report names goes into the notes, so a spreadsheet reader does not take the
/// coordinates for a reported site.
fn place_note(e: &Event) -> String {
    if e.place_inferred() {
        format!("[place inferred: {}] ", Event::INFERRED_PLACE_NOTE)
    } else {
        String::new()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

pub fn write_events_csv<W: Write>(
    out: W,
    articles: &[Article],
    events: &[Event],
) -> csv::Result<()> {
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    for e in events {
        let date = if e.date.start == e.date.end {
            e.date.start.to_string()
        } else {
            format!("{}/{}", e.date.start, e.date.end)
        };
        let place = e.place.as_ref();
        w.write_record([
            e.id.clone(),
            date,
            e.date.precision.as_str().to_owned(),
            e.kind.as_str().to_owned(),
            opt(e.perpetrator.as_deref()),
            opt(e.target.as_deref()),
            opt(place.map(|p| p.name.as_str())),
            opt(place.map(|p| p.lat)),
            opt(place.map(|p| p.lon)),
            opt(place.map(|p| p.precision.as_str())),
            opt(place.and_then(|p| p.country.as_deref())),
            opt(e.killed.as_ref().map(|r| r.low)),
            opt(e.killed.as_ref().map(|r| r.high)),
            opt(e.wounded.as_ref().map(|r| r.low)),
            opt(e.wounded.as_ref().map(|r| r.high)),
            source_names(e, &by_id),
            place_note(e) + &evidence_note(e, &by_id),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn events_csv_string(articles: &[Article], events: &[Event]) -> String {
    let mut buf = Vec::new();
    write_events_csv(&mut buf, articles, events).expect("writing CSV to memory");
    String::from_utf8(buf).expect("CSV of UTF-8 strings is UTF-8")
}

pub fn write_events_csv_file(
    path: &std::path::Path,
    articles: &[Article],
    events: &[Event],
) -> std::io::Result<()> {
    super::atomic::write_atomic_with(path, |w| {
        write_events_csv(w, articles, events).map_err(std::io::Error::other)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::events_json::fixtures;

    #[test]
    fn rows_follow_the_columns() {
        let text = events_csv_string(&fixtures::articles(), &fixtures::events());
        let mut r = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let taji: Vec<&str> = rows[0].iter().collect();
        assert_eq!(
            taji,
            [
                "e1",
                "2020-03-11",
                "day",
                "rocket_attack",
                "",
                "coalition forces",
                "Camp Taji",
                "33.53",
                "44.26",
                "point",
                "IQ",
                "3",
                "3",
                "",
                "",
                "Example Wire; dump.jsonl#2",
                "Rockets hit Camp Taji on Wednesday, killing three.",
            ]
        );
        let strike: Vec<&str> = rows[1].iter().collect();
        assert_eq!(strike[1], "2020-03-12/2020-03-13");
        assert_eq!(
            (strike[6], strike[7], strike[13], strike[14]),
            ("", "", "2", "5")
        );
        assert_eq!(strike[16], "", "no mention, no note");
    }
}
