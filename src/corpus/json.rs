//! JSON news dumps: one object, an array of objects (or an object holding one under
//! `articles`/`items`/`data`/`results`), or JSON Lines. Each record with a text field becomes an
//! article; records without one, and malformed lines, become warnings while the rest loads.

use serde_json::{Map, Value};

use super::clean::clean_text;
use super::header::{
    ambiguous_dotted_dates, date_in_byline, date_in_dateline, epoch_date, numeric_readings,
    parse_field_date,
};
use super::html::parse_html;
use super::{DAY_OR_MONTH, ParsedArticle, PubDate, SourceFormat};

/// One article from a dump, with its 1-based record number (array position or line number)
/// when the file holds a collection.
pub struct JsonRecord {
    pub record: Option<usize>,
    pub article: ParsedArticle,
}

pub struct JsonFile {
    pub records: Vec<JsonRecord>,
    /// Problems with single records: "record 3: no text field".
    pub record_warnings: Vec<String>,
}

// Keys are matched ignoring case and '_', '-', '.' ("date_published", "datePublished" and
// "DatePublished" are one key), in the order listed: the first key the record has wins.
const TITLE_KEYS: &[&str] = &["title", "headline", "hed", "webTitle", "name"];
/// Keys that say when the story ran, in order (the date, the publication keys, the dateline).
pub(super) const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "publishedAt",
    "pub_date",
    "date_publish",
    "datePublished",
    "pubDate",
    "time",
    "publication_date",
    "publish_date",
    "published_date",
    "published_time",
    "first_published",
    "webPublicationDate",
    "issued",
    // rss-parser's ISO copy of pubDate; Event Registry's publication time (its "dateTime" is
    // when it was collected); Dublin Core and Open Graph keys copied out of a page's meta.
    "isoDate",
    "dateTimePub",
    "pubDatetime",
    "publish_time",
    "dc:date",
    "article:published_time",
    "posted",
    "posted_at",
    "date_posted",
    // feedparser's parsed time: [year, month, day, hour, …].
    "published_parsed",
    // Arc XP's first run and shown date; other CMS exports' "published on" fields.
    "first_publish_date",
    "display_date",
    "published_on",
    "posted_on",
    "article_date",
    "dateline",
];
/// Time stamps that may be when the record was made, fetched or last changed rather than when
/// the story ran: used only as a weak date (below a labelled line, a dateline, the URL's date
/// and the file name's; see `finish_article`), creation before update.
pub(super) const STAMP_KEYS: &[&str] = &[
    "created_at",
    "created",
    "date_created",
    "created_time",
    "timestamp",
    "ts",
    "datetime",
    "updated",
    "updated_at",
    "date_modified",
    "modified",
    "last_modified",
    // When a crawler saw or fetched the page: GDELT's "seendate", news-please's downloads,
    // Webz.io's "crawled"; Reddit's and Telegram's post times.
    "seendate",
    "date_download",
    "date_modify",
    "crawled",
    "crawled_at",
    "scraped_at",
    "fetched_at",
    "created_utc",
    "date_unixtime",
];
const TEXT_KEYS: &[&str] = &[
    "text",
    "body",
    "content",
    "maintext",
    "article",
    "articleBody",
    "story",
    "full_text",
    "paragraphs",
    "article_text",
    "body_text",
    "story_text",
    "text_content",
    "plain_text",
    "rendered",
    // JSON Feed's and RSS's full text, a Reddit post's.
    "content_text",
    "content:encoded",
    "content_html",
    "selftext",
];
/// A description is a teaser of a sentence or two: the record's text only when it has no
/// other (a story told in its description alone still gives its events).
const TEASER_KEYS: &[&str] = &[
    "description",
    "lead_paragraph",
    "abstract",
    "summary",
    "contentSnippet",
    "excerpt",
];
/// Objects inside a record that hold its fields ({"article": {"body": …}}, an Elasticsearch
/// hit's "_source", a Guardian API record's "fields"), read after the record's own fields.
const NESTED_KEYS: &[&str] = &[
    "article",
    "story",
    "content",
    "body",
    "text",
    "metadata",
    "meta",
    "fields",
    "_source",
    "attributes",
    "document",
    "doc",
    "post",
    "item",
    // Webz.io's "thread" (the story's title and date), a Reddit listing child's "data".
    "thread",
    "data",
    // A CMS export's dates grouped in one object ({"dates": {"published": …, "updated": …}}).
    "dates",
];
const URL_KEYS: &[&str] = &[
    "url",
    "link",
    "href",
    "web_url",
    "canonical_url",
    "permalink",
    "source_url",
    "article_url",
    "uri",
];
const SOURCE_KEYS: &[&str] = &[
    "source",
    "source_domain",
    "publisher",
    "site_name",
    "outlet",
    "source_name",
    "publication",
];
const COLLECTION_KEYS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "documents",
    "docs",
    "response",
    "hits",
    "records",
    "entries",
    "posts",
    "stories",
    "news",
    // A Telegram channel export; a Reddit listing ({"data": {"children": […]}}).
    "messages",
    "children",
];
/// How deep records and their fields are looked for in wrappers ({"response": {"docs": […]}}).
const MAX_NESTING: usize = 3;

