//! Corpus reading: the seed header styles, every format, clean-up, and the walk.

mod common;

use std::fs;

use chronomap::corpus::{
    CorpusError, DatePrecision, LoadOptions, SourceFormat, list_files, load_corpus, read_file,
};
use common::{fixtures_dir, load, read_one, seeds_dir, span_text};

fn published(a: &chronomap::corpus::Article) -> (String, DatePrecision) {
    let p = a
        .published
        .unwrap_or_else(|| panic!("{} has no published date", a.rel_path));
    (p.to_schema_string(), p.precision)
}

#[test]
fn seed_articles_give_title_date_precision_and_source() {
    let Some(dir) = seeds_dir() else { return };
    let read = |name: &str| {
        let mut v = read_file(&dir, &dir.join(name), &LoadOptions::default()).expect("seed loads");
        assert_eq!(v.len(), 1);
        v.remove(0)
    };

    // ` date 2019-12-30 Loading...` with a Reuters dateline.
    let a = read("000_33abe8c9618e97e1.txt");
    assert_eq!(published(&a), ("2019-12-30".into(), DatePrecision::Day));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert!(!a.title.contains("Loading"), "{}", a.title);
    assert!(
        a.title
            .starts_with("US officials said Sunday that airstrikes"),
        "{}",
        a.title
    );
    assert!(a.title.chars().count() <= 101);
    assert!(!a.body.contains("Loading...") && !a.body.contains(" date 2019"));
    let dateline = a.dateline.expect("dateline span");
    assert_eq!(span_text(&a, dateline), "WASHINGTON / BAGHDAD (Reuters) –");
    // The broken `& # 39;` entity is repaired.
    assert!(!a.body.contains("& # 39;"));
    assert!(a.body.contains("Kata'ib-Hezbollah"));

    // Title / blank / author / written date.
    let a = read("002_58816ce82dd3d581.txt");
    assert_eq!(published(&a), ("2021-02-26".into(), DatePrecision::Day));
    assert_eq!(
        a.title,
        "U.S. bombs facilities in Syria used by Iran-backed militia"
    );
    assert_eq!(a.source, None);
    assert!(a.body.starts_with("The Pentagon confirmed on Thursday"));
    // The sidebar teaser and the page footer are boilerplate; the story is not.
    let furniture: Vec<&str> = a.boilerplate.iter().map(|s| span_text(&a, *s)).collect();
    assert!(
        furniture
            .iter()
            .any(|t| t.contains("Facebook Blocks News") && t.contains("Sydney")),
        "{furniture:?}"
    );
    assert!(furniture.contains(&"Discuss This Article"), "{furniture:?}");
    assert!(furniture.contains(&"Other reports by"), "{furniture:?}");
    assert!(
        !furniture.iter().any(|t| t.contains("Erbil")),
        "{furniture:?}"
    );

    // ` date 2021-06-28 <first sentence>`: the sentence is part of the body.
    let a = read("004_ef02c7b0cba0ff24.txt");
    assert_eq!(published(&a), ("2021-06-28".into(), DatePrecision::Day));
    assert!(
        a.body
            .starts_with("US Secretary of State Antony Blinken said Monday")
    );
    assert!(a.title.starts_with("US Secretary of State Antony Blinken"));
    assert!(a.body.contains('“'), "curly quotes are kept");
}

#[test]
fn loading_placeholder_header_style() {
    let a = read_one("text/loading_header.txt");
    assert_eq!(published(&a), ("2020-05-04".into(), DatePrecision::Day));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(
        a.title,
        "A roadside bomb struck a supply convoy on the road south of Mosul on Sunday, wounding two drivers…"
    );
    assert_eq!(
        span_text(&a, a.dateline.unwrap()),
        "MOSUL, Iraq (Reuters) -"
    );
    assert_eq!(a.format, SourceFormat::Text);
    assert_eq!(a.rel_path, "text/loading_header.txt");
}

#[test]
fn date_then_first_sentence_header_style() {
    let a = read_one("text/sentence_header.txt");
    assert_eq!(published(&a), ("2020-06-10".into(), DatePrecision::Day));
    assert!(
        a.body
            .starts_with("Two rockets landed near a logistics base outside Basra")
    );
    assert_eq!(
        a.title,
        "Two rockets landed near a logistics base outside Basra on Tuesday night without causing casualties…"
    );
    // The dateline sits in the second paragraph here.
    assert_eq!(span_text(&a, a.dateline.unwrap()), "BASRA, Iraq (AP) —");
    assert_eq!(a.source.as_deref(), Some("AP"));
}

#[test]
fn month_only_header_style() {
    let a = read_one("text/month_header.txt");
    assert_eq!(published(&a), ("2020-08".into(), DatePrecision::Month));
    assert_eq!(a.source, None);
    assert_eq!(a.dateline, None);
}

