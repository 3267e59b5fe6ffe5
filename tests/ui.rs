//! Drives the real app with egui_kittest: a hand-made store for exact, deterministic checks and
//! snapshots, and the sample corpus through the background loader.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use chronomap::corpus::{Article, DatePrecision, PubDate, SourceFormat, Span};
use chronomap::extract::{
    Claim, ClaimField, DateRange, Event, EventKind, Mention, Place, PlacePrecision, Range,
};
use chronomap::store::{EventIdx, Store};
use chronomap::ui::ChronomapApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn span_of(body: &str, needle: &str) -> Span {
    let s = body
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in body"));
    [s, s + needle.len()]
}

fn article(id: &str, title: &str, source: &str, date: NaiveDate, body: &str) -> Article {
    Article {
        id: id.into(),
        path: PathBuf::from(format!("/corpus/{id}.txt")),
        rel_path: format!("{id}.txt"),
        title: title.into(),
        published: Some(PubDate {
            date,
            precision: DatePrecision::Day,
        }),
        source: Some(source.into()),
        url: None,
        format: SourceFormat::Text,
        body: body.into(),
        dateline: None,
        boilerplate: Vec::new(),
        warnings: Vec::new(),
    }
}

fn place(name: &str, lat: f64, lon: f64, precision: PlacePrecision, country: &str) -> Place {
    Place {
        name: name.into(),
        lat,
        lon,
        precision,
        country: Some(country.into()),
        admin1: None,
        gazetteer_id: None,
    }
}

/// One mention whose sentence is the one containing `trigger`.
fn mention(
    a: &Article,
    sentence: &str,
    trigger: &str,
    place: Option<&str>,
    date: Option<&str>,
) -> Mention {
    let sentence_span = span_of(&a.body, sentence);
    let within = |needle: &str| {
        let off = sentence_span[0];
        let s = span_of(sentence, needle);
        [off + s[0], off + s[1]]
    };
    Mention {
        article: a.id.clone(),
        sentence_span,
        trigger_span: within(trigger),
        place_span: place.map(within),
        date_span: date.map(within),
        date_reasoning: date
            .map(|d| format!("'{d}' relative to publication"))
            .unwrap_or_default(),
        perpetrator_span: None,
        target_span: None,
    }
}

const A1: &str = "Rockets struck Camp Alpha near Baghdad on Friday, killing 19 fighters, the PMF said. \
Officials gave no further details about the damage.";
const A2: &str = "Kataib Hezbollah said 25 of its members died when rockets hit Camp Alpha on Friday. \
A week later an air raid hit the port of Basra on Friday night.";
const A3: &str = "Warplanes bombed positions outside Deir ez-Zor on Saturday. \
Artillery shelled villages in the eastern desert throughout February, monitors said.";