/// Whether two keys are one when compared in lower case without '_', '-', '.', ':', '@' or
/// '$' ("date_published", "datePublished", "dc:date" and "dc.date"); compared char by char, as
/// every record asks it of every key it lacks.
pub(super) fn same_key(a: &str, b: &str) -> bool {
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-' | '.' | ':' | '@' | '$'))
            .flat_map(char::to_lowercase)
    }
    folded(a).eq(folded(b))
}

/// The hash of a key as `same_key` compares it (lower case, without '_', '-', '.', ':', '@'
/// or '$'): two keys `same_key` calls one have one hash.
fn folded_hash(key: &str) -> u64 {
    if key.is_ascii() {
        return ascii_folded_hash(key);
    }
    let mut h = FNV_START;
    for c in key
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | '.' | ':' | '@' | '$'))
        .flat_map(char::to_lowercase)
    {
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// `folded_hash` of an ASCII key, computable at compile time for the wanted keys.
const fn ascii_folded_hash(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let mut h = FNV_START;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !matches!(b, b'_' | b'-' | b'.' | b':' | b'@' | b'$') {
            h ^= b.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
        i += 1;
    }
    h
}

/// Wanted keys with their folded hashes, worked out at compile time.
struct KeyList {
    names: &'static [&'static str],
    hashes: &'static [u64],
}

const fn folded_hashes<const N: usize>(names: &[&str]) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        out[i] = ascii_folded_hash(names[i]);
        i += 1;
    }
    out
}

macro_rules! key_list {
    ($names:expr) => {
        KeyList {
            names: $names,
            hashes: &folded_hashes::<{ $names.len() }>($names),
        }
    };
}

const TITLES: KeyList = key_list!(TITLE_KEYS);
const DATES: KeyList = key_list!(DATE_KEYS);
const STAMPS: KeyList = key_list!(STAMP_KEYS);
const TEXTS: KeyList = key_list!(TEXT_KEYS);
const TEASERS: KeyList = key_list!(TEASER_KEYS);
const NESTED: KeyList = key_list!(NESTED_KEYS);
const SOURCES: KeyList = key_list!(SOURCE_KEYS);
const COLLECTIONS: KeyList = key_list!(COLLECTION_KEYS);

impl KeyList {
    fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.names.iter().copied().zip(self.hashes.iter().copied())
    }
}

/// An object with its keys folded once: a record is asked for a hundred-odd keys (every
/// spelling of a date, a text, a title…), and comparing each against every key of the record
/// char by char cost tens of thousands of instructions per record.
struct Fields<'a> {
    obj: &'a Map<String, Value>,
    /// The folded hash of each key, in the map's order.
    keys: Vec<(u64, &'a str, &'a Value)>,
}

impl<'a> Fields<'a> {
    fn of(obj: &'a Map<String, Value>) -> Fields<'a> {
        Fields {
            obj,
            keys: obj
                .iter()
                .map(|(k, v)| (folded_hash(k), k.as_str(), v))
                .collect(),
        }
    }

    /// The field for an ASCII `key`, spelled in any of the ways `same_key` allows.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.get_hashed(key, ascii_folded_hash(key))
    }

    /// The field for `key` (whose folded hash is `hash`): the key as written first, else the
    /// first key in the map's order that folds to it.
    fn get_hashed(&self, key: &str, hash: u64) -> Option<&'a Value> {
        let mut first = None;
        for &(h, k, v) in &self.keys {
            if h != hash {
                continue;
            }
            if k == key {
                return Some(v);
            }
            if first.is_none() && same_key(k, key) {
                first = Some(v);
            }
        }
        first
    }

    /// The fields for the keys of `list`, in its order.
    fn all<'s>(&'s self, list: &'s KeyList) -> impl Iterator<Item = &'a Value> + 's {
        list.iter().filter_map(|(k, h)| self.get_hashed(k, h))
    }
}

/// The record and the objects nested in it under `NESTED_KEYS`, the record first.
fn layers(obj: &Map<String, Value>) -> Vec<Fields<'_>> {
    let mut out = vec![Fields::of(obj)];
    let mut i = 0;
    while i < out.len() && out.len() < 8 {
        if i < MAX_NESTING {
            for (key, hash) in NESTED.iter() {
                if let Some(Value::Object(inner)) = out[i].get_hashed(key, hash)
                    && !out.iter().any(|o| std::ptr::eq(o.obj, inner))
                {
                    out.push(Fields::of(inner));
                }
            }
        }
        i += 1;
    }
    out
}

