"""Latin vowels read the way English sounds them (english_vowels.py): pure functions.

The press writes Biden as بايدن and Trump as ترامب, which the learned reading of i and u
(ي and و) did not align; only words English text knows are read so, and only where
English sounds the vowel so.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_search import alignment, english_vowels, names
from arabic_search.analysis import analyze
from arabic_search.graphemes import ENGLISH, latin_graphemes, latin_letters


def _confidence(query: str, written: str) -> float:
    return names.confidence(analyze(query)[0], analyze(written)[0])


@pytest.mark.parametrize(("query", "written"), [
    ("Biden", "بايدن"), ("Rice", "رايس"), ("Tyson", "تايسون"), ("Dwight", "دوايت"),
    ("Brian", "براين"), ("Wilde", "وايلد"),              # i, y = اي
    ("Gates", "غيتس"), ("Haley", "هيلي"),                # a = ي
    ("Trump", "ترامب"), ("Musk", "ماسك"), ("Hunter", "هانتر"), ("Truss", "تراس"),  # u = ا
    ("Powell", "باول"),                                  # ow = او
])
def test_an_english_name_is_found_as_the_press_writes_it_alone(query, written):
    assert _confidence(query, written) >= names.LONE_CONFIDENCE


@pytest.mark.parametrize(("query", "written"), [
    ("Hassan", "حسين"), ("Omar", "عمير"),   # known to English text, but no English vowel there
    ("Safed", "سيفيد"), ("Saluma", "سلامة"),  # an English context, but no word English knows
])
def test_other_names_are_not_read_the_english_way(query, written):
    assert _confidence(query, written) < names.LONE_CONFIDENCE


@pytest.mark.parametrize(("word", "english"), [
    ("biden", "i"), ("rice", "i"), ("wilde", "i"), ("dwight", "i"), ("brian", "i"),
    ("tyson", "y"), ("gates", "a"), ("haley", "a"), ("trump", "u"), ("truss", "u"),
    ("powell", "ow"),
    ("hassan", None), ("omar", None), ("russell", None), ("jason", None), ("ali", None),
    ("turk", None), ("bush", None),   # ur and u before sh are no short a: Turk is not تارك
])
def test_only_vowels_english_sounds_otherwise_are_marked(word, english):
    marked = [key for options in english_vowels.english_graphemes(word) for key, _size in options
              if key.endswith(ENGLISH)]
    assert marked == ([english + ENGLISH] if english else []), marked
    # and the learned reading alone marks nothing
    assert not any(key.endswith(ENGLISH) for options in latin_graphemes(word)
                   for key, _size in options)


def test_the_gate_is_english_text():
    assert english_vowels.known_in_english("Biden") and english_vowels.known_in_english("Trump")
    assert not english_vowels.known_in_english("Safed")
    assert latin_letters("Truss") == "trus"   # a doubled consonant is one: Truss's u is closed


LATIN_WORDS = st.text(alphabet="abcdeghiklmnoprstuwy", min_size=2, max_size=9)
ARABIC_WORDS = st.text(alphabet="ابتدرسكلمنهويق", min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(LATIN_WORDS, ARABIC_WORDS)
def test_the_english_reading_only_adds_ways_to_write_a_vowel(latin, arabic):
    # marked graphemes keep their learned row: no spelling the learned reading accepts
    # costs more read the English way, and only medial vowels are ever marked
    english = english_vowels.english_graphemes(latin)
    assert alignment.align("latin", english, arabic) <= alignment.align("latin", latin_graphemes(latin), arabic)
    letters = latin_letters(latin)
    for start, options in enumerate(english):
        for key, size in options:
            if key.endswith(ENGLISH):
                assert 0 < start and start + size < len(letters), (latin, key, start)
