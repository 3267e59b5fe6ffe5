//! Every colour and marker shape chronomap draws with, in one place. Plain RGBA so that the
//! software-rendered exports and the egui views use the very same values; the UI converts
//! them to `egui::Color32`.

use crate::extract::EventKind;

/// Straight (non-premultiplied) RGBA.
pub type Rgba = [u8; 4];

/// Which symbol marks an event of a kind on the map and in exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerShape {
    /// Airstrike: downward triangle (something falling from the air).
    TriangleDown,
    /// Drone strike: diamond.
    Diamond,
    /// Rocket attack: upward triangle.
    TriangleUp,
    /// Missile attack: five-point star.
    Star,
    /// Drone attack: hollow diamond.
    DiamondOutline,
    /// Shelling: square.
    Square,
    /// IED: cross.
    Cross,
    /// Ground assault: pentagon-ish circle with a ring.
    Ring,
    /// Anything else: circle.
    Circle,
}

pub fn marker_shape(kind: EventKind) -> MarkerShape {
    match kind {
        EventKind::Airstrike => MarkerShape::TriangleDown,
        EventKind::DroneStrike => MarkerShape::Diamond,
        EventKind::RocketAttack => MarkerShape::TriangleUp,
        EventKind::MissileAttack => MarkerShape::Star,
        EventKind::DroneAttack => MarkerShape::DiamondOutline,
        EventKind::Shelling => MarkerShape::Square,
        EventKind::Ied => MarkerShape::Cross,
        EventKind::GroundAssault => MarkerShape::Ring,
        EventKind::OtherAttack => MarkerShape::Circle,
    }
}

/// Colour of a kind in the stacked timeline histogram and the kind legend.
pub fn kind_color(kind: EventKind) -> Rgba {
    match kind {
        EventKind::Airstrike => [0x4e, 0x79, 0xa7, 255],
        EventKind::DroneStrike => [0x76, 0xb7, 0xb2, 255],
        EventKind::RocketAttack => [0xe1, 0x57, 0x59, 255],
        EventKind::MissileAttack => [0xf2, 0x8e, 0x2b, 255],
        EventKind::DroneAttack => [0x59, 0xa1, 0x4f, 255],
        EventKind::Shelling => [0xed, 0xc9, 0x48, 255],
        EventKind::Ied => [0xb0, 0x7a, 0xa1, 255],
        EventKind::GroundAssault => [0x9c, 0x75, 0x5f, 255],
        EventKind::OtherAttack => [0xba, 0xb0, 0xac, 255],
    }
}

/// Perpetrator colours: well-known actors keep a fixed colour across corpora; anyone else
/// gets a stable colour from a hash of the name, so a legend never reshuffles.
pub fn perpetrator_color(perpetrator: Option<&str>) -> Rgba {
    const FIXED: &[(&str, Rgba)] = &[
        ("United States", [0x1f, 0x77, 0xb4, 255]),
        ("Kataib Hezbollah", [0xd6, 0x27, 0x28, 255]),
        ("Iran", [0x2c, 0xa0, 0x2c, 255]),
        ("Islamic State", [0x30, 0x30, 0x30, 255]),
        ("Israel", [0x17, 0xbe, 0xcf, 255]),
        ("Turkey", [0xe3, 0x77, 0xc2, 255]),
        ("Popular Mobilization Forces", [0xff, 0x7f, 0x0e, 255]),
        ("Syrian government", [0x8c, 0x56, 0x4b, 255]),
        ("Russia", [0x94, 0x67, 0xbd, 255]),
    ];
    const OTHERS: &[Rgba] = &[
        [0xbc, 0xbd, 0x22, 255],
        [0x7f, 0x3c, 0x8d, 255],
        [0x11, 0xa5, 0x79, 255],
        [0xe7, 0x3f, 0x74, 255],
        [0x3e, 0x69, 0x9e, 255],
        [0xa5, 0xaa, 0x99, 255],
    ];
    let Some(name) = perpetrator else {
        return UNKNOWN_PERPETRATOR;
    };
    if let Some((_, c)) = FIXED.iter().find(|(n, _)| *n == name) {
        return *c;
    }
    // FNV-1a: stable across runs and platforms, unlike std's RandomState.
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    });
    OTHERS[(hash % OTHERS.len() as u64) as usize]
}

