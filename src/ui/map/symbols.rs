//! Marker symbols (`theme::MarkerShape`) drawn with egui shapes, and the decisions about
//! how an event is shown: pin or area, size, fading.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Painter, Pos2, Shape, Stroke, pos2, vec2};

use crate::extract::{Event, PlacePrecision};
use crate::theme::{MarkerShape, Rgba};

/// Straight RGBA from `crate::theme` to egui's premultiplied colour.
pub fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

/// The same colour with its opacity scaled by `factor` (0..=1).
pub fn faded(c: Rgba, factor: f32) -> Color32 {
    let a = (f32::from(c[3]) * factor.clamp(0.0, 1.0)).round() as u8;
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], a)
}

/// How an event's place is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PlaceDrawing {
    /// A precise enough place: a symbol at the point.
    Pin,
    /// A province, region or country: a translucent area. `radius_m` is used when no
    /// polygon is known for the place.
    Area { radius_m: f64 },
}

/// Pin for towns and better; an area whose rough radius reflects the precision otherwise.
pub fn place_drawing(precision: PlacePrecision) -> PlaceDrawing {
    match precision {
        PlacePrecision::Point | PlacePrecision::Town | PlacePrecision::District => {
            PlaceDrawing::Pin
        }
        PlacePrecision::Province => PlaceDrawing::Area { radius_m: 60_000.0 },
        PlacePrecision::Region => PlaceDrawing::Area {
            radius_m: 150_000.0,
        },
        PlacePrecision::Country => PlaceDrawing::Area {
            radius_m: 300_000.0,
        },
    }
}

/// Marker radius in points for an event: the shared killed-count scale.
pub fn event_radius(event: &Event) -> f32 {
    crate::theme::marker_radius(event.killed.as_ref().map(|k| k.high))
}

/// Radius of a cluster bubble: grows with the logarithm of the count.
pub fn cluster_radius(count: u32) -> f32 {
    (9.0 + 3.5 * (count.max(1) as f32).log2()).min(26.0)
}

/// Draws one marker symbol. `fill` is the perpetrator colour; `outline` separates the
/// symbol from the basemap.
pub fn draw_marker(
    painter: &Painter,
    center: Pos2,
    shape: MarkerShape,
    radius: f32,
    fill: Color32,
    outline: Color32,
) {
    let r = radius;
    let stroke = Stroke::new(1.2, outline);
    let poly = |pts: Vec<Pos2>| Shape::convex_polygon(pts, fill, stroke);
    match shape {
        MarkerShape::Circle => {
            painter.circle(center, r, fill, stroke);
        }
        MarkerShape::Ring => {
            painter.circle_stroke(center, r, Stroke::new(3.5, outline));
            painter.circle_stroke(center, r, Stroke::new(2.2, fill));
            painter.circle_filled(center, r * 0.35, fill);
        }
        MarkerShape::Square => {
            let h = r * 0.85;
            painter.add(poly(vec![
                center + vec2(-h, -h),
                center + vec2(h, -h),
                center + vec2(h, h),
                center + vec2(-h, h),
            ]));
        }
        MarkerShape::TriangleUp => {
            painter.add(poly(triangle(center, r, false)));
        }
        MarkerShape::TriangleDown => {
            painter.add(poly(triangle(center, r, true)));
        }
        MarkerShape::Diamond => {
            painter.add(poly(diamond(center, r)));
        }
        MarkerShape::DiamondOutline => {
            let pts = diamond(center, r);
            painter.add(Shape::closed_line(pts.clone(), Stroke::new(3.6, outline)));
            painter.add(Shape::closed_line(pts, Stroke::new(2.2, fill)));
        }
        MarkerShape::Cross => {
            let h = r * 0.8;
            for (a, b) in [(vec2(-h, -h), vec2(h, h)), (vec2(-h, h), vec2(h, -h))] {
                painter.line_segment([center + a, center + b], Stroke::new(4.6, outline));
                painter.line_segment([center + a, center + b], Stroke::new(3.0, fill));
            }
        }
        MarkerShape::Star => {
            let pts = star(center, r * 1.15);
            // A star is not convex: a fan from the centre fills it correctly.
            let mut mesh = Mesh::default();
            mesh.vertices.push(Vertex {
                pos: center,
                uv: WHITE_UV,
                color: fill,
            });
            for p in &pts {
                mesh.vertices.push(Vertex {
                    pos: *p,
                    uv: WHITE_UV,
                    color: fill,
                });
            }
            let n = pts.len() as u32;
            for i in 0..n {
                mesh.indices.extend_from_slice(&[0, 1 + i, 1 + (i + 1) % n]);
            }
            painter.add(Shape::mesh(mesh));
            painter.add(Shape::closed_line(pts, stroke));
        }
    }
}

fn triangle(c: Pos2, r: f32, down: bool) -> Vec<Pos2> {
    let s = if down { -1.0 } else { 1.0 };
    vec![
        pos2(c.x, c.y - s * r * 1.1),
        pos2(c.x + r, c.y + s * r * 0.75),
        pos2(c.x - r, c.y + s * r * 0.75),
    ]
}

fn diamond(c: Pos2, r: f32) -> Vec<Pos2> {
    let r = r * 1.1;
    vec![
        pos2(c.x, c.y - r),
        pos2(c.x + r, c.y),
        pos2(c.x, c.y + r),
        pos2(c.x - r, c.y),
    ]
}

fn star(c: Pos2, r: f32) -> Vec<Pos2> {
    (0..10)
        .map(|i| {
            let rr = if i % 2 == 0 { r } else { r * 0.45 };
            let a = std::f32::consts::PI * (i as f32) / 5.0 - std::f32::consts::FRAC_PI_2;
            pos2(c.x + rr * a.cos(), c.y + rr * a.sin())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_only_for_coarse_places_and_grow_with_coarseness() {
        assert_eq!(place_drawing(PlacePrecision::Point), PlaceDrawing::Pin);
        assert_eq!(place_drawing(PlacePrecision::Town), PlaceDrawing::Pin);
        assert_eq!(place_drawing(PlacePrecision::District), PlaceDrawing::Pin);
        let r = |p| match place_drawing(p) {
            PlaceDrawing::Area { radius_m } => radius_m,
            PlaceDrawing::Pin => panic!("{p:?} should be an area"),
        };
        assert!(r(PlacePrecision::Province) < r(PlacePrecision::Region));
        assert!(r(PlacePrecision::Region) < r(PlacePrecision::Country));
        // Same rule as the shared type.
        for p in [
            PlacePrecision::Province,
            PlacePrecision::Region,
            PlacePrecision::Country,
        ] {
            assert!(p.is_area());
        }
    }

    #[test]
    fn cluster_bubbles_grow_with_count_but_stay_bounded() {
        assert!(cluster_radius(2) < cluster_radius(20));
        assert!(cluster_radius(20) < cluster_radius(200));
        assert_eq!(cluster_radius(1_000_000), 26.0);
    }

    #[test]
    fn colour_conversion_keeps_opaque_colours_and_fades() {
        assert_eq!(color([10, 20, 30, 255]), Color32::from_rgb(10, 20, 30));
        assert_eq!(faded([10, 20, 30, 255], 0.0).a(), 0);
        assert_eq!(faded([10, 20, 30, 200], 0.5).a(), 100);
    }

    #[test]
    fn star_has_ten_points_within_radius() {
        let pts = star(pos2(0.0, 0.0), 10.0);
        assert_eq!(pts.len(), 10);
        assert!(pts.iter().all(|p| p.to_vec2().length() <= 10.0 + 1e-4));
    }
}