/// Parses a JSON or JSONL file. `Err` carries the reason when nothing in it is valid JSON.
pub fn parse_json(text: &str, prefer_lines: bool) -> Result<JsonFile, String> {
    let text = text.trim_start_matches('\u{FEFF}');
    if !prefer_lines {
        match serde_json::from_str::<Value>(text) {
            Ok(v) => return Ok(from_value(v)),
            Err(whole_err) => {
                // Many dumps named .json are really JSON Lines.
                let first = text.trim_start();
                let looks_like_lines = first.starts_with('{') && text.trim().lines().count() > 1;
                if !looks_like_lines {
                    return Err(format!("malformed JSON: {whole_err}"));
                }
                return parse_lines(text).map_err(|_| format!("malformed JSON: {whole_err}"));
            }
        }
    }
    parse_lines(text)
}

fn parse_lines(text: &str) -> Result<JsonFile, String> {
    let mut out = JsonFile {
        records: Vec::new(),
        record_warnings: Vec::new(),
    };
    let mut parsed_any = false;
    let mut first_err = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => {
                parsed_any = true;
                push_record(&mut out, Some(n + 1), &obj, "line");
            }
            Ok(_) => out
                .record_warnings
                .push(format!("line {}: not a JSON object, skipped", n + 1)),
            Err(e) => {
                first_err.get_or_insert_with(|| format!("line {}: {e}", n + 1));
                out.record_warnings
                    .push(format!("line {}: malformed JSON ({e}), skipped", n + 1));
            }
        }
    }
    if !parsed_any {
        return Err(format!(
            "malformed JSON{}",
            first_err
                .map(|e| format!(": {e}"))
                .unwrap_or_else(|| ": no JSON object found".into())
        ));
    }
    Ok(out)
}

fn from_value(v: Value) -> JsonFile {
    let mut out = JsonFile {
        records: Vec::new(),
        record_warnings: Vec::new(),
    };
    match v {
        Value::Array(items) => push_array(&mut out, &items),
        Value::Object(obj) => match collection(&obj, 0) {
            Some(items) if find_text(&obj).is_none() => push_array(&mut out, items),
            _ => push_record(&mut out, None, &obj, "record"),
        },
        _ => out
            .record_warnings
            .push("not a JSON object or array of objects".into()),
    }
    out
}

/// The array of records a wrapper object holds under a collection key, looked for through
/// wrapper objects: {"articles": […]}, {"data": {"items": […]}}, {"response": {"docs": […]}}.
fn collection(obj: &Map<String, Value>, depth: usize) -> Option<&Vec<Value>> {
    let fields = Fields::of(obj);
    if let Some(items) = fields.all(&COLLECTIONS).find_map(Value::as_array) {
        return Some(items);
    }
    if depth >= MAX_NESTING {
        return None;
    }
    fields.all(&COLLECTIONS).find_map(|v| match v {
        Value::Object(inner) => collection(inner, depth + 1),
        _ => None,
    })
}

fn push_array(out: &mut JsonFile, items: &[Value]) {
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Object(obj) => push_record(out, Some(i + 1), obj, "record"),
            _ => out
                .record_warnings
                .push(format!("record {}: not a JSON object, skipped", i + 1)),
        }
    }
}

fn push_record(out: &mut JsonFile, record: Option<usize>, obj: &Map<String, Value>, unit: &str) {
    let label = record.map(|n| format!("{unit} {n}: ")).unwrap_or_default();
    let Some(text) = find_text(obj) else {
        out.record_warnings.push(format!(
            "{label}no text field (text/body/content/maintext), skipped"
        ));
        return;
    };
    // Some dumps keep the page's HTML in the text field.
    let mut article = if looks_like_html(&text) {
        parse_html(&text)
    } else {
        ParsedArticle {
            body: clean_text(&text),
            ..ParsedArticle::new(SourceFormat::Json)
        }
    };
    article.format = SourceFormat::Json;
    if article.body.trim().is_empty() {
        out.record_warnings
            .push(format!("{label}empty text, skipped"));
        return;
    }
    let layers = layers(obj);
    if let Some(t) = layers.iter().find_map(|o| find_title(o)) {
        article.title = Some(clean_text(t).replace('\n', " "));
    }
    let values = |keys: &'static KeyList| -> Vec<&Value> {
        keys.iter()
            .flat_map(|(k, h)| layers.iter().filter_map(move |o| o.get_hashed(k, h)))
            .collect()
    };
    let (dates, stamps) = (values(&DATES), values(&STAMPS));
    let stamp = stamps.iter().find_map(|v| date_of(v));
    // A byline field that carries the date ("Lena Ortiz | 16 Feb 2021"), as scrapers keep the
    // line under a headline: the page's date when no date field gives one.
    let byline_date = || {
        layers
            .iter()
            .filter_map(|o| o.get("byline")?.as_str())
            .find_map(date_in_byline)
    };
    let found = dates
        .iter()
        .find_map(|v| Some((date_of(v)?, v.as_str())))
        .or_else(|| Some((byline_date()?, None)));
    match found {
        Some((date, written)) => {
            article.published = Some(date);
            // A dotted date is read day first; one whose parts could be swapped is warned.
            if let Some((_, raw)) = written
                .map(ambiguous_dotted_dates)
                .unwrap_or_default()
                .into_iter()
                .find(|(d, _)| *d == date.date)
            {
                article.warnings.push(format!(
                    "the page's date {raw:?} {DAY_OR_MONTH}; read day first as {}",
                    date.to_schema_string()
                ));
            }
        }
        None => {
            article.stamp_date = stamp.or(article.stamp_date);
            let written = dates.iter().find_map(|v| v.as_str().map(str::trim));
            match written {
                // Day and month could be swapped: `finish_article` settles it or says so.
                Some(d) if numeric_readings(d).is_some() => {
                    article.ambiguous_date = Some(d.to_owned())
                }
                Some(d) if !d.is_empty() && stamp.is_none() => {
                    article.warnings.push(format!("unrecognised date {d:?}"))
                }
                _ => {}
            }
        }
    }
    article.url = layers
        .iter()
        .find_map(|o| find_str(o, URL_KEYS))
        .map(str::to_owned)
        .or(article.url);
    article.source = layers
        .iter()
        .find_map(|o| find_source(o))
        .or(article.source);
    out.records.push(JsonRecord { record, article });
}

