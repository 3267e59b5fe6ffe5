//! Exports: PNG, slide deck (PNGs, HTML, PDF), GIF, GeoJSON, CSV and KML, checked by decoding
//! or parsing what was written.

mod briefing_common;
mod common;

use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use briefing_common::{day, store};
use chronomap::briefing::{PlaybackMode, SlideView, Storyboard, draft_from_selection};
use chronomap::export::deck::{
    DeckOptions, render_deck, write_deck_html, write_deck_pdf, write_slide_pngs,
};
use chronomap::export::gif::{GifOptions, GifOutcome, export_gif};
use chronomap::export::render::{RenderOptions, Scene};
use chronomap::store::Filter;

fn view() -> SlideView {
    SlideView {
        center_lon: 42.5,
        center_lat: 34.0,
        zoom: 5.5,
    }
}

#[test]
fn png_decodes_with_the_requested_size_and_draws_events() {
    let s = store();
    let dir = tempfile::tempdir().unwrap();
    let all = s.filtered(&Filter::default());
    for (w, h) in [(640u32, 360u32), (1000, 1400)] {
        let path = dir.path().join(format!("view-{w}.png"));
        let mut opts = RenderOptions::new(w, h, view());
        opts.title = Some("Strikes, Dec 2019 – Mar 2020".into());
        chronomap::export::png::write_png(&path, &s, &Scene::all(&all), &opts).unwrap();
        let img = image::open(&path).unwrap().to_rgba8();
        assert_eq!((img.width(), img.height()), (w, h));
        // The United States perpetrator colour appears where the al-Qaim strike is drawn.
        let us = chronomap::theme::perpetrator_color(Some("United States"));
        let found = img.pixels().any(|p| p.0[..3] == us[..3]);
        assert!(found, "no pixel in the US perpetrator colour at {w}x{h}");
    }
    // An empty view still renders (no events, no panic).
    let path = dir.path().join("empty.png");
    chronomap::export::png::write_png(
        &path,
        &s,
        &Scene::default(),
        &RenderOptions::new(320, 200, view()),
    )
    .unwrap();
    assert_eq!(image::open(&path).unwrap().width(), 320);
}

fn board() -> Storyboard {
    let s = store();
    let selected: Vec<usize> = (0..s.events.len()).collect();
    let mut slides = draft_from_selection(&s, &selected);
    slides[0].caption = "First slide <with> & markup".into();
    Storyboard { slides }
}

