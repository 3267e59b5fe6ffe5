//! Decoder for `assets/basemap/basemap.bin`, written by `tools/build_basemap.py`.
//!
//! Layout (all integers are LEB128 varints unless marked `u8`; `zz` = zigzag varint):
//! ```text
//! magic "CHRONOMAP-BASEMAP\0", u8 version (= 1)
//! river names: count, then each: len, UTF-8 bytes
//! lods: count, then each:
//!     u8 max_zoom × 10 (255 = no upper limit)
//!     land, lakes:  polygon count; each: ring count; each ring: points
//!     coastlines, borders, rivers: line count; each: name id (0 = none, else index + 1),
//!                                  u8 min_zoom × 10, points
//! labels: count, then each: text, zz lon × 1e5, zz lat × 1e5, population, u8 is_capital,
//!         u8 rank, u8 min_zoom × 10
//! "END"
//! points: count, then per point zz dx, zz dy from the previous point (from 0, 0 for the
//!         first) in Web Mercator world units × 2^24
//! ```
//! Geometry is stored pre-projected, so loading only dequantizes and tessellates.

use std::fmt;

pub const MAGIC: &[u8] = b"CHRONOMAP-BASEMAP\0";
pub const VERSION: u8 = 1;
/// World units per quantization step in the file.
pub const GRID: f64 = (1u64 << 24) as f64;

/// A decoding failure: the byte offset says where the file stopped making sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub offset: usize,
    pub what: &'static str,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "basemap data is malformed at byte {}: {}",
            self.offset, self.what
        )
    }
}

impl std::error::Error for FormatError {}

/// A ring or line as decoded: world units.
pub type RawPoints = Vec<[f32; 2]>;

pub struct RawLine {
    pub name: Option<usize>,
    pub min_zoom: f32,
    pub points: RawPoints,
}

pub struct RawLod {
    pub max_zoom: f32,
    pub land: Vec<Vec<RawPoints>>,
    pub lakes: Vec<Vec<RawPoints>>,
    pub coastlines: Vec<RawLine>,
    pub borders: Vec<RawLine>,
    pub rivers: Vec<RawLine>,
}

pub struct RawLabel {
    pub text: String,
    pub lon: f64,
    pub lat: f64,
    pub population: u64,
    pub is_capital: bool,
    pub rank: u8,
    pub min_zoom: f32,
}

pub struct RawBasemap {
    pub river_names: Vec<String>,
    pub lods: Vec<RawLod>,
    pub labels: Vec<RawLabel>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn fail<T>(&self, what: &'static str) -> Result<T, FormatError> {
        Err(FormatError {
            offset: self.pos,
            what,
        })
    }

    fn u8(&mut self) -> Result<u8, FormatError> {
        match self.bytes.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => self.fail("unexpected end of data"),
        }
    }

    fn varint(&mut self) -> Result<u64, FormatError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        self.fail("varint longer than 64 bits")
    }

    fn zigzag(&mut self) -> Result<i64, FormatError> {
        let v = self.varint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A count that must be plausible for the bytes left (each item takes at least
    /// `min_item_bytes`), so a corrupt count cannot trigger a huge allocation.
    fn count(&mut self, min_item_bytes: usize) -> Result<usize, FormatError> {
        let n = self.varint()?;
        let left = (self.bytes.len() - self.pos) as u64;
        if n.saturating_mul(min_item_bytes as u64) > left {
            return self.fail("count larger than the remaining data");
        }
        Ok(n as usize)
    }

    fn text(&mut self) -> Result<String, FormatError> {
        let len = self.count(1)?;
        let slice = &self.bytes[self.pos..self.pos + len];
        match std::str::from_utf8(slice) {
            Ok(s) => {
                self.pos += len;
                Ok(s.to_owned())
            }
            Err(_) => self.fail("text is not UTF-8"),
        }
    }

    fn zoom(&mut self) -> Result<f32, FormatError> {
        Ok(match self.u8()? {
            255 => f32::INFINITY,
            z => f32::from(z) / 10.0,
        })
    }

    fn points(&mut self) -> Result<RawPoints, FormatError> {
        let n = self.count(2)?;
        let mut out = Vec::with_capacity(n);
        let (mut x, mut y) = (0i64, 0i64);
        for _ in 0..n {
            x += self.zigzag()?;
            y += self.zigzag()?;
            let p = [(x as f64 / GRID) as f32, (y as f64 / GRID) as f32];
            if !(0.0..=1.0).contains(&p[0]) || !(0.0..=1.0).contains(&p[1]) {
                return self.fail("point outside the world square");
            }
            out.push(p);
        }
        Ok(out)
    }

    fn polygons(&mut self) -> Result<Vec<Vec<RawPoints>>, FormatError> {
        let n = self.count(2)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let rings = self.count(1)?;
            let mut polygon = Vec::with_capacity(rings);
            for _ in 0..rings {
                polygon.push(self.points()?);
            }
            out.push(polygon);
        }
        Ok(out)
    }

    fn lines(&mut self, names: usize) -> Result<Vec<RawLine>, FormatError> {
        let n = self.count(3)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let name = match self.varint()? {
                0 => None,
                i if (i as usize) <= names => Some(i as usize - 1),
                _ => return self.fail("river name id out of range"),
            };
            let min_zoom = self.zoom()?;
            let points = self.points()?;
            out.push(RawLine {
                name,
                min_zoom,
                points,
            });
        }
        Ok(out)
    }
}

pub fn decode(bytes: &[u8]) -> Result<RawBasemap, FormatError> {
    let mut r = Reader { bytes, pos: 0 };
    if !bytes.starts_with(MAGIC) {
        return r.fail("not a chronomap basemap file");
    }
    r.pos = MAGIC.len();
    if r.u8()? != VERSION {
        return r.fail("unsupported basemap format version");
    }
    let n_names = r.count(1)?;
    let river_names = (0..n_names)
        .map(|_| r.text())
        .collect::<Result<Vec<_>, _>>()?;
    let n_lods = r.count(6)?;
    let mut lods = Vec::with_capacity(n_lods);
    for _ in 0..n_lods {
        let max_zoom = r.zoom()?;
        let land = r.polygons()?;
        let lakes = r.polygons()?;
        let coastlines = r.lines(n_names)?;
        let borders = r.lines(n_names)?;
        let rivers = r.lines(n_names)?;
        lods.push(RawLod {
            max_zoom,
            land,
            lakes,
            coastlines,
            borders,
            rivers,
        });
    }
    let n_labels = r.count(8)?;
    let mut labels = Vec::with_capacity(n_labels);
    for _ in 0..n_labels {
        let text = r.text()?;
        let lon = r.zigzag()? as f64 / 1e5;
        let lat = r.zigzag()? as f64 / 1e5;
        let population = r.varint()?;
        let is_capital = r.u8()? != 0;
        let rank = r.u8()?;
        let min_zoom = r.zoom()?;
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return r.fail("label coordinates out of range");
        }
        labels.push(RawLabel {
            text,
            lon,
            lat,
            population,
            is_capital,
            rank,
            min_zoom,
        });
    }
    if &bytes[r.pos..] != b"END" {
        return r.fail("missing end marker (truncated or trailing data)");
    }
    Ok(RawBasemap {
        river_names,
        lods,
        labels,
    })
}
