//! Reading a corpus: files and folders in, cleaned `Article`s and warnings out.
//!
//! `load_corpus` does everything; the UI instead calls `list_files`, then `read_file` per file
//! (to show progress), then `collect_corpus`. Files are read in parallel but the result is in
//! sorted path order, and ids are `a1`, `a2`, … in that order. Files are only ever opened for
//! reading.

mod clean;
mod decode;
pub(crate) mod header;
mod html;
mod json;
mod markdown;
mod table;
mod text;
mod types;
mod walk;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Utc};
use rayon::prelude::*;

pub use clean::{decode_entities, first_sentence};
pub use header::parse_date;
pub use types::*;
pub use walk::list_files;

/// Why a corpus could not be loaded at all. Per-file problems are warnings, not errors.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: no such file or folder", path.display())]
    NotFound { path: PathBuf },
    #[error("no readable articles found in {}", display_paths(paths))]
    NothingReadable {
        paths: Vec<PathBuf>,
        warnings: Vec<CorpusWarning>,
    },
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a format reader found in one file or record, before the shared analysis.
#[derive(Debug, Clone)]
pub(crate) struct ParsedArticle {
    pub format: SourceFormat,
    pub title: Option<String>,
    pub published: Option<PubDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// A date the page shows without marking it as the story's (a top bar's date): used only
    /// when neither the text nor the file's name gives one.
    pub leading_date: Option<PubDate>,
    /// A time stamp of when the record was made, fetched or last modified (JSON `created_at`,
    /// `ts`; HTML `article:modified_time`; front matter `lastmod`): weaker still than
    /// `leading_date`, and always warned when it dates the article.
    pub stamp_date: Option<PubDate>,
    /// The page's own date when it is a numeric one whose day and month could be swapped
    /// ("12/05/2020"), as written: `finish_article` reads it only when a dateline agrees with
    /// one of its readings.
    pub ambiguous_date: Option<String>,
    /// Cleaned text.
    pub body: String,
    pub warnings: Vec<String>,
}

impl ParsedArticle {
    pub fn new(format: SourceFormat) -> Self {
        Self {
            format,
            title: None,
            published: None,
            source: None,
            url: None,
            leading_date: None,
            stamp_date: None,
            ambiguous_date: None,
            body: String::new(),
            warnings: Vec::new(),
        }
    }
}

pub fn load_corpus(paths: &[PathBuf], opts: &LoadOptions) -> Result<Corpus, CorpusError> {
    let mut reader = BatchReader::new(paths, opts)?;
    let articles = reader.read_batch(usize::MAX).unwrap_or_default();
    reader.finish(articles)
}

/// Reads a corpus a batch of files at a time, so that a caller can work on the articles read
/// so far while the next files are read (and let go of what it no longer needs). Articles,
/// ids and warnings come out exactly as `load_corpus` gives them.
pub struct BatchReader {
    roots: Vec<PathBuf>,
    opts: LoadOptions,
    files: Vec<(PathBuf, PathBuf)>,
    next_file: usize,
    articles_read: usize,
    warnings: Vec<CorpusWarning>,
}

impl BatchReader {
    /// Lists the files under `paths` (the walk's warnings come first, as in `load_corpus`).
    pub fn new(paths: &[PathBuf], opts: &LoadOptions) -> Result<Self, CorpusError> {
        for p in paths {
            if std::fs::symlink_metadata(p).is_err() {
                return Err(CorpusError::NotFound { path: p.clone() });
            }
        }
        let mut warnings = Vec::new();
        let files = list_files(paths, &mut warnings);
        Ok(Self {
            roots: paths.to_vec(),
            opts: opts.clone(),
            files,
            next_file: 0,
            articles_read: 0,
            warnings,
        })
    }

    /// The articles of the next `max_files` files (read in parallel, in path order, ids
    /// numbered on from the previous batches); `None` when every file has been read.
    pub fn read_batch(&mut self, max_files: usize) -> Option<Vec<Article>> {
        if self.next_file >= self.files.len() {
            return None;
        }
        let end = self
            .files
            .len()
            .min(self.next_file.saturating_add(max_files));
        let batch = &self.files[self.next_file..end];
        self.next_file = end;
        let opts = &self.opts;
        let results: Vec<Result<Vec<Article>, CorpusWarning>> = batch
            .par_iter()
            .map(|(root, file)| read_file(root, file, opts))
            .collect();
        let mut articles = collect_results(results, &mut self.warnings);
        assign_ids(&mut articles, self.articles_read);
        self.articles_read += articles.len();
        Some(articles)
    }

    /// The corpus of all the batches' articles (given back in order), or the error of a corpus
    /// where nothing could be read.
    pub fn finish(self, articles: Vec<Article>) -> Result<Corpus, CorpusError> {
        if articles.is_empty() {
            return Err(CorpusError::NothingReadable {
                paths: self.roots,
                warnings: self.warnings,
            });
        }
        Ok(Corpus {
            roots: self.roots,
            articles,
            warnings: self.warnings,
        })
    }
}

/// The articles of per-file results in file order; the warnings of each file (including those
/// of files that loaded) are appended to `warnings` in the same order.
fn collect_results(
    results: Vec<Result<Vec<Article>, CorpusWarning>>,
    warnings: &mut Vec<CorpusWarning>,
) -> Vec<Article> {
    let total = results.iter().map(|r| r.as_ref().map_or(0, Vec::len)).sum();
    let mut articles = Vec::with_capacity(total);
    for result in results {
        match result {
            Ok(file_articles) => {
                for a in &file_articles {
                    let file_path = a.rel_path.split('#').next().unwrap_or(&a.rel_path);
                    for w in &a.warnings {
                        warnings.push(CorpusWarning {
                            path: file_path.to_owned(),
                            message: w.clone(),
                        });
                    }
                }
                articles.extend(file_articles);
            }
            Err(w) => warnings.push(w),
        }
    }
    articles
}