/// Three articles, four events: a two-source rocket attack with conflicting figures, two
/// airstrikes, and a month-precision shelling campaign.
fn hand_made_store() -> Store {
    let a1 = article(
        "a1",
        "Rockets strike Camp Alpha",
        "Wire One",
        day(2020, 1, 4),
        A1,
    );
    let a2 = article(
        "a2",
        "Militia gives its own toll",
        "Wire Two",
        day(2020, 1, 11),
        A2,
    );
    let a3 = article("a3", "Raids in the east", "Wire Three", day(2020, 2, 2), A3);

    let s1 = "Rockets struck Camp Alpha near Baghdad on Friday, killing 19 fighters, the PMF said.";
    let s2 = "Kataib Hezbollah said 25 of its members died when rockets hit Camp Alpha on Friday.";
    let claim = |a: &Article, text: &str, value: u32, who: &str| Claim {
        field: ClaimField::Killed,
        value,
        qualifier: None,
        attributed_to: Some(who.into()),
        article: a.id.clone(),
        span: span_of(&a.body, text),
    };
    let rockets = Event {
        id: "e1".into(),
        kind: EventKind::RocketAttack,
        date: DateRange::day(day(2020, 1, 3)),
        place: Some(place(
            "Camp Alpha",
            33.35,
            44.30,
            PlacePrecision::Point,
            "IQ",
        )),
        other_places: Vec::new(),
        perpetrator: Some("United States".into()),
        perpetrator_qualifier: Some("accused by Kataib Hezbollah".into()),
        target: Some("Kataib Hezbollah".into()),
        killed: Some(Range { low: 19, high: 25 }),
        wounded: None,
        claims: vec![
            claim(&a1, "19", 19, "PMF"),
            claim(&a2, "25", 25, "Kataib Hezbollah"),
        ],
        mentions: vec![
            mention(
                &a1,
                s1,
                "Rockets struck",
                Some("Camp Alpha"),
                Some("Friday"),
            ),
            mention(&a2, s2, "rockets hit", Some("Camp Alpha"), Some("Friday")),
        ],
        confidence: 0.9,
    };
    let basra = Event {
        id: "e2".into(),
        kind: EventKind::Airstrike,
        date: DateRange::day(day(2020, 1, 10)),
        place: Some(place("Basra", 30.51, 47.78, PlacePrecision::Town, "IQ")),
        other_places: Vec::new(),
        perpetrator: None,
        perpetrator_qualifier: None,
        target: None,
        killed: None,
        wounded: None,
        claims: Vec::new(),
        mentions: vec![mention(
            &a2,
            "A week later an air raid hit the port of Basra on Friday night.",
            "air raid",
            Some("Basra"),
            Some("Friday night"),
        )],
        confidence: 0.8,
    };
    let deir = Event {
        id: "e3".into(),
        kind: EventKind::Airstrike,
        date: DateRange::day(day(2020, 2, 1)),
        place: Some(place(
            "Deir ez-Zor",
            35.33,
            40.14,
            PlacePrecision::Town,
            "SY",
        )),
        other_places: Vec::new(),
        perpetrator: Some("Russia".into()),
        perpetrator_qualifier: None,
        target: None,
        killed: None,
        wounded: None,
        claims: Vec::new(),
        mentions: vec![mention(
            &a3,
            "Warplanes bombed positions outside Deir ez-Zor on Saturday.",
            "bombed",
            Some("Deir ez-Zor"),
            Some("Saturday"),
        )],
        confidence: 0.7,
    };
    let shelling = Event {
        id: "e4".into(),
        kind: EventKind::Shelling,
        date: DateRange {
            start: day(2020, 2, 1),
            end: day(2020, 2, 29),
            precision: DatePrecision::Month,
        },
        place: Some(place(
            "Eastern Syria",
            35.0,
            40.5,
            PlacePrecision::Region,
            "SY",
        )),
        other_places: Vec::new(),
        perpetrator: None,
        perpetrator_qualifier: None,
        target: None,
        killed: None,
        wounded: None,
        claims: Vec::new(),
        mentions: vec![mention(
            &a3,
            "Artillery shelled villages in the eastern desert throughout February, monitors said.",
            "shelled",
            Some("eastern desert"),
            Some("throughout February"),
        )],
        confidence: 0.6,
    };
    Store::new(
        vec![a1, a2, a3],
        vec![rockets, basra, deir, shelling],
        Vec::new(),
    )
}

fn harness_for(app: ChronomapApp) -> Harness<'static, ChronomapApp> {
    Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |_cc| app)
}

fn event_index(store: &Store, id: &str) -> EventIdx {
    store.events.iter().position(|e| e.id == id).unwrap()
}

/// Steps the app until the background load is over (bounded by wall time, not frames).
fn wait_until_loaded(h: &mut Harness<'_, ChronomapApp>) {
    let deadline = Instant::now() + Duration::from_secs(180);
    h.step();
    while h.state().is_loading() {
        assert!(Instant::now() < deadline, "loading did not finish");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run_steps(3);
}

/// Runs until animations (map flights) are over, or a bounded number of frames.
fn settle(h: &mut Harness<'_, ChronomapApp>) {
    for _ in 0..240 {
        h.step();
        if !h.state().map.is_flying() {
            break;
        }
    }
    h.run_steps(3);
}

fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-corpus")
}

#[test]
fn views_show_the_store_counts() {
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    h.run_steps(4);
    h.get_by_label("3 articles · 4 events · 4 shown");
    h.get_by_label("Events (4 of 4)");
    h.get_by_label("Articles (3)");
    for title in [
        "Rockets strike Camp Alpha",
        "Militia gives its own toll",
        "Raids in the east",
    ] {
        h.get_by_label(title);
    }
    // The timeline draws every listed event: day-precise ones as bars, the month-long one as a span.
    let hist = h.state().timeline.histogram();
    let bars: u32 = hist.bins.iter().map(|b| b.2.iter().sum::<u32>()).sum();
    assert_eq!(bars, 3);
    assert_eq!(hist.spans.len(), 1);
    assert_eq!(h.state().window_title(), "chronomap — hand-made — 4 events");
}

