//! The command line: `chronomap [FOLDER...]` opens the app, `chronomap extract PATH...` runs
//! ingest and extraction without a window and prints events@1 JSON, GeoJSON or CSV.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::{Article, CorpusWarning};
use crate::corpus::{CorpusError, LoadOptions, load_corpus};
use crate::export::{ArticleRecord, EVENTS_SCHEMA, csv, geojson};
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
    /// Print the time of each phase (ingest, extraction, output) and the article text size to
    /// standard error, for speed measurements (`tools/extract_speed.py`).
    #[arg(long)]
    pub timings: bool,
}

/// The allocator of every binary that links this crate (the app, the CLI, tests, benches).
/// Extraction makes and drops many small strings per sentence; with mimalloc `chronomap
/// extract` spent ~20 % less CPU time than with the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code when the corpus could not be read at all (missing path, nothing readable).
pub const EXIT_NO_CORPUS: u8 = 2;
/// Exit code when the output could not be written.
pub const EXIT_WRITE_FAILED: u8 = 1;

/// Runs `chronomap extract`; returns the process exit code.
pub fn run_extract(args: &ExtractArgs) -> u8 {
    let mut clock = PhaseClock::start();
    // The gazetteer (~100k names, an automaton) is built while the files are read, on a thread
    // of its own; extraction waits for it only if ingest finished first.
    let warm_gazetteer = std::thread::spawn(|| {
        crate::extract::gazetteer::Gazetteer::global();
    });
    let opts = LoadOptions {
        max_file_bytes: args.max_file_mb.saturating_mul(1024 * 1024),
    };
    let corpus = match load_corpus(&args.paths, &opts) {
        Ok(c) => c,
        Err(e) => {
            if let CorpusError::NothingReadable { warnings, .. } = &e {
                for w in warnings {
                    eprintln!("warning: {w}");
                }
                eprintln!("{} warning(s)", warnings.len());
            }
            eprintln!("chronomap: error: {e}");
            return EXIT_NO_CORPUS;
        }
    };
    clock.lap("ingest");
    let _ = warm_gazetteer.join();
    clock.lap("gazetteer_wait");
    let per_article = crate::extract::extract_each_article(&corpus.articles);
    clock.lap("articles");
    let events = crate::extract::cluster::cluster_events(
        per_article,
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
        let text_bytes: usize = corpus.articles.iter().map(|a| a.body.len()).sum();
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
        pretty_at_depth_two(&ArticleRecord::from_article(a, with_text), buf)
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

/// An array member of the document's top-level object, in serde_json's pretty layout (two
/// spaces per level; elements at the second level). Chunks of elements are serialised in
/// parallel, then written in order.
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
    const CHUNK: usize = 256;
    // Bounded batches keep memory flat: at most this many serialised chunks wait for writing.
    const BATCH: usize = 64;
    for (b, batch) in items.chunks(CHUNK * BATCH).enumerate() {
        let parts: Vec<std::io::Result<Vec<u8>>> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for (i, item) in chunk.iter().enumerate() {
                    let first = b == 0 && c == 0 && i == 0;
                    buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    pretty(item, &mut buf).map_err(std::io::Error::other)?;
                }
                Ok(buf)
            })
            .collect();
        for part in parts {
            w.write_all(&part?)?;
        }
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
        let corpus = load_corpus(&[sample], &LoadOptions::default()).expect("sample corpus");
        let events = crate::extract::extract_corpus(&corpus.articles);
        assert!(!events.is_empty());
        // More records than one batch of chunks (256 × 64), so every boundary is crossed.
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
