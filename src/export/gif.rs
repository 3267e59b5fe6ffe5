//! Animated GIF of the playback over a date range, at a chosen size, speed and frame rate.
//!
//! Speed matters (10 s at 1280×720 must take well under a minute on two cores), so:
//! the basemap is drawn once per export; frames are rendered and LZW-compressed in parallel
//! batches; and instead of quantizing each frame (NeuQuant), every frame maps to one fixed
//! 256-colour palette built from the theme colours through a 32k-entry lookup table.

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::render::{RenderOptions, Renderer, Scene};
use super::write_atomic_with;
use crate::briefing::{Playback, PlaybackMode, day_number};
use crate::extract::EventKind;
use crate::store::{EventIdx, Store};
use crate::theme::{self, Palette, Rgba};

#[derive(Debug, Clone, PartialEq)]
pub struct GifOptions {
    pub render: RenderOptions,
    /// Inclusive range played.
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days_per_second: f64,
    /// Frames per second; GIF delays are in 1/100 s, so 100/fps is rounded.
    pub fps: u32,
    pub mode: PlaybackMode,
    /// Seconds the last frame is held before the loop restarts.
    pub hold_end_seconds: f64,
}

impl GifOptions {
    /// Seconds of animation (without the hold at the end).
    pub fn duration_seconds(&self) -> f64 {
        let days = (day_number(self.end) - day_number(self.start)).abs() + 1.0;
        days / self.days_per_second.clamp(0.5, 60.0)
    }

    /// Frames the GIF will have.
    pub fn frame_count(&self) -> usize {
        (self.duration_seconds() * f64::from(self.fps.clamp(1, 50))).ceil() as usize + 1
    }
}

#[derive(Debug)]
pub enum GifOutcome {
    Written { frames: usize, bytes: u64 },
    Cancelled,
}

/// The fixed palette: the look's colours and symbol colours, blends of those over land and
/// water (fading events, anti-aliased edges), then an even colour cube and a grey ramp.
pub fn build_palette(p: &Palette, perpetrators: &[Option<&str>]) -> Vec<Rgba> {
    let mut keys: Vec<Rgba> = vec![
        p.water,
        p.land,
        p.border,
        p.coastline,
        p.river,
        p.lake,
        p.label,
        p.label_halo,
        p.selection,
        p.hover,
        p.text,
        p.panel,
    ];
    keys.extend(EventKind::ALL.iter().map(|k| theme::kind_color(*k)));
    keys.extend(perpetrators.iter().map(|n| theme::perpetrator_color(*n)));
    let mut colours: Vec<Rgba> = Vec::new();
    let push = |c: Rgba, colours: &mut Vec<Rgba>| {
        let c = [c[0], c[1], c[2], 255];
        let near = colours.iter().any(|o| {
            (0..3)
                .map(|k| (i32::from(o[k]) - i32::from(c[k])).abs())
                .sum::<i32>()
                < 10
        });
        if !near && colours.len() < 256 {
            colours.push(c);
        }
    };
    for &c in &keys {
        push(c, &mut colours);
    }
    for bg in [p.land, p.water, p.panel] {
        for &c in &keys[8..] {
            for t in [0.35f32, 0.65] {
                let mix =
                    |k: usize| (f32::from(c[k]) * t + f32::from(bg[k]) * (1.0 - t)).round() as u8;
                if colours.len() < 100 {
                    push([mix(0), mix(1), mix(2), 255], &mut colours);
                }
            }
        }
    }
    for r in 0..5u8 {
        for g in 0..6u8 {
            for b in 0..5u8 {
                push([r * 63, g * 51, b * 63, 255], &mut colours);
            }
        }
    }
    for v in 0..16u8 {
        push([v * 17, v * 17, v * 17, 255], &mut colours);
    }
    colours
}

/// Nearest palette entry for every 15-bit colour.
fn lookup_table(palette: &[Rgba]) -> Vec<u8> {
    (0..32768u32)
        .into_par_iter()
        .map(|key| {
            let r = ((key >> 10) & 31) * 255 / 31;
            let g = ((key >> 5) & 31) * 255 / 31;
            let b = (key & 31) * 255 / 31;
            let mut best = (u32::MAX, 0u8);
            for (i, c) in palette.iter().enumerate() {
                let d = |a: u32, b: u8| (a as i32 - i32::from(b)).pow(2) as u32;
                // Green weighs most to the eye.
                let dist = 2 * d(r, c[0]) + 4 * d(g, c[1]) + 3 * d(b, c[2]);
                if dist < best.0 {
                    best = (dist, i as u8);
                }
            }
            best.1
        })
        .collect()
}

