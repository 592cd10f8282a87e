"""Name keys: one consonant skeleton shared by Arabic and Latin spellings of a name.

Spellings of one name differ in long vowels (والدهاوسر / والدهاوسير), in letters
that stand for one foreign sound (ز/س/ص, ت/ط, د/ض, ك/ق/ج/غ/خ, ه/ح) and in script
(Waldhauser).  Both scripts are mapped to the same classes of consonants, vowels
and weak letters are dropped, repeats collapse, and a final ه/h (ta marbuta, -ah)
is dropped.  Waldhauser, والدهاوزر, والدهاوسر, والدهاوسير and فالدهاوزر all give
FLDHSR; Muhammad and محمد give MHMD; Jones, جونز and جونس give KNS.

Word-initial و and Latin w/v count as the consonant F (فالدهاوزر = والدهاوزر);
elsewhere و/w are vowels.  Latin digraphs that are ambiguous (ch = K in Michael,
X in Charles; th, dh, kh, gh, sh = one sound or two letters) give several keys.
"""
from __future__ import annotations

import itertools
import unicodedata

# Arabic letter (already normalized) -> class; unlisted letters (ا و ي ع ء ...) are vowels.
_ARABIC_CLASSES = {
    "ب": "B", "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D", "ذ": "D", "ظ": "D",
    "ز": "S", "س": "S", "ص": "S", "ش": "X", "ج": "K", "ك": "K", "ق": "K", "غ": "K",
    "خ": "K", "ح": "H", "ه": "H", "ف": "F", "ل": "L", "م": "M", "ن": "N", "ر": "R",
}
# Latin, longest spellings first; each maps to alternative class strings.
_LATIN_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("sch", ("X",)), ("tch", ("X",)), ("tsh", ("X",)),
    ("ch", ("K", "X")), ("sh", ("X", "SH")), ("th", ("T", "TH")), ("dh", ("D", "DH")),
    ("kh", ("K", "KH")), ("gh", ("K", "KH")), ("ph", ("F",)), ("zh", ("X", "S")),
    ("ck", ("K",)), ("qu", ("K",)), ("ou", ("",)), ("x", ("KS",)),
    ("b", ("B",)), ("p", ("B",)), ("t", ("T",)), ("d", ("D",)), ("s", ("S",)),
    ("z", ("S",)), ("j", ("K",)), ("g", ("K",)), ("k", ("K",)), ("q", ("K",)),
    ("f", ("F",)), ("v", ("F",)), ("l", ("L",)), ("m", ("M",)), ("n", ("N",)),
    ("r", ("R",)), ("h", ("H",)),
]
_SOFT_C_BEFORE = set("eiy")
MAX_KEYS = 4


def _finish(classes: str) -> str:
    """Collapse repeated classes and drop a final H (ة / -ah)."""
    collapsed = "".join(char for char, _ in itertools.groupby(classes))
    return collapsed[:-1] if len(collapsed) > 1 and collapsed.endswith("H") else collapsed


def arabic_key(word: str) -> str:
    """Skeleton of a normalized Arabic word."""
    word = word.replace("تش", "ش")  # تشارلز = Charles
    classes = "F" if word.startswith("و") else ""
    classes += "".join(_ARABIC_CLASSES.get(char, "") for char in word)
    return _finish(classes)


def _latin_alternatives(word: str) -> list[tuple[str, ...]]:
    """Per sound of a lower-case ASCII word, its alternative class strings."""
    pieces: list[tuple[str, ...]] = []
    if word[:1] in ("w", "v"):
        pieces.append(("F",))
        word = word[1:]
    i = 0
    while i < len(word):
        for spelling, classes in _LATIN_RULES:
            if word.startswith(spelling, i):
                pieces.append(classes)
                i += len(spelling)
                break
        else:
            if word[i] == "c":  # c alone: soft before e/i/y (Francis), else hard
                pieces.append(("S",) if word[i + 1 : i + 2] in _SOFT_C_BEFORE else ("K",))
            i += 1  # vowels, w, y and anything else are skipped
    return pieces


def latin_keys(word: str) -> list[str]:
    """Skeletons of a Latin word: several when its digraphs are ambiguous."""
    ascii_word = "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if "a" <= c <= "z"
    )
    keys: dict[str, None] = {}
    for combo in itertools.islice(itertools.product(*_latin_alternatives(ascii_word)), 16):
        key = _finish("".join(combo))
        if key:
            keys.setdefault(key)
    return list(keys)[:MAX_KEYS]
