use std::process::ExitCode;

use clap::Parser;

use chronomap::cli::{Cli, Command, EXIT_NO_CORPUS, run_extract};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Extract(args)) => ExitCode::from(run_extract(&args)),
        None => open_app(cli.paths),
    }
}

/// No arguments: the bundled sample corpus. Otherwise the folders or files given.
fn open_app(mut paths: Vec<std::path::PathBuf>) -> ExitCode {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        eprintln!(
            "chronomap: error: {}: no such file or folder",
            missing.display()
        );
        return ExitCode::from(EXIT_NO_CORPUS);
    }
    if paths.is_empty() {
        paths.extend(chronomap::ui::default_corpus_path());
    }
    match chronomap::ui::run(paths) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chronomap: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