/// The record's text: the first text field, else the teaser. A field may hold the text as a
/// string, as an array of paragraph strings, or as a string holding a JSON-encoded array of
/// them (`"[\"BAGHDAD — …\", \"…\"]"`, as some scrapers store lists); paragraphs are joined
/// with blank lines.
fn find_text(obj: &Map<String, Value>) -> Option<String> {
    let layers = layers(obj);
    let in_layers = |keys: &KeyList| layers.iter().find_map(|o| o.all(keys).find_map(text_of));
    in_layers(&TEXTS).or_else(|| in_layers(&TEASERS))
}

/// The date a record field holds: a string any way `parse_field_date` reads, a number of
/// seconds or milliseconds since 1970, a dateline ("BAGHDAD, March 12, 2020"), or an object
/// wrapping one ({"$date": "2020-03-12T08:14:00Z"}, as MongoDB exports write it).
fn date_of(value: &Value) -> Option<PubDate> {
    match value {
        Value::String(s) => parse_field_date(s)
            .or_else(|| date_in_byline(s))
            .or_else(|| date_in_dateline(s)),
        // Seconds or milliseconds since 1970, or a compact date and time written as a number
        // (GDELT's 20210216081200).
        Value::Number(n) => epoch_date(n.as_i64().or_else(|| n.as_f64().map(|f| f as i64))?)
            .or_else(|| parse_field_date(&n.to_string())),
        // A parsed time as an array ([2021, 2, 16, 8, 12, 0, …], feedparser's struct_time).
        Value::Array(parts) => {
            let part = |i: usize| parts.get(i)?.as_u64();
            let year = i32::try_from(part(0)?).ok()?;
            let (month, day) = (u32::try_from(part(1)?).ok()?, u32::try_from(part(2)?).ok()?);
            parse_field_date(&format!("{year:04}-{month:02}-{day:02}"))
        }
        // MongoDB's canonical extended JSON wraps the milliseconds once more: {"$date":
        // {"$numberLong": "1613463120000"}}. A date may also be stored as its parts.
        Value::Object(o) => ["$date", "date", "value", "iso", "$numberLong"]
            .iter()
            .find_map(|k| date_of(o.get(*k)?))
            .or_else(|| {
                let part = |k: &str| o.get(k)?.as_u64();
                let (year, month, day) = (part("year")?, part("month")?, part("day")?);
                parse_field_date(&format!("{year:04}-{month:02}-{day:02}"))
            }),
        _ => None,
    }
}

/// The title: a string, or an object holding it ({"main": …} as the NYT API writes a
/// headline, {"rendered": …} as WordPress does).
fn find_title<'a>(obj: &Fields<'a>) -> Option<&'a str> {
    obj.all(&TITLES).find_map(|v| match v {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()),
        Value::Object(o) => find_str(&Fields::of(o), &["main", "rendered", "text", "title"]),
        _ => None,
    })
}

fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => {
            let s = s.trim();
            match encoded_paragraphs(s) {
                Some(joined) => joined,
                None => s.to_owned(),
            }
        }
        Value::Array(items) => join_paragraphs(items)?,
        _ => return None,
    };
    (!text.trim().is_empty()).then_some(text)
}

/// `["para one", "para two"]` inside a string: read only when the whole string is such an
/// array, so a text that merely opens with a bracket ("[Updated] Rockets …") stays as it is.
fn encoded_paragraphs(s: &str) -> Option<String> {
    if !(s.starts_with('[') && s.ends_with(']')) {
        return None;
    }
    match serde_json::from_str::<Value>(s).ok()? {
        Value::Array(items) => join_paragraphs(&items),
        _ => None,
    }
}

