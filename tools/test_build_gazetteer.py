#!/usr/bin/env python3
"""Unit tests of tools/build_gazetteer.py's spelling and pruning rules (standard library only):

    python3 tools/test_build_gazetteer.py

The names are invented or generic, so the tests hold whatever GeoNames ships."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_gazetteer as bg  # noqa: E402


class SpellingRules(unittest.TestCase):
    def test_tall_gets_the_news_spellings_of_tell(self):
        self.assertEqual(bg.tell_spellings(["Tall Zarqa"]),
                         ["Tal Zarqa", "Tel Zarqa", "Tell Zarqa"])
        # "Tallinn" and a bare "Tall" are not a tell.
        self.assertEqual(bg.tell_spellings(["Tallinn", "Tall"]), [])

    def test_ezafe_is_hyphenated_both_ways_with_either_vowel(self):
        out = bg.ezafe_spellings(["Deh-e Sorkh"])
        self.assertIn("Deh-e-Sorkh", out)
        self.assertIn("Deh-i-Sorkh", out)
        self.assertNotIn("Deh-e Sorkh", out)
        self.assertIn("Deh-e Sorkh", bg.ezafe_spellings(["Deh-i-Sorkh"]))
        # A hyphenated name without an ezafe ("Kafr-e" needs a following name) is left alone.
        self.assertEqual(bg.ezafe_spellings(["Abu-Dhuhur", "Pir-e"]), [])

    def test_fold_drops_accents_and_normalises_apostrophes(self):
        self.assertEqual(bg.fold("Ménaka"), "Menaka")
        self.assertEqual(bg.fold("Ma\u2019arrat"), "Ma'arrat")


def row(gid, name, cc, pop, alts):
    return (gid, name, 0.0, 0.0, cc, "", pop, alts)


class Pruning(unittest.TestCase):
    def pruned(self, rows):
        return {r[0]: r[7] for r in bg.prune_shadowed_alternates(rows)}

    def test_an_alternate_that_is_another_towns_own_name_goes_to_that_town(self):
        out = self.pruned([
            row(1, "Westford", "UA", 100_000, ["Est'ville", "Old Westford"]),
            row(2, "Estville", "UA", 90_000, []),
        ])
        self.assertEqual(out[1], ["Old Westford"])

    def test_a_tiny_namesake_or_one_abroad_does_not_take_the_name(self):
        out = self.pruned([
            row(1, "Westford", "UA", 100_000, ["Estville", "Northam"]),
            row(2, "Estville", "UA", 600, []),
            row(3, "Northam", "PL", 90_000, []),
        ])
        self.assertEqual(out[1], ["Estville", "Northam"])

    def test_a_romanisation_of_the_towns_own_name_stays_even_when_a_namesake_has_it(self):
        out = self.pruned([
            row(1, "Dorohivka", "UA", 5_000, ["Dorohiivka", "Dorogovka"]),
            row(2, "Dorohiivka", "UA", 1_400, []),
        ])
        self.assertEqual(out[1], ["Dorohiivka", "Dorogovka"])

    def test_an_alternate_of_a_much_bigger_place_is_dropped(self):
        out = self.pruned([
            row(1, "Smallbury", "IQ", 2_000, ["Bigcity"]),
            row(2, "Bigcity", "IQ", 500_000, []),
        ])
        self.assertEqual(out[1], [])

    def test_a_continent_is_never_a_towns_alternate_name(self):
        out = self.pruned([row(1, "Oldport", "TN", 50_000, ["Africa", "Oldporto"])])
        self.assertEqual(out[1], ["Oldporto"])


class CuratedFiles(unittest.TestCase):
    def test_towns_parse_and_have_unique_town_ids(self):
        towns = bg.read_towns()
        ids = [t[0] for t in towns]
        self.assertEqual(len(ids), len(set(ids)))
        for tid, name, lat, lon, cc, _, pop, _ in towns:
            self.assertTrue(tid.startswith("town:"), tid)
            self.assertTrue(-90 <= lat <= 90 and -180 <= lon <= 180, tid)
            self.assertEqual(len(cc), 2, tid)
            self.assertGreaterEqual(pop, 0)

    def test_alternates_name_numeric_geonameids(self):
        for gid, names in bg.read_alternates().items():
            self.assertTrue(gid.isdigit(), gid)
            self.assertTrue(names, gid)


if __name__ == "__main__":
    unittest.main()
