//! The embedded basemap: projection, land/water, rivers, labels and mesh validity.

use chronomap::basemap::{
    self, Basemap, HasBbox, Layers, Polyline, lonlat_to_world, triangle_area2, visible,
    world_to_lonlat,
};
use std::sync::OnceLock;

const BAGHDAD: (f64, f64) = (44.3661, 33.3152);
const DEIR_EZ_ZOR: (f64, f64) = (40.1408, 35.3359);

fn map() -> &'static Basemap {
    // Decode the embedded bytes directly so a decoding error fails the test with its message
    // (Basemap::global() would fall back to an empty map).
    static MAP: OnceLock<Basemap> = OnceLock::new();
    MAP.get_or_init(|| Basemap::from_bytes(basemap::EMBEDDED).expect("embedded basemap decodes"))
}

/// Slippy-map tile of a place at a zoom, from the usual tile formula written independently.
fn tile_of(lon: f64, lat: f64, zoom: u32) -> (u32, u32) {
    let n = f64::from(1u32 << zoom);
    let lat_r = lat.to_radians();
    let x = ((lon + 180.0) / 360.0 * n).floor();
    let y =
        ((1.0 - (lat_r.tan() + 1.0 / lat_r.cos()).ln() / std::f64::consts::PI) / 2.0 * n).floor();
    (x as u32, y as u32)
}

#[test]
fn projection_matches_tile_math() {
    assert_eq!(lonlat_to_world(0.0, 0.0), [0.5, 0.5]);
    let corner = lonlat_to_world(-180.0, basemap::MAX_LATITUDE);
    assert!(
        corner[0].abs() < 1e-12 && corner[1].abs() < 1e-9,
        "{corner:?}"
    );
    let [x, y] = lonlat_to_world(BAGHDAD.0, BAGHDAD.1);
    // Baghdad lies in tile 638/411 at zoom 10.
    assert_eq!(tile_of(BAGHDAD.0, BAGHDAD.1, 10), (638, 411));
    assert_eq!(
        ((x * 1024.0).floor() as u32, (y * 1024.0).floor() as u32),
        (638, 411)
    );
    for zoom in [3, 8, 14] {
        let n = f64::from(1u32 << zoom);
        let tile = tile_of(BAGHDAD.0, BAGHDAD.1, zoom);
        assert_eq!(
            ((x * n).floor() as u32, (y * n).floor() as u32),
            tile,
            "zoom {zoom}"
        );
    }
    // Beyond Web Mercator's limit the point sits on the square's edge instead of at infinity.
    assert_eq!(lonlat_to_world(10.0, -90.0)[1], 1.0);
}

