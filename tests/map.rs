//! The map panel in an egui_kittest harness, on a small hand-built store: clicking a marker
//! selects its event, hovering reports it, clusters zoom in, the buttons push their commands,
//! and snapshots of the drawn map.

use chrono::NaiveDate;
use egui::{Event as UiEvent, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use chronomap::corpus::DatePrecision;
use chronomap::extract::{DateRange, Event, EventKind, Place, PlacePrecision, Range};
use chronomap::store::{EventIdx, Selection, Store};
use chronomap::theme;
use chronomap::ui::command::Command;
use chronomap::ui::map::{MapContext, MapPanel, MapView};

#[allow(clippy::too_many_arguments)]
fn event(
    id: &str,
    kind: EventKind,
    name: &str,
    lon: f64,
    lat: f64,
    precision: PlacePrecision,
    perp: Option<&str>,
    killed: Option<u32>,
    day: u32,
) -> Event {
    let date = NaiveDate::from_ymd_opt(2020, 1, day).unwrap();
    Event {
        id: id.to_owned(),
        kind,
        date: DateRange {
            start: date,
            end: date,
            precision: DatePrecision::Day,
        },
        place: Some(Place {
            name: name.to_owned(),
            lat,
            lon,
            precision,
            country: Some("IQ".to_owned()),
            admin1: None,
            gazetteer_id: None,
        }),
        other_places: Vec::new(),
        perpetrator: perp.map(str::to_owned),
        perpetrator_qualifier: None,
        target: None,
        killed: killed.map(|k| Range { low: k, high: k }),
        wounded: None,
        claims: Vec::new(),
        mentions: Vec::new(),
        confidence: 0.9,
        kind_guessed: false,
    }
}

const ERBIL: EventIdx = 0;
const BAGHDAD: EventIdx = 1;
const BAGHDAD_AIRPORT: EventIdx = 2;
const QAIM: EventIdx = 3;
const ANBAR: EventIdx = 4;

fn store() -> Store {
    let events = vec![
        event(
            "e1",
            EventKind::DroneAttack,
            "Erbil",
            44.009,
            36.191,
            PlacePrecision::Town,
            Some("Kataib Hezbollah"),
            None,
            3,
        ),
        event(
            "e2",
            EventKind::RocketAttack,
            "Baghdad",
            44.366,
            33.315,
            PlacePrecision::Town,
            None,
            Some(1),
            5,
        ),
        event(
            "e3",
            EventKind::DroneStrike,
            "Baghdad airport",
            44.234,
            33.262,
            PlacePrecision::Point,
            Some("United States"),
            Some(10),
            3,
        ),
        event(
            "e4",
            EventKind::Airstrike,
            "Al-Qaim",
            41.04,
            34.37,
            PlacePrecision::Town,
            Some("United States"),
            Some(25),
            1,
        ),
        event(
            "e5",
            EventKind::Shelling,
            "Anbar",
            42.5,
            33.0,
            PlacePrecision::Province,
            Some("Turkey"),
            None,
            7,
        ),
    ];
    Store::new(Vec::new(), events, Vec::new())
}

struct State {
    panel: MapPanel,
    store: Store,
    visible: Vec<EventIdx>,
    selection: Selection,
    commands: Vec<Command>,
}

fn harness(view: MapView) -> Harness<'static, State> {
    let store = store();
    let visible = store.events_by_time().to_vec();
    let mut panel = MapPanel::new();
    panel.set_view(view, false);
    let state = State {
        panel,
        store,
        visible,
        selection: Selection::default(),
        commands: Vec::new(),
    };
    let mut h = Harness::builder()
        .with_size([900.0, 620.0])
        // Real frame times, so double clicks and flights behave as for a user.
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(200)
        .build_ui_state(
            |ui, s: &mut State| {
                let ctx = MapContext {
                    store: &s.store,
                    visible: &s.visible,
                    selection: &s.selection,
                    palette: &theme::DARK,
                    now: None,
                };
                s.panel.ui(ui, &ctx, &mut s.commands);
            },
            state,
        );
    h.run();
    h
}

