//! The embedded offline basemap: land, lakes, coastlines, country borders, rivers and place
//! labels from Natural Earth and GeoNames, pre-projected to Web Mercator and tessellated once.
//!
//! Coordinates are "world units": Web Mercator scaled so the whole world is the unit square,
//! x east and y south (slippy-map tile coordinates at zoom 0). At map zoom `z` one world unit
//! is `256 · 2^z` screen pixels, so drawing is a scale and an offset per vertex.
//!
//! The data is rebuilt by `tools/build_basemap.py`; see `assets/basemap/ATTRIBUTION.md`.

pub mod format;

use rayon::prelude::*;
use std::sync::OnceLock;

/// The basemap file, compiled into the binary so the app works offline from any directory.
pub static EMBEDDED: &[u8] = include_bytes!("../../assets/basemap/basemap.bin");

/// Attribution to show on any map drawn from this data.
pub const ATTRIBUTION: &str = "Natural Earth (public domain) · GeoNames (CC BY 4.0)";

/// Web Mercator's latitude limit: the world square ends there.
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// Web Mercator "world units": x, y in [0, 1], x east, y south (same as slippy-map tiles at
/// zoom 0 scaled to 1). Latitudes beyond ±85.05° are clamped to the square's edge.
pub fn lonlat_to_world(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE);
    let x = (lon + 180.0) / 360.0;
    let s = lat.to_radians().sin();
    let y = 0.5 - ((1.0 + s) / (1.0 - s)).ln() / (4.0 * std::f64::consts::PI);
    [x, y.clamp(0.0, 1.0)]
}

/// Inverse of [`lonlat_to_world`]: (longitude, latitude) in degrees.
pub fn world_to_lonlat(p: [f64; 2]) -> (f64, f64) {
    let lon = p[0] * 360.0 - 180.0;
    let n = std::f64::consts::PI * (1.0 - 2.0 * p[1]);
    let lat = n.sinh().atan().to_degrees();
    (lon, lat)
}

/// Screen pixels per world unit at a slippy-map zoom level (256 px tiles).
pub fn pixels_per_world_unit(zoom: f64) -> f64 {
    256.0 * 2f64.powf(zoom)
}

/// Anything with a world-space bounding box `[min x, min y, max x, max y]`.
pub trait HasBbox {
    fn bbox(&self) -> [f32; 4];
}

/// A filled area (one land or lake polygon, holes included), as triangles.
#[derive(Debug, Clone, PartialEq)]
pub struct Mesh {
    /// World units.
    pub vertices: Vec<[f32; 2]>,
    /// Triangles: three indices into `vertices` each.
    pub indices: Vec<u32>,
    /// min x, min y, max x, max y.
    pub bbox: [f32; 4],
}

impl Mesh {
    /// Whether a world point lies inside one of the triangles.
    pub fn contains(&self, p: [f32; 2]) -> bool {
        if !in_bbox(self.bbox, p) {
            return false;
        }
        self.indices.chunks_exact(3).any(|t| {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| self.vertices[i as usize]);
            in_triangle(a, b, c, p)
        })
    }
}

/// A stroked line: coastline, border or river.
#[derive(Debug, Clone, PartialEq)]
pub struct Polyline {
    /// World units.
    pub points: Vec<[f32; 2]>,
    pub bbox: [f32; 4],
    /// The river's name, when the build named it (major rivers only); `None` for coastlines
    /// and borders.
    pub name: Option<String>,
    /// Below this zoom the line is minor and may be skipped (rivers; 0 for other lines).
    pub min_zoom: f32,
}

/// A place name to draw at a point.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    /// World units.
    pub world: [f32; 2],
    pub lon: f64,
    pub lat: f64,
    /// 0 = capital of a country of 20 M people or more, 1 = other capital, 2 = city over 5 M,
    /// 3 = over 1 M, 4 = over 300 k, 5 = over 100 k, 6 = Middle East town over 50 k,
    /// 7 = Iraq/Syria town over 15 k.
    pub rank: u8,
    /// Do not draw below this zoom.
    pub min_zoom: f32,
    pub is_capital: bool,
    pub population: u64,
}

impl HasBbox for Mesh {
    fn bbox(&self) -> [f32; 4] {
        self.bbox
    }
}

impl HasBbox for Polyline {
    fn bbox(&self) -> [f32; 4] {
        self.bbox
    }
}

