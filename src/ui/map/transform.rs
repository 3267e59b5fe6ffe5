//! World units (Web Mercator, unit square) to screen points for one frame.
//!
//! Walkers' projector works per position; the basemap has hundreds of thousands of vertices,
//! so the panel derives this affine map once per frame from the projector (centre of the
//! widget and the zoom) and applies it with a multiply and an add per vertex.

use egui::{Pos2, Rect, pos2};
use walkers::Projector;

use crate::basemap::{lonlat_to_world, pixels_per_world_unit, world_to_lonlat};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldToScreen {
    pub center_world: [f64; 2],
    pub center_screen: Pos2,
    /// Screen points per world unit.
    pub scale: f64,
    pub rect: Rect,
}

impl WorldToScreen {
    pub fn from_projector(projector: &Projector<'_>) -> Self {
        let rect = projector.clip_rect();
        let center = projector.unproject(rect.center().to_vec2());
        Self::new(
            lonlat_to_world(center.x(), center.y()),
            rect,
            projector.zoom(),
        )
    }

    pub fn new(center_world: [f64; 2], rect: Rect, zoom: f64) -> Self {
        Self {
            center_world,
            center_screen: rect.center(),
            scale: pixels_per_world_unit(zoom),
            rect,
        }
    }

    pub fn apply(&self, w: [f64; 2]) -> Pos2 {
        pos2(
            self.center_screen.x + ((w[0] - self.center_world[0]) * self.scale) as f32,
            self.center_screen.y + ((w[1] - self.center_world[1]) * self.scale) as f32,
        )
    }

    pub fn apply32(&self, w: [f32; 2]) -> Pos2 {
        self.apply([f64::from(w[0]), f64::from(w[1])])
    }

    pub fn inverse(&self, p: Pos2) -> [f64; 2] {
        [
            self.center_world[0] + f64::from(p.x - self.center_screen.x) / self.scale,
            self.center_world[1] + f64::from(p.y - self.center_screen.y) / self.scale,
        ]
    }

    pub fn lonlat(&self, p: Pos2) -> (f64, f64) {
        world_to_lonlat(self.inverse(p))
    }

    /// The world rectangle the widget shows, grown by `margin` points, as
    /// `[min x, min y, max x, max y]` for `basemap::visible`.
    pub fn visible_world(&self, margin: f32) -> [f32; 4] {
        let r = self.rect.expand(margin);
        let a = self.inverse(r.min);
        let b = self.inverse(r.max);
        [a[0] as f32, a[1] as f32, b[0] as f32, b[1] as f32]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use walkers::{MapMemory, MercatorProjection, lon_lat};

    #[test]
    fn agrees_with_the_walkers_projector() {
        let rect = Rect::from_min_size(pos2(10.0, 20.0), egui::vec2(800.0, 600.0));
        for zoom in [2.0, 6.5, 12.0] {
            let mut memory = MapMemory::default();
            memory.set_zoom(zoom).unwrap();
            memory.center_at(lon_lat(44.0, 33.0));
            let projector = Projector::new(rect, &MercatorProjection, &memory, lon_lat(0.0, 0.0));
            let t = WorldToScreen::from_projector(&projector);
            for (lon, lat) in [(44.0, 33.0), (44.3, 33.2), (43.1, 34.6)] {
                let ours = t.apply(lonlat_to_world(lon, lat));
                let theirs = projector.project(lon_lat(lon, lat)).to_pos2();
                assert!(
                    (ours - theirs).length() < 0.05,
                    "zoom {zoom}: {ours:?} vs {theirs:?}"
                );
                // The inverse lands on the same screen point (f32 screen coordinates limit
                // the precision in degrees, not in points).
                let (lo, la) = t.lonlat(ours);
                assert!((t.apply(lonlat_to_world(lo, la)) - ours).length() < 0.01);
            }
        }
    }
}