/// Puts per-file results (in file order) together: assigns ids, and lists every warning once,
/// walk warnings first, then per file in order, including the warnings of files that loaded.
pub fn collect_corpus(
    roots: Vec<PathBuf>,
    results: Vec<Result<Vec<Article>, CorpusWarning>>,
    mut warnings: Vec<CorpusWarning>,
) -> Corpus {
    let mut articles = collect_results(results, &mut warnings);
    assign_ids(&mut articles, 0);
    Corpus {
        roots,
        articles,
        warnings,
    }
}

/// Ids in the given order after the `already_numbered` articles before them: `a1`, `a2`, …
pub fn assign_ids(articles: &mut [Article], already_numbered: usize) {
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = format!("a{}", already_numbered + i + 1);
    }
}

/// `file` relative to `root` with `/` separators; the file name when `root` is the file itself.
pub fn relative_path(root: &Path, file: &Path) -> String {
    let rel = file
        .strip_prefix(root)
        .ok()
        .filter(|r| !r.as_os_str().is_empty());
    match rel {
        Some(r) => r
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        None => file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.display().to_string()),
    }
}

/// Reads one file into zero or more articles (JSON dumps give several). The `Err` warning names
/// the file and the reason it was skipped. Article ids are left empty: see `assign_ids`.
pub fn read_file(
    root: &Path,
    file: &Path,
    opts: &LoadOptions,
) -> Result<Vec<Article>, CorpusWarning> {
    let rel = relative_path(root, file);
    let skip = |message: String| CorpusWarning {
        path: rel.clone(),
        message,
    };
    let bytes = read_limited(file, opts.max_file_bytes).map_err(skip)?;
    if bytes.is_empty() {
        return Err(skip("empty file, skipped".into()));
    }
    let decoded = decode::decode_owned(bytes).map_err(|e| skip(e.to_string()))?;
    if decoded.text.trim().is_empty() {
        return Err(skip("empty file (only whitespace), skipped".into()));
    }
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut file_warnings: Vec<String> = decoded.lossy_note.into_iter().collect();
    let parsed: Vec<(Option<usize>, ParsedArticle)> = match ext.as_str() {
        "md" | "markdown" => vec![(None, markdown::parse_markdown(&decoded.text))],
        "html" | "htm" | "xhtml" => vec![(None, html::parse_html(&decoded.text))],
        "json" | "jsonl" | "ndjson" => {
            let parsed = json::parse_json(&decoded.text, ext != "json").map_err(skip)?;
            file_warnings.extend(parsed.record_warnings);
            parsed
                .records
                .into_iter()
                .map(|r| (r.record, r.article))
                .collect()
        }
        _ if looks_like_html_page(&decoded.text) => vec![(None, html::parse_html(&decoded.text))],
        _ => vec![(None, text::parse_text(&clean::clean_text(&decoded.text)))],
    };
    // Dotted dates are read day first; one whose parts could be swapped is warned wherever
    // the reader found it (a labelled line, a meta tag, a record's field).
    // A JSON file's records are separate stories: each is looked up in its own text (its date
    // field's dotted date is warned by the JSON reader).
    let file_dotted = header::ambiguous_dotted_dates(&decoded.text);
    let mut articles: Vec<Article> = parsed
        .into_iter()
        .filter(|(_, p)| !p.body.trim().is_empty())
        .map(|(record, p)| {
            let rel_path = match record {
                Some(n) => format!("{rel}#{n}"),
                None => rel.clone(),
            };
            let dotted = match record {
                Some(_) => header::ambiguous_dotted_dates(&p.body),
                None => file_dotted.clone(),
            };
            let mut article = finish_article(p, file, rel_path);
            let warned = |a: &Article| a.warnings.iter().any(|w| w.contains(DAY_OR_MONTH));
            if !warned(&article)
                && let Some(date) = article
                    .published
                    .filter(|d| d.precision == DatePrecision::Day)
                && let Some((_, raw)) = dotted.iter().find(|(d, _)| *d == date.date)
            {
                article.warnings.push(format!(
                    "the page's date {raw:?} {DAY_OR_MONTH}; read day first as {}",
                    date.to_schema_string()
                ));
            }
            article
        })
        .collect();
    if articles.is_empty() {
        let why = file_warnings
            .first()
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        return Err(skip(format!("no article text found{why}, skipped")));
    }
    // File-level notes go on the first article only, so they are reported once.
    let first = &mut articles[0];
    file_warnings.append(&mut first.warnings);
    first.warnings = file_warnings;
    Ok(articles)
}

fn read_limited(file: &Path, max: u64) -> Result<Vec<u8>, String> {
    let f = File::open(file).map_err(|e| format!("cannot open: {e}, skipped"))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let too_big = |n: u64| {
        format!(
            "file is {} over the size limit of {}, skipped",
            human_size(n),
            human_size(max)
        )
    };
    if len > max {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}, skipped"))?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} bytes", bytes)
    }
}

