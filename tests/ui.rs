//! Drives the real app with egui_kittest: a hand-made store for exact, deterministic checks and
//! snapshots, and the sample corpus through the background loader.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use chronomap::corpus::{Article, DatePrecision, PubDate, SourceFormat, Span};
use chronomap::extract::{
    Claim, ClaimField, DateRange, Event, EventKind, Mention, PlacePrecision, Range,
};
use chronomap::store::{EventIdx, Store};
use chronomap::ui::ChronomapApp;
use common::{day, place};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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
        kind_guessed: false,
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
        kind_guessed: false,
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
        kind_guessed: false,
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
        kind_guessed: false,
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
fn month_precision_events_are_timeline_spans_not_bars() {
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

// ---------------------------------------------------------------------------------------------
// The real app on the sample corpus, loaded through the background loader. Expected numbers
// are computed from the loaded store (extraction output may change), never hard-coded.

/// The app after loading `data/sample-corpus` and flying to its fitted view.
fn loaded_sample() -> Harness<'static, ChronomapApp> {
    let mut h = harness_for(ChronomapApp::open(vec![sample_corpus()]));
    wait_until_loaded(&mut h);
    settle(&mut h);
    assert!(
        h.state().store().events.len() >= 10,
        "the sample corpus should give events"
    );
    h
}

/// Events of the store whose dates touch `[from, to]`, sorted by index: computed from the
/// events themselves, not through `Store::filtered`.
fn events_touching(store: &Store, from: NaiveDate, to: NaiveDate) -> Vec<EventIdx> {
    (0..store.events.len())
        .filter(|&i| store.events[i].date.end >= from && store.events[i].date.start <= to)
        .collect()
}

fn sorted(v: &[EventIdx]) -> Vec<EventIdx> {
    let mut v = v.to_vec();
    v.sort();
    v
}

/// The map, the timeline and the list each account for exactly the listed events.
fn assert_views_show(h: &Harness<'_, ChronomapApp>, expected: &[EventIdx]) {
    let app = h.state();
    assert_eq!(
        sorted(app.event_list.rows()),
        sorted(expected),
        "event list"
    );
    assert_eq!(sorted(app.visible()), sorted(expected), "filtered events");
    let hist = app.timeline.histogram();
    let on_timeline = hist
        .bins
        .iter()
        .map(|b| b.2.iter().sum::<u32>() as usize)
        .sum::<usize>()
        + hist.spans.len();
    assert_eq!(on_timeline, expected.len(), "timeline bars and spans");
    let drawn = app.map.drawn();
    assert_eq!(
        drawn.markers + drawn.bubble_members + app.map.unplaced(),
        expected.len(),
        "map symbols + cluster members + events without a place ({drawn:?})"
    );
    let unplaced = expected
        .iter()
        .filter(|&&i| app.store().events[i].place.is_none())
        .count();
    assert_eq!(app.map.unplaced(), unplaced);
}

#[test]
fn sample_corpus_every_view_shows_the_loaded_numbers() {
    let dir = sample_corpus();
    let expected = chronomap::ui::loader::load_store(std::slice::from_ref(&dir)).unwrap();
    let h = loaded_sample();
    let store = h.state().store();
    let (n_articles, n_events) = (store.articles.len(), store.events.len());
    assert_eq!(n_articles, expected.articles.len());
    assert_eq!(n_events, expected.events.len());
    h.get_by_label(&format!("Articles ({n_articles})"));
    h.get_by_label(&format!("Events ({n_events} of {n_events})"));
    h.get_by_label_contains(&format!("{n_articles} articles · {n_events} events"));
    // Every article of the corpus is in the list with its title (the list is virtualised, so
    // check the first ones, which are in view).
    for a in store.articles.iter().take(5) {
        assert!(
            h.get_all_by_label(&a.title).next().is_some(),
            "article {:?} listed",
            a.title
        );
    }
    let all: Vec<EventIdx> = (0..n_events).collect();
    assert_views_show(&h, &all);
    // After "Fit all" the clusters are on screen, so the map drew something for every event.
    assert!(h.state().map.drawn().markers + h.state().map.drawn().bubbles > 0);
    assert_eq!(
        h.state().window_title(),
        format!("chronomap — sample-corpus — {n_events} events")
    );
}

