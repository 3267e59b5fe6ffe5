//! The command line: `chronomap [FOLDER...]` opens the app, `chronomap extract PATH...` runs
//! ingest and extraction without a window and prints events@1 JSON, GeoJSON or CSV.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::{CorpusError, LoadOptions, load_corpus};
use crate::export::{EventsDocument, csv, geojson};

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
}

/// Exit code when the corpus could not be read at all (missing path, nothing readable).
pub const EXIT_NO_CORPUS: u8 = 2;
/// Exit code when the output could not be written.
pub const EXIT_WRITE_FAILED: u8 = 1;

/// Runs `chronomap extract`; returns the process exit code.
pub fn run_extract(args: &ExtractArgs) -> u8 {
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
    let events = crate::extract::extract_corpus(&corpus.articles);
    for w in &corpus.warnings {
        eprintln!("warning: {w}");
    }

    let output = match args.format {
        OutputFormat::Json => {
            let doc =
                EventsDocument::new(&corpus.articles, &events, &corpus.warnings, args.with_text);
            let mut s = doc.to_json_pretty();
            s.push('\n');
            s
        }
        OutputFormat::Geojson => {
            let mut s = geojson::events_geojson_string(&corpus.articles, &events);
            s.push('\n');
            s
        }
        OutputFormat::Csv => csv::events_csv_string(&corpus.articles, &events),
    };
    let written = match &args.out {
        Some(path) => crate::export::write_atomic(path, output.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.as_bytes())
                .and_then(|_| stdout.flush())
            {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
    };
    eprintln!(
        "{} warning(s); {} article(s), {} event(s)",
        corpus.warnings.len(),
        corpus.articles.len(),
        events.len()
    );
    if let Err(e) = written {
        eprintln!("chronomap: error: cannot write output: {e}");
        return EXIT_WRITE_FAILED;
    }
    0
}