#[test]
fn deck_html_has_every_slide_image_and_caption_and_pngs_and_pdf_are_valid() {
    let s = store();
    let b = board();
    let opts = DeckOptions {
        width: 480,
        height: 300,
        ..DeckOptions::default()
    };
    let images = render_deck(&s, &b, &opts, &|_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(images.len(), b.slides.len());
    let dir = tempfile::tempdir().unwrap();

    let pngs = write_slide_pngs(dir.path(), &images).unwrap();
    assert_eq!(pngs.len(), b.slides.len());
    for p in &pngs {
        let img = image::open(p).unwrap();
        assert_eq!((img.width(), img.height()), (480, 300));
    }

    let html_path = dir.path().join("deck.html");
    write_deck_html(&html_path, "Briefing", &b, &images).unwrap();
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert_eq!(
        html.matches("data:image/png;base64,").count(),
        b.slides.len()
    );
    assert!(html.contains("First slide &lt;with&gt; &amp; markup"));
    for slide in &b.slides[1..] {
        assert!(
            html.contains(&slide.caption.replace('&', "&amp;")),
            "caption missing: {}",
            slide.caption
        );
    }
    assert!(html.contains("ArrowRight") && html.contains("ArrowLeft"));
    assert!(
        !html.contains("http://") && !html.contains("src=\"https"),
        "deck must be offline"
    );

    let pdf_path = dir.path().join("deck.pdf");
    write_deck_pdf(&pdf_path, "Briefing", &images).unwrap();
    let doc = lopdf::Document::load(&pdf_path).unwrap();
    let pages = doc.get_pages();
    assert_eq!(pages.len(), b.slides.len());
    // Each page carries one image of the slide's size.
    let mut images_found = 0;
    for (_, obj) in doc.objects.iter() {
        if let Ok(stream) = obj.as_stream()
            && stream.dict.get(b"Subtype").and_then(|s| s.as_name()).ok()
                == Some(b"Image".as_slice())
        {
            assert_eq!(stream.dict.get(b"Width").unwrap().as_i64().unwrap(), 480);
            let data = stream.decompressed_content().unwrap();
            assert_eq!(data.len(), 480 * 300 * 3);
            images_found += 1;
        }
    }
    assert_eq!(images_found, b.slides.len());
}

#[test]
fn gif_decodes_with_the_expected_frame_count_and_cancel_leaves_no_file() {
    let s = store();
    let filtered = s.filtered(&Filter::default());
    let opts = GifOptions {
        render: RenderOptions::new(320, 200, view()),
        start: day(2019, 12, 25),
        end: day(2020, 1, 13),
        days_per_second: 10.0,
        fps: 5,
        mode: PlaybackMode::Cumulative { fade_days: 10.0 },
        hold_end_seconds: 1.0,
    };
    // 20 days at 10 days/s = 2 s at 5 fps = 10 frames, plus the final frame.
    assert_eq!(opts.frame_count(), 11);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("play.gif");
    let seen = Mutex::new(Vec::new());
    let outcome = export_gif(
        &path,
        &s,
        &filtered,
        &opts,
        &|p| seen.lock().unwrap().push(p),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(
        matches!(outcome, GifOutcome::Written { frames: 11, .. }),
        "{outcome:?}"
    );
    assert!(seen.lock().unwrap().iter().any(|&p| (p - 1.0).abs() < 1e-6));

    let file = std::fs::File::open(&path).unwrap();
    let mut decoder = gif::DecodeOptions::new();
    decoder.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = decoder.read_info(file).unwrap();
    let mut frames = Vec::new();
    while let Some(f) = decoder.read_next_frame().unwrap() {
        assert_eq!((f.width, f.height), (320, 200));
        frames.push(f.buffer.to_vec());
    }
    assert_eq!(frames.len(), 11);
    // Time moves: the first and last frames differ (events appear, the cursor moves).
    assert_ne!(frames[0], frames[10]);

    let cancelled = dir.path().join("cancelled.gif");
    let outcome = export_gif(
        &cancelled,
        &s,
        &filtered,
        &opts,
        &|_| {},
        &AtomicBool::new(true),
    )
    .unwrap();
    assert!(matches!(outcome, GifOutcome::Cancelled));
    assert!(!cancelled.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn event_exports_hold_the_filtered_events() {
    let s = store();
    let filter = Filter {
        time: Some((day(2019, 12, 1), day(2020, 1, 31))),
        ..Filter::default()
    };
    let idx = s.filtered(&filter);
    assert_eq!(idx.len(), 4, "the Taji event in March is filtered out");
    let events: Vec<_> = idx.iter().map(|&i| s.events[i].clone()).collect();
    let dir = tempfile::tempdir().unwrap();

    let gj = dir.path().join("events.geojson");
    chronomap::export::geojson::write_events_geojson(&gj, &s.articles, &events).unwrap();
    let parsed: geojson::GeoJson = std::fs::read_to_string(&gj).unwrap().parse().unwrap();
    let geojson::GeoJson::FeatureCollection(fc) = parsed else {
        panic!("not a FeatureCollection")
    };
    assert_eq!(fc.features.len(), 4);

    let csv_path = dir.path().join("events.csv");
    chronomap::export::csv::write_events_csv_file(&csv_path, &s.articles, &events).unwrap();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(reader.records().count(), 4);

    let kml_path = dir.path().join("events.kml");
    chronomap::export::kml::write_events_kml(&kml_path, &s.articles, &events).unwrap();
    let kml = std::fs::read_to_string(&kml_path).unwrap();
    let placemarks: Vec<&str> = kml.split("<Placemark").skip(1).collect();
    assert_eq!(placemarks.len(), 4);
    for p in &placemarks {
        assert!(
            p.contains("<TimeStamp><when>") || p.contains("<TimeSpan><begin>"),
            "{p}"
        );
    }
    // Day-precision event → TimeStamp; month-wide → TimeSpan over the month.
    assert!(kml.contains("<TimeStamp><when>2019-12-29</when></TimeStamp>"));
    assert!(kml.contains("<TimeSpan><begin>2020-01-01</begin><end>2020-01-31</end></TimeSpan>"));
    assert!(
        kml.contains("Reuters") && kml.contains("AP"),
        "sources are cited"
    );
    assert!(kml.contains("<coordinates>41.090000,34.370000,0</coordinates>"));
}

#[test]
fn slide_annotations_are_drawn_in_the_deck_images_at_their_map_coordinates() {
    let s = store();
    let plain = Storyboard {
        slides: vec![board().slides[1].clone()],
    };
    let mut annotated = plain.clone();
    let view = annotated.slides[0].view;
    // A label north-east of the slide's centre with an arrow back to the centre.
    let (lon, lat) = (view.center_lon + 1.0, view.center_lat + 0.6);
    annotated.slides[0]
        .annotations
        .push(chronomap::briefing::Annotation {
            lon,
            lat,
            text: "Depot".into(),
            arrow_to: Some((view.center_lon, view.center_lat)),
        });
    let opts = DeckOptions {
        width: 640,
        height: 400,
        caption_in_image: false,
        ..DeckOptions::default()
    };
    let render = |b: &Storyboard| {
        render_deck(&s, b, &opts, &|_| {}, &AtomicBool::new(false)).unwrap()[0].clone()
    };
    let (before, after) = (render(&plain), render(&annotated));
    let mut r = RenderOptions::new(opts.width, opts.height, view);
    r.palette = opts.palette;
    let renderer = chronomap::export::render::Renderer::new(r);
    let changed_near = |(x, y): (f32, f32), half: i32| {
        let mut n = 0;
        for dy in -half..=half {
            for dx in -half..=half {
                let (px, py) = ((x as i32 + dx) as u32, (y as i32 + dy) as u32);
                n += usize::from(before.pixel(px, py) != after.pixel(px, py));
            }
        }
        n
    };
    let label = renderer.project(lon, lat);
    let (cx, cy) = renderer.project(view.center_lon, view.center_lat);
    let middle = ((label.0 + cx) / 2.0, (label.1 + cy) / 2.0);
    assert!(
        changed_near((label.0 + 12.0, label.1 - 5.0), 10) > 30,
        "label"
    );
    assert!(changed_near(middle, 4) > 5, "arrow");
    // Far from the note nothing changes.
    assert_eq!(changed_near((40.0, 200.0), 10), 0);
}

/// Decoded PNG export of the hand-made store (every event shown and counted on the timeline).
fn png_of(opts: &RenderOptions, scene: &Scene) -> image::RgbaImage {
    let s = store();
    let bytes = chronomap::export::png::render_png(&s, scene, opts).unwrap();
    image::load_from_memory(&bytes).unwrap().to_rgba8()
}

/// Positions of the pixels that differ between two images of one size.
fn differing(a: &image::RgbaImage, b: &image::RgbaImage) -> Vec<(u32, u32)> {
    assert_eq!(a.dimensions(), b.dimensions());
    a.enumerate_pixels()
        .filter(|(x, y, p)| b.get_pixel(*x, *y) != *p)
        .map(|(x, y, _)| (x, y))
        .collect()
}

#[test]
fn png_export_draws_the_title_legend_attribution_and_timeline_strip_where_they_belong() {
    let s = store();
    let all = s.filtered(&Filter::default());
    let scene = Scene::all(&all);
    let (w, h) = (1000u32, 700u32);
    let mut opts = RenderOptions::new(w, h, view());
    opts.title = Some("Strikes on US forces".into());
    // At pixel ratio 1: a 50 px title band, a timeline strip of 16 % of the height (112 px),
    // the map in between.
    let (map_top, map_bottom) = (50u32, h - 112);
    let full = png_of(&opts, &scene);

    // Title: another title changes only the band at the top.
    let retitled = png_of(
        &RenderOptions {
            title: Some("Rockets and drones".into()),
            ..opts.clone()
        },
        &scene,
    );
    let d = differing(&full, &retitled);
    assert!(d.len() > 100, "the title is drawn ({} pixels)", d.len());
    assert!(d.iter().all(|&(_, y)| y < map_top), "only the title band");

    // Legend: turning it off changes only the lower left of the map.
    let no_legend = png_of(
        &RenderOptions {
            show_legend: false,
            ..opts.clone()
        },
        &scene,
    );
    let d = differing(&full, &no_legend);
    assert!(d.len() > 500, "the legend is drawn ({} pixels)", d.len());
    assert!(
        d.iter()
            .all(|&(x, y)| x < w / 2 && y >= (map_top + map_bottom) / 2 && y < map_bottom),
        "the legend sits in the lower left of the map"
    );

    // Timeline strip: a border line on top of it, and its event counts only inside it.
    let border = chronomap::theme::DARK.border;
    assert_eq!(full.get_pixel(w / 2, map_bottom).0[..3], border[..3]);
    let uncounted = png_of(
        &opts,
        &Scene {
            timeline_events: Vec::new(),
            ..Scene::all(&all)
        },
    );
    let d = differing(&full, &uncounted);
    assert!(
        d.len() > 50,
        "the timeline draws the events ({} pixels)",
        d.len()
    );
    assert!(d.iter().all(|&(_, y)| y > map_bottom), "only in the strip");
    let no_strip = png_of(
        &RenderOptions {
            show_timeline: false,
            ..opts.clone()
        },
        &scene,
    );
    assert_ne!(no_strip.get_pixel(w / 2, map_bottom).0[..3], border[..3]);

    // Attribution: the same box in the bottom right of the map wherever the map looks, with
    // text in it; the rest of the map changes with the view.
    let moved = png_of(
        &RenderOptions {
            view: SlideView {
                center_lon: 50.0,
                center_lat: 28.0,
                zoom: 4.5,
            },
            ..opts.clone()
        },
        &scene,
    );
    let text = format!("{} · chronomap", chronomap::basemap::ATTRIBUTION);
    let tw = chronomap::export::render::text_width(&text, 11.0, false) as u32;
    let (bx, by) = (w - tw - 4, map_bottom - 19);
    let d = differing(&full, &moved);
    assert!(
        d.iter().any(|&(_, y)| y > map_top && y < map_bottom),
        "the map moved"
    );
    // The box is translucent over the map; its text is opaque in the palette's text colour.
    let ink = chronomap::theme::DARK.text;
    let near_ink = |p: [u8; 4]| -> bool {
        (0..3)
            .map(|c| u32::from(p[c].abs_diff(ink[c])))
            .sum::<u32>()
            < 90
    };
    let inked = |img: &image::RgbaImage| -> Vec<(u32, u32)> {
        (by..map_bottom)
            .flat_map(|y| (bx..w).map(move |x| (x, y)))
            .filter(|&(x, y)| near_ink(img.get_pixel(x, y).0))
            .collect()
    };
    let text_pixels = inked(&full);
    assert!(
        text_pixels.len() > 40,
        "the attribution text is drawn ({} pixels)",
        text_pixels.len()
    );
    let moved_pixels = inked(&moved);
    let shared = text_pixels
        .iter()
        .filter(|p| moved_pixels.contains(p))
        .count();
    assert!(
        shared * 10 >= text_pixels.len() * 9 && shared * 10 >= moved_pixels.len() * 9,
        "the attribution stays put ({shared} of {} and {})",
        text_pixels.len(),
        moved_pixels.len()
    );
    // No such text left of the box on the same rows (the map there has no labels in it).
    let left_of_box = (by..map_bottom)
        .flat_map(|y| (bx - tw..bx - 8).map(move |x| (x, y)))
        .filter(|&(x, y)| near_ink(full.get_pixel(x, y).0))
        .count();
    assert!(left_of_box < text_pixels.len() / 4, "{left_of_box}");
}

#[test]
fn png_and_event_exports_report_their_progress_as_files_land() {
    let s = store();
    let all = s.filtered(&Filter::default());
    let dir = tempfile::tempdir().unwrap();

    // PNG: fractions rise to 1, and the file is there exactly when 1 is reported.
    let png = dir.path().join("view.png");
    let seen: Mutex<Vec<(f32, bool)>> = Mutex::new(Vec::new());
    chronomap::export::png::write_png_with_progress(
        &png,
        &s,
        &Scene::all(&all),
        &RenderOptions::new(800, 500, view()),
        &|f| seen.lock().unwrap().push((f, png.exists())),
    )
    .unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
    assert!(
        seen.iter().all(|&(f, exists)| exists == (f == 1.0)),
        "{seen:?}"
    );

    // Events: one step per chosen file, each reported once that file is written.
    let events: Vec<_> = all.iter().map(|&i| s.events[i].clone()).collect();
    let base = dir.path().join("events");
    let seen: Mutex<Vec<(f32, usize)>> = Mutex::new(Vec::new());
    let count_files = || {
        ["geojson", "csv", "kml"]
            .iter()
            .filter(|e| base.with_extension(e).exists())
            .count()
    };
    let written = chronomap::export::write_event_files(
        &base,
        &s.articles,
        &events,
        chronomap::export::EventFormats {
            geojson: true,
            csv: true,
            kml: true,
        },
        &|f| seen.lock().unwrap().push((f, count_files())),
    )
    .unwrap();
    assert_eq!(written.len(), 3);
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 3, "{seen:?}");
    for (k, &(f, files)) in seen.iter().enumerate() {
        assert!((f - (k + 1) as f32 / 3.0).abs() < 1e-6, "{seen:?}");
        assert_eq!(files, k + 1, "{seen:?}");
    }
    // Only CSV chosen: one step straight to 1, one file.
    let only = dir.path().join("only-csv");
    let seen: Mutex<Vec<f32>> = Mutex::new(Vec::new());
    let written = chronomap::export::write_event_files(
        &only,
        &s.articles,
        &events,
        chronomap::export::EventFormats {
            geojson: false,
            csv: true,
            kml: false,
        },
        &|f| seen.lock().unwrap().push(f),
    )
    .unwrap();
    assert_eq!(written, [only.with_extension("csv")]);
    assert_eq!(seen.into_inner().unwrap(), [1.0]);
}