#[test]
fn sample_corpus_clicking_an_event_shows_its_sentence_highlights_and_claims_per_source() {
    use chronomap::ui::article_pane::Evidence;
    let mut h = loaded_sample();
    // Sort the table by number of sources, most first: the top row is the best-sourced event.
    h.get_by_label("Src").click();
    h.run_steps(2);
    h.get_by_label("Src").click();
    h.run_steps(3);
    let store = h.state().store().clone();
    let target = h.state().event_list.rows()[0];
    let e = &store.events[target];
    let sources: Vec<String> = e.article_ids().iter().map(|s| s.to_string()).collect();
    assert!(
        sources.len() >= 2,
        "the top row after sorting by sources has several sources"
    );
    // Click the row: its place cell, the topmost label with that text.
    let place = e
        .place
        .as_ref()
        .map_or("—", |p| p.name.as_str())
        .to_string();
    let cell = h
        .get_all_by_label(&place)
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("the row's place cell");
    cell.click();
    h.run_steps(4);
    assert_eq!(h.state().selection().event, Some(target));

    // The article pane shows the first source, with the event's sentence and its evidence.
    let first = store.article_index(&sources[0]).unwrap();
    assert_eq!(h.state().article_pane.shown_article(), Some(first));
    let hl = h.state().article_pane.highlights().to_vec();
    let body = &store.articles[first].body;
    let mention = e.mentions.iter().find(|m| m.article == sources[0]).unwrap();
    let sentence = mention.sentence_span;
    let mine = |ev: Evidence| {
        hl.iter()
            .filter(move |x| x.evidence == ev && x.event == Some(target))
            .map(|x| x.span)
    };
    assert!(mine(Evidence::SelectedSentence).any(|s| s == sentence));
    assert!(mine(Evidence::Trigger).any(|s| s == mention.trigger_span));
    assert!(sentence[0] <= mention.trigger_span[0] && mention.trigger_span[1] <= sentence[1]);
    for (span, ev) in [
        (mention.place_span, Evidence::Place),
        (mention.date_span, Evidence::Date),
    ] {
        if let Some(span) = span.filter(|s| s[1] <= body.len()) {
            assert!(mine(ev).any(|s| s == span), "{ev:?} {span:?} highlighted");
        }
    }
    for c in e.claims.iter().filter(|c| c.article == sources[0]) {
        assert!(
            mine(Evidence::Figure).any(|s| s == c.span),
            "figure {:?} highlighted",
            &body[c.span[0]..c.span[1]]
        );
    }
    h.get_by_label(&format!("Source 1 of {}", sources.len()));

    // The claims table: a row per claim, so one per source that gives a figure, with the
    // figure and the source's name side by side.
    let source_name = |id: &str| {
        let a = store.article(id).unwrap();
        a.source.clone().unwrap_or_else(|| a.rel_path.clone())
    };
    for c in &e.claims {
        let field = match c.field {
            chronomap::extract::ClaimField::Killed => "killed",
            chronomap::extract::ClaimField::Wounded => "wounded",
            chronomap::extract::ClaimField::Munitions => "munitions",
        };
        let figure = format!("{} {field}", c.value);
        assert!(
            h.get_all_by_label(&figure).next().is_some(),
            "claims table shows {figure:?}"
        );
    }
    let claim_sources: std::collections::BTreeSet<String> =
        e.claims.iter().map(|c| source_name(&c.article)).collect();
    for name in &claim_sources {
        let per_name = e
            .claims
            .iter()
            .filter(|c| source_name(&c.article) == *name)
            .count();
        assert!(
            h.get_all_by_label(name).count() >= per_name,
            "one claims row per figure from {name:?}"
        );
    }

    // "Next" steps to the second source article: "source 2 of N".
    h.get_by_label("Next").click();
    h.run_steps(3);
    let second = store.article_index(&sources[1]).unwrap();
    assert_eq!(h.state().article_pane.shown_article(), Some(second));
    h.get_by_label(&format!("Source 2 of {}", sources.len()));
}