/// Events whose perpetrator is not stated.
pub const UNKNOWN_PERPETRATOR: Rgba = [0x80, 0x80, 0x80, 255];

/// Evidence highlight colours in the article pane (backgrounds).
pub mod evidence {
    use super::Rgba;
    pub const TRIGGER: Rgba = [0xff, 0x6b, 0x6b, 110];
    pub const PLACE: Rgba = [0x4d, 0xab, 0xf7, 110];
    pub const DATE: Rgba = [0x69, 0xdb, 0x7c, 110];
    pub const FIGURE: Rgba = [0xff, 0xd4, 0x3b, 130];
    pub const ACTOR: Rgba = [0xb1, 0x97, 0xfc, 110];
}

/// The colours of one look: dark, light, or high contrast for projectors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub water: Rgba,
    pub land: Rgba,
    pub border: Rgba,
    pub coastline: Rgba,
    pub river: Rgba,
    pub lake: Rgba,
    pub label: Rgba,
    pub label_halo: Rgba,
    pub selection: Rgba,
    pub hover: Rgba,
    pub text: Rgba,
    pub panel: Rgba,
}

pub const DARK: Palette = Palette {
    water: [0x1b, 0x26, 0x36, 255],
    land: [0x2e, 0x33, 0x3a, 255],
    border: [0x8a, 0x8f, 0x98, 255],
    coastline: [0x5a, 0x6b, 0x80, 255],
    river: [0x3b, 0x6e, 0xa5, 255],
    lake: [0x1f, 0x3a, 0x5a, 255],
    label: [0xe8, 0xe8, 0xe8, 255],
    label_halo: [0x10, 0x12, 0x16, 200],
    selection: [0xff, 0xff, 0xff, 255],
    hover: [0xff, 0xe0, 0x66, 255],
    text: [0xe0, 0xe0, 0xe0, 255],
    panel: [0x1e, 0x1f, 0x22, 255],
};

pub const LIGHT: Palette = Palette {
    water: [0xc6, 0xdd, 0xf0, 255],
    land: [0xf4, 0xf1, 0xea, 255],
    border: [0x7a, 0x70, 0x80, 255],
    coastline: [0x8a, 0xa8, 0xc4, 255],
    river: [0x6f, 0xa8, 0xdc, 255],
    lake: [0xb3, 0xd1, 0xec, 255],
    label: [0x22, 0x22, 0x22, 255],
    label_halo: [0xff, 0xff, 0xff, 210],
    selection: [0x00, 0x00, 0x00, 255],
    hover: [0xd9, 0x8c, 0x00, 255],
    text: [0x20, 0x20, 0x20, 255],
    panel: [0xf7, 0xf7, 0xf7, 255],
};

/// Presentation mode: strong contrast that survives a washed-out projector.
pub const HIGH_CONTRAST: Palette = Palette {
    water: [0x00, 0x1a, 0x33, 255],
    land: [0x26, 0x26, 0x26, 255],
    border: [0xff, 0xff, 0xff, 255],
    coastline: [0x99, 0xcc, 0xff, 255],
    river: [0x4d, 0xa6, 0xff, 255],
    lake: [0x00, 0x33, 0x66, 255],
    label: [0xff, 0xff, 0xff, 255],
    label_halo: [0x00, 0x00, 0x00, 230],
    selection: [0xff, 0xff, 0x00, 255],
    hover: [0xff, 0xff, 0x00, 255],
    text: [0xff, 0xff, 0xff, 255],
    panel: [0x00, 0x00, 0x00, 255],
};

/// Marker radius in points for a killed count: grows with the square root so that one
/// mass-casualty event does not swamp the map.
pub fn marker_radius(killed_high: Option<u32>) -> f32 {
    match killed_high {
        None | Some(0) => 6.0,
        Some(k) => (6.0 + 2.2 * (k as f32).sqrt()).min(22.0),
    }
}
