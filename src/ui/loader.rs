//! Loading a corpus on a background thread: list the files, read them one by one (so the
//! progress bar can say "N of M files"), extract each article's events as soon as it is read
//! and publish them in batches, then cluster across articles once and hand over the final store.
//! The UI polls the channel each frame; the thread wakes it with `request_repaint`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crate::corpus::{self, Article, CorpusWarning, LoadOptions};
use crate::extract::{self, Event};
use crate::store::Store;

/// Partial results are published at most this often, so a big corpus does not rebuild the
/// store for every file.
const BATCH_INTERVAL: Duration = Duration::from_millis(150);

/// What the loading thread reports.
#[derive(Debug)]
pub enum LoadUpdate {
    /// The files have been listed; `total` will be read.
    Listed { total: usize },
    /// `done` of `total` files read; `current` is the last file's path.
    Progress {
        done: usize,
        total: usize,
        current: String,
    },
    /// Articles read since the last batch, with the events found in each of them alone
    /// (before merging across articles), and the files skipped meanwhile.
    Batch {
        articles: Vec<Article>,
        events: Vec<Event>,
        warnings: Vec<CorpusWarning>,
    },
    /// Everything read and clustered: this store replaces the partial one.
    Finished(Box<Store>),
    /// Stopped by Cancel after `done` files; the partial results stay.
    Cancelled { done: usize },
    /// Nothing could be loaded at all (e.g. the path does not exist).
    Failed(String),
}

/// A load in progress. Dropping it cancels the thread's remaining work.
pub struct Loader {
    pub paths: Vec<PathBuf>,
    pub done: usize,
    pub total: Option<usize>,
    pub current: String,
    rx: Receiver<LoadUpdate>,
    cancel: Arc<AtomicBool>,
}

impl Loader {
    /// Starts the thread. `repaint` (the egui context) is woken after every message.
    pub fn start(paths: Vec<PathBuf>, repaint: Option<egui::Context>) -> Self {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let thread_paths = paths.clone();
        let thread_cancel = cancel.clone();
        std::thread::Builder::new()
            .name("chronomap-loader".into())
            .spawn(move || {
                let sink = Sink { tx, repaint };
                load(&thread_paths, &thread_cancel, &sink);
            })
            .expect("spawning the loader thread");
        Self {
            paths,
            done: 0,
            total: None,
            current: String::new(),
            rx,
            cancel,
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Messages that arrived since the last call; progress fields are updated on the way.
    pub fn poll(&mut self) -> Vec<LoadUpdate> {
        let mut out = Vec::new();
        while let Ok(update) = self.rx.try_recv() {
            match &update {
                LoadUpdate::Listed { total } => self.total = Some(*total),
                LoadUpdate::Progress {
                    done,
                    total,
                    current,
                } => {
                    self.done = *done;
                    self.total = Some(*total);
                    self.current.clone_from(current);
                }
                _ => {}
            }
            out.push(update);
        }
        out
    }

    /// Fraction of files read, for the progress bar.
    pub fn fraction(&self) -> f32 {
        match self.total {
            Some(0) | None => 0.0,
            Some(t) => self.done as f32 / t as f32,
        }
    }
}

impl Drop for Loader {
    fn drop(&mut self) {
        self.cancel();
    }
}

struct Sink {
    tx: Sender<LoadUpdate>,
    repaint: Option<egui::Context>,
}

impl Sink {
    /// False when the app no longer listens.
    fn send(&self, update: LoadUpdate) -> bool {
        let ok = self.tx.send(update).is_ok();
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
        ok
    }
}

fn load(paths: &[PathBuf], cancel: &AtomicBool, sink: &Sink) {
    for p in paths {
        if std::fs::symlink_metadata(p).is_err() {
            sink.send(LoadUpdate::Failed(format!(
                "{}: no such file or folder",
                p.display()
            )));
            return;
        }
    }
    let opts = LoadOptions::default();
    let mut walk_warnings = Vec::new();
    let files = corpus::list_files(paths, &mut walk_warnings);
    let total = files.len();
    if !sink.send(LoadUpdate::Listed { total }) {
        return;
    }
    let mut results: Vec<Result<Vec<Article>, CorpusWarning>> = Vec::with_capacity(total);
    let mut batch_articles = Vec::new();
    let mut batch_events = Vec::new();
    let mut batch_warnings = walk_warnings.clone();
    let mut next_article = 1usize;
    let mut last_batch = Instant::now();
    for (i, (root, file)) in files.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            sink.send(LoadUpdate::Cancelled { done: i });
            return;
        }
        let result = corpus::read_file(root, file, &opts);
        match &result {
            Ok(articles) => {
                for article in articles {
                    // Provisional ids follow the same order as the final `collect_corpus`.
                    let mut article = article.clone();
                    article.id = format!("a{next_article}");
                    next_article += 1;
                    for (n, mut event) in extract::extract_corpus(std::slice::from_ref(&article))
                        .into_iter()
                        .enumerate()
                    {
                        event.id = format!("{}-e{}", article.id, n + 1);
                        batch_events.push(event);
                    }
                    batch_articles.push(article);
                }
            }
            Err(w) => batch_warnings.push(w.clone()),
        }
        results.push(result);
        let done = i + 1;
        let current = corpus::relative_path(root, file);
        if !sink.send(LoadUpdate::Progress {
            done,
            total,
            current,
        }) {
            return;
        }
        if last_batch.elapsed() >= BATCH_INTERVAL || done == total {
            last_batch = Instant::now();
            let batch = LoadUpdate::Batch {
                articles: std::mem::take(&mut batch_articles),
                events: std::mem::take(&mut batch_events),
                warnings: std::mem::take(&mut batch_warnings),
            };
            if !sink.send(batch) {
                return;
            }
        }
    }
    if cancel.load(Ordering::Relaxed) {
        sink.send(LoadUpdate::Cancelled { done: total });
        return;
    }
    let corpus = corpus::collect_corpus(paths.to_vec(), results, walk_warnings);
    let events = extract::extract_corpus(&corpus.articles);
    let store = Store::new(corpus.articles, events, corpus.warnings);
    sink.send(LoadUpdate::Finished(Box::new(store)));
}