#[test]
fn projection_round_trips() {
    for lon in (-180..=180).step_by(15) {
        for lat in (-85..=85).step_by(5) {
            let (lon, lat) = (f64::from(lon), f64::from(lat));
            let (lon2, lat2) = world_to_lonlat(lonlat_to_world(lon, lat));
            assert!(
                (lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9,
                "{lon},{lat} → {lon2},{lat2}"
            );
        }
    }
}

#[test]
fn land_and_water_are_where_they_belong() {
    let map = map();
    assert!(map.is_land(BAGHDAD.0, BAGHDAD.1), "Baghdad on land");
    assert!(
        map.is_land(DEIR_EZ_ZOR.0 + 0.1, DEIR_EZ_ZOR.1),
        "Deir ez-Zor on land"
    );
    assert!(map.is_land(-60.0, -10.0), "Brazil on land");
    assert!(
        map.is_land(27.5, -29.5),
        "Lesotho, a hole in South Africa, is still land"
    );
    assert!(!map.is_land(-40.0, 30.0), "mid-Atlantic in water");
    assert!(!map.is_land(50.5, 42.0), "the Caspian Sea is water");
    assert!(!map.is_land(33.0, -1.0), "Lake Victoria is water");
    assert!(
        !map.is_land(35.5, 33.8) || map.is_land(35.9, 33.9),
        "Lebanon coast sanity"
    );
    // Antimeridian: Chukotka (Russia, east of 180°) and Fiji (both sides) are land, the
    // Pacific between them is not.
    assert!(map.is_land(-175.0, 66.0), "Chukotka on land");
    assert!(map.is_land(178.4, -17.8), "Viti Levu on land");
    assert!(!map.is_land(-170.0, 10.0), "central Pacific in water");
    assert!(map.is_land(0.0, -80.0), "Antarctica on land");
    // Coarse levels keep the big picture.
    for lod in &map.lods {
        assert!(
            lod.layers
                .is_land(to_f32(lonlat_to_world(BAGHDAD.0, BAGHDAD.1))),
            "lod < {}",
            lod.max_zoom
        );
        assert!(
            !lod.layers.is_land(to_f32(lonlat_to_world(-40.0, 30.0))),
            "lod < {}",
            lod.max_zoom
        );
    }
}

fn to_f32(p: [f64; 2]) -> [f32; 2] {
    [p[0] as f32, p[1] as f32]
}

/// Shortest distance in km from a place to a polyline (local equirectangular approximation
/// around the place, fine at tens of km).
fn km_to_line(line: &Polyline, (lon, lat): (f64, f64)) -> f64 {
    let km_per_deg_lat = 110.57;
    let km_per_deg_lon = 111.32 * lat.to_radians().cos();
    let local = |p: &[f32; 2]| {
        let (plon, plat) = world_to_lonlat([f64::from(p[0]), f64::from(p[1])]);
        ((plon - lon) * km_per_deg_lon, (plat - lat) * km_per_deg_lat)
    };
    line.points
        .windows(2)
        .map(|w| {
            let (a, b) = (local(&w[0]), local(&w[1]));
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len2 = dx * dx + dy * dy;
            let t = if len2 == 0.0 {
                0.0
            } else {
                (-(a.0 * dx + a.1 * dy) / len2).clamp(0.0, 1.0)
            };
            (a.0 + t * dx).hypot(a.1 + t * dy)
        })
        .fold(f64::INFINITY, f64::min)
}

fn nearest_named(rivers: &[Polyline], name: &str, place: (f64, f64)) -> f64 {
    rivers
        .iter()
        .filter(|r| r.name.as_deref() == Some(name))
        .map(|r| km_to_line(r, place))
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn tigris_and_euphrates_are_named_and_in_place() {
    let map = map();
    let tigris = nearest_named(&map.rivers, "Tigris", BAGHDAD);
    assert!(tigris < 20.0, "Tigris is {tigris:.1} km from Baghdad");
    let euphrates = nearest_named(&map.rivers, "Euphrates", DEIR_EZ_ZOR);
    assert!(
        euphrates < 20.0,
        "Euphrates is {euphrates:.1} km from Deir ez-Zor"
    );
    // The names are not smeared over the wrong river.
    assert!(nearest_named(&map.rivers, "Euphrates", BAGHDAD) > 20.0);
    assert!(nearest_named(&map.rivers, "Tigris", DEIR_EZ_ZOR) > 100.0);
    // Both rivers are drawn from zoom 3 on, and stay in the coarser levels of detail.
    for r in map
        .rivers
        .iter()
        .filter(|r| matches!(r.name.as_deref(), Some("Tigris" | "Euphrates")))
    {
        assert!(r.min_zoom <= 3.0, "{:?} min_zoom {}", r.name, r.min_zoom);
    }
    let regional = map.lod(5.0);
    assert!(nearest_named(&regional.rivers, "Tigris", BAGHDAD) < 20.0);
    assert!(nearest_named(&regional.rivers, "Euphrates", DEIR_EZ_ZOR) < 20.0);
}

#[test]
fn labels_cover_capitals_and_regional_cities() {
    let map = map();
    let label = |name: &str| {
        map.labels
            .iter()
            .find(|l| l.text == name)
            .unwrap_or_else(|| panic!("no label {name}"))
    };
    for capital in [
        "Baghdad", "Damascus", "Tehran", "Amman", "Beirut", "Ankara", "Paris", "Tokyo",
    ] {
        let l = label(capital);
        assert!(l.is_capital, "{capital} is a capital");
        assert!(l.min_zoom <= 4.0, "{capital} min_zoom {}", l.min_zoom);
    }
    let erbil = label("Erbil");
    assert!(
        !erbil.is_capital && erbil.min_zoom <= 6.0 && erbil.min_zoom >= 3.0,
        "{erbil:?}"
    );
    let baghdad = label("Baghdad");
    assert!((baghdad.lon - BAGHDAD.0).abs() < 0.2 && (baghdad.lat - BAGHDAD.1).abs() < 0.2);
    let w = lonlat_to_world(baghdad.lon, baghdad.lat);
    assert!((f64::from(baghdad.world[0]) - w[0]).abs() < 1e-6);
    // Small Iraqi and Syrian towns appear only when zoomed in.
    let small: Vec<_> = map
        .labels
        .iter()
        .filter(|l| l.population < 50_000 && !l.is_capital)
        .collect();
    assert!(!small.is_empty());
    assert!(
        small.iter().all(|l| l.min_zoom >= 8.0),
        "towns under 50k appear from zoom 8"
    );
    // Sorted by rank, so a placer can go in order; a few thousand in all.
    assert!(map.labels.windows(2).all(|w| w[0].rank <= w[1].rank));
    assert!(
        (1_000..10_000).contains(&map.labels.len()),
        "{} labels",
        map.labels.len()
    );
    // Every country has its capital: at least 200 capitals.
    assert!(map.labels.iter().filter(|l| l.is_capital).count() >= 200);
}

fn check_layers(name: &str, layers: &Layers) {
    assert!(
        !layers.land.is_empty() && !layers.coastlines.is_empty() && !layers.borders.is_empty(),
        "{name}"
    );
    for mesh in layers.land.iter().chain(&layers.lakes) {
        assert_eq!(mesh.indices.len() % 3, 0, "{name}");
        assert!(!mesh.indices.is_empty(), "{name}");
        for t in mesh.indices.chunks_exact(3) {
            assert!(
                t.iter().all(|&i| (i as usize) < mesh.vertices.len()),
                "{name}: index out of range"
            );
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize]);
            assert!(triangle_area2(a, b, c) != 0.0, "{name}: zero-area triangle");
            // No triangle spans half the world: that is what an antimeridian spike looks
            // like. Only Antarctica, a band along the bottom edge, legitimately does.
            let span = a[0].max(b[0]).max(c[0]) - a[0].min(b[0]).min(c[0]);
            let top = a[1].min(b[1]).min(c[1]);
            assert!(
                span < 0.5 || top > 0.7,
                "{name}: triangle spans {span} of the world at y {top}"
            );
        }
        for v in &mesh.vertices {
            assert!(
                (0.0..=1.0).contains(&v[0]) && (0.0..=1.0).contains(&v[1]),
                "{name}: {v:?}"
            );
            let b = mesh.bbox;
            assert!(
                v[0] >= b[0] && v[0] <= b[2] && v[1] >= b[1] && v[1] <= b[3],
                "{name}: bbox"
            );
        }
    }
    for line in layers
        .coastlines
        .iter()
        .chain(&layers.borders)
        .chain(&layers.rivers)
    {
        assert!(line.points.len() >= 2, "{name}");
        for w in line.points.windows(2) {
            assert!(
                (w[1][0] - w[0][0]).abs() < 0.5,
                "{name}: a line jumps across the antimeridian"
            );
        }
    }
    assert!(
        layers
            .coastlines
            .iter()
            .chain(&layers.borders)
            .all(|l| l.name.is_none())
    );
}