#[test]
fn clicking_an_event_shows_its_sentence_highlights_and_one_claim_row_per_source() {
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    h.run_steps(4);
    h.get_all_by_label("Camp Alpha")
        .next()
        .expect("row of the rocket attack")
        .click();
    h.run_steps(4);
    let store = h.state().store().clone();
    let rockets = event_index(&store, "e1");
    assert_eq!(h.state().selection().event, Some(rockets));
    // The pane shows the first source, with the sentence and its evidence highlighted.
    assert_eq!(
        h.state().article_pane.shown_article(),
        store.article_index("a1")
    );
    let hl = h.state().article_pane.highlights().to_vec();
    use chronomap::ui::article_pane::Evidence;
    let sentence = store.events[rockets].mentions[0].sentence_span;
    for ev in [
        Evidence::SelectedSentence,
        Evidence::Trigger,
        Evidence::Place,
        Evidence::Date,
        Evidence::Figure,
    ] {
        let h = hl
            .iter()
            .find(|x| x.evidence == ev && x.event == Some(rockets))
            .unwrap_or_else(|| panic!("no {ev:?}"));
        assert!(
            sentence[0] <= h.span[0] && h.span[1] <= sentence[1],
            "{ev:?} outside the sentence"
        );
    }
    let figure = hl.iter().find(|x| x.evidence == Evidence::Figure).unwrap();
    assert_eq!(&A1[figure.span[0]..figure.span[1]], "19");
    // Claims table: one row per source, figures side by side with their attribution.
    h.get_by_label("19 killed");
    h.get_by_label("25 killed");
    h.get_by_label("PMF");
    h.get_by_label("Source 1 of 2");
    // Step to the second source: the pane shows the other article.
    h.get_by_label("Next").click();
    h.run_steps(3);
    assert_eq!(
        h.state().article_pane.shown_article(),
        store.article_index("a2")
    );
    h.get_by_label("Source 2 of 2");
}

#[test]
fn brushing_the_timeline_lists_exactly_the_events_in_range() {
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    h.run_steps(4);
    let (from, to) = (day(2020, 1, 2), day(2020, 1, 15));
    let tl = &h.state().timeline;
    let rect = tl.plot_rect().expect("timeline drawn");
    let (x0, x1) = (
        tl.screen_x(from).unwrap() + 2.0,
        tl.screen_x(to).unwrap() + 2.0,
    );
    let y = rect.center().y;
    h.hover_at(egui::pos2(x0, y));
    h.step();
    h.drag_at(egui::pos2(x0, y));
    h.step();
    for i in 1..=4 {
        h.hover_at(egui::pos2(x0 + (x1 - x0) * i as f32 / 4.0, y));
        h.step();
    }
    h.drop_at(egui::pos2(x1, y));
    h.run_steps(4);
    let app = h.state();
    assert_eq!(app.filter().time, Some((from, to)));
    let store = app.store();
    let mut expected: Vec<EventIdx> = (0..store.events.len())
        .filter(|&i| store.events[i].date.start <= to && store.events[i].date.end >= from)
        .collect();
    expected.sort();
    let mut listed = app.event_list.rows().to_vec();
    listed.sort();
    assert_eq!(listed, expected);
    assert_eq!(listed.len(), 2, "the rocket attack and the Basra raid");
    h.get_by_label("2020-01-02 – 2020-01-15 (2 events)");
    h.get_by_label("Events (2 of 4)");
    h.get_by_label("Reset range").click();
    h.run_steps(3);
    assert_eq!(h.state().event_list.rows().len(), 4);
}

#[test]
fn a_kind_filter_lists_exactly_the_events_of_that_kind() {
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    h.run_steps(4);
    h.get_by_label("Airstrike 2").click();
    h.run_steps(3);
    let app = h.state();
    let store = app.store();
    let listed = app.event_list.rows();
    assert_eq!(listed.len(), 2);
    assert!(
        listed
            .iter()
            .all(|&i| store.events[i].kind == EventKind::Airstrike)
    );
    h.get_by_label("Events (2 of 4)");
}

#[test]
fn arrow_keys_step_through_events_in_time_and_escape_clears() {
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    h.run_steps(3);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    let store = h.state().store().clone();
    assert_eq!(h.state().selection().event, Some(event_index(&store, "e1")));
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().selection().event, Some(event_index(&store, "e2")));
    h.key_press(egui::Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(h.state().selection().event, Some(event_index(&store, "e1")));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().selection().event, None);
}