/// The strings of an array joined with blank lines; None unless every item is a string or a
/// block object holding one (an array of other objects is not a text).
fn join_paragraphs(items: &[Value]) -> Option<String> {
    let parts: Option<Vec<&str>> = items.iter().map(block_text).collect();
    // A message whose text is split into styled runs (Telegram's export: ["Drones hit ",
    // {"type": "bold", "text": "Harlow"}, " on Sunday."]): the runs are one text, not
    // paragraphs.
    let inline_run = |v: &Value| {
        v.get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| !matches!(t, "paragraph" | "p" | "text" | "heading"))
    };
    if items.iter().any(Value::is_string) && items.iter().any(inline_run) {
        let joined: String = parts?.concat();
        return (!joined.trim().is_empty()).then_some(joined);
    }
    let parts: Vec<&str> = parts?
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// The text of a paragraph item: a string, or a block of a rich-text export
/// ({"type": "paragraph", "text": "…"}).
fn block_text(item: &Value) -> Option<&str> {
    match item {
        Value::String(s) => Some(s.as_str()),
        Value::Object(o) => ["text", "content", "value"]
            .iter()
            .find_map(|k| o.get(*k)?.as_str()),
        _ => None,
    }
}

fn find_str<'a>(obj: &Fields<'a>, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        obj.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    })
}

/// `source` may be a string or an object like `{"name": "Reuters", "id": "reuters"}`.
fn find_source(obj: &Fields) -> Option<String> {
    obj.all(&SOURCES).find_map(|v| match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Object(o) => find_str(&Fields::of(o), &["name", "title", "id"]).map(str::to_owned),
        _ => None,
    })
}

