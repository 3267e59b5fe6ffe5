//! `chronomap extract` end to end: the real binary on bad input, the sample corpus and the
//! fixtures, in every output format.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use chronomap::export::EventsDocument;
use chronomap::export::csv::CSV_COLUMNS;
use common::{fixtures_dir, sample_corpus_dir};

fn chronomap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronomap"))
        .args(args)
        .output()
        .expect("run chronomap")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn parse_doc(o: &Output) -> EventsDocument {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not an events@1 document: {e}"))
}

/// The folder of the bad-input test: two good articles and one file per kind of bad input.
/// Returns the names of the bad entries.
fn build_bad_folder(dir: &Path) -> Vec<&'static str> {
    fs::write(dir.join("good-one.txt"), " date 2020-04-02 Loading...\n\nHIT, Iraq (Reuters) - Two rockets hit a base near Hit on Wednesday, police said.\n").unwrap();
    fs::write(dir.join("good-two.md"), "---\ntitle: Shells near Tal Afar\ndate: 2020-04-03\n---\n\nShells landed near Tal Afar on Thursday.\n").unwrap();
    fs::write(
        dir.join("binary.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    )
    .unwrap();
    let garbage: Vec<u8> = (0x80u8..=0xFF).cycle().take(400).collect();
    fs::write(dir.join("invalid-utf8.txt"), garbage).unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    // Over the 1 MB limit the test passes on the command line.
    fs::write(dir.join("huge.txt"), "Rockets hit a base. ".repeat(60_000)).unwrap();
    fs::write(
        dir.join("broken.json"),
        "{\"title\": \"cut off\", \"text\": \"Rock",
    )
    .unwrap();
    std::os::unix::fs::symlink(".", dir.join("loop")).unwrap();
    std::os::unix::fs::symlink("missing-target.txt", dir.join("dangling.txt")).unwrap();
    make_unreadable(&dir.join("unreadable.txt"));
    vec![
        "binary.txt",
        "invalid-utf8.txt",
        "empty.txt",
        "huge.txt",
        "broken.json",
        "loop",
        "dangling.txt",
        "unreadable.txt",
    ]
}

/// A file that cannot be read. Permission bits do not stop root, so when the chmod-000 file is
/// still readable (tests running as root, e.g. in CI containers) a named pipe takes its place:
/// chronomap must not block on it and reports it as not a regular file.
fn make_unreadable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::write(path, "Rockets hit a base.\n").unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(path).is_ok() {
        println!(
            "note: running as root, chmod 000 does not stop reads; using a named pipe as the unreadable file"
        );
        fs::remove_file(path).unwrap();
        let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
        assert!(status.success());
    }
}

#[test]
fn bad_input_is_skipped_with_one_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    let bad = build_bad_folder(dir.path());
    let out = chronomap(&[
        "extract",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
        "--max-file-mb",
        "1",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {err}");
    let doc = parse_doc(&out);
    let paths: Vec<&str> = doc.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, ["good-one.txt", "good-two.md"]);
    let warning_lines: Vec<&str> = err.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(warning_lines.len(), bad.len(), "{err}");
    for name in &bad {
        let hits = warning_lines
            .iter()
            .filter(|l| l.starts_with(&format!("warning: {name}: ")))
            .count();
        assert_eq!(hits, 1, "one warning naming {name}:\n{err}");
    }
    assert_eq!(doc.warnings.len(), bad.len());
    assert!(
        err.contains(&format!("{} warning(s)", bad.len())),
        "count at the end: {err}"
    );
    let reason = |name: &str| {
        warning_lines
            .iter()
            .find(|l| l.contains(&format!(" {name}: ")))
            .unwrap()
            .to_string()
    };
    assert!(reason("binary.txt").contains("binary"));
    assert!(reason("invalid-utf8.txt").contains("UTF-8"));
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("huge.txt").contains("size limit"));
    assert!(reason("broken.json").contains("malformed JSON"));
    assert!(reason("loop").contains("symlink loop"));
    assert!(reason("dangling.txt").contains("broken symlink"));
    // The good files were not touched.
    assert!(
        fs::read_to_string(dir.path().join("good-one.txt"))
            .unwrap()
            .starts_with(" date 2020-04-02")
    );
}

#[test]
fn missing_path_exits_2_with_a_clear_message() {
    let out = chronomap(&["extract", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/definitely/not/here: no such file or folder"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn folder_with_nothing_readable_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = chronomap(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no readable articles"), "{err}");
    assert!(err.contains("warning: empty.txt: empty file"), "{err}");
}

