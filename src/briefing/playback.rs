//! Playback: a "current day" that advances smoothly over a date range, and which events are
//! visible at that moment, with how strongly (fading) and whether they just appeared (pulse).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::store::{EventIdx, Store};

/// Days since 1 Jan of year 1 (CE), as a float so playback can sit between two days.
pub fn day_number(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// The calendar day that contains a day number (fractions are rounded down).
pub fn from_day_number(n: f64) -> NaiveDate {
    let days = n.floor().clamp(1.0, 3_000_000.0) as i32;
    NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MIN)
}

pub const MIN_DAYS_PER_SECOND: f64 = 0.5;
pub const MAX_DAYS_PER_SECOND: f64 = 60.0;
/// Cumulative mode never fades an event below this, so the history stays readable.
pub const MIN_ALPHA: f32 = 0.25;
/// A new event pulses for this long in wall-clock seconds (converted to days by the speed).
pub const PULSE_SECONDS: f64 = 0.8;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum PlaybackMode {
    /// Only events from the last `days` days are shown.
    MovingWindow { days: f64 },
    /// Events stay once they have happened; they fade over `fade_days` to `MIN_ALPHA`.
    Cumulative { fade_days: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Playback {
    pub playing: bool,
    /// Clamped to 0.5–60.
    pub days_per_second: f64,
    pub mode: PlaybackMode,
    pub looping: bool,
    /// The current moment as a day number (see [`day_number`]).
    pub current: f64,
    /// First day of the played range.
    pub start: f64,
    /// Last day of the played range; playback ends at the end of this day.
    pub end: f64,
}

impl Default for Playback {
    fn default() -> Self {
        Self {
            playing: false,
            days_per_second: 7.0,
            mode: PlaybackMode::Cumulative { fade_days: 30.0 },
            looping: false,
            current: 0.0,
            start: 0.0,
            end: 0.0,
        }
    }
}

impl Playback {
    /// A stopped playback over an inclusive range, positioned at its start.
    pub fn over(first: NaiveDate, last: NaiveDate) -> Self {
        let mut p = Self::default();
        p.set_range(first, last);
        p
    }

    /// Sets the played range and moves the current day into it.
    pub fn set_range(&mut self, first: NaiveDate, last: NaiveDate) {
        let (a, b) = (day_number(first.min(last)), day_number(first.max(last)));
        self.start = a;
        self.end = b + 1.0;
        self.current = self.current.clamp(self.start, self.end);
    }

    pub fn set_speed(&mut self, days_per_second: f64) {
        self.days_per_second = if days_per_second.is_finite() {
            days_per_second.clamp(MIN_DAYS_PER_SECOND, MAX_DAYS_PER_SECOND)
        } else {
            MIN_DAYS_PER_SECOND
        };
    }

    pub fn toggle(&mut self) {
        if !self.playing && self.current >= self.end {
            self.current = self.start;
        }
        self.playing = !self.playing;
    }

    /// Moves time forward by `dt_seconds` of wall-clock time when playing. At the end it
    /// loops to the start or stops. Returns true when the current day changed.
    pub fn advance(&mut self, dt_seconds: f64) -> bool {
        if !self.playing || !dt_seconds.is_finite() || dt_seconds <= 0.0 {
            return false;
        }
        let before = self.current;
        self.current += dt_seconds
            * self
                .days_per_second
                .clamp(MIN_DAYS_PER_SECOND, MAX_DAYS_PER_SECOND);
        if self.current >= self.end {
            if self.looping && self.end > self.start {
                self.current = self.start + (self.current - self.end) % (self.end - self.start);
            } else {
                self.current = self.end;
                self.playing = false;
            }
        }
        self.current != before
    }

    /// Steps whole days (-1 back, +1 forward), snapping to the start of a day.
    pub fn step(&mut self, days: i32) {
        let base = if days < 0 && self.current.fract() > 0.0 {
            self.current.floor() + 1.0
        } else {
            self.current.floor()
        };
        self.current = (base + f64::from(days)).clamp(self.start, self.end);
    }

    /// The calendar day being shown.
    pub fn current_date(&self) -> NaiveDate {
        from_day_number(self.current.min(self.end - 1.0).max(self.start))
    }

    /// 0 at the start of the range, 1 at its end.
    pub fn progress(&self) -> f64 {
        if self.end > self.start {
            ((self.current - self.start) / (self.end - self.start)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// The events of `filtered` that are on the map now: (event, alpha 0–1, pulse 0–1).
    /// An event appears at the start of its first day; pulse is 1 when it appears and
    /// falls to 0 over `PULSE_SECONDS` of playback.
    pub fn visible(&self, store: &Store, filtered: &[EventIdx]) -> Vec<(EventIdx, f32, f32)> {
        let pulse_days = (PULSE_SECONDS * self.days_per_second).max(0.5);
        let now = self.current;
        filtered
            .iter()
            .filter_map(|&i| {
                let e = store.events.get(i)?;
                let start = day_number(e.date.start);
                let end = day_number(e.date.end) + 1.0;
                if now < start {
                    return None;
                }
                let alpha = match self.mode {
                    PlaybackMode::MovingWindow { days } => {
                        if end < now - days.max(0.0) {
                            return None;
                        }
                        1.0f32
                    }
                    PlaybackMode::Cumulative { fade_days } => {
                        let age = (now - end).max(0.0);
                        let fraction = if fade_days <= 0.0 {
                            0.0
                        } else {
                            1.0 - age / fade_days
                        };
                        fraction.clamp(f64::from(MIN_ALPHA), 1.0) as f32
                    }
                };
                let since = now - start;
                let pulse = if since < pulse_days {
                    (1.0 - since / pulse_days) as f32
                } else {
                    0.0
                };
                Some((i, alpha, pulse))
            })
            .collect()
    }
}