#[test]
fn meshes_and_lines_are_valid_at_every_level() {
    let map = map();
    assert!(map.lods.len() >= 2);
    for lod in &map.lods {
        check_layers(&format!("lod < {}", lod.max_zoom), &lod.layers);
    }
    check_layers(
        "top level",
        &Layers {
            land: map.land.clone(),
            lakes: map.lakes.clone(),
            coastlines: map.coastlines.clone(),
            borders: map.borders.clone(),
            rivers: map.rivers.clone(),
        },
    );
}

#[test]
fn lod_picks_coarser_geometry_when_zoomed_out() {
    let map = map();
    let points = |l: &Layers| l.coastlines.iter().map(|c| c.points.len()).sum::<usize>();
    let world = points(map.lod(1.0));
    let region = points(map.lod(6.0));
    let street = points(map.lod(12.0));
    assert!(
        world < region && region <= street,
        "{world} {region} {street}"
    );
    assert_eq!(
        street,
        map.coastlines.iter().map(|c| c.points.len()).sum::<usize>()
    );
    // The 10m detail covers Iraq: its full-detail borders have many more points than the
    // world view's.
    let iraq = [0.60, 0.35, 0.66, 0.42].map(|v: f64| v as f32);
    let border_points = |l: &Layers| {
        visible(&l.borders, iraq)
            .map(|b| b.points.len())
            .sum::<usize>()
    };
    assert!(border_points(map.lod(12.0)) > 4 * border_points(map.lod(1.0)));
}

#[test]
fn visible_culls_by_bbox() {
    let map = map();
    let [x, y] = lonlat_to_world(BAGHDAD.0, BAGHDAD.1);
    let view = [x - 0.01, y - 0.01, x + 0.01, y + 0.01].map(|v| v as f32);
    let near: Vec<_> = visible(&map.borders, view).collect();
    assert!(!near.is_empty() && near.len() < map.borders.len() / 10);
    assert!(near.iter().all(|b| {
        let bb = b.bbox();
        bb[0] <= view[2] && bb[2] >= view[0] && bb[1] <= view[3] && bb[3] >= view[1]
    }));
    let labels: Vec<_> = visible(&map.labels, view)
        .map(|l| l.text.as_str())
        .collect();
    assert!(labels.contains(&"Baghdad"), "{labels:?}");
}

