"""Realistic Arabic spelling noise for queries (pure, seeded).

People type a word they read without its hamza, with ه for ة or ي for ى (and
back), with or without a glued clitic (و ب ل ال), with vowel marks, or with a
tatweel stretching it.  ``noisy`` applies one such edit to most words of a
query, and to at least one, so the same seed always gives the same noisy query.
"""
from __future__ import annotations

import random
from collections.abc import Callable

import regex

# Probability that a word of the query receives one edit (at least one word always does).
NOISE_RATE = 0.75
HAMZA_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
VOWEL_MARKS = "\u064e\u064f\u0650\u0652\u0651"  # fatha, damma, kasra, sukun, shadda
MAX_ADDED_MARKS = 2
TATWEEL = "\u0640"
# Letters that do not join the next one: a tatweel after them would float alone.
NON_JOINING = set("اأإآٱدذرزوؤءة")
CLITICS = ("و", "ب", "ل")
ARTICLE = "ال"
# A removed prefix must leave a word of at least this many letters.
MIN_REST = 3
TRAILING_MARKS = regex.compile(r"[\u064B-\u0652\u0670]+$")
SWAP_ENDINGS = {"ة": "ه", "ه": "ة", "ى": "ي", "ي": "ى"}


def _split_marks(word: str) -> tuple[str, str]:
    """(word without its trailing vowel marks, the marks)."""
    found = TRAILING_MARKS.search(word)
    return (word[:found.start()], found.group()) if found else (word, "")


def drop_hamza(word: str, rng: random.Random) -> str | None:
    out = word.translate(HAMZA_ALEFS)
    return out if out != word else None


def swap_ending(word: str, rng: random.Random) -> str | None:
    """ة <-> ه and ى <-> ي on the last letter."""
    base, marks = _split_marks(word)
    if base and base[-1] in SWAP_ENDINGS:
        return base[:-1] + SWAP_ENDINGS[base[-1]] + marks
    return None


def add_clitic(word: str, rng: random.Random) -> str | None:
    """و/ب/ل glued in front (ل + ال -> لل), or the article added."""
    choice = rng.choice((*CLITICS, ARTICLE))
    if choice == ARTICLE:
        return None if word.startswith(ARTICLE) else ARTICLE + word
    if choice == "ل" and word.startswith(ARTICLE):
        return "لل" + word[len(ARTICLE):]
    return choice + word


def remove_clitic(word: str, rng: random.Random) -> str | None:
    """وال/بال -> ال, لل -> ال, ال -> nothing (only when a real word is left)."""
    if word[:3] in ("وال", "بال") and len(word) - 1 >= MIN_REST + len(ARTICLE):
        return word[1:]
    if word.startswith("لل") and len(word) - 2 >= MIN_REST:
        return ARTICLE + word[2:]
    if word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= MIN_REST:
        return word[len(ARTICLE):]
    return None


def add_vowels(word: str, rng: random.Random) -> str | None:
    """One or two vowel marks after random letters of the word."""
    chars = list(word)
    letters = [n for n, c in enumerate(chars) if c.isalpha() and c not in VOWEL_MARKS]
    if not letters:
        return None
    for n in sorted(rng.sample(letters, min(len(letters), rng.randint(1, MAX_ADDED_MARKS))),
                    reverse=True):
        chars.insert(n + 1, rng.choice(VOWEL_MARKS))
    return "".join(chars)


def add_tatweel(word: str, rng: random.Random) -> str | None:
    """A tatweel after a joining letter inside the word."""
    spots = [n for n in range(len(word) - 1) if word[n].isalpha() and word[n] not in NON_JOINING
             and word[n + 1].isalpha()]
    if not spots:
        return None
    n = rng.choice(spots)
    return word[:n + 1] + TATWEEL + word[n + 1:]


EDITS: dict[str, Callable[[str, random.Random], str | None]] = {
    "hamza": drop_hamza, "ending": swap_ending, "add_clitic": add_clitic,
    "remove_clitic": remove_clitic, "vowels": add_vowels, "tatweel": add_tatweel}


def noise_word(word: str, rng: random.Random) -> str:
    """``word`` with one edit chosen at random among those that change it (else unchanged)."""
    names = list(EDITS)
    rng.shuffle(names)
    for name in names:
        out = EDITS[name](word, rng)
        if out and out != word:
            return out
    return word


def noisy(query: str, seed: int, rate: float = NOISE_RATE) -> str:
    """``query`` with spelling noise on about ``rate`` of its words (at least one)."""
    rng = random.Random(seed)
    original = query.split()
    changed = [noise_word(w, rng) if rng.random() < rate else w for w in original]
    if changed == original and original:
        n = rng.randrange(len(original))
        changed[n] = noise_word(original[n], rng)
    return " ".join(changed)
