//! Renders the embedded basemap to PNG files for a visual check, without a GPU.
//!
//! `cargo run --release --example basemap_preview -- OUT_DIR` writes `world.png` (zoom 2) and
//! `iraq_syria.png` (zoom 6 over the Tigris and Euphrates), and prints the load time.

use chronomap::basemap::{Basemap, Layers, lonlat_to_world, pixels_per_world_unit, visible};
use chronomap::theme::{LIGHT, Rgba};
use std::path::{Path, PathBuf};
use std::time::Instant;
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

#[derive(Clone, Copy)]
struct View {
    /// World coordinates of the top-left pixel.
    origin: [f64; 2],
    scale: f64,
    zoom: f32,
    width: u32,
    height: u32,
}

impl View {
    fn centred(lon: f64, lat: f64, zoom: f32, width: u32, height: u32) -> View {
        let scale = pixels_per_world_unit(f64::from(zoom));
        let c = lonlat_to_world(lon, lat);
        let origin = [
            c[0] - f64::from(width) / 2.0 / scale,
            c[1] - f64::from(height) / 2.0 / scale,
        ];
        View {
            origin,
            scale,
            zoom,
            width,
            height,
        }
    }

    fn px(&self, p: [f32; 2]) -> (f32, f32) {
        (
            ((f64::from(p[0]) - self.origin[0]) * self.scale) as f32,
            ((f64::from(p[1]) - self.origin[1]) * self.scale) as f32,
        )
    }

    fn world_rect(&self) -> [f32; 4] {
        let w = f64::from(self.width) / self.scale;
        let h = f64::from(self.height) / self.scale;
        [
            self.origin[0],
            self.origin[1],
            self.origin[0] + w,
            self.origin[1] + h,
        ]
        .map(|v| v as f32)
    }
}

fn paint(c: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(Color::from_rgba8(c[0], c[1], c[2], c[3]));
    p.anti_alias = true;
    p
}

fn render(map: &Basemap, view: &View, out: &Path) {
    let mut pix = Pixmap::new(view.width, view.height).expect("non-zero size");
    pix.fill(Color::from_rgba8(
        LIGHT.water[0],
        LIGHT.water[1],
        LIGHT.water[2],
        255,
    ));
    // Draw the world copies the view overlaps, so the antimeridian can be checked.
    for copy in -1..=1 {
        let shifted = View {
            origin: [view.origin[0] - f64::from(copy), view.origin[1]],
            ..*view
        };
        draw(map, &shifted, &mut pix);
    }
    pix.save_png(out).expect("write PNG");
    println!("wrote {}", out.display());
}

fn draw(map: &Basemap, view: &View, pix: &mut Pixmap) {
    let layers: &Layers = map.lod(view.zoom);
    let rect = view.world_rect();
    for (meshes, colour) in [(&layers.land, LIGHT.land), (&layers.lakes, LIGHT.water)] {
        let fill = paint(colour);
        for mesh in visible(meshes, rect) {
            let mut pb = PathBuilder::new();
            for t in mesh.indices.chunks_exact(3) {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| view.px(mesh.vertices[i as usize]));
                pb.move_to(a.0, a.1);
                pb.line_to(b.0, b.1);
                pb.line_to(c.0, c.1);
                pb.close();
            }
            if let Some(path) = pb.finish() {
                pix.fill_path(&path, &fill, FillRule::Winding, Transform::identity(), None);
            }
        }
    }
    let named_river: Rgba = [0x1c, 0x5d, 0xa8, 255];
    let strokes = [
        (&layers.rivers, LIGHT.river, 0.8),
        (&layers.coastlines, LIGHT.coastline, 0.8),
        (&layers.borders, LIGHT.border, 0.7),
    ];
    for (lines, colour, width) in strokes {
        for line in visible(lines, rect) {
            if line.min_zoom > view.zoom + 1.0 {
                continue;
            }
            let mut pb = PathBuilder::new();
            for (i, p) in line.points.iter().enumerate() {
                let (x, y) = view.px(*p);
                if i == 0 {
                    pb.move_to(x, y)
                } else {
                    pb.line_to(x, y)
                }
            }
            let (c, w) = if line.name.is_some() {
                (named_river, 1.6)
            } else {
                (colour, width)
            };
            if let Some(path) = pb.finish() {
                let stroke = Stroke {
                    width: w,
                    ..Stroke::default()
                };
                pix.stroke_path(&path, &paint(c), &stroke, Transform::identity(), None);
            }
        }
    }
    // Labels as dots (text is the UI's job): capitals larger.
    let dot = paint([0x30, 0x30, 0x30, 255]);
    for label in visible(&map.labels, rect).filter(|l| l.min_zoom <= view.zoom) {
        let (x, y) = view.px(label.world);
        let r = if label.is_capital { 3.0 } else { 1.5 };
        if let Some(circle) = PathBuilder::from_circle(x, y, r) {
            pix.fill_path(
                &circle,
                &dot,
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }
}

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/basemap-preview".into()),
    );
    std::fs::create_dir_all(&out).expect("create output folder");
    let start = Instant::now();
    let map = Basemap::global();
    println!(
        "loaded in {:.1} ms: {} land meshes, {} lines, {} labels, {} vertices over {} levels",
        start.elapsed().as_secs_f64() * 1000.0,
        map.land.len(),
        map.coastlines.len() + map.borders.len() + map.rivers.len(),
        map.labels.len(),
        map.vertex_count(),
        map.lods.len()
    );
    render(
        map,
        &View::centred(0.0, 20.0, 2.0, 1024, 900),
        &out.join("world.png"),
    );
    render(
        map,
        &View::centred(172.0, 60.0, 3.0, 1000, 700),
        &out.join("antimeridian.png"),
    );
    render(
        map,
        &View::centred(41.5, 34.5, 6.0, 1200, 900),
        &out.join("iraq_syria.png"),
    );
    render(
        map,
        &View::centred(44.4, 33.3, 9.0, 1000, 800),
        &out.join("baghdad.png"),
    );
    // The regional view uses the zoom < 5 level of detail.
    render(
        map,
        &View::centred(45.0, 30.0, 4.0, 1200, 900),
        &out.join("middle_east.png"),
    );
    // Where 10m Turkey meets 50m Greece and Bulgaria: the seam must not show.
    render(
        map,
        &View::centred(26.5, 41.6, 8.0, 1000, 800),
        &out.join("seam.png"),
    );
}