#[test]
fn corrupt_data_is_an_error_not_a_panic() {
    let bytes = basemap::EMBEDDED;
    assert!(Basemap::from_bytes(&[]).is_err());
    assert!(Basemap::from_bytes(b"not a basemap at all").is_err());
    for cut in [20, 1000, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Basemap::from_bytes(&bytes[..cut]).is_err(),
            "truncated at {cut}"
        );
    }
    // Flip bytes throughout the file: either an error or a valid map, never a panic.
    let mut damaged = bytes.to_vec();
    for i in (30..damaged.len()).step_by(9973) {
        damaged[i] ^= 0xA5;
    }
    let _ = Basemap::from_bytes(&damaged);
    let mut huge_count = bytes[..basemap::format::MAGIC.len() + 1].to_vec();
    huge_count.extend([0xff, 0xff, 0xff, 0xff, 0x0f]);
    assert!(Basemap::from_bytes(&huge_count).is_err());
}

#[test]
fn global_is_the_embedded_map() {
    let g = Basemap::global();
    assert_eq!(g.labels.len(), map().labels.len());
    assert_eq!(g.land.len(), map().land.len());
}

/// Both sides of every land border in and around the Middle East are land: where the 10m
/// countries meet 50m neighbours, no sliver of water may open along the border.
#[test]
fn no_water_slivers_along_borders() {
    let map = map();
    let region = {
        let a = lonlat_to_world(20.0, 45.0);
        let b = lonlat_to_world(65.0, 12.0);
        [a[0], a[1], b[0], b[1]].map(|v| v as f32)
    };
    let land_at = |p: [f64; 2]| map.land.iter().any(|m| m.contains(to_f32(p)));
    let (mut checked, mut wet) = (0usize, Vec::new());
    for border in visible(&map.borders, region) {
        for w in border.points.windows(2) {
            let (a, b) = (w[0].map(f64::from), w[1].map(f64::from));
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len = dx.hypot(dy);
            if len == 0.0 {
                continue;
            }
            // About 300 m to each side of the segment's midpoint (world units near 35°N).
            let off = 300.0 / (40_075_000.0 * 35f64.to_radians().cos());
            let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
            let n = [-dy / len * off, dx / len * off];
            for side in [
                [mid[0] + n[0], mid[1] + n[1]],
                [mid[0] - n[0], mid[1] - n[1]],
            ] {
                checked += 1;
                if !land_at(side) {
                    wet.push(world_to_lonlat(side));
                }
            }
        }
    }
    assert!(checked > 1000, "{checked} border samples");
    // Borders through lakes and along river mouths are legitimately wet on one side.
    let share = wet.len() as f64 / checked as f64;
    assert!(
        share < 0.01,
        "{} of {checked} border samples in water, e.g. {:?}",
        wet.len(),
        &wet[..wet.len().min(5)]
    );
}

#[test]
fn labels_use_conventional_english_names_and_drop_suburbs() {
    let map = map();
    let find = |name: &str| map.labels.iter().find(|l| l.text == name);
    for name in [
        "Mosul",
        "Raqqa",
        "Samarra",
        "Deir ez-Zor",
        "Aleppo",
        "Kirkuk",
        "Basra",
        "Fallujah",
    ] {
        assert!(find(name).is_some(), "no label {name}");
    }
    // Transliterations with diacritics are folded: every label reads in plain ASCII.
    let non_ascii: Vec<_> = map
        .labels
        .iter()
        .filter(|l| !l.text.is_ascii())
        .map(|l| l.text.as_str())
        .collect();
    assert!(non_ascii.is_empty(), "{non_ascii:?}");
    // "New Mosul" (a GeoNames entry more populous than Mosul itself) lies within 15 km of it.
    let mosul = find("Mosul").unwrap();
    let near_mosul: Vec<_> = map
        .labels
        .iter()
        .filter(|l| l.text != "Mosul")
        .filter(|l| (l.lon - mosul.lon).abs() < 0.15 && (l.lat - mosul.lat).abs() < 0.12)
        .map(|l| l.text.as_str())
        .collect();
    assert!(near_mosul.is_empty(), "{near_mosul:?}");
}
