//! Smooth "fly to": the centre moves along a straight line in Web-Mercator space while the
//! zoom eases to the target, dipping out first when the jump is long so the user keeps
//! their bearings. Pure logic, no egui: the panel feeds it the frame time.

use super::MapView;
use crate::basemap::{lonlat_to_world, world_to_lonlat};

/// Seconds a flight takes.
pub const DURATION: f64 = 0.9;

/// Smoothstep-like cubic: 0 → 0, 1 → 1, flat at both ends, monotone in between.
pub fn ease_in_out(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fly {
    from: MapView,
    to: MapView,
    from_world: [f64; 2],
    to_world: [f64; 2],
    /// How many zoom levels to back out at mid-flight.
    dip: f64,
    /// Frame time of the first frame, set on the first `step`.
    started: Option<f64>,
}

impl Fly {
    /// A flight between two views; `viewport_px` is the map's larger side, used to judge
    /// whether the target is off-screen (then the zoom dips).
    pub fn new(from: MapView, to: MapView, viewport_px: f64) -> Fly {
        let from_world = lonlat_to_world(from.center_lon, from.center_lat);
        let to_world = lonlat_to_world(to.center_lon, to.center_lat);
        let dist =
            ((to_world[0] - from_world[0]).powi(2) + (to_world[1] - from_world[1]).powi(2)).sqrt();
        let min_zoom = from.zoom.min(to.zoom);
        let dist_px = dist * crate::basemap::pixels_per_world_unit(min_zoom);
        let dip = if dist_px > viewport_px.max(1.0) {
            (dist_px / viewport_px.max(1.0)).log2().clamp(0.0, 4.0)
        } else {
            0.0
        };
        Fly {
            from,
            to,
            from_world,
            to_world,
            dip,
            started: None,
        }
    }

    pub fn target(&self) -> MapView {
        self.to
    }

    /// The view at progress `t` in [0, 1].
    pub fn sample(&self, t: f64) -> MapView {
        let e = ease_in_out(t);
        let w = [
            self.from_world[0] + (self.to_world[0] - self.from_world[0]) * e,
            self.from_world[1] + (self.to_world[1] - self.from_world[1]) * e,
        ];
        let (lon, lat) = world_to_lonlat(w);
        let zoom =
            self.from.zoom + (self.to.zoom - self.from.zoom) * e - self.dip * 4.0 * e * (1.0 - e);
        if t >= 1.0 {
            return self.to;
        }
        MapView {
            center_lon: lon,
            center_lat: lat,
            zoom,
        }
    }

    /// The view for the frame at time `now` (seconds), and whether the flight is over.
    pub fn step(&mut self, now: f64) -> (MapView, bool) {
        let start = *self.started.get_or_insert(now);
        let t = ((now - start) / DURATION).clamp(0.0, 1.0);
        (self.sample(t), t >= 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(lon: f64, lat: f64, zoom: f64) -> MapView {
        MapView {
            center_lon: lon,
            center_lat: lat,
            zoom,
        }
    }

    #[test]
    fn easing_is_monotone_and_pinned_at_the_ends() {
        assert_eq!(ease_in_out(0.0), 0.0);
        assert_eq!(ease_in_out(1.0), 1.0);
        let samples: Vec<f64> = (0..=100).map(|i| ease_in_out(i as f64 / 100.0)).collect();
        assert!(samples.windows(2).all(|w| w[1] >= w[0]), "{samples:?}");
        assert!((ease_in_out(0.5) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn flight_reaches_its_target_and_the_centre_approaches_monotonically() {
        let to = view(44.0, 36.2, 9.0);
        let mut fly = Fly::new(view(35.5, 33.9, 5.0), to, 1000.0);
        let mut last_dist = f64::INFINITY;
        let mut frame = 0.0;
        loop {
            let (v, done) = fly.step(frame);
            let w = lonlat_to_world(v.center_lon, v.center_lat);
            let t = lonlat_to_world(to.center_lon, to.center_lat);
            let d = ((w[0] - t[0]).powi(2) + (w[1] - t[1]).powi(2)).sqrt();
            assert!(
                d <= last_dist + 1e-12,
                "moved away from the target at {frame}"
            );
            last_dist = d;
            frame += 1.0 / 60.0;
            if done {
                assert_eq!(v, to);
                break;
            }
            assert!(frame < 2.0, "flight never finished");
        }
    }

    #[test]
    fn short_hop_zooms_monotonically_long_jump_dips() {
        let near = Fly::new(view(44.0, 33.0, 6.0), view(44.1, 33.1, 10.0), 1000.0);
        let zooms: Vec<f64> = (0..=20)
            .map(|i| near.sample(i as f64 / 20.0).zoom)
            .collect();
        assert!(zooms.windows(2).all(|w| w[1] >= w[0] - 1e-12), "{zooms:?}");

        let far = Fly::new(view(-74.0, 40.7, 10.0), view(44.0, 33.0, 10.0), 1000.0);
        assert!(
            far.sample(0.5).zoom < 10.0 - 1.0,
            "a long jump should back out"
        );
        assert_eq!(far.sample(1.0).zoom, 10.0);
    }
}
