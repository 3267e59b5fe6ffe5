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
mod text;
mod types;
mod walk;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

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
    let mut articles: Vec<Article> = parsed
        .into_iter()
        .filter(|(_, p)| !p.body.trim().is_empty())
        .map(|(record, p)| {
            let rel_path = match record {
                Some(n) => format!("{rel}#{n}"),
                None => rel.clone(),
            };
            finish_article(p, file, rel_path)
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
fn finish_article(p: ParsedArticle, file: &Path, rel_path: String) -> Article {
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
    // A page whose header carries no date may still print one on a labelled line ("Published
    // 5 May 2020" at its foot), else its file name may carry one, else a bare date at its foot.
    let published = p
        .published
        .or_else(|| header::labelled_date_in_text(&p.body))
        .or_else(|| {
            file.file_name()
                .and_then(|n| header::date_from_file_name(&n.to_string_lossy()))
        })
        .or(p.leading_date)
        // A date printed at the foot is weaker than the file's name: a foot line can be the
        // last entry of a timeline.
        .or_else(|| header::date_at_foot(&p.body));
    let mut warnings = p.warnings;
    // Without a publication date, "on Sunday" or "last week" cannot be placed in time, so the
    // article's events that rest on such dates are left out: say so, or the article looks read.
    if published.is_none() {
        warnings.push(NO_PUBLICATION_DATE.to_string());
    }
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

/// The warning of an article whose publication date could not be found.
pub const NO_PUBLICATION_DATE: &str = "no publication date found (header, byline, file name): \
     relative dates such as 'on Sunday' cannot be resolved, so only events dated with a year are kept";