#[test]
fn fixtures_json_has_relative_paths_and_text_only_on_request() {
    let fixtures = fixtures_dir();
    let out = chronomap(&["extract", fixtures.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = parse_doc(&out);
    assert_eq!(doc.schema, "chronomap/events@1");
    assert_eq!(doc.articles.len(), 14);
    assert!(doc.articles.iter().all(|a| a.text.is_none()));
    let month = doc
        .articles
        .iter()
        .find(|a| a.path == "text/month_header.txt")
        .unwrap();
    assert_eq!(month.published.as_deref(), Some("2020-08"));
    assert_eq!(
        serde_json::to_value(month.published_precision).unwrap(),
        "month"
    );
    // The raw JSON has the keys of the contract, with `text` absent rather than null.
    let raw: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = raw["articles"][0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "id",
            "path",
            "published",
            "published_precision",
            "source",
            "title",
            "warnings"
        ]
    );

    let with_text = chronomap(&["extract", fixtures.to_str().unwrap(), "--with-text"]);
    let doc = parse_doc(&with_text);
    let html = doc
        .articles
        .iter()
        .find(|a| a.path == "html/page.html")
        .unwrap();
    assert!(
        html.text
            .as_deref()
            .unwrap()
            .starts_with("QAYYARAH, Iraq (Reuters)")
    );
}

#[test]
fn sample_corpus_json_parses_back_into_the_types() {
    let Some(dir) = sample_corpus_dir() else {
        return;
    };
    let out = chronomap(&[
        "extract",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--with-text",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = parse_doc(&out);
    assert_eq!(doc.schema, "chronomap/events@1");
    assert!(doc.articles.len() >= 30, "{} articles", doc.articles.len());
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    for a in &doc.articles {
        assert!(
            !a.path.starts_with('/') && !a.path.contains("sample-corpus"),
            "relative path: {}",
            a.path
        );
        assert!(a.published.is_some(), "{} has a date", a.path);
        assert!(!a.title.is_empty());
    }
    // Every span of every event lies inside the text of an article the document lists.
    let text_of = |id: &str| {
        doc.articles
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| a.text.as_deref())
    };
    for e in &doc.events {
        for m in &e.mentions {
            let text = text_of(&m.article)
                .unwrap_or_else(|| panic!("{} cites unknown {}", e.id, m.article));
            for span in [
                Some(m.sentence_span),
                Some(m.trigger_span),
                m.place_span,
                m.date_span,
            ]
            .into_iter()
            .flatten()
            {
                assert!(
                    span[0] <= span[1] && text.get(span[0]..span[1]).is_some(),
                    "{} span {span:?}",
                    e.id
                );
            }
        }
    }
    // A round trip through the types gives the same JSON.
    // (Through a string: confidences are f32, which `to_value` would widen to f64.)
    let again: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
    let original: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        again == original,
        "events@1 round trip changed the document"
    );
}

#[test]
fn geojson_output_parses_as_a_feature_collection() {
    let Some(dir) = sample_corpus_dir() else {
        return;
    };
    let json = chronomap(&["extract", dir.to_str().unwrap()]);
    let doc = parse_doc(&json);
    let out = chronomap(&["extract", dir.to_str().unwrap(), "--format", "geojson"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let gj: geojson::GeoJson = text.parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(fc) = gj else {
        panic!("not a FeatureCollection")
    };
    let skipped = fc
        .foreign_members
        .as_ref()
        .and_then(|f| f.get("skipped"))
        .and_then(|s| s.as_array())
        .map_or(0, Vec::len);
    assert_eq!(fc.features.len() + skipped, doc.events.len());
    for (f, e) in fc
        .features
        .iter()
        .zip(doc.events.iter().filter(|e| e.place.is_some()))
    {
        let props = f.properties.as_ref().unwrap();
        assert_eq!(props["id"], e.id.as_str());
        assert_eq!(props["kind"], e.kind.as_str());
        let place = e.place.as_ref().unwrap();
        match &f.geometry.as_ref().unwrap().value {
            geojson::Value::Point(p) => assert_eq!((p[0], p[1]), (place.lon, place.lat)),
            other => panic!("not a point: {other:?}"),
        }
    }
}

#[test]
fn csv_output_has_the_columns_and_one_row_per_event() {
    let Some(dir) = sample_corpus_dir() else {
        return;
    };
    let doc = parse_doc(&chronomap(&["extract", dir.to_str().unwrap()]));
    let out_dir = tempfile::tempdir().unwrap();
    let out_file = out_dir.path().join("events.csv");
    let out = chronomap(&[
        "extract",
        dir.to_str().unwrap(),
        "--format",
        "csv",
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "--out writes the file, not stdout");
    let mut reader = csv::Reader::from_path(&out_file).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), doc.events.len());
    for (row, e) in rows.iter().zip(&doc.events) {
        assert_eq!(&row[0], e.id.as_str());
        assert_eq!(&row[3], e.kind.as_str());
        assert!(row[1].starts_with(&e.date.start.to_string()));
        assert!(!row[15].is_empty(), "{} names its sources", e.id);
    }
    // Only the output file is in the folder: the temporary file was renamed into place.
    assert_eq!(fs::read_dir(out_dir.path()).unwrap().count(), 1);
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = chronomap(&[
        "extract",
        fixtures_dir().to_str().unwrap(),
        "--format",
        "xml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("xml"));
}