/// A day between two event days at least `min_gap` days apart, near the `q` quantile of the
/// event start days, so that a brush boundary there is not one pixel away from an event.
fn quiet_day(store: &Store, q: f64, min_gap: i64) -> NaiveDate {
    let mut days: Vec<NaiveDate> = store
        .events
        .iter()
        .flat_map(|e| [e.date.start, e.date.end])
        .collect();
    days.sort();
    days.dedup();
    let start = ((days.len() - 1) as f64 * q) as usize;
    (start..days.len() - 1)
        .chain((0..start).rev())
        .find(|&i| (days[i + 1] - days[i]).num_days() >= min_gap)
        .map(|i| days[i] + chrono::Duration::days((days[i + 1] - days[i]).num_days() / 2))
        .expect("a quiet stretch between events")
}

#[test]
fn sample_corpus_brushing_the_timeline_lists_exactly_the_events_in_range() {
    let mut h = loaded_sample();
    let store = h.state().store().clone();
    let (from, to) = (quiet_day(&store, 0.25, 6), quiet_day(&store, 0.7, 6));
    assert!(from < to);
    let tl = &h.state().timeline;
    let rect = tl.plot_rect().expect("timeline drawn");
    // Mid-day positions, so rounding cannot move a boundary to the next day.
    let x_of = |d: NaiveDate| {
        tl.screen_pos(chronomap::ui::timeline::day_x(d) + 0.5, 0.0)
            .unwrap()
            .x
    };
    let (x0, x1) = (x_of(from), x_of(to));
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
    let (a, b) = h.state().filter().time.expect("a brushed range");
    // A pixel is more than a day at this zoom: the range lands within a day or two of the
    // intended one, and the quiet stretches make that irrelevant for which events are in.
    assert!((a - from).num_days().abs() <= 2 && (b - to).num_days().abs() <= 2);
    let expected = events_touching(&store, a, b);
    assert_eq!(expected, events_touching(&store, from, to));
    assert!(!expected.is_empty() && expected.len() < store.events.len());
    assert_views_show(&h, &expected);
    let n = expected.len();
    h.get_by_label(&chronomap::ui::timeline::range_label(a, b, n));
    h.get_by_label(&format!("Events ({n} of {})", store.events.len()));
    h.get_by_label("Reset range").click();
    h.run_steps(3);
    let all: Vec<EventIdx> = (0..store.events.len()).collect();
    assert_views_show(&h, &all);
}

#[test]
fn sample_corpus_a_kind_filter_lists_exactly_the_events_of_that_kind() {
    let mut h = loaded_sample();
    let store = h.state().store().clone();
    // The most frequent kind (the test is only meaningful if it is not every event).
    let kind = EventKind::ALL
        .into_iter()
        .max_by_key(|k| store.events.iter().filter(|e| e.kind == *k).count())
        .unwrap();
    let expected: Vec<EventIdx> = (0..store.events.len())
        .filter(|&i| store.events[i].kind == kind)
        .collect();
    assert!(expected.len() < store.events.len());
    h.get_by_label(&format!("{} {}", kind.label(), expected.len()))
        .click();
    settle(&mut h);
    assert_views_show(&h, &expected);
    h.get_by_label(&format!(
        "Events ({} of {})",
        expected.len(),
        store.events.len()
    ));
    // The legend lists only that kind now.
    assert_eq!(h.state().filter().kinds.len(), 1);
}