impl HasBbox for Label {
    fn bbox(&self) -> [f32; 4] {
        [self.world[0], self.world[1], self.world[0], self.world[1]]
    }
}

/// The geometry of one level of detail.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layers {
    /// One mesh per land polygon (countries, pieces cut at the antimeridian).
    pub land: Vec<Mesh>,
    pub lakes: Vec<Mesh>,
    pub coastlines: Vec<Polyline>,
    /// Land borders between countries (not coastlines).
    pub borders: Vec<Polyline>,
    pub rivers: Vec<Polyline>,
}

impl Layers {
    /// Whether a world point is on land (inside a land mesh and not inside a lake).
    pub fn is_land(&self, p: [f32; 2]) -> bool {
        self.land.iter().any(|m| m.contains(p)) && !self.lakes.iter().any(|m| m.contains(p))
    }

    fn vertex_count(&self) -> usize {
        let meshes: usize = self
            .land
            .iter()
            .chain(&self.lakes)
            .map(|m| m.vertices.len())
            .sum();
        let lines: usize = self
            .coastlines
            .iter()
            .chain(&self.borders)
            .chain(&self.rivers)
            .map(|l| l.points.len())
            .sum();
        meshes + lines
    }
}

/// One level of detail: used for zooms below `max_zoom`.
#[derive(Debug, Clone, PartialEq)]
pub struct Lod {
    pub max_zoom: f32,
    pub layers: Layers,
}

/// The whole basemap. The top-level layers are the full detail; [`Basemap::lod`] gives
/// simplified copies for lower zooms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Basemap {
    pub land: Vec<Mesh>,
    pub lakes: Vec<Mesh>,
    pub coastlines: Vec<Polyline>,
    pub borders: Vec<Polyline>,
    pub rivers: Vec<Polyline>,
    /// Sorted by rank, then by falling population, so a collision-avoiding placer can take
    /// them in order.
    pub labels: Vec<Label>,
    /// Coarsest first; the last one is the full detail.
    pub lods: Vec<Lod>,
}

static GLOBAL: OnceLock<Basemap> = OnceLock::new();

impl Basemap {
    /// The embedded basemap, decoded and tessellated on first use.
    ///
    /// The embedded file is checked by the tests; should it ever fail to decode, the map gets
    /// an empty basemap and the error goes to stderr rather than taking the app down.
    pub fn global() -> &'static Basemap {
        GLOBAL.get_or_init(|| match Basemap::from_bytes(EMBEDDED) {
            Ok(map) => map,
            Err(err) => {
                eprintln!("chronomap: embedded basemap unusable: {err}");
                Basemap::default()
            }
        })
    }

    /// Decode a basemap file (the format of `assets/basemap/basemap.bin`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Basemap, format::FormatError> {
        let raw = format::decode(bytes)?;
        let names = raw.river_names;
        let lods: Vec<Lod> = raw
            .lods
            .into_par_iter()
            .map(|lod| Lod {
                max_zoom: lod.max_zoom,
                layers: Layers {
                    land: tessellate_all(lod.land),
                    lakes: tessellate_all(lod.lakes),
                    coastlines: lines(lod.coastlines, &names),
                    borders: lines(lod.borders, &names),
                    rivers: lines(lod.rivers, &names),
                },
            })
            .collect();
        let labels = raw
            .labels
            .into_iter()
            .map(|l| {
                let w = lonlat_to_world(l.lon, l.lat);
                Label {
                    text: l.text,
                    world: [w[0] as f32, w[1] as f32],
                    lon: l.lon,
                    lat: l.lat,
                    rank: l.rank,
                    min_zoom: l.min_zoom,
                    is_capital: l.is_capital,
                    population: l.population,
                }
            })
            .collect();
        let full = lods.last().map(|l| l.layers.clone()).unwrap_or_default();
        Ok(Basemap {
            land: full.land,
            lakes: full.lakes,
            coastlines: full.coastlines,
            borders: full.borders,
            rivers: full.rivers,
            labels,
            lods,
        })
    }

    /// The geometry to draw at a map zoom: the coarsest level whose detail is still below
    /// half a pixel at that zoom.
    pub fn lod(&self, zoom: f32) -> &Layers {
        static EMPTY: OnceLock<Layers> = OnceLock::new();
        self.lods
            .iter()
            .find(|l| zoom < l.max_zoom)
            .or(self.lods.last())
            .map(|l| &l.layers)
            .unwrap_or_else(|| EMPTY.get_or_init(Layers::default))
    }

    /// Whether a place is on land at full detail (outside lakes).
    pub fn is_land(&self, lon: f64, lat: f64) -> bool {
        let w = lonlat_to_world(lon, lat);
        let p = [w[0] as f32, w[1] as f32];
        self.land.iter().any(|m| m.contains(p)) && !self.lakes.iter().any(|m| m.contains(p))
    }

    /// Total vertices over all levels of detail (for diagnostics).
    pub fn vertex_count(&self) -> usize {
        self.lods.iter().map(|l| l.layers.vertex_count()).sum()
    }
}