fn looks_like_html_page(text: &str) -> bool {
    let head = text
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The analysis every format shares: dateline, boilerplate, a title when none was given, the
/// source from the dateline when no metadata named one, a date from the file name as a last
/// resort.
fn finish_article(mut p: ParsedArticle, file: &Path, rel_path: String) -> Article {
    let mut warnings = std::mem::take(&mut p.warnings);
    let published = publication_date(&p, file, &mut warnings);
    // Without a publication date, "on Sunday" or "last week" cannot be placed in time, so the
    // article's events that rest on such dates are left out: say so, or the article looks read.
    if published.is_none() {
        warnings.push(NO_PUBLICATION_DATE.to_string());
    }
    let dateline = clean::find_dateline(&p.body);
    let dateline_span = dateline.as_ref().map(|d| d.0);
    let boilerplate: Vec<Span> = clean::find_boilerplate(&p.body)
        .into_iter()
        .filter(|b| dateline_span.is_none_or(|d| b[1] <= d[0] || b[0] >= d[1]))
        .collect();
    let title = p
        .title
        .filter(|t| {
            !t.trim().is_empty()
                && !t
                    .trim()
                    .trim_end_matches(['.', '…'])
                    .eq_ignore_ascii_case("loading")
        })
        .map(|t| clean::shorten(t.trim(), 300))
        .unwrap_or_else(|| clean::title_from_body(&p.body, dateline_span));
    let source = p.source.or_else(|| dateline.and_then(|d| d.1));
    Article {
        id: String::new(),
        path: file.to_path_buf(),
        rel_path,
        title,
        published,
        source,
        url: p.url,
        format: p.format,
        body: p.body,
        dateline: dateline_span,
        boilerplate,
        warnings,
    }
}

/// The publication date of a parsed page, from the strongest signal it has:
/// 1. what the format reader found (metadata, a header or byline line);
/// 2. its own numeric date whose day and month could be swapped ("12/05/2020"), when the
///    dateline's day agrees with one reading ("KABUL, May 12 (Agency) -") or a dated URL or
///    file name its month; without those (after 3–5 below), the reading the page's text
///    supports (`header::reading_the_page_supports`: the days it reports, the order it writes
///    dates in, its newsroom style), and failing all, after the weak dates of 6, month first by
///    default, always with a warning: an unread page date loses every event the text dates
///    by weekday or "yesterday", while a default is right for the many US pages;
/// 3. a labelled line anywhere in the text: a "Published"/"First published" line wins over an
///    "Updated"/"Last modified" one (a story is dated by when it first ran; an update can be
///    days later, and relative dates in the text were written from the first run);
/// 4. a wire dateline with a full date opening one of the first paragraphs;
/// 5. a date in the page's URL path (an archive copy's: the archived address's), then in the
///    file's name (a scraper names files by the story's day, but sometimes by the day it
///    fetched them: weaker than the page); a date of these that gives only the month takes
///    its day from a yearless dateline or header line of that month;
/// 6. a date the page prints atop its text without marking it (a top bar, a byline date
///    among the furniture above the story), a creation, fetch
///    or modified time stamp or an archive's capture time (warned), or a date at its foot;
///    when a dateline prints month and day without a year, these give only the year (the year
///    before if the day would fall after them);
/// 7. a dateline that prints month and day but no year ("BAGHDAD, March 12 (Reuters) -"), or a
///    header line that does ("16 February", "Tuesday, February 16" under the headline),
///    with the year from the page's ambiguous numeric date, its copyright line (not an HTML
///    page's: that is the site footer's, the year it was fetched), or a full date of the
///    dateline's own paragraph in the month before its day (never a year the text names: "in
///    2003 the US invaded" is background), or last the first year, from the latest the page
///    names, in which the dateline's day falls on the weekday its paragraph names ("on
///    Thursday"): a warning then says where the year came from.
fn publication_date(p: &ParsedArticle, file: &Path, warnings: &mut Vec<String>) -> Option<PubDate> {
    let openings: Vec<&str> = clean::paragraphs(&p.body)
        .map(str::trim)
        .filter(|para| !para.is_empty())
        .take(3)
        .collect();
    let dateline_date = openings
        .iter()
        .find_map(|para| header::date_in_dateline(para));
    // A header line with a date but no year ("16 February", "Gulf Brief — Tuesday, February
    // 16"), as pages print the current year's dates: the page's day, read like a dateline's.
    let header_day = p
        .title
        .as_deref()
        .and_then(|t| Some((t, header::month_day_line(t)?)))
        .or_else(|| header::month_day_in_header(&p.body));
    let dateline_day = dateline_date
        .map(|d| (d.date.month(), d.date.day()))
        .or_else(|| {
            openings
                .iter()
                .find_map(|para| header::month_day_in_dateline(para))
        })
        .or(header_day.map(|(_, day)| day));
    let readings = p
        .ambiguous_date
        .as_deref()
        .and_then(header::numeric_readings);
    let url_date = p.url.as_deref().and_then(header::date_from_url);
    let name_date = file
        .file_name()
        .and_then(|n| header::date_from_file_name(&n.to_string_lossy()));
    // Which reading another date on the page agrees with: the dateline's day, else the month
    // of the URL's or the file name's date.
    let settled = readings.and_then(|(day_first, month_first)| {
        let both = [day_first, month_first];
        if let Some(day) = dateline_day {
            let by_day = both
                .into_iter()
                .find(|r| (r.date.month(), r.date.day()) == day)?;
            return Some((by_day, "the dateline gives that day"));
        }
        let month_of = |d: PubDate| (d.date.year(), d.date.month());
        let witness = url_date.or(name_date)?;
        let by_month = both
            .into_iter()
            .find(|r| month_of(*r) == month_of(witness))?;
        Some((by_month, "the URL or file name gives that month"))
    });
    if p.published.is_none()
        && let (Some(raw), Some((date, why))) = (p.ambiguous_date.as_deref(), settled)
    {
        warnings.push(format!(
            "the page's date {raw:?} could be day or month first; read as {} because {why}",
            date.to_schema_string()
        ));
    }
    let settled = settled.map(|(date, _)| date);
    let found = p
        .published
        .or(settled)
        .or_else(|| header::labelled_date_in_text(&p.body))
        .or(dateline_date)
        .or(url_date)
        .or(name_date);
    if let Some(found) = found {
        return Some(day_of_month(found, dateline_day));
    }
    // No dateline, URL or file name to settle the ambiguous date: the page's own text chooses
    // (the days it reports, the order it writes dates in, its newsroom style); failing all of
    // them, the US order by default, warned (see `header::reading_the_page_supports`). A
    // dateline whose day fits neither reading keeps its day (below).
    let page_reading = match (p.ambiguous_date.as_deref(), readings, dateline_day) {
        (Some(raw), Some(both), None) => {
            let (date, why, settled) = header::reading_the_page_supports(&p.body, both);
            let warning = format!(
                "the page's date {raw:?} {DAY_OR_MONTH}; read as {} because {why}",
                date.to_schema_string()
            );
            Some((date, settled, warning))
        }
        _ => None,
    };
    if let Some((date, true, warning)) = page_reading {
        warnings.push(warning);
        return Some(date);
    }
    // Weak dates: a top bar's or title line's date, a time stamp, and (weaker than the file's
    // name: a foot line can be the last entry of a timeline) a date printed at the foot.
    let capture = p.url.as_deref().and_then(header::archive_capture_date);
    let weak = p
        .leading_date
        .or_else(|| header::date_in_header_zone(&p.body))
        .map(|d| (d, None))
        .or_else(|| {
            p.stamp_date
                .map(|d| (d, Some("a creation/fetch/modified time stamp")))
        })
        .or_else(|| capture.map(|d| (d, Some("the archive's capture time"))))
        .or_else(|| header::date_at_foot(&p.body).map(|d| (d, None)));
    if let Some((weak, stamp)) = weak {
        // A dateline's month and day are the story's own; a weak date may be a later day (a
        // fetch, an edit), so it gives only the year.
        let date = match dateline_day {
            Some((month, day)) => year_before(weak, month, day).unwrap_or(weak),
            None => weak,
        };
        if let Some(what) = stamp {
            warnings.push(format!(
                "publication date {} taken from {what}",
                date.to_schema_string()
            ));
        } else if date != weak {
            warnings.push(format!(
                "the dateline gives no year: publication date {} takes its year from the \
                 page's date {}",
                date.to_schema_string(),
                weak.to_schema_string()
            ));
        }
        return Some(date);
    }
    if let Some((date, _, warning)) = page_reading {
        warnings.push(warning);
        return Some(date);
    }
    let (month, day) = dateline_day?;
    // The paragraph of the yearless dateline, else the header line of the yearless date.
    let dateline_lede = openings
        .iter()
        .copied()
        .find(|para| header::month_day_in_dateline(para).is_some());
    let lede = dateline_lede.or(header_day.map(|(line, _)| line));
    let (year, why) = readings
        .map(|(r, _)| (r.date.year(), "the year of the page's numeric date"))
        // An HTML page's copyright line is its site footer's, printed in the year it was
        // fetched, not the story's.
        .or_else(|| {
            (p.format != SourceFormat::Html)
                .then(|| header::copyright_year(&p.body))
                .flatten()
                .map(|y| (y, "the copyright line"))
        })
        .or_else(|| {
            header::year_from_lede(lede?, month, day)
                .map(|y| (y, "a date of the dateline's paragraph"))
        })
        .or_else(|| {
            header::year_from_weekday(&p.body, lede?, month, day, Utc::now().year()).map(|y| {
                (
                    y,
                    "the weekday its paragraph names, after the years the page names",
                )
            })
        })?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let undated = match dateline_lede {
        Some(_) => "the dateline",
        None => "the page's header date",
    };
    warnings.push(format!(
        "{undated} gives no year: publication date {date} takes its year from {why}"
    ));
    Some(PubDate {
        date,
        precision: DatePrecision::Day,
    })
}

/// A date of month (or year) precision narrowed to the day a dateline or header line gives in
/// that month ("date: 2021-02" over "HARLOW, Feb. 16 (Agency) -", a URL's /2021/02/): both are
/// the page's, and the dateline's is finer. A day in another month leaves the date as it is.
fn day_of_month(date: PubDate, dateline_day: Option<(u32, u32)>) -> PubDate {
    let narrowed = dateline_day.and_then(|(month, day)| match date.precision {
        DatePrecision::Month if date.date.month() == month => {
            NaiveDate::from_ymd_opt(date.date.year(), month, day)
        }
        _ => None,
    });
    match narrowed {
        Some(day) => PubDate {
            date: day,
            precision: DatePrecision::Day,
        },
        None => date,
    }
}

/// The dateline's `month` and `day` in the year of `weak`, or the year before when that day
/// would fall more than a few days after it: a story is filed before it is fetched or edited,
/// but a stamp can be a day early (a time zone behind the dateline's, a story dated for the
/// morning it runs).
fn year_before(weak: PubDate, month: u32, day: u32) -> Option<PubDate> {
    let year = weak.date.year();
    let date = match weak.precision {
        // The latest of the stamp's year, the one after and the one before in which that day
        // exists and falls no more than the slack after the stamp (29 February only in a leap
        // year; 1 January next to a stamp of 30 December).
        DatePrecision::Day => {
            let latest = weak.date + chrono::Duration::days(STAMP_SLACK_DAYS);
            [year + 1, year, year - 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .find(|d| *d <= latest)?
        }
        DatePrecision::Month => {
            NaiveDate::from_ymd_opt(year - i32::from(month > weak.date.month()), month, day)?
        }
        _ => NaiveDate::from_ymd_opt(year, month, day)?,
    };
    Some(PubDate {
        date,
        precision: DatePrecision::Day,
    })
}

/// How many days after a weak date (a stamp) the dateline's day may fall and still be read in
/// the stamp's year.
const STAMP_SLACK_DAYS: i64 = 3;

/// What the warning of a dotted date whose parts could be swapped says.
pub(crate) const DAY_OR_MONTH: &str = "could be day or month first";

/// The warning of an article whose publication date could not be found.
pub const NO_PUBLICATION_DATE: &str = "no publication date found (header, byline, file name): \
     relative dates such as 'on Sunday' cannot be resolved, so only events dated with a year are kept";

#[cfg(test)]
mod tests {
    use super::*;

    fn published(p: ParsedArticle, file: &str) -> (Option<String>, Vec<String>) {
        let a = finish_article(p, Path::new(file), file.to_owned());
        (a.published.map(|d| d.to_schema_string()), a.warnings)
    }

    fn text(body: &str) -> ParsedArticle {
        text::parse_text(&clean::clean_text(body))
    }

    #[test]
    fn a_header_date_without_a_year_takes_it_from_the_page() {
        // A broadcaster's page prints the current year's dates without the year; its
        // copyright line gives it.
        let page = "Drones hit a depot near Harlow\n\nBy Lena Ortiz\nWorld desk\n\n\
                    16 February\n\nDrones hit a depot on Sunday.\n\n© 2021 Example \
                    Broadcasting";
        let (date, warnings) = published(text(page), "a.txt");
        assert_eq!(date.as_deref(), Some("2021-02-16"));
        assert!(warnings[0].contains("copyright"), "{warnings:?}");
        // A newsletter's masthead title with the day.
        let brief = "Gulf Brief — Tuesday, February 16\n\nDrones hit a depot on Sunday.\n\n\
                     © 2021 Gulf Brief";
        assert_eq!(
            published(text(brief), "a.txt").0.as_deref(),
            Some("2021-02-16")
        );
        // Without a year anywhere, the day stays unread; a date in a body sentence is not the
        // page's.
        let bare = "Drones hit a depot near Harlow\n\n16 February\n\nDrones hit a depot.";
        assert_eq!(published(text(bare), "a.txt").0, None);
        let told = "Drones hit a depot near Harlow\n\nOfficials recalled that on 3 March 2019 \
                    drones had hit the same depot.\n\nDrones hit it again on Sunday.";
        assert_eq!(published(text(told), "a.txt").0, None);
    }

    #[test]
    fn pages_dated_by_their_address_a_weekday_or_their_edition() {
        // The address under the headline.
        let page = "Rockets hit a base near Karvan\nSource: https://lakeside.example/news/2021/06/29/rockets-karvan\n\nKARVAN — Rockets hit a coalition base on Monday evening, the military said, hours after American jets struck militia depots on both sides of the border.";
        assert_eq!(
            published(text(page), "a.txt").0.as_deref(),
            Some("2021-06-29")
        );
        // A numeric date whose order the printed weekday settles: 10 August 2018 was a Friday.
        let page = "Airstrike hits a market in Karvan\n\nFriday 10/08/2018 - 12:05\n\nKARVAN — An airstrike hit a market on Thursday, killing dozens of people, health officials said on Friday in a statement.";
        assert_eq!(
            published(text(page), "a.txt").0.as_deref(),
            Some("2018-08-10")
        );
        // A monthly bulletin's month.
        let md = "# Regional Security Bulletin\n\n**Karvan Province — May 2019 (monthly edition)**\n\nGunmen attacked two villages on the night of 4 to 5 May.\n";
        let (date, _) = published(markdown::parse_markdown(md), "a.md");
        assert_eq!(date.as_deref(), Some("2019-05"));
        // A date that a sentence of the story gives dates the attack, not the page.
        let told = "Airstrike hits a market in Karvan\n\nOn Thursday, 9 August 2018, an airstrike hit a market in Karvan, killing dozens of people, health officials said in a statement.\n\nThe coalition said it would investigate.";
        assert_eq!(published(text(told), "a.txt").0, None);
    }

    #[test]
    fn a_month_from_the_url_takes_the_dateline_s_day() {
        let mut p = text("Drones hit a depot\n\nHARLOW, Feb. 16 (Wire) - Drones hit a depot.");
        p.url = Some("https://news.example.org/2021/02/drones-hit-depot".into());
        assert_eq!(published(p, "a.txt").0.as_deref(), Some("2021-02-16"));
        // A dateline of another month leaves the month as it is.
        let mut p = text("Drones hit a depot\n\nHARLOW, March 1 (Wire) - Drones hit a depot.");
        p.url = Some("https://news.example.org/2021/02/drones-hit-depot".into());
        assert_eq!(published(p, "a.txt").0.as_deref(), Some("2021-02"));
    }

    #[test]
    fn an_archive_copy_is_dated_by_its_address_else_warned_by_its_capture() {
        let page = "The Wayback Machine - https://web.archive.org/web/20210217101500/\
                    https://news.example.org/world/drones-hit-depot\n\nDrones hit a depot\n\n\
                    Drones hit a depot on Sunday.";
        let (date, warnings) = published(text(page), "a.txt");
        assert_eq!(date.as_deref(), Some("2021-02-17"));
        assert!(
            warnings.iter().any(|w| w.contains("capture")),
            "{warnings:?}"
        );
        let dated = page.replace("world/drones", "world/2021/02/16/drones");
        assert_eq!(
            published(text(&dated), "a.txt").0.as_deref(),
            Some("2021-02-16")
        );
    }

    #[test]
    fn a_byline_date_below_a_cookie_notice_and_a_menu() {
        let notice = "We use cookies and similar technologies to measure audiences and to \
                      personalise content and ads; you can change your choices at any time in \
                      the settings at the foot of the page.";
        let lede = "HARLOW — Drones struck a fuel depot outside the port on Sunday, killing two \
                    guards and setting fire to three tanks, police and witnesses said on Monday \
                    morning.";
        let page = format!(
            "We value your privacy\n{notice}\n[Accept]\n\nSkip to content\nWorld | Region\n\n\
             Drones hit a depot near Harlow\n\nBy Staff\nFeb. 15, 2021 | Updated 7:41 a.m. \
             ET\n\n{lede}\n\n{lede}"
        );
        assert_eq!(
            published(text(&page), "a.txt").0.as_deref(),
            Some("2021-02-15")
        );
        // A date line after two paragraphs of the story is not the page's.
        let late = format!(
            "Drones hit a depot\n\n{lede}\n\n{lede}\n\nFeb. 15, 2021 | Desk\n\nMore.\n\n\
             Still more.\n\nThe end."
        );
        assert_eq!(published(text(&late), "a.txt").0, None);
    }

    #[test]
    fn a_foot_note_on_when_the_story_first_ran() {
        let page = "Drones hit a depot\n\nHARLOW — Drones hit a depot on Saturday.\n\n\
                    This article was first published on 16 October 2017.";
        assert_eq!(
            published(text(page), "a.txt").0.as_deref(),
            Some("2017-10-16")
        );
        let posted = "Drones hit a depot\n\nDrones hit a depot on Saturday.\n\n\
                      The story was originally posted on Oct. 16, 2017 by the desk";
        assert_eq!(
            published(text(posted), "a.txt").0.as_deref(),
            Some("2017-10-16")
        );
        // A sentence about another article is no note on this one.
        let other = "Drones hit a depot\n\nThis article's author said a report was published \
                     on 16 October 2017.";
        assert_eq!(published(text(other), "a.txt").0, None);
    }

    #[test]
    fn a_numeric_page_date_read_by_the_weekdays_the_text_names() {
        // 3 July 2019 was a Wednesday, 7 March 2019 a Thursday: "said Wednesday" and "late
        // Tuesday" tell the day-first reading, in spite of the US style of the weekdays.
        let page = "Air strike hits a camp\n\nPublished on : 03/07/2019 - 14:52\n\nHARLOW \
                    (Wire) – An air strike hit a camp overnight, killing 40, officials said \
                    Wednesday.\n\nThe raid late Tuesday struck a hangar.";
        let (date, warnings) = published(text(page), "a.txt");
        assert_eq!(date.as_deref(), Some("2019-07-03"));
        assert!(warnings[0].contains("weekdays"), "{warnings:?}");
    }

    #[test]
    fn an_ambiguous_page_date_is_settled_by_the_dateline_or_left_unread() {
        let (date, warnings) = published(
            text("06/08/2021\n\nHARLOW, Aug 6 (Courier) - Drones hit a depot on Friday."),
            "a.txt",
        );
        assert_eq!(date.as_deref(), Some("2021-08-06"));
        assert!(warnings[0].contains("read as 2021-08-06"), "{warnings:?}");
        let (date, _) = published(
            text("06/08/2021\n\nHARLOW, 8 June — Drones hit a depot on Tuesday."),
            "a.txt",
        );
        assert_eq!(date.as_deref(), Some("2021-06-08"));
        // The month of a dated URL or file name settles it too.
        let (date, warnings) = published(
            text("06/08/2021\n\nDrones hit a depot on Friday."),
            "2021-06_digest.txt",
        );
        assert_eq!(date.as_deref(), Some("2021-06-08"));
        assert!(warnings[0].contains("gives that month"), "{warnings:?}");
        // Nothing tells the order (no date, weekday or style in the text): the US order by
        // default, and the warning says so.
        let (date, warnings) =
            published(text("06/08/2021\n\nDrones hit a depot at dawn."), "a.txt");
        assert_eq!(date.as_deref(), Some("2021-06-08"));
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("could be day or month first") && w.contains("by default")),
            "{warnings:?}"
        );
        assert!(!warnings.contains(&NO_PUBLICATION_DATE.to_string()));
    }

    #[test]
    fn an_ambiguous_page_date_is_settled_by_the_days_the_text_reports() {
        let read = |page: &str| {
            let (date, warnings) = published(text(page), "a.txt");
            assert!(
                warnings
                    .iter()
                    .any(|w| w.contains(DAY_OR_MONTH) && !w.contains("default")),
                "{warnings:?}"
            );
            date
        };
        // A page is published on or shortly after the days it reports.
        assert_eq!(
            read("03/12/2020\n\nRockets hit the depot on Wednesday, March 11, the army said.")
                .as_deref(),
            Some("2020-03-12")
        );
        assert_eq!(
            read("03/12/2020\n\nRockets hit the depot on Wednesday, 2 December, the army said.")
                .as_deref(),
            Some("2020-12-03")
        );
        // A background date fits neither reading; its order (day first) tells the convention.
        assert_eq!(
            read("03/12/2020\n\nRockets hit the depot. The truce of 14 January 2019 is over.")
                .as_deref(),
            Some("2020-12-03")
        );
        assert_eq!(
            read("03/12/2020\n\nRockets hit the depot. The truce of January 14, 2019 is over.")
                .as_deref(),
            Some("2020-03-12")
        );
        // "were killed Wednesday", "said Tuesday": the US newsroom style.
        assert_eq!(
            read("03/12/2020\n\nTwo guards were killed Wednesday evening when rockets hit.")
                .as_deref(),
            Some("2020-03-12")
        );
    }

    #[test]
    fn a_weekday_after_a_verb_is_us_style_but_not_after_on_or_as_a_possessive() {
        assert!(header::us_weekday_without_on(
            "Officials said Tuesday that it fell."
        ));
        assert!(!header::us_weekday_without_on(
            "Officials said on Tuesday that it fell."
        ));
        assert!(!header::us_weekday_without_on(
            "Officials reported Tuesday's raid."
        ));
    }

    #[test]
    fn a_dateline_with_its_date_a_url_and_a_file_name() {
        let story = "Drones hit a depot\n\nHARLOW (Courier) — August 6, 2021 — Drones hit a depot.";
        assert_eq!(
            published(text(story), "a.txt").0.as_deref(),
            Some("2021-08-06")
        );
        let mixed = "Drones hit a depot\n\nHarlow, Aug. 6, 2021 (Courier) — Drones hit a depot.";
        assert_eq!(
            published(text(mixed), "a.txt").0.as_deref(),
            Some("2021-08-06")
        );
        let mut p = text("Drones hit a depot on Friday.");
        p.url = Some("https://example.com/world/2021/08/06/drones".into());
        assert_eq!(published(p, "a.txt").0.as_deref(), Some("2021-08-06"));
        let p = text("Drones hit a depot on Friday.");
        assert_eq!(
            published(p, "drones_20210806.txt").0.as_deref(),
            Some("2021-08-06")
        );
        // A record's time stamp is weaker than the URL's date.
        let json = r#"{"ts": 1629676800, "url": "https://example.com/2021/08/06/drones", "text": "Drones hit a depot."}"#;
        let record = json::parse_json(json, false)
            .unwrap()
            .records
            .remove(0)
            .article;
        assert_eq!(published(record, "a.json").0.as_deref(), Some("2021-08-06"));
    }

    #[test]
    fn a_dateline_without_a_year_takes_it_from_the_page_or_stays_undated() {
        let copyright = "Drones hit a depot\n\nHARLOW, Aug 6 (Courier) - Drones hit a depot \
                         on Friday.\n\nCopyright 2021 The Courier.";
        let (date, warnings) = published(text(copyright), "a.txt");
        assert_eq!(date.as_deref(), Some("2021-08-06"));
        assert!(warnings[0].contains("copyright"), "{warnings:?}");
        // A background year is not the story's (a lede naming no weekday).
        let one_year = "Drones hit a depot\n\nHARLOW, Aug 6 (Courier) - Drones hit a depot \
                        at dawn. In 2003 the army invaded the valley.";
        assert_eq!(published(text(one_year), "a.txt").0, None);
        let lede = "Drones hit a depot\n\nHARLOW, Aug 6 (Courier) - Drones hit a depot \
                    on Friday, August 4, 2021.";
        assert_eq!(
            published(text(lede), "a.txt").0.as_deref(),
            Some("2021-08-06")
        );
        // A copyright range gives its last year.
        let range = "Drones hit a depot\n\nHARLOW, Aug 6 (Courier) - Drones hit a depot \
                     on Friday.\n\n© 2010-2021 The Courier";
        assert_eq!(
            published(text(range), "a.txt").0.as_deref(),
            Some("2021-08-06")
        );
        // An HTML page's copyright line is its site footer's.
        let page = html::parse_html(
            "<html><body><p>HARLOW, Aug 6 (Courier) - Drones hit a depot on Friday.</p>\
             <footer>© 2024 The Courier</footer></body></html>",
        );
        assert_eq!(published(page, "a.html").0, None);
        let two_years = "Drones hit a depot\n\nHARLOW, Aug 6 (Courier) - Drones hit a depot \
                         at dawn. Raids began in 2019 and grew in 2020.";
        assert_eq!(published(text(two_years), "a.txt").0, None);
        let later = "Drones hit a depot\n\nHARLOW, Jan 6 (Courier) - Drones hit a depot at \
                     dawn, a week after the raid of December 30, 2020.";
        assert_eq!(published(text(later), "a.txt").0, None);
        // Last, the weekday the lede names: 6 August is a Friday in 2021, the first year from
        // 2020, the latest the page names.
        let weekday = "Drones hit a depot\n\nHARLOW, Aug 6 (Courier) - Drones hit a depot \
                       on Friday.\n\nRaids began in 2019 and grew in 2020.";
        let (date, warnings) = published(text(weekday), "a.txt");
        assert_eq!(date.as_deref(), Some("2021-08-06"));
        assert!(warnings[0].contains("weekday"), "{warnings:?}");
    }

    #[test]
    fn a_time_stamp_gives_only_the_year_of_a_dateline_and_is_always_warned() {
        let record = |json: &str| {
            json::parse_json(json, true)
                .unwrap()
                .records
                .remove(0)
                .article
        };
        // The stamp is a later fetch: the dateline's day, in the year before the stamp's.
        let fetched = record(
            r#"{"ts": "2024-01-05T10:00:00Z", "text": "HARLOW, May 11 (Courier) - Drones hit a depot on Friday."}"#,
        );
        let (date, warnings) = published(fetched, "dump.jsonl");
        assert_eq!(date.as_deref(), Some("2023-05-11"));
        // The article warning is reported with its path: the message does not repeat it.
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("publication date 2023-05-11 taken from")
                    && w.contains("time stamp")),
            "{warnings:?}"
        );
        assert!(
            !warnings.iter().any(|w| w.contains("dump.jsonl")),
            "{warnings:?}"
        );
        let search_hit = record(
            r#"{"_source": {"@timestamp": "2024-06-20T10:00:00Z", "body": "HARLOW, May 11 (Courier) - Drones hit a depot."}}"#,
        );
        assert_eq!(
            published(search_hit, "hits.json").0.as_deref(),
            Some("2024-05-11")
        );
        // A stamp alone dates the record, with a warning.
        let (date, warnings) = published(
            record(r#"{"created_at": "2021-08-15", "text": "Drones hit a depot."}"#),
            "dump.jsonl",
        );
        assert_eq!(date.as_deref(), Some("2021-08-15"));
        assert!(
            warnings.iter().any(|w| w.contains("time stamp")),
            "{warnings:?}"
        );
        // A modified time as an HTML page's only date, a front matter's only `lastmod`.
        let page = html::parse_html(
            r#"<html><head><meta property="article:modified_time" content="2021-08-17T09:00:00Z"></head><body><p>Drones hit a depot.</p></body></html>"#,
        );
        let (date, warnings) = published(page, "a.html");
        assert_eq!(date.as_deref(), Some("2021-08-17"));
        assert!(
            warnings.iter().any(|w| w.contains("time stamp")),
            "{warnings:?}"
        );
        let front = markdown::parse_markdown("---\nlastmod: 2021-08-19\n---\nDrones hit a depot.");
        let (date, warnings) = published(front, "a.md");
        assert_eq!(date.as_deref(), Some("2021-08-19"));
        assert!(
            warnings.iter().any(|w| w.contains("time stamp")),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_stamp_a_day_before_the_dateline_keeps_its_year() {
        let record = |json: &str| {
            json::parse_json(json, true)
                .unwrap()
                .records
                .remove(0)
                .article
        };
        let date = |json: &str| published(record(json), "dump.jsonl").0;
        // Stamped late the evening before, in another time zone: the same year.
        assert_eq!(
            date(
                r#"{"ts": "2024-05-10T23:30:00Z", "text": "HARLOW, May 11 (Courier) - Drones hit a depot on Friday."}"#
            )
            .as_deref(),
            Some("2024-05-11")
        );
        // 29 February exists in the stamp's own year.
        assert_eq!(
            date(
                r#"{"created_at": "2024-02-28T20:00:00Z", "text": "HARLOW, Feb 29 (Courier) - Drones hit a depot."}"#
            )
            .as_deref(),
            Some("2024-02-29")
        );
        // A week after the stamp is last year's day; 1 January beside a stamp of 30 December is
        // the next year's.
        assert_eq!(
            date(
                r#"{"ts": "2024-05-04T10:00:00Z", "text": "HARLOW, May 11 (Courier) - Drones hit a depot."}"#
            )
            .as_deref(),
            Some("2023-05-11")
        );
        assert_eq!(
            date(
                r#"{"ts": "2024-12-30T22:00:00Z", "text": "HARLOW, Jan 1 (Courier) - Drones hit a depot."}"#
            )
            .as_deref(),
            Some("2025-01-01")
        );
    }

    #[test]
    fn a_dotted_date_is_warned_only_in_its_own_record() {
        let dir = std::env::temp_dir().join(format!("chronomap-dotrec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("dump.jsonl");
        std::fs::write(
            &file,
            "{\"text\": \"Date: 03.04.2021\\n\\nDrones hit a depot.\"}\n\
             {\"date\": \"2021-04-03\", \"text\": \"Rockets hit a port.\"}\n\
             {\"date\": \"03.04.2021\", \"text\": \"Shells hit a bridge.\"}\n",
        )
        .unwrap();
        let articles = read_file(&dir, &file, &LoadOptions::default()).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let day_or_month = |a: &Article| {
            a.warnings
                .iter()
                .filter(|w| w.contains("\"03.04.2021\" could be day or month first"))
                .count()
        };
        let dates: Vec<_> = articles
            .iter()
            .map(|a| a.published.map(|d| d.to_schema_string()))
            .collect();
        assert_eq!(dates, vec![Some("2021-04-03".to_owned()); 3]);
        assert_eq!(day_or_month(&articles[0]), 1, "{:?}", articles[0].warnings);
        // The ISO date of the second record is not the first record's dotted one.
        assert_eq!(day_or_month(&articles[1]), 0, "{:?}", articles[1].warnings);
        assert_eq!(day_or_month(&articles[2]), 1, "{:?}", articles[2].warnings);
    }

    #[test]
    fn a_dotted_date_that_reads_both_ways_is_warned() {
        let dir = std::env::temp_dir().join(format!("chronomap-dotted-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let read = |name: &str, page: &str| {
            let file = dir.join(name);
            std::fs::write(&file, page).unwrap();
            let a = read_file(&dir, &file, &LoadOptions::default())
                .unwrap()
                .remove(0);
            (a.published.map(|d| d.to_schema_string()), a.warnings)
        };
        let (date, warnings) = read(
            "both.txt",
            "Drones hit a depot\nDate: 03.04.2021\n\nHARLOW (Courier) - Drones hit a depot.",
        );
        assert_eq!(date.as_deref(), Some("2021-04-03"));
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("\"03.04.2021\" could be day or month first")),
            "{warnings:?}"
        );
        // 13.04.2021 can only be 13 April.
        let (date, warnings) = read(
            "plain.txt",
            "Drones hit a depot\nDate: 13.04.2021\n\nHARLOW (Courier) - Drones hit a depot.",
        );
        assert_eq!(date.as_deref(), Some("2021-04-13"));
        assert!(warnings.is_empty(), "{warnings:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn odd_text_never_panics() {
        for body in [
            "İ\n\nİSTANBUL, Ağu 6 — ş",
            "06/08/2021",
            "—\n\n— , 06/08/2021 --",
            "Copyright ©",
            "HARLOW, Aug 6 (",
        ] {
            let _ = published(text(body), "İ_06082021_—.txt");
        }
    }
}