fn looks_like_html(text: &str) -> bool {
    let lower_head: String = text
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<p>", "<p ", "</p>", "<br", "<div", "<html"]
        .iter()
        .any(|t| lower_head.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_array_and_lines() {
        let one = parse_json(r#"{"headline": "H", "published": "Feb 26, 2021", "body": "Text &amp; more", "source": {"name": "AP"}}"#, false).unwrap();
        assert_eq!(one.records.len(), 1);
        let a = &one.records[0].article;
        assert_eq!(
            (a.title.as_deref(), a.body.as_str(), a.source.as_deref()),
            (Some("H"), "Text & more", Some("AP"))
        );
        assert_eq!(a.published.unwrap().to_schema_string(), "2021-02-26");
        assert_eq!(one.records[0].record, None);

        let arr = parse_json(
            r#"[{"title": "A", "text": "x"}, 5, {"title": "no text"}]"#,
            false,
        )
        .unwrap();
        assert_eq!(arr.records.len(), 1);
        assert_eq!(arr.records[0].record, Some(1));
        assert_eq!(arr.record_warnings.len(), 2);

        let wrapped =
            parse_json(r#"{"articles": [{"text": "a"}, {"content": "b"}]}"#, false).unwrap();
        assert_eq!(wrapped.records.len(), 2);

        let lines = parse_json("{\"text\": \"a\"}\n\n{broken\n{\"maintext\": \"c\", \"date_publish\": \"2019-12-29 10:00:00\"}\n", true).unwrap();
        assert_eq!(
            lines.records.iter().map(|r| r.record).collect::<Vec<_>>(),
            vec![Some(1), Some(4)]
        );
        assert_eq!(lines.record_warnings.len(), 1);
        assert!(lines.record_warnings[0].starts_with("line 3: malformed JSON"));
        assert_eq!(
            lines.records[1]
                .article
                .published
                .unwrap()
                .to_schema_string(),
            "2019-12-29"
        );
    }

    #[test]
    fn numeric_and_rfc_2822_record_dates() {
        let date = |d: &str| {
            let rec = format!(r#"{{"title": "T", "date": "{d}", "text": "Rockets hit a depot."}}"#);
            let parsed = parse_json(&rec, false).unwrap();
            let a = &parsed.records[0].article;
            (a.published.map(|p| p.to_schema_string()), a.warnings.len())
        };
        assert_eq!(date("17/02/2022"), (Some("2022-02-17".into()), 0));
        assert_eq!(date("02/17/2022"), (Some("2022-02-17".into()), 0));
        // Day and month could be swapped: no date here; `finish_article` settles it from the
        // dateline or warns.
        assert_eq!(date("05/06/2022"), (None, 0));
        let rec = r#"{"date": "05/06/2022", "text": "Rockets hit a depot."}"#;
        let parsed = parse_json(rec, false).unwrap();
        assert_eq!(
            parsed.records[0].article.ambiguous_date.as_deref(),
            Some("05/06/2022")
        );
        assert_eq!(date("not a date"), (None, 1));
        assert_eq!(date("Thu, 10 Feb 2022"), (Some("2022-02-10".into()), 0));
        assert_eq!(
            date("Thu, 10 Feb 2022 07:45:00 GMT"),
            (Some("2022-02-10".into()), 0)
        );
        assert_eq!(
            date("Thu, 10 Feb 2022 07:45 +0300"),
            (Some("2022-02-10".into()), 0)
        );
    }

    #[test]
    fn paragraphs_as_an_array_or_an_encoded_array() {
        let body = |rec: &str| {
            parse_json(rec, false)
                .unwrap()
                .records
                .first()
                .map(|r| r.article.body.clone())
        };
        let array = r#"{"title": "T", "paragraphs": ["KIRAN, May 2 — Shells hit a depot.", "", "Two guards died."]}"#;
        assert_eq!(
            body(array).as_deref(),
            Some("KIRAN, May 2 — Shells hit a depot.\n\nTwo guards died.")
        );
        let encoded = r#"{"title": "T", "paragraphs": "[\"KIRAN, May 2 — Shells hit a depot.\", \"Two guards died.\"]"}"#;
        assert_eq!(
            body(encoded).as_deref(),
            Some("KIRAN, May 2 — Shells hit a depot.\n\nTwo guards died.")
        );
        // A text that opens with a bracket but is no array stays as written.
        let bracket = r#"{"text": "[Updated] Shells hit a depot."}"#;
        assert_eq!(
            body(bracket).as_deref(),
            Some("[Updated] Shells hit a depot.")
        );
        // An array of objects is no text.
        assert_eq!(body(r#"[{"paragraphs": [{"a": 1}]}]"#), None);
        // Rich-text blocks with their text.
        let blocks = r#"{"content": [{"type": "paragraph", "text": "Shells hit a depot."}, {"type": "paragraph", "text": "Two guards died."}]}"#;
        assert_eq!(
            body(blocks).as_deref(),
            Some("Shells hit a depot.\n\nTwo guards died.")
        );
        // The story field; a description only when nothing else is there.
        let story = r#"{"description": "Teaser.", "story": "Shells hit a depot."}"#;
        assert_eq!(body(story).as_deref(), Some("Shells hit a depot."));
        let teaser = r#"{"description": "Shells hit a depot."}"#;
        assert_eq!(body(teaser).as_deref(), Some("Shells hit a depot."));
        // Malformed encodings never panic.
        for odd in [
            r#"{"paragraphs": "["}"#,
            r#"{"paragraphs": "[1, 2]"}"#,
            r#"{"paragraphs": []}"#,
        ] {
            let _ = parse_json(odd, false);
        }
    }

    #[test]
    fn dates_wrapped_grouped_split_or_in_the_byline() {
        let date = |rec: &str| {
            let parsed = parse_json(rec, false).unwrap();
            let a = &parsed.records[0].article;
            (a.published.map(|d| d.to_schema_string()), a.warnings.len())
        };
        for rec in [
            r#"{"published": {"$date": {"$numberLong": "1613463120000"}}, "text": "Drones hit a depot."}"#,
            r#"{"date": {"year": 2021, "month": 2, "day": 16}, "text": "Drones hit a depot."}"#,
            r#"{"dates": {"published": "2021-02-16", "updated": "2021-02-18"}, "text": "Drones hit a depot."}"#,
            r#"{"display_date": "2021-02-16T08:12:00Z", "text": "Drones hit a depot."}"#,
            r#"{"first_publish_date": "2021-02-16", "text": "Drones hit a depot."}"#,
            r#"{"byline": "Lena Ortiz | 16 Feb 2021", "text": "Drones hit a depot."}"#,
        ] {
            assert_eq!(date(rec), (Some("2021-02-16".into()), 0), "{rec}");
        }
        // A byline without a date gives none and no warning; a date field wins over it.
        assert_eq!(
            date(r#"{"byline": "By Lena Ortiz", "text": "Drones hit a depot."}"#),
            (None, 0)
        );
        assert_eq!(
            date(r#"{"date": "2021-02-15", "byline": "Lena Ortiz | 16 Feb 2021", "text": "Drones hit a depot."}"#).0.as_deref(),
            Some("2021-02-15")
        );
        // Parts that are no date give none.
        assert_eq!(
            date(
                r#"{"date": {"year": 2021, "month": 2, "day": 30}, "text": "Drones hit a depot."}"#
            )
            .0,
            None
        );
    }

    #[test]
    fn date_keys_spelled_any_way_epochs_and_wrapped_dates() {
        let date = |rec: &str| {
            parse_json(rec, false)
                .unwrap()
                .records
                .first()
                .and_then(|r| r.article.published)
                .map(|d| d.to_schema_string())
        };
        for rec in [
            r#"{"date_published": "2021-08-15T06:10:00Z", "text": "Drones hit a depot."}"#,
            r#"{"DatePublished": "2021-08-15", "text": "Drones hit a depot."}"#,
            r#"{"published-at": "2021-08-15", "text": "Drones hit a depot."}"#,
            r#"{"published": 1629007800, "text": "Drones hit a depot."}"#,
            r#"{"date": {"$date": "2021-08-15T06:10:00Z"}, "text": "Drones hit a depot."}"#,
            r#"{"dateline": "HARLOW, August 15, 2021", "text": "Drones hit a depot."}"#,
            r#"{"updated_at": "2021-08-19", "publishedAt": "2021-08-15", "text": "Drones hit a depot."}"#,
        ] {
            assert_eq!(date(rec).as_deref(), Some("2021-08-15"), "{rec}");
        }
        // Time stamps that may be the record's, not the story's, are only a weak date.
        let stamp = |rec: &str| {
            let parsed = parse_json(rec, false).unwrap();
            let a = &parsed.records[0].article;
            (
                a.published.map(|d| d.to_schema_string()),
                a.stamp_date.map(|d| d.to_schema_string()),
            )
        };
        for rec in [
            r#"{"timestamp": 1629007800000, "text": "Drones hit a depot."}"#,
            r#"{"ts": "1629007800", "text": "Drones hit a depot."}"#,
            r#"{"created_at": "2021-08-15 06:10", "updated_at": "2021-08-19", "text": "Drones hit a depot."}"#,
        ] {
            assert_eq!(stamp(rec), (None, Some("2021-08-15".into())), "{rec}");
        }
        // A number that is no plausible time stamp is no date.
        assert_eq!(date(r#"{"time": 42, "text": "Drones hit a depot."}"#), None);
    }

    #[test]
    fn dump_formats_of_crawlers_feeds_and_channels() {
        let read = |json: &str| {
            let parsed = parse_json(json, false).unwrap();
            let a = &parsed.records.first().expect(json).article;
            (
                a.body.clone(),
                a.published.map(|d| d.to_schema_string()),
                a.stamp_date.map(|d| d.to_schema_string()),
            )
        };
        let text = "Drones hit a depot.";
        let day = Some("2021-02-16".to_owned());
        for json in [
            // JSON Feed, rss-parser, Event Registry, feedparser, a page's meta copied out,
            // a Webz.io post's thread, GDELT's compact number.
            r#"{"items": [{"content_text": "Drones hit a depot.", "date_published": "2021-02-16T08:12:00+03:00"}]}"#,
            r#"[{"contentSnippet": "Drones hit a depot.", "isoDate": "2021-02-16T05:12:00.000Z"}]"#,
            r#"{"articles": {"results": [{"body": "Drones hit a depot.", "dateTimePub": "2021-02-16T08:12:00Z", "dateTime": "2021-02-17T10:00:00Z"}]}}"#,
            r#"[{"summary": "Drones hit a depot.", "published_parsed": [2021, 2, 16, 8, 12, 0, 1, 47, 0]}]"#,
            r#"[{"text": "Drones hit a depot.", "meta": {"article:published_time": "2021-02-16T08:12:00Z"}}]"#,
            r#"[{"text": "Drones hit a depot.", "dc:date": "2021-02-16"}]"#,
            r#"{"posts": [{"thread": {"published": "2021-02-16T08:12:00.000+02:00"}, "text": "Drones hit a depot.", "crawled": "2021-02-17T10:00:00"}]}"#,
            r#"[{"DATE": 20210216081200, "text": "Drones hit a depot."}]"#,
            r#"[{"text": "Drones hit a depot.", "posted_at": "2021-02-16 08:12"}]"#,
        ] {
            let (body, published, _) = read(json);
            assert_eq!((body.as_str(), published), (text, day.clone()), "{json}");
        }
        // When a crawler saw or fetched the page, a Reddit post's and a tweet's time: weak.
        for json in [
            r#"{"articles": [{"text": "Drones hit a depot.", "seendate": "20210216T081200Z"}]}"#,
            r#"{"data": {"children": [{"kind": "t3", "data": {"selftext": "Drones hit a depot.", "created_utc": 1613463120.0}}]}}"#,
            r#"[{"created_at": "Tue Feb 16 08:12:00 +0000 2021", "full_text": "Drones hit a depot."}]"#,
            r#"{"maintext": "Drones hit a depot.", "date_download": "2021-02-16 10:00:00"}"#,
        ] {
            let (body, published, stamp) = read(json);
            assert_eq!(
                (body.as_str(), published, stamp),
                (text, None, day.clone()),
                "{json}"
            );
        }
        // A Telegram channel export: a message's text in styled runs is one text.
        let (body, published, _) = read(
            r#"{"name": "Channel", "messages": [{"id": 1, "date": "2021-02-16T08:12:00", "text": ["Drones hit a depot near ", {"type": "bold", "text": "Harlow"}, " on Sunday."]}]}"#,
        );
        assert_eq!(
            (body.as_str(), published),
            ("Drones hit a depot near Harlow on Sunday.", day.clone())
        );
        // Odd arrays and numbers give no date and never panic.
        for odd in [
            r#"[{"text": "x", "published_parsed": [2021, 13, 40]}]"#,
            r#"[{"text": "x", "published_parsed": ["a", -1]}]"#,
            r#"[{"text": "x", "DATE": 99999999999999}]"#,
            r#"[{"text": "x", "date": -5}]"#,
        ] {
            assert_eq!(read(odd).1, None, "{odd}");
        }
    }

    #[test]
    fn text_fields_nested_records_and_wrappers() {
        let first = |json: &str| {
            let parsed = parse_json(json, false).unwrap();
            let a = &parsed.records.first().expect(json).article;
            (
                a.title.clone(),
                a.body.clone(),
                a.published.map(|d| d.to_schema_string()),
                a.url.clone(),
            )
        };
        let (_, body, date, _) = first(
            r#"{"title": "T", "article": {"body": "Drones hit a depot.", "datePublished": "2021-08-15"}}"#,
        );
        assert_eq!(
            (body.as_str(), date.as_deref()),
            ("Drones hit a depot.", Some("2021-08-15"))
        );
        for key in ["article_text", "fullText", "bodyText", "story"] {
            let json = format!(r#"{{"{key}": "Drones hit a depot."}}"#);
            assert_eq!(first(&json).1, "Drones hit a depot.", "{key}");
        }
        let (_, _, date, _) = first(
            r#"{"data": {"items": [{"body": "Drones hit a depot.", "pubDate": "2021-08-15"}]}}"#,
        );
        assert_eq!(date.as_deref(), Some("2021-08-15"));
        // NYT-style: docs under "response", the headline an object, the lead as the text.
        let (title, body, date, url) = first(
            r#"{"status": "OK", "response": {"docs": [{"headline": {"main": "Drones hit a depot"}, "lead_paragraph": "Drones hit a depot on Sunday.", "pub_date": "2021-08-15T06:10:00+0000", "web_url": "https://example.com/2021/08/15/world/drones.html"}]}}"#,
        );
        assert_eq!(title.as_deref(), Some("Drones hit a depot"));
        assert_eq!(body, "Drones hit a depot on Sunday.");
        assert_eq!(date.as_deref(), Some("2021-08-15"));
        assert_eq!(
            url.as_deref(),
            Some("https://example.com/2021/08/15/world/drones.html")
        );
        // An Elasticsearch hit and a WordPress post.
        let (_, body, date, _) = first(
            r#"{"hits": {"hits": [{"_id": "x", "_source": {"content": "Drones hit a depot.", "published": "2021-08-15"}}]}}"#,
        );
        assert_eq!(
            (body.as_str(), date.as_deref()),
            ("Drones hit a depot.", Some("2021-08-15"))
        );
        let (title, body, _, _) = first(
            r#"[{"date": "2021-08-15T06:10:00", "title": {"rendered": "Drones"}, "content": {"rendered": "<p>Drones hit a depot.</p>"}}]"#,
        );
        assert_eq!(
            (title.as_deref(), body.as_str()),
            (Some("Drones"), "Drones hit a depot.")
        );
        // Deep or odd nesting never panics.
        let deep = format!(
            "{}{}",
            r#"{"data": "#.repeat(40),
            "1".to_owned() + &"}".repeat(40)
        );
        let _ = parse_json(&deep, false);
    }

    #[test]
    fn folded_keys_find_what_same_key_finds() {
        let obj: Map<String, Value> = serde_json::from_str(
            r#"{"Date_Published": 1, "date-published": 2, "datePublished": 3, "DATE": 4, "Pub.Date": 5, "Ünïcode_Kéy": 6}"#,
        )
        .unwrap();
        let fields = Fields::of(&obj);
        // The key as written wins; else the first in the map's order that folds to it.
        for key in [
            "datePublished",
            "date_published",
            "DatePublished",
            "date",
            "pubDate",
            "pub_date",
            "missing",
            "ünïcodekéy",
        ] {
            let expected = obj
                .get(key)
                .or_else(|| obj.iter().find(|(k, _)| same_key(k, key)).map(|(_, v)| v));
            assert_eq!(fields.get_hashed(key, folded_hash(key)), expected, "{key}");
        }
        assert_eq!(fields.get("datePublished"), Some(&Value::from(3)));
        assert_eq!(fields.get("date_published"), Some(&Value::from(1)));
        assert_eq!(fields.get("pubdate"), Some(&Value::from(5)));
        // The compile-time hashes are the run-time ones.
        for (key, hash) in DATES.iter().chain(NESTED.iter()) {
            assert_eq!(hash, folded_hash(key), "{key}");
        }
    }

    #[test]
    fn malformed_json_is_an_error_with_a_reason() {
        let err = parse_json("{\"title\": \"x\", ", false).err().unwrap();
        assert!(err.starts_with("malformed JSON"), "{err}");
        assert!(parse_json("not json at all", true).is_err());
    }
}