/// Polylines/meshes intersecting a world-space rectangle `[min x, min y, max x, max y]`,
/// for culling. A view that spans the antimeridian should be queried once per world copy.
pub fn visible<T: HasBbox>(items: &[T], view: [f32; 4]) -> impl Iterator<Item = &T> {
    items.iter().filter(move |item| {
        let b = item.bbox();
        b[0] <= view[2] && b[2] >= view[0] && b[1] <= view[3] && b[3] >= view[1]
    })
}

fn in_bbox(b: [f32; 4], p: [f32; 2]) -> bool {
    p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3]
}

fn cross(o: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f64 {
    let (ox, oy) = (f64::from(o[0]), f64::from(o[1]));
    (f64::from(a[0]) - ox) * (f64::from(b[1]) - oy)
        - (f64::from(a[1]) - oy) * (f64::from(b[0]) - ox)
}

fn in_triangle(a: [f32; 2], b: [f32; 2], c: [f32; 2], p: [f32; 2]) -> bool {
    let (d1, d2, d3) = (cross(a, b, p), cross(b, c, p), cross(c, a, p));
    let has_neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let has_pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(has_neg && has_pos)
}

/// Twice the signed area of a triangle, computed in f64 from the stored f32 vertices.
pub fn triangle_area2(a: [f32; 2], b: [f32; 2], c: [f32; 2]) -> f64 {
    cross(a, b, c)
}

fn bbox_of(points: &[[f32; 2]]) -> [f32; 4] {
    points
        .iter()
        .fold([f32::MAX, f32::MAX, f32::MIN, f32::MIN], |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        })
}

fn lines(raw: Vec<format::RawLine>, names: &[String]) -> Vec<Polyline> {
    raw.into_iter()
        .map(|l| Polyline {
            bbox: bbox_of(&l.points),
            name: l.name.and_then(|i| names.get(i).cloned()),
            min_zoom: l.min_zoom,
            points: l.points,
        })
        .collect()
}

fn tessellate_all(polygons: Vec<Vec<format::RawPoints>>) -> Vec<Mesh> {
    polygons.into_par_iter().filter_map(tessellate).collect()
}

/// Triangulate one polygon (outer ring first, then holes) with earcut, dropping triangles
/// that have no area once the vertices are f32 (they would only cost time to draw).
fn tessellate(rings: Vec<format::RawPoints>) -> Option<Mesh> {
    let outer = rings.first()?;
    if outer.len() < 3 {
        return None;
    }
    let mut coords = Vec::with_capacity(rings.iter().map(|r| r.len() * 2).sum());
    let mut holes = Vec::with_capacity(rings.len().saturating_sub(1));
    let mut vertices = Vec::with_capacity(coords.capacity() / 2);
    for (i, ring) in rings.iter().enumerate() {
        if i > 0 {
            if ring.len() < 3 {
                continue;
            }
            holes.push(vertices.len());
        }
        for p in ring {
            coords.push(f64::from(p[0]));
            coords.push(f64::from(p[1]));
            vertices.push(*p);
        }
    }
    let triangles = earcutr::earcut(&coords, &holes, 2).ok()?;
    let mut indices = Vec::with_capacity(triangles.len());
    for t in triangles.chunks_exact(3) {
        if triangle_area2(vertices[t[0]], vertices[t[1]], vertices[t[2]]) != 0.0 {
            indices.extend(t.iter().map(|&i| i as u32));
        }
    }
    if indices.is_empty() {
        return None;
    }
    Some(Mesh {
        bbox: bbox_of(outer),
        vertices,
        indices,
    })
}