/// A folder dropped on the window, as the windowing integration reports it.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_folder_on_the_window_loads_it_and_lists_it_under_recent() {
    let dir = tempfile::tempdir().unwrap();
    let dropped = dir.path().join("dropped-reports");
    std::fs::create_dir(&dropped).unwrap();
    std::fs::write(
        dropped.join("report.txt"),
        "Rockets hit an air base near Baghdad\n\nPublished 12 May 2021\n\nRockets hit an air base near Baghdad on Monday, officials said.\n",
    )
    .unwrap();
    let mut h = harness_for(ChronomapApp::with_store(hand_made_store(), "hand-made"));
    h.run_steps(2);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(dropped.clone())));
    wait_until_loaded(&mut h);
    let app = h.state();
    assert_eq!(app.store().articles.len(), 1);
    assert_eq!(app.store().articles[0].rel_path, "report.txt");
    assert!(!app.warnings_open(), "{:?}", app.store().warnings);
    assert_eq!(app.store().events.len(), 1);
    assert!(app.window_title().contains("dropped-reports"));
    assert_eq!(app.settings().recent.first(), Some(&vec![dropped.clone()]));
    // File → Recent offers it.
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Recent").hover();
    h.run_steps(3);
    h.get_by_label(&dropped.display().to_string());
}

#[test]
fn store_filtering_agrees_with_filter_matches_for_every_criterion() {
    use chronomap::store::Filter;
    let store = hand_made_store();
    let mut filters = vec![Filter::default()];
    let mut f = Filter::default();
    f.kinds.insert(EventKind::Airstrike);
    filters.push(f.clone());
    f.time = Some((day(2020, 1, 5), day(2020, 2, 10)));
    filters.push(f.clone());
    f.kinds.clear();
    // The month-long shelling touches this range only by its first day.
    f.time = Some((day(2020, 1, 20), day(2020, 2, 1)));
    filters.push(f.clone());
    let mut g = Filter::default();
    g.perpetrators.insert("Russia".into());
    filters.push(g.clone());
    g.perpetrators.clear();
    g.countries.insert("IQ".into());
    g.kinds.insert(EventKind::Airstrike);
    filters.push(g.clone());
    g = Filter::default();
    g.sources.insert("Wire Two".into());
    filters.push(g.clone());
    g = Filter::default();
    g.min_precision = Some(PlacePrecision::Town);
    filters.push(g.clone());
    g = Filter::default();
    g.text_query = "  PORT of basra ".into();
    filters.push(g);
    let mut sizes = Vec::new();
    for f in &filters {
        let hits = store.articles_matching_text(&f.text_query);
        let mut expected: Vec<EventIdx> = (0..store.events.len())
            .filter(|&i| f.matches(&store, i, hits.as_deref()))
            .collect();
        let mut got = store.filtered(f);
        // `filtered` lists in time order.
        assert!(
            got.windows(2)
                .all(|w| store.events[w[0]].date.start <= store.events[w[1]].date.start)
        );
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{f:?}");
        sizes.push(got.len());
    }
    // The cases really narrow the list (numbers read off the hand-made store).
    assert_eq!(sizes, vec![4, 2, 2, 2, 1, 1, 2, 3, 2]);
}

/// A pin that no report's words support (clustering put it where the article's story is)
/// says so on the event card, and a reported place does not.
#[test]
fn an_event_placed_from_its_story_says_so_on_its_card() {
    let made = hand_made_store();
    let mut events = made.events.clone();
    let shelling = events
        .iter_mut()
        .find(|e| e.id == "e4")
        .expect("the shelling event");
    for m in &mut shelling.mentions {
        m.place_span = None;
    }
    let store = Store::new(made.articles.clone(), events, Vec::new());
    let mut h = harness_for(ChronomapApp::with_store(store, "hand-made"));
    h.run_steps(4);
    let note = Event::INFERRED_PLACE_NOTE;
    h.get_all_by_label("Eastern Syria")
        .next()
        .expect("row of the shelling")
        .click();
    h.run_steps(4);
    let store = h.state().store().clone();
    assert_eq!(h.state().selection().event, Some(event_index(&store, "e4")));
    h.get_by_label(note);
    h.get_all_by_label("Camp Alpha")
        .next()
        .expect("row of the rocket attack")
        .click();
    h.run_steps(4);
    assert_eq!(h.state().selection().event, Some(event_index(&store, "e1")));
    assert!(
        h.query_by_label(note).is_none(),
        "a reported place is not inferred"
    );
}