#[test]
fn title_author_written_date_header_style() {
    let a = read_one("text/title_author_date.txt");
    assert_eq!(a.title, "Convoy hit by roadside bomb near Diwaniya");
    assert_eq!(published(&a), ("2020-08-12".into(), DatePrecision::Day));
    assert!(
        a.body.starts_with("DIWANIYA, Iraq —"),
        "header lines are not body: {:?}",
        &a.body[..40]
    );
    assert_eq!(span_text(&a, a.dateline.unwrap()), "DIWANIYA, Iraq —");
    assert_eq!(
        a.source, None,
        "a dateline without an agency names no source"
    );
}

#[test]
fn bom_crlf_and_entities_are_cleaned() {
    let a = read_one("text/crlf_entities.txt");
    assert_eq!(published(&a), ("2020-09-15".into(), DatePrecision::Day));
    assert!(!a.body.contains('\r') && !a.body.contains('\u{FEFF}'));
    assert!(a.body.contains("the city's edge"), "{}", a.body);
    assert!(a.body.contains("the group's work"), "{}", a.body);
    assert!(a.body.contains("no casualties & little damage"));
    assert!(a.body.contains("“incident”"), "curly quotes kept");
    assert_eq!(a.source.as_deref(), Some("AFP"));
    assert_eq!(
        span_text(&a, a.dateline.unwrap()),
        "BAGHDAD, Sep 15 (AFP) -"
    );
}

#[test]
fn boilerplate_fixture() {
    let a = read_one("text/boilerplate.txt");
    let spans: Vec<&str> = a.boilerplate.iter().map(|s| span_text(&a, *s)).collect();
    assert_eq!(spans.len(), 3, "{spans:?}");
    assert!(spans[0].starts_with("City Council Approves") && spans[0].contains("Portland said"));
    assert_eq!(&spans[1..], ["Other reports by", "Discuss This Article"]);
}

#[test]
fn markdown_front_matter_and_heading() {
    let a = read_one("markdown/front_matter.md");
    assert_eq!(a.format, SourceFormat::Markdown);
    assert_eq!(a.title, "Rockets strike near airport in Erbil");
    assert_eq!(published(&a), ("2020-09-30".into(), DatePrecision::Day));
    assert_eq!(a.source.as_deref(), Some("Example Wire"));
    assert!(
        a.body
            .starts_with("ERBIL, Iraq — Six rockets were fired at the airport area"),
        "{}",
        a.body
    );
    assert!(a.body.contains("regional interior ministry said") && !a.body.contains("https://"));
    assert_eq!(span_text(&a, a.dateline.unwrap()), "ERBIL, Iraq —");

    let b = read_one("markdown/plain_heading.md");
    assert_eq!(b.title, "Shelling reported along the river");
    assert_eq!(b.published, None);
    assert!(b.body.starts_with("Residents of two villages"));
}

#[test]
fn html_page() {
    let a = read_one("html/page.html");
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(a.title, "Drone hits depot near Qayyarah");
    assert_eq!(published(&a), ("2020-11-03".into(), DatePrecision::Day));
    assert_eq!(
        a.source.as_deref(),
        Some("Example Times"),
        "og:site_name wins over the dateline agency"
    );
    assert!(
        a.body
            .starts_with("QAYYARAH, Iraq (Reuters) – A drone struck"),
        "{}",
        a.body
    );
    assert!(a.body.ends_with("the officials said…"), "{}", a.body);
    for junk in [
        "Home",
        "analytics",
        "font-family",
        "morning briefing",
        "Ankara",
        "©",
    ] {
        assert!(!a.body.contains(junk), "{junk} leaked into {:?}", a.body);
    }
}

#[test]
fn json_object_array_and_lines() {
    let root = fixtures_dir();
    let opts = LoadOptions::default();

    let single = read_one("json/single.json");
    assert_eq!(single.title, "Rocket lands inside base in Anbar");
    assert_eq!(
        published(&single),
        ("2020-12-01".into(), DatePrecision::Day)
    );
    assert_eq!(single.source.as_deref(), Some("Example Post"));
    assert_eq!(
        single.url.as_deref(),
        Some("https://example.org/rocket-anbar")
    );
    assert_eq!(single.rel_path, "json/single.json");

    let array = read_file(&root, &root.join("json/array.json"), &opts).unwrap();
    assert_eq!(array.len(), 2);
    assert_eq!(array[0].rel_path, "json/array.json#1");
    assert_eq!(array[1].rel_path, "json/array.json#3");
    assert_eq!(
        published(&array[0]),
        ("2020-12-05".into(), DatePrecision::Day)
    );
    assert_eq!(array[0].source.as_deref(), Some("Example Daily"));
    assert_eq!(
        array[1].source.as_deref(),
        Some("AP"),
        "from the dateline when the record has none"
    );
    assert!(
        array[0]
            .warnings
            .iter()
            .any(|w| w.contains("record 2") && w.contains("no text")),
        "{:?}",
        array[0].warnings
    );

    let lines = read_file(&root, &root.join("json/dump.jsonl"), &opts).unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].rel_path, "json/dump.jsonl#1");
    assert_eq!(lines[0].source.as_deref(), Some("example.net"));
    assert_eq!(
        published(&lines[0]),
        ("2020-12-07".into(), DatePrecision::Day)
    );
    assert_eq!(lines[1].title, "Two rockets hit near Balad");
    assert!(lines[1].body.contains("Tuesday — no one"));
    assert!(
        lines[0]
            .warnings
            .iter()
            .any(|w| w.starts_with("line 3: malformed JSON")),
        "{:?}",
        lines[0].warnings
    );
}