/// Renders the playback and writes it as a looping GIF, atomically. `progress` receives the
/// fraction done (0–1) from worker threads; setting `cancel` stops the export and leaves no
/// file behind.
pub fn export_gif(
    path: &Path,
    store: &Store,
    filtered: &[EventIdx],
    opts: &GifOptions,
    progress: &(dyn Fn(f32) + Sync),
    cancel: &AtomicBool,
) -> io::Result<GifOutcome> {
    let (w, h) = (opts.render.width, opts.render.height);
    if w > u32::from(u16::MAX) || h > u32::from(u16::MAX) {
        return Err(io::Error::other(format!(
            "{}: a GIF cannot be larger than 65535 px",
            path.display()
        )));
    }
    let renderer = Renderer::new(opts.render.clone());
    let mut perps: Vec<Option<&str>> = Vec::new();
    for &i in filtered {
        if let Some(e) = store.events.get(i)
            && !perps.contains(&e.perpetrator.as_deref())
        {
            perps.push(e.perpetrator.as_deref());
        }
    }
    let palette = build_palette(&opts.render.palette, &perps);
    let lut = lookup_table(&palette);
    let flat_palette: Vec<u8> = {
        let mut v: Vec<u8> = palette.iter().flat_map(|c| [c[0], c[1], c[2]]).collect();
        v.resize(256 * 3, 0);
        v
    };
    let fps = opts.fps.clamp(1, 50);
    let delay = (100.0 / f64::from(fps)).round().max(2.0) as u16;
    let frames = opts.frame_count();
    let mut playback = Playback::over(opts.start, opts.end);
    playback.set_speed(opts.days_per_second);
    playback.mode = opts.mode;
    let window = |now: f64| match opts.mode {
        PlaybackMode::MovingWindow { days } => Some((now - days, now)),
        PlaybackMode::Cumulative { .. } => Some((playback.start, now)),
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    let render_frame = |k: usize| -> gif::Frame<'static> {
        let mut pb = playback.clone();
        pb.current = (pb.start + k as f64 / f64::from(fps) * pb.days_per_second).min(pb.end);
        let scene = Scene {
            events: pb.visible(store, filtered),
            highlighted: Vec::new(),
            timeline_events: filtered.to_vec(),
            time_range: Some((opts.start, opts.end)),
            now: Some(pb.current),
            window: window(pb.current),
            annotations: Vec::new(),
        };
        let pm = renderer.render(store, &scene);
        let indices: Vec<u8> = pm
            .pixels()
            .iter()
            .map(|px| {
                // Opaque image: premultiplied equals straight.
                let key = (usize::from(px.red() >> 3) << 10)
                    | (usize::from(px.green() >> 3) << 5)
                    | usize::from(px.blue() >> 3);
                lut[key]
            })
            .collect();
        let mut frame = gif::Frame::from_indexed_pixels(w as u16, h as u16, indices, None);
        frame.delay = if k + 1 == frames {
            delay + (opts.hold_end_seconds.max(0.0) * 100.0) as u16
        } else {
            delay
        };
        frame.make_lzw_pre_encoded();
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        progress(n as f32 / frames as f32);
        frame
    };
    let mut cancelled = false;
    let mut bytes = 0u64;
    let result = write_atomic_with(path, |out: &mut dyn Write| {
        let mut counter = CountingWriter {
            inner: out,
            count: 0,
        };
        let mut encoder =
            gif::Encoder::new(&mut counter, w as u16, h as u16, &flat_palette).map_err(to_io)?;
        encoder.set_repeat(gif::Repeat::Infinite).map_err(to_io)?;
        let batch = rayon::current_num_threads().max(1) * 4;
        let mut k = 0;
        while k < frames {
            if cancel.load(Ordering::Relaxed) {
                cancelled = true;
                return Err(io::Error::new(
                    io::ErrorKind::Interrupted,
                    "export cancelled",
                ));
            }
            let end = (k + batch).min(frames);
            let rendered: Vec<gif::Frame<'static>> =
                (k..end).into_par_iter().map(&render_frame).collect();
            for f in &rendered {
                encoder.write_lzw_pre_encoded_frame(f).map_err(to_io)?;
            }
            k = end;
        }
        drop(encoder);
        bytes = counter.count;
        Ok(())
    });
    match result {
        Ok(()) => Ok(GifOutcome::Written { frames, bytes }),
        Err(_) if cancelled => Ok(GifOutcome::Cancelled),
        Err(e) => Err(e),
    }
}

fn to_io(e: gif::EncodingError) -> io::Error {
    match e {
        gif::EncodingError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

struct CountingWriter<'a> {
    inner: &'a mut dyn Write,
    count: u64,
}

impl Write for CountingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