/// The whole pipeline on the calling thread: what the loader ends with, without progress.
pub fn load_store(paths: &[PathBuf]) -> Result<Store, String> {
    let corpus = match corpus::load_corpus(paths, &LoadOptions::default()) {
        Ok(c) => c,
        Err(corpus::CorpusError::NothingReadable { paths, warnings }) => corpus::Corpus {
            roots: paths,
            articles: Vec::new(),
            warnings,
        },
        Err(e) => return Err(e.to_string()),
    };
    let events = extract::extract_corpus(&corpus.articles);
    Ok(Store::new(corpus.articles, events, corpus.warnings))
}

/// A short name for the title bar: the folder or file name of the first path.
pub fn corpus_name(paths: &[PathBuf]) -> String {
    let first = paths.first().map(|p| {
        let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    });
    match (first, paths.len()) {
        (Some(name), 1) => name,
        (Some(name), n) => format!("{name} +{}", n - 1),
        (None, _) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for_end(loader: &mut Loader) -> Vec<LoadUpdate> {
        let mut all = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            let updates = loader.poll();
            let end = updates.iter().any(|u| {
                matches!(
                    u,
                    LoadUpdate::Finished(_) | LoadUpdate::Failed(_) | LoadUpdate::Cancelled { .. }
                )
            });
            all.extend(updates);
            if end {
                return all;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("loader did not finish");
    }

    #[test]
    fn loader_reports_progress_and_ends_with_the_same_store_as_the_synchronous_pipeline() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample-corpus");
        let mut loader = Loader::start(vec![dir.clone()], None);
        let updates = wait_for_end(&mut loader);
        let total = loader.total.expect("files listed");
        assert!(total > 0);
        assert_eq!(loader.done, total, "every file read");
        let streamed: usize = updates
            .iter()
            .map(|u| {
                if let LoadUpdate::Batch { articles, .. } = u {
                    articles.len()
                } else {
                    0
                }
            })
            .sum();
        let Some(LoadUpdate::Finished(store)) = updates.last() else {
            panic!("no final store")
        };
        let direct = load_store(&[dir]).unwrap();
        assert_eq!(store.articles.len(), direct.articles.len());
        assert_eq!(
            streamed,
            direct.articles.len(),
            "every article was published in a batch"
        );
        assert_eq!(store.events.len(), direct.events.len());
        assert_eq!(store.warnings, direct.warnings);
    }

    #[test]
    fn a_missing_folder_fails_with_its_path() {
        let mut loader = Loader::start(vec![PathBuf::from("/no/such/chronomap/folder")], None);
        let updates = wait_for_end(&mut loader);
        let Some(LoadUpdate::Failed(msg)) = updates.last() else {
            panic!("expected a failure")
        };
        assert!(msg.contains("/no/such/chronomap/folder"), "{msg}");
    }

    #[test]
    fn cancel_stops_before_the_final_store() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample-corpus");
        let mut loader = Loader::start(vec![dir], None);
        loader.cancel();
        let updates = wait_for_end(&mut loader);
        assert!(matches!(updates.last(), Some(LoadUpdate::Cancelled { .. })));
    }

    #[test]
    fn corpus_name_is_the_folder_name() {
        assert_eq!(
            corpus_name(&[PathBuf::from("/tmp/some/news-dump")]),
            "news-dump"
        );
        assert_eq!(
            corpus_name(&[PathBuf::from("/x/a"), PathBuf::from("/x/b")]),
            "a +1"
        );
    }
}