fn click(h: &mut Harness<'static, State>, pos: Pos2) {
    h.hover_at(pos);
    h.step();
    for pressed in [true, false] {
        h.event(UiEvent::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
}

fn center(h: &Harness<'static, State>) -> Pos2 {
    h.state()
        .panel
        .last_rect()
        .expect("the map was drawn")
        .center()
}

fn view_at(lon: f64, lat: f64, zoom: f64) -> MapView {
    MapView {
        center_lon: lon,
        center_lat: lat,
        zoom,
    }
}

#[test]
fn clicking_a_marker_selects_its_event_and_hovering_reports_it() {
    let mut h = harness(view_at(44.009, 36.191, 8.0));
    let at = center(&h);
    click(&mut h, at);
    let cmds = &h.state().commands;
    assert!(cmds.contains(&Command::HoverEvent(Some(ERBIL))), "{cmds:?}");
    assert!(
        cmds.contains(&Command::SelectEvent(Some(ERBIL))),
        "{cmds:?}"
    );
    assert!(
        !cmds
            .iter()
            .any(|c| matches!(c, Command::SelectEvent(Some(i)) if *i != ERBIL)),
        "{cmds:?}"
    );

    // Leaving the marker withdraws the hover the map reported.
    h.hover_at(at + egui::vec2(200.0, 120.0));
    h.step();
    assert_eq!(h.state().commands.last(), Some(&Command::HoverEvent(None)));
}

#[test]
fn clicking_empty_map_selects_nothing() {
    let mut h = harness(view_at(44.009, 36.191, 8.0));
    let at = center(&h) + egui::vec2(150.0, 100.0);
    click(&mut h, at);
    assert!(
        !h.state()
            .commands
            .iter()
            .any(|c| matches!(c, Command::SelectEvent(_))),
        "{:?}",
        h.state().commands
    );
}

#[test]
fn clicking_a_cluster_zooms_in_until_it_splits() {
    // At zoom 5 the two Baghdad events (about 13 km apart) are one cluster.
    let mut h = harness(view_at(44.30, 33.29, 5.0));
    let rect = h.state().panel.last_rect().unwrap();
    let zoom_before = h.state().panel.view().zoom;
    // The cluster is drawn at the mean of its members, near the centre.
    click(&mut h, rect.center());
    assert!(
        !h.state()
            .commands
            .iter()
            .any(|c| matches!(c, Command::SelectEvent(_))),
        "{:?}",
        h.state().commands
    );
    assert!(h.state().panel.is_flying());
    h.run_steps(90);
    assert!(!h.state().panel.is_flying());
    let v = h.state().panel.view();
    assert!(
        v.zoom >= zoom_before + 1.0,
        "zoom {} after {}",
        v.zoom,
        zoom_before
    );
    // Now they are apart: the busier one (Baghdad airport, 10 killed) can be clicked alone.
    let t = chronomap::ui::map::transform::WorldToScreen::new(
        chronomap::basemap::lonlat_to_world(v.center_lon, v.center_lat),
        rect,
        v.zoom,
    );
    let airport = t.apply(chronomap::basemap::lonlat_to_world(44.234, 33.262));
    click(&mut h, airport);
    assert!(
        h.state()
            .commands
            .contains(&Command::SelectEvent(Some(BAGHDAD_AIRPORT))),
        "{:?}",
        h.state().commands
    );
    assert!(
        !h.state()
            .commands
            .contains(&Command::SelectEvent(Some(BAGHDAD)))
    );
}

#[test]
fn double_click_flies_to_the_event() {
    let mut h = harness(view_at(41.04, 34.37, 6.0));
    let at = center(&h);
    click(&mut h, at);
    click(&mut h, at);
    assert!(
        h.state()
            .commands
            .contains(&Command::SelectEvent(Some(QAIM)))
    );
    assert!(
        h.state().panel.is_flying(),
        "double click should start a flight"
    );
    h.run_steps(90);
    let v = h.state().panel.view();
    assert!(v.zoom >= 10.0, "zoomed to {}", v.zoom);
    assert!((v.center_lon - 41.04).abs() < 1e-6 && (v.center_lat - 34.37).abs() < 1e-6);
}

#[test]
fn buttons_push_fit_and_zoom_to_selection() {
    let mut h = harness(view_at(43.0, 34.0, 5.0));
    h.get_by_label("Fit all").click();
    h.run();
    assert!(h.state().commands.contains(&Command::FitAll));
    // Disabled without a selection; enabled with one.
    h.get_by_label("Zoom to selection").click();
    h.run();
    assert!(!h.state().commands.contains(&Command::ZoomToSelection));
    h.state_mut().selection.event = Some(ANBAR);
    h.run();
    h.get_by_label("Zoom to selection").click();
    h.run();
    assert!(h.state().commands.contains(&Command::ZoomToSelection));
}

#[test]
fn fit_frames_every_filtered_event() {
    let mut h = harness(view_at(0.0, 0.0, 3.0));
    let store = store();
    let all = store.events_by_time().to_vec();
    h.state_mut().panel.fit(&store, &all);
    h.run_steps(90);
    let rect = h.state().panel.last_rect().unwrap();
    let v = h.state().panel.view();
    let t = chronomap::ui::map::transform::WorldToScreen::new(
        chronomap::basemap::lonlat_to_world(v.center_lon, v.center_lat),
        rect,
        v.zoom,
    );
    for e in &store.events {
        let p = e.place.as_ref().unwrap();
        let at = t.apply(chronomap::basemap::lonlat_to_world(p.lon, p.lat));
        assert!(
            rect.shrink(20.0).contains(at),
            "{} at {at:?} outside {rect:?}",
            p.name
        );
    }
    assert!(v.zoom > 4.0, "fit should zoom in on Iraq, got {}", v.zoom);
}

#[test]
fn snapshot_overview_and_selected() {
    let mut h = harness(view_at(43.0, 34.2, 5.6));
    h.snapshot("map_overview");
    h.state_mut().selection.event = Some(QAIM);
    h.state_mut().selection.hovered = Some(ERBIL);
    h.state_mut()
        .panel
        .set_view(view_at(43.0, 34.2, 7.0), false);
    h.run();
    h.snapshot("map_selected");
}

#[test]
fn no_tile_source_exists_while_online_tiles_are_off() {
    let mut h = harness(view_at(44.0, 34.0, 6.0));
    h.run_steps(5);
    assert!(!h.state().panel.show_online_tiles, "online tiles start off");
    assert!(
        !h.state().panel.has_online_tile_source(),
        "no HttpTiles may exist (and so no request be made) while the toggle is off"
    );
    // The toggle is offered, enabled and unchecked.
    let toggle = h.get_by_label("Online tiles");
    assert!(!toggle.accesskit_node().is_disabled());
    assert_eq!(
        toggle.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
}