#[test]
fn utf16_with_bom_loads() {
    let dir = tempfile::tempdir().unwrap();
    let text = " date 2021-01-05 Loading...\n\nSULAIMANIYAH, Iraq (AFP) - Shells fell near a village on Monday.\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(dir.path().join("utf16.txt"), bytes).unwrap();
    let c = load(dir.path());
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].source.as_deref(), Some("AFP"));
    assert_eq!(
        c.articles[0].published.unwrap().to_schema_string(),
        "2021-01-05"
    );
}

#[test]
fn a_few_invalid_bytes_load_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"Rockets hit the outskirts of Samarra on Friday, police said. ".repeat(5);
    bytes.extend_from_slice(b"Caf\xe9 owners were unhurt.\n");
    fs::write(dir.path().join("latin1.txt"), bytes).unwrap();
    let c = load(dir.path());
    assert_eq!(c.articles.len(), 1);
    assert!(c.articles[0].body.contains("Caf\u{FFFD} owners"));
    // Two warnings, both naming the file: the lossy decoding, and (the text carries no date)
    // that its relative dates cannot be resolved.
    assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
    assert!(c.warnings.iter().all(|w| w.path == "latin1.txt"));
    assert!(
        c.warnings[0].message.contains("lossily"),
        "{}",
        c.warnings[0]
    );
    assert_eq!(
        c.warnings[1].message,
        chronomap::corpus::NO_PUBLICATION_DATE
    );
}

#[test]
fn whole_fixture_folder_loads_in_path_order_with_ids() {
    let c = load(&fixtures_dir());
    let paths: Vec<&str> = c.articles.iter().map(|a| a.rel_path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "articles come in path order");
    let ids: Vec<String> = c.articles.iter().map(|a| a.id.clone()).collect();
    let expected: Vec<String> = (1..=c.articles.len()).map(|i| format!("a{i}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(c.articles.len(), 14);
    // Record-level problems are reported once, against the file.
    let json_warnings: Vec<String> = c.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        json_warnings.contains(
            &"json/array.json: record 2: no text field (text/body/content/maintext), skipped"
                .to_string()
        ),
        "{json_warnings:?}"
    );
    assert!(
        json_warnings
            .iter()
            .any(|w| w.starts_with("json/dump.jsonl: line 3: malformed JSON")),
        "{json_warnings:?}"
    );
    // The same load twice gives the same result.
    let again = load(&fixtures_dir());
    assert_eq!(again.articles, c.articles);
}

#[test]
fn hidden_folders_and_app_state_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let story = "Rockets hit a base near Hit on Monday, officials said.\n";
    fs::write(dir.path().join("story.txt"), story).unwrap();
    for hidden in [".chronomap", ".git"] {
        fs::create_dir(dir.path().join(hidden)).unwrap();
        fs::write(dir.path().join(hidden).join("cache.json"), "{not json").unwrap();
    }
    fs::write(dir.path().join(".DS_Store"), [0u8; 16]).unwrap();
    fs::write(dir.path().join("photo.jpg"), [0xFFu8, 0xD8, 0xFF]).unwrap();
    let mut warnings = Vec::new();
    let files = list_files(&[dir.path().to_path_buf()], &mut warnings);
    assert_eq!(files.len(), 1);
    assert!(files[0].1.ends_with("story.txt"));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].path, "photo.jpg");
    assert!(warnings[0].message.contains("unsupported file type .jpg"));
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let missing = fixtures_dir().join("no-such-folder");
    match load_corpus(std::slice::from_ref(&missing), &LoadOptions::default()) {
        Err(e @ CorpusError::NotFound { .. }) => assert!(e.to_string().contains("no-such-folder")),
        other => panic!("expected NotFound, got {other:?}"),
    }
    let empty = tempfile::tempdir().unwrap();
    match load_corpus(&[empty.path().to_path_buf()], &LoadOptions::default()) {
        Err(CorpusError::NothingReadable { .. }) => {}
        other => panic!("expected NothingReadable, got {other:?}"),
    }
}

#[test]
fn a_single_file_path_is_its_own_root() {
    let file = fixtures_dir().join("text").join("month_header.txt");
    let c = load(&file);
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].rel_path, "month_header.txt");
}

#[test]
fn an_article_without_a_publication_date_is_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("dated.txt"),
        "Rockets hit Balad\n\nPublished 12 May 2021\n\nRockets hit Balad air base on Monday, officials said.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("undated.txt"),
        "Rockets hit Balad\n\nRockets hit Balad air base on Monday, officials said.\n",
    )
    .unwrap();
    let c = load(dir.path());
    assert_eq!(c.articles.len(), 2);
    let undated: Vec<_> = c
        .warnings
        .iter()
        .filter(|w| w.message == chronomap::corpus::NO_PUBLICATION_DATE)
        .map(|w| w.path.as_str())
        .collect();
    assert_eq!(undated, ["undated.txt"]);
}
