//! The command line: `chronomap [FOLDER...]` opens the app, `chronomap extract PATH...` runs
//! ingest and extraction without a window and prints events@1 JSON, GeoJSON or CSV.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::{Article, CorpusWarning};
use crate::corpus::{BatchReader, CorpusError, LoadOptions};
use crate::export::{EVENTS_SCHEMA, csv, geojson};
use crate::extract::Event;

#[derive(Debug, Parser)]
#[command(
    name = "chronomap",
    version,
    about = "Strikes and attacks from a folder of news articles, on a map and a timeline"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folders or files to open in the app (default: the bundled sample corpus).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract events and print them (no window).
    Extract(ExtractArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The chronomap/events@1 document (docs/events-schema.md).
    Json,
    /// A FeatureCollection, one Point per event with a place.
    Geojson,
    /// One row per event, ACLED-like columns.
    Csv,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files or folders (walked recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Include each article's cleaned text (the text spans index into) in JSON output.
    #[arg(long)]
    pub with_text: bool,
    /// Skip files larger than this many megabytes.
    #[arg(long, default_value_t = 20)]
    pub max_file_mb: u64,
    /// Print the time of each phase (reading with most of the extraction overlapped, the rest
    /// of the extraction, clustering, output) and the article text size to standard error, for
    /// speed measurements (`tools/extract_speed.py`).
    #[arg(long)]
    pub timings: bool,
}

/// The allocator of every binary that links this crate (the app, the CLI, tests, benches).
/// Extraction makes and drops many small strings per sentence; with mimalloc `chronomap
/// extract` spent ~20 % less CPU time than with the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's C API (linked in through the `mimalloc` crate; `mi_option_set` is part of the
// compiled library whatever the Rust crate's features).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (the same index in its v2 and v3).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Keeps freed memory in the process instead of handing it back to the OS after 10 ms (the
/// default). `chronomap extract` frees each batch's text and tokens and allocates the next
/// batch's a moment later; returned pages come back as fresh pages the kernel must zero, which
/// cost ~1.3 of ~20 CPU-s per 100 MB (system time 2.7 -> 1.4 s with `MIMALLOC_PURGE_DELAY=-1`)
/// for ~30 MB more peak memory. A one-shot batch process; the app keeps the default.
fn keep_freed_memory() {
    // SAFETY: sets a process-wide integer option; mimalloc reads options atomically and
    // accepts a change at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Exit code when the corpus could not be read at all (missing path, nothing readable).
pub const EXIT_NO_CORPUS: u8 = 2;
/// Exit code when the output could not be written.
pub const EXIT_WRITE_FAILED: u8 = 1;

/// Files read per batch in `chronomap extract` (a few MB of text).
const BATCH_FILES: usize = 1024;
/// Batches read but not yet extracted, once extraction can start.
const READ_AHEAD_BATCHES: usize = 2;

/// The batches' items in order, in one vector allocated once.
fn concat_batches<T>(batches: Vec<Vec<T>>) -> Vec<T> {
    let mut all = Vec::with_capacity(batches.iter().map(Vec::len).sum());
    for batch in batches {
        all.extend(batch);
    }
    all
}

/// Prints why the corpus could not be read (and the warnings of a corpus with nothing
/// readable); returns the exit code.
fn no_corpus(e: &CorpusError) -> u8 {
    if let CorpusError::NothingReadable { warnings, .. } = e {
        for w in warnings {
            eprintln!("warning: {w}");
        }
        eprintln!("{} warning(s)", warnings.len());
    }
    eprintln!("chronomap: error: {e}");
    EXIT_NO_CORPUS
}

/// Runs `chronomap extract`; returns the process exit code.
pub fn run_extract(args: &ExtractArgs) -> u8 {
    keep_freed_memory();
    let mut clock = PhaseClock::start();
    // The gazetteer (~100k names, an automaton) is built while the files are read, on a thread
    // of its own; extraction waits for it only if ingest finished first.
    let warm_gazetteer = std::thread::spawn(|| {
        crate::extract::gazetteer::Gazetteer::global();
    });
    let opts = LoadOptions {
        max_file_bytes: args.max_file_mb.saturating_mul(1024 * 1024),
    };
    let mut reader = match BatchReader::new(&args.paths, &opts) {
        Ok(r) => r,
        Err(e) => return no_corpus(&e),
    };
    // Only the CSV (evidence sentences) and `--with-text` read the text after extraction.
    let text_needed = args.format == OutputFormat::Csv || args.with_text;
    let extract_batch = |mut batch: Vec<Article>| {
        let events = if text_needed {
            crate::extract::extract_each_article(&batch)
        } else {
            crate::extract::extract_each_article_releasing_text(&mut batch)
        };
        (batch, events)
    };
    // Files are read a batch at a time while the batch before is extracted (both in parallel
    // on the same threads), so reading overlaps extraction and, when the text is not needed
    // afterwards, only a few batches of text are alive at once instead of the whole corpus.
    // Until the gazetteer is built (on its own thread) batches are only read.
    // Batches are kept apart and joined once at the end with the exact capacity: growing one
    // vector by doubling would copy the events ~twice and touch twice the memory.
    let mut article_batches: Vec<Vec<Article>> = Vec::new();
    let mut event_batches: Vec<Vec<Event>> = Vec::new();
    let mut pending: std::collections::VecDeque<Vec<Article>> = Default::default();
    let mut text_bytes = 0usize;
    let mut all_read = false;
    while !all_read {
        let ready = warm_gazetteer.is_finished();
        let to_extract = if ready { pending.pop_front() } else { None };
        let read_more = !ready || pending.len() < READ_AHEAD_BATCHES;
        let (extracted, read) = rayon::join(
            || to_extract.map(extract_batch),
            || {
                if read_more {
                    reader.read_batch(BATCH_FILES)
                } else {
                    Some(Vec::new())
                }
            },
        );
        if let Some((batch, events)) = extracted {
            article_batches.push(batch);
            event_batches.push(events);
        }
        match read {
            Some(batch) if !batch.is_empty() => {
                text_bytes += batch.iter().map(|a| a.body.len()).sum::<usize>();
                pending.push_back(batch);
            }
            Some(_) => {}
            None => all_read = true,
        }
    }
    // Reading and most of the extraction overlap: this lap is both.
    clock.lap("read_and_extract");
    let _ = warm_gazetteer.join();
    clock.lap("gazetteer_wait");
    for batch in pending {
        let (batch, events) = extract_batch(batch);
        article_batches.push(batch);
        event_batches.push(events);
    }
    let corpus = match reader.finish(concat_batches(article_batches)) {
        Ok(c) => c,
        Err(e) => return no_corpus(&e),
    };
    clock.lap("extract_rest");
    let events = crate::extract::cluster::cluster_events(
        concat_batches(event_batches),
        crate::extract::gazetteer::Gazetteer::global(),
    );
    clock.lap("cluster");
    {
        let mut stderr = std::io::stderr().lock();
        for w in &corpus.warnings {
            let _ = writeln!(stderr, "warning: {w}");
        }
    }

    // The document is streamed into a buffered writer: a 100 MB corpus gives tens of MB of
    // JSON, which need not exist as one string first.
    let fill = |w: &mut dyn Write| -> std::io::Result<()> {
        match args.format {
            OutputFormat::Json => write_events_document(
                w,
                &corpus.articles,
                &events,
                &corpus.warnings,
                args.with_text,
            ),
            OutputFormat::Geojson => {
                w.write_all(geojson::events_geojson_string(&corpus.articles, &events).as_bytes())?;
                w.write_all(b"\n")
            }
            OutputFormat::Csv => {
                w.write_all(csv::events_csv_string(&corpus.articles, &events).as_bytes())
            }
        }
    };
    let written = match &args.out {
        Some(path) => crate::export::write_atomic_with(path, fill),
        None => {
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match fill(&mut stdout).and_then(|_| stdout.flush()) {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
    };
    if args.timings {
        clock.lap("output");
        eprintln!(
            "timings: {} text_bytes={text_bytes} threads={}",
            clock.report(),
            rayon::current_num_threads(),
        );
    }
    eprintln!(
        "{} warning(s); {} article(s), {} event(s)",
        corpus.warnings.len(),
        corpus.articles.len(),
        events.len()
    );
    // The process ends right after this: freeing hundreds of thousands of strings one by one
    // would only delay the exit (the OS takes the memory back at once).
    std::mem::forget(corpus);
    std::mem::forget(events);
    if let Err(e) = written {
        eprintln!("chronomap: error: cannot write output: {e}");
        return EXIT_WRITE_FAILED;
    }
    0
}

/// Wall and CPU time of the phases of one run, for `--timings`. CPU time (of all threads)
/// says how much work a phase was even when other processes share the cores.
struct PhaseClock {
    started: (Instant, Option<f64>),
    last: (Instant, Option<f64>),
    laps: Vec<(&'static str, f64, Option<f64>)>,
}

impl PhaseClock {
    fn start() -> Self {
        let now = (Instant::now(), process_cpu_seconds());
        Self {
            started: now,
            last: now,
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, phase: &'static str) {
        let now = (Instant::now(), process_cpu_seconds());
        let cpu = now.1.zip(self.last.1).map(|(b, a)| b - a);
        self.laps
            .push((phase, (now.0 - self.last.0).as_secs_f64(), cpu));
        self.last = now;
    }

    /// `ingest=0.412s/0.801cpu … total=…`: wall seconds, then CPU seconds when known.
    fn report(&self) -> String {
        let total = (
            "total",
            (self.last.0 - self.started.0).as_secs_f64(),
            self.last.1.zip(self.started.1).map(|(b, a)| b - a),
        );
        self.laps
            .iter()
            .chain(std::iter::once(&total))
            .map(|&(name, wall, cpu)| match cpu {
                Some(c) => format!("{name}={wall:.3}s/{c:.2}cpu"),
                None => format!("{name}={wall:.3}s"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// User plus system CPU seconds of this process (all threads) from `/proc/self/stat`; `None`
/// where there is no procfs.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at state, field 3;
    // utime and stime are fields 14 and 15, in clock ticks of 1/100 s on Linux.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split(' ').skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Writes the events@1 document exactly as `serde_json::to_writer_pretty(EventsDocument)`
/// followed by a line break would, but serialises the article and event records in parallel
/// chunks (a 100 MB corpus gives ~200 MB of JSON) and without cloning the events into an
/// `EventsDocument` first.
pub fn write_events_document(
    w: &mut dyn Write,
    articles: &[Article],
    events: &[Event],
    warnings: &[CorpusWarning],
    with_text: bool,
) -> std::io::Result<()> {
    w.write_all(b"{\n  \"schema\": ")?;
    serde_json::to_writer(&mut *w, EVENTS_SCHEMA).map_err(std::io::Error::other)?;
    w.write_all(b",\n  \"articles\": ")?;
    write_pretty_array(w, articles, |a, buf| {
        pretty_at_depth_two(&ArticleRecordRef::new(a, with_text), buf)
    })?;
    w.write_all(b",\n  \"events\": ")?;
    write_pretty_array(w, events, pretty_at_depth_two)?;
    w.write_all(b",\n  \"warnings\": ")?;
    write_pretty_array(w, warnings, pretty_at_depth_two)?;
    w.write_all(b"\n}\n")
}

/// Serialises `value` in serde_json's pretty layout as if it sat two levels deep (an element
/// of a top-level array member), so no re-indenting pass over the bytes is needed.
fn pretty_at_depth_two<T: serde::Serialize + ?Sized>(
    value: &T,
    buf: &mut Vec<u8>,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(buf, NestedPretty::at_depth(2));
    value.serialize(&mut ser)
}

/// serde_json's `PrettyFormatter` (two spaces per level) starting at a given depth; serde_json
/// offers no way to start its own formatter deeper than the top.
struct NestedPretty {
    depth: usize,
    has_value: bool,
}

impl NestedPretty {
    fn at_depth(depth: usize) -> Self {
        Self {
            depth,
            has_value: false,
        }
    }

    fn line_break<W: ?Sized + Write>(&self, w: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8] = b"\n                                                                ";
        let want = 1 + 2 * self.depth;
        if want <= SPACES.len() {
            return w.write_all(&SPACES[..want]);
        }
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line_break(w)?;
        }
        w.write_all(bracket)
    }

    fn member<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.line_break(w)
    }
}

impl serde_json::ser::Formatter for NestedPretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.member(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.member(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// An article as the document lists it (`ArticleRecord`'s fields and layout), borrowing from
/// the article instead of cloning its strings: with 68k articles the clones were a tenth of
/// the writer's work. `parallel_document_writer_matches_serde_json` checks the bytes against
/// `ArticleRecord`.
#[derive(serde::Serialize)]
struct ArticleRecordRef<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    published: Option<String>,
    published_precision: Option<crate::corpus::DatePrecision>,
    source: Option<&'a str>,
    warnings: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

impl<'a> ArticleRecordRef<'a> {
    fn new(a: &'a Article, with_text: bool) -> Self {
        Self {
            id: &a.id,
            path: &a.rel_path,
            title: &a.title,
            published: a.published.map(|p| p.to_schema_string()),
            published_precision: a.published.map(|p| p.precision),
            source: a.source.as_deref(),
            warnings: &a.warnings,
            text: with_text.then_some(a.body.as_str()),
        }
    }
}

/// Serialised bytes aimed at per chunk: big enough that a chunk is worth a task, small enough
/// that the chunks in flight stay a few MB (an event with hundreds of mentions is ~100 kB, an
/// article record ~300 bytes, so a fixed count of records per chunk fits neither).
const CHUNK_BYTES: usize = 256 * 1024;
/// Chunks serialised in parallel before they are written, per thread.
const CHUNKS_PER_THREAD: usize = 4;

/// An array member of the document's top-level object, in serde_json's pretty layout (two
/// spaces per level; elements at the second level). Batches of chunks are serialised in
/// parallel, then written in order; the number of records per chunk follows the size of the
/// records seen so far, so the memory in flight stays bounded (the bytes written do not
/// depend on the chunking).
fn write_pretty_array<T: Sync>(
    w: &mut dyn Write,
    items: &[T],
    pretty: impl Fn(&T, &mut Vec<u8>) -> serde_json::Result<()> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    let chunks_per_batch = CHUNKS_PER_THREAD * rayon::current_num_threads().max(1);
    // A small first guess: the first batch measures the records.
    let mut per_chunk = 8usize;
    let mut next = 0;
    while next < items.len() {
        let end = items.len().min(next + per_chunk * chunks_per_batch);
        let batch = &items[next..end];
        let parts: Vec<std::io::Result<Vec<u8>>> = batch
            .par_chunks(per_chunk)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::with_capacity(CHUNK_BYTES + CHUNK_BYTES / 4);
                for (i, item) in chunk.iter().enumerate() {
                    let first = next == 0 && c == 0 && i == 0;
                    buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    pretty(item, &mut buf).map_err(std::io::Error::other)?;
                }
                Ok(buf)
            })
            .collect();
        let mut bytes = 0;
        for part in parts {
            let part = part?;
            bytes += part.len();
            w.write_all(&part)?;
        }
        per_chunk = (CHUNK_BYTES * batch.len() / bytes.max(1)).clamp(1, 4096);
        next = end;
    }
    w.write_all(b"\n  ]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::EventsDocument;

    /// The parallel writer gives byte for byte what serde_json gives for the whole document,
    /// across chunk and batch boundaries, with and without warnings and text.
    #[test]
    fn parallel_document_writer_matches_serde_json() {
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-corpus");
        let corpus =
            crate::corpus::load_corpus(&[sample], &LoadOptions::default()).expect("sample corpus");
        let events = crate::extract::extract_corpus(&corpus.articles);
        assert!(!events.is_empty());
        // Many batches of chunks, whose sizes change as the writer measures the records, so
        // every kind of boundary is crossed.
        let articles: Vec<Article> = (0..430)
            .flat_map(|_| corpus.articles.iter().cloned())
            .collect();
        assert!(articles.len() > 256 * 64);
        let many_events: Vec<Event> = (0..20).flat_map(|_| events.iter().cloned()).collect();
        let warnings = [
            CorpusWarning {
                path: "a/b.txt".into(),
                message: "empty file, skipped \"quoted\"\nsecond line".into(),
            },
            CorpusWarning {
                path: "c.json#3".into(),
                message: "no article text found".into(),
            },
        ];
        for (arts, evs, warns, with_text) in [
            (&articles[..], &many_events[..], &warnings[..], false),
            (&corpus.articles[..], &events[..], &[][..], true),
            (&[][..], &[][..], &[][..], false),
        ] {
            let mut ours = Vec::new();
            write_events_document(&mut ours, arts, evs, warns, with_text).unwrap();
            let mut expected = EventsDocument::new(arts, evs, warns, with_text).to_json_pretty();
            expected.push('\n');
            assert!(
                ours == expected.as_bytes(),
                "documents differ ({} vs {} bytes)",
                ours.len(),
                expected.len()
            );
        }
    }
}