#[test]
fn loading_a_folder_with_bad_files_opens_the_warnings_panel() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Rockets hit an air base near Baghdad\n\nRockets hit an air base near Baghdad on Monday, officials said.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("broken.json"), "{ \"title\": ").unwrap();
    let mut h = harness_for(ChronomapApp::open(vec![dir.path().to_path_buf()]));
    wait_until_loaded(&mut h);
    let app = h.state();
    assert_eq!(app.store().articles.len(), 1);
    assert!(app.warnings_open(), "warnings panel opens by itself");
    let warned: Vec<&str> = app
        .store()
        .warnings
        .iter()
        .map(|w| w.path.as_str())
        .collect();
    assert!(
        warned.contains(&"empty.txt") && warned.contains(&"broken.json"),
        "{warned:?}"
    );
    h.get_by_label("Warnings");
    h.get_by_label("empty.txt");
    h.get_by_label("broken.json");
}

#[test]
fn the_sample_corpus_loads_in_the_background_and_every_view_agrees_on_the_counts() {
    let dir = sample_corpus();
    let expected = chronomap::ui::loader::load_store(std::slice::from_ref(&dir)).unwrap();
    let mut h = harness_for(ChronomapApp::open(vec![dir]));
    wait_until_loaded(&mut h);
    let (n_articles, n_events) = (
        h.state().store().articles.len(),
        h.state().store().events.len(),
    );
    assert_eq!(n_articles, expected.articles.len());
    assert_eq!(n_events, expected.events.len());
    assert!(n_articles > 0);
    h.get_by_label(&format!("Articles ({n_articles})"));
    h.get_by_label(&format!("Events ({n_events} of {n_events})"));
    h.get_by_label_contains(&format!("{n_articles} articles · {n_events} events"));
    assert_eq!(h.state().event_list.rows().len(), n_events);
    let hist = h.state().timeline.histogram();
    let drawn: usize = hist
        .bins
        .iter()
        .map(|b| b.2.iter().sum::<u32>() as usize)
        .sum::<usize>()
        + hist.spans.len();
    assert_eq!(drawn, n_events, "the timeline draws every event once");
    assert_eq!(
        h.state().window_title(),
        format!("chronomap — sample-corpus — {n_events} events")
    );
}

#[test]
fn corrupt_saved_settings_fall_back_to_defaults_with_a_message() {
    struct Garbage;
    impl eframe::Storage for Garbage {
        fn get_string(&self, _key: &str) -> Option<String> {
            Some("{ not json".into())
        }
        fn set_string(&mut self, _key: &str, _value: String) {}
        fn remove_string(&mut self, _key: &str) {}
        fn flush(&mut self) {}
    }
    let (settings, message) = chronomap::ui::app::Settings::from_storage(Some(&Garbage));
    assert_eq!(settings, chronomap::ui::app::Settings::default());
    assert!(message.unwrap().contains("using defaults"));
}

#[test]
fn snapshots_overview_and_event_selected() {
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    settle(&mut h);
    h.snapshot("overview");
    h.get_all_by_label("Camp Alpha").next().unwrap().click();
    settle(&mut h);
    h.remove_cursor();
    settle(&mut h);
    h.snapshot("event_selected");
}

#[test]
fn the_app_starts_offline_with_no_tile_source() {
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    h.run_steps(4);
    assert!(!h.state().map.show_online_tiles);
    assert!(!h.state().map.has_online_tile_source());
}

#[test]
fn hovering_the_timeline_hovers_the_event_everywhere() {
    use chronomap::ui::timeline::day_x;
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    h.run_steps(4);
    let store = hand_made_store();
    let rockets = event_index(&store, "e1");
    let shelling = event_index(&store, "e4");
    assert!(
        store.events[shelling].date.days() > 1,
        "e4 is drawn as a span"
    );

    // The rocket attack's bar, half-way up.
    let bar = h
        .state()
        .timeline
        .screen_pos(day_x(store.events[rockets].date.start) + 0.5, 0.5)
        .unwrap();
    h.hover_at(bar);
    h.run_steps(3);
    assert_eq!(h.state().selection().hovered, Some(rockets));

    // The month-long shelling's span under the axis (first lane; lanes are 0.25 high here).
    let span = h
        .state()
        .timeline
        .screen_pos(day_x(store.events[shelling].date.start) + 10.5, -0.12)
        .unwrap();
    h.hover_at(span);
    h.run_steps(3);
    assert_eq!(h.state().selection().hovered, Some(shelling));

    // Leaving the timeline clears the hover it reported.
    h.hover_at(egui::pos2(5.0, 880.0));
    h.run_steps(3);
    assert_eq!(h.state().selection().hovered, None);
}
