"""Runs of Latin vowels that Arabic writes (alignment.py charges a run left unwritten).

The alignment reads a Latin name letter by letter as well as by groups, and lets a short
vowel go unwritten for almost nothing (Muhammad = محمد).  Two vowels in a row are not
two short vowels: Arabic writes a hiatus, a long vowel or a diphthong, so the run as a
whole must write something.  Pure functions over the alignment's Latin positions
(graphemes.latin_graphemes).
"""
from __future__ import annotations

import functools

import regex

from .graphemes import VOWEL_GROUPS, grapheme_base

# A run of two or more Latin vowel letters (ua, au, aia) is a long vowel, a diphthong or a
# hiatus, and Arabic writes each of them: Muadh = معاذ, Noara = نوارة, Kouadria = قويدرية.
# Read letter by letter, each vowel could go unwritten for almost nothing, so the run as a
# whole wrote nothing and found ordinary words (Muadh = مدة, Noara = نرى, Laina = كلنا,
# Meissen = مسن).  A run left wholly unwritten pays SILENT_RUN, weighed like a letter
# dropped (``reshaping``).  (A cheaper ع or hamza between the vowels, for Muadh = معاذ,
# was tried and not kept: it let in ordinary words, Surian = سرعان, Alaisaoi = الساعة.)
SILENT_RUN = 5.0
# The vowel letters of a run (y, a consonant before a vowel, is not one: Libya).
RUN_VOWELS = "aeiou"
FINAL_H = "h"
# Vowel groups that Latin spellings use for a short vowel, which Arabic leaves unwritten:
# French ou (u) and eu (e), ai before a nasal (Fountain = فاونتن), aa and ui in the
# Maghreb's spellings (Sanaad = سند, Khidhuir = خضر).
SHORT_GROUPS = frozenset({"ou", "eu", "ai", "aa", "ui"})


# A word that begins with a diphthong before a consonant (Aimen, Ayman, Eid) writes its
# glide right after the letters that carry its vowel (VOWEL_CARRIERS): ي in أيمن and عيد, ئ
# in عائشة.  37 of the 40 such one-word pairs of the tune half of names_dev.tsv do (not
# French Aix = آكس, nor AIshoar = عاشور and Aizati = عزتي, whose ai is an ع).  Read letter
# by letter, its i could go unwritten beside the initial alef that writes the a: Aimen
# found أمن ("security", 10 documents of prose_msa.jsonl) and أمين (Amin).  Left
# unwritten, the glide pays SILENT_RUN as a run does.
INITIAL_DIPHTHONG = regex.compile(r"(?:ai|ay|ei|ey)[^aeiouy]")
# In normalized letters (normalize.normalize_word: ئ and ى are ي, أ إ آ are ا).
GLIDE = "ي"
VOWEL_CARRIERS = "اعء"


def glide_unwritten(letters: str, arabic: str) -> bool:
    """True when the Latin ``letters`` (graphemes.latin_letters) begin with a diphthong
    before a consonant and ``arabic`` (normalized) writes no glide after its initial vowel
    carriers."""
    return bool(INITIAL_DIPHTHONG.match(letters)) and arabic.lstrip(VOWEL_CARRIERS)[:1] != GLIDE


# A Latin initial vowel is written with an alef or ع (Obama = أوباما, Omar = عمر, Oslo =
# أوسلو); a word that begins with و begins with the consonant w.  Of the 2,225 one-word
# translit pairs of names_dev.tsv whose Latin begins with a vowel, 4 begin with و besides
# the French ou and oi that spell w (Ouarzazate = ورززات, Oild = ولد): Orodara = ورودارا,
# Uíge = ويغ, and two that are noise (Ahmed = وشفون, Uniondale = ونيوندالى).  Read so,
# و wrote the vowel: Obama found وبأمه ("and with his mother", 0.86) in all of
# prose.jsonl.  That vowel pays SILENT_RUN, as left unwritten.
W_SPELLINGS = ("ou", "oi")
CONSONANT_W = "و"


def vowel_written_as_w(letters: str, arabic: str) -> bool:
    """True when the Latin ``letters`` (graphemes.latin_letters) begin with a vowel that is
    not a spelling of w and ``arabic`` (normalized) begins with و."""
    return (letters[:1] in RUN_VOWELS and not letters.startswith(W_SPELLINGS)
            and arabic.startswith(CONSONANT_W))


@functools.lru_cache(maxsize=20_000)
def vowel_runs(source: tuple) -> dict[int, int]:
    """start -> end of each run of Latin vowel letters that holds two vowel sounds or
    more, or one that is a long vowel or a diphthong (au, ei, ie, ee: Waldhauser is not
    والبسر, a-u both unwritten); not a group that often spells a short vowel (SHORT_GROUPS:
    Maghrebi Mouhmad = محمد, Moursi = مرسي leave their ou unwritten, Fountain = فاونتن its
    ai), nor a run before a final h: -uah is ة with a case vowel before it (Zainuah = زينة)."""
    letters = "".join(grapheme_base(options[0][0])[:1] for options in source)
    runs = {}
    for run in regex.finditer(f"[{RUN_VOWELS}]{{2,}}", letters):
        vowels = run.group()
        if (_sounds(vowels) >= 2 or vowels not in SHORT_GROUPS) and letters[run.end():] != FINAL_H:
            runs[run.start()] = run.end()
    return runs


def _sounds(vowels: str) -> int:
    """How many vowel sounds a run of vowel letters holds, its vowel groups read as one."""
    count = position = 0
    while position < len(vowels):
        position += 2 if vowels[position:position + 2] in VOWEL_GROUPS else 1
        count += 1
    return count
