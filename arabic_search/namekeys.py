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

import regex
from anyascii import anyascii

# Arabic letter (already normalized) -> class; unlisted letters (ا و ي ع ء ...) are vowels.
ARABIC_CLASSES = {
    "ب": "B", "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D", "ذ": "D", "ظ": "D",
    "ز": "S", "س": "S", "ص": "S", "ش": "X", "ج": "K", "ك": "K", "ق": "K", "غ": "K",
    "خ": "K", "ح": "H", "ه": "H", "ف": "F", "ل": "L", "م": "M", "ن": "N", "ر": "R",
}
# Latin, longest spellings first; each maps to alternative class strings.
_LATIN_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("stadt", ("STaDT", "XTaT")), ("sch", ("X",)), ("tch", ("X",)), ("tsh", ("X",)), ("dj", ("K",)), ("dzh", ("K",)), ("bh", ("B", "BH")),
    ("ch", ("K", "X")), ("sh", ("X", "SH")), ("th", ("T", "D", "TH")), ("dh", ("D", "DH")),
    ("kh", ("K", "KH")), ("gh", ("K", "KH")), ("ph", ("F",)), ("zh", ("X", "S", "K")),
    ("ck", ("K",)), ("qu", ("K",)), ("ou", ("u",)), ("x", ("KS",)),
    ("b", ("B",)), ("p", ("B",)), ("t", ("T",)), ("d", ("D",)), ("s", ("S",)),
    ("z", ("S",)), ("j", ("K",)), ("g", ("K",)), ("k", ("K",)), ("q", ("K",)),
    ("f", ("F",)), ("v", ("F",)), ("l", ("L",)), ("m", ("M",)), ("n", ("N",)),
    ("r", ("R",)), ("h", ("H",)),
]
_SOFT_C_BEFORE = set("eiy")
# German sounds s as sh before t and p at the start of a word and of -stadt (Stockach =
# شتوكاخ, Halberstadt = هالبرشتات; Stockholm = ستوكهولم keeps the s): both keys.
GERMAN_SH = ("st", "sp")
# A final -et, -at (one t) after a consonant: a ta marbuta sounded (_latin_word_keys),
# in words whose key keeps more than this many classes without it (not Bet, Sat).
_SOUNDED_TA_MARBUTA = regex.compile(r"[^aeiouy][ae]t$")
MIN_TA_MARBUTA_KEY = 2
MAX_KEYS = 6
MAX_VOWEL_KEYS = 4

# Names written as one word in one script and two in the other: Abdelkader / عبد القادر,
# Benyagoub / بن يعقوب, عبدالله / Abd Allah.  Such a word also gets the keys of its parts.
_LATIN_COMPOUND = regex.compile(
    r"^(abd|abu|abou|bou|ben|bin|ibn|al|el)(?:oul|el|al|ul|ou|ol|u|e|a|i)??([a-z]{3,}|)$")
_ARABIC_COMPOUND = regex.compile(r"^(عبد|ابو|ابن|بن|بو)(\w{3,})$")


def arabic_compound(form: str) -> tuple[str, str] | None:
    """(head, rest) of a normalized Arabic word that glues a name's link to the rest
    (بومرداس = بو مرداس, عبدالله = عبد الله), or None."""
    compound = _ARABIC_COMPOUND.match(form)
    return (compound.group(1), compound.group(2)) if compound else None


def _finish(classes: str) -> str:
    """Collapse repeated classes and drop a final H (ة / -ah)."""
    collapsed = "".join(char for char, _ in itertools.groupby(classes))
    return collapsed[:-1] if len(collapsed) > 1 and collapsed.endswith("H") else collapsed


# The interdental letters are sibilants in much of the Arabic-speaking world and in the
# Persian, Turkish and Urdu spellings of Arabic names: ث is s (Osman = عثمان), ذ and ظ are
# z (Zakir = ذاكر, Nazim = ناظم, Kazem = كاظم).  A word with one also gets the key that
# reads them so.
SIBILANT_READINGS = str.maketrans({"ث": "س", "ذ": "ز", "ظ": "ز"})


def arabic_keys(forms: list[str]) -> list[str]:
    """Keys of an Arabic word given its forms (normalized word, then clitic readings)."""
    keys: dict[str, None] = {}
    for form in forms:
        keys.setdefault(arabic_key(form))
        sibilant = form.translate(SIBILANT_READINGS)
        if sibilant != form:
            keys.setdefault(arabic_key(sibilant))
        compound = arabic_compound(form)
        if compound:
            head, rest = compound
            for part in (head, rest, rest[2:] if rest.startswith("ال") else ""):
                if part:
                    keys.setdefault(arabic_key(part))
    return [key for key in keys if key]


def _arabic_sounds(word: str, vowels: dict[str, str]) -> str:
    """Classes of a normalized Arabic word; letters that are no class map through ``vowels``."""
    word = word.replace("تش", "ش")  # تشارلز = Charles
    classes = ""
    if word.startswith("و"):  # initial و is the consonant w: فالدهاوزر = والدهاوزر
        classes, word = "F", word[1:]
    return classes + "".join(ARABIC_CLASSES.get(char) or vowels.get(char, "") for char in word)


def arabic_key(word: str) -> str:
    """Skeleton of a normalized Arabic word."""
    return _finish(_arabic_sounds(word, {}))


# Vowel keys: the skeleton with the long vowels written in between (lower case).  Too
# fine to find names (Latin writes short vowels, Arabic does not), they rank spellings
# that share a skeleton: for "Arak", عراك (RaK) comes before قرار (KR, vowel key KRaR).
_ARABIC_VOWELS = {"ا": "a", "ي": "i", "و": "u", "ع": "a"}  # ع sounds as a vowel in Latin: Saad
_LEADING_VOWELS = regex.compile("^[aiu]+")
_LATIN_VOWELS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u", "w": "u"}


def _finish_vowelled(classes: str) -> str:
    """Collapse repeats, write any leading vowels (ع/ا/أ..., Latin A/I/O...) as one "a"
    (Ali = علي = aLi, unlike لي = Li), and drop a final H."""
    collapsed = "".join(char for char, _ in itertools.groupby(classes))
    collapsed = _LEADING_VOWELS.sub("a", collapsed)
    return collapsed[:-1] if len(collapsed) > 1 and collapsed.endswith("H") else collapsed


def arabic_vowel_key(word: str) -> str:
    """Vowel key of a normalized Arabic word (final ة/ه reads as a)."""
    word = word[:-1] + "ا" if word.endswith("ه") and len(word) > 2 else word
    return _finish_vowelled(_arabic_sounds(word, _ARABIC_VOWELS))


def latin_vowel_keys(word: str) -> list[str]:
    """Vowel keys of a Latin word, one per reading of its ambiguous digraphs (at most 4)."""
    ascii_word = "".join(c for c in anyascii(word).lower() if "a" <= c <= "z")
    keys: dict[str, None] = {}
    for combo in itertools.islice(itertools.product(*latin_alternatives(ascii_word, True)), 8):
        key = _finish_vowelled("".join(combo))
        if key:
            keys.setdefault(key)
    return list(keys)[:MAX_VOWEL_KEYS]


def _c_sounds(word: str, i: int) -> tuple[str, ...]:
    """A c alone: soft before e/i/y (Francis), else hard (Carlos); before e/i and at the
    end also ts, as Slavic spellings sound it and Arabic writes it (Gliwice = غليفيتسه,
    Kragujevac = كراغوييفاتس)."""
    if word[i + 1:i + 2] in _SOFT_C_BEFORE:
        return ("S", "TS") if word[i + 1:i + 2] != "y" else ("S",)
    return ("K", "TS") if i == len(word) - 1 else ("K",)


def latin_alternatives(word: str, vowels: bool = False) -> list[tuple[str, ...]]:
    """Per sound of a lower-case ASCII word, its alternative class strings (and vowels)."""
    pieces: list[tuple[str, ...]] = []
    if word[:1] in ("w", "v"):
        pieces.append(("F",))
        word = word[1:]
    elif word.startswith("ou") and len(word) > 3:  # French spelling: Ould = ولد, Ouis = ويس
        pieces.append(("F", "u"))
        word = word[2:]
    elif word[:2] in GERMAN_SH and not word.startswith("stadt"):  # Stockach = شتوكاخ
        pieces.append(("S", "X"))
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
                pieces.append(_c_sounds(word, i))
            elif vowels and word[i] in _LATIN_VOWELS:
                pieces.append((_LATIN_VOWELS[word[i]],))
            i += 1  # vowels, w, y and anything else are skipped in skeletons
    return pieces


def latin_keys(word: str) -> list[str]:
    """Skeletons of a Latin word and, for compound names, of its parts."""
    ascii_word = "".join(c for c in anyascii(word).lower() if "a" <= c <= "z")
    keys = _latin_word_keys(ascii_word)
    compound = _LATIN_COMPOUND.match(ascii_word)
    if compound:
        for part in filter(None, compound.groups()):
            keys += [key for key in _latin_word_keys(part) if key not in keys]
    return keys[:MAX_KEYS]


def _latin_word_keys(ascii_word: str) -> list[str]:
    """Skeletons of one lower-case ASCII word: several when its digraphs are ambiguous.
    A final -et / -at may be a ta marbuta sounded (Najet = نجاة, Hadjret = حجرة, Maghrebi
    and Turkish spellings), which the Arabic key drops: such a word also gets the key
    without its final T."""
    keys: dict[str, None] = {}
    for combo in itertools.islice(itertools.product(*latin_alternatives(ascii_word)), 16):
        key = _finish("".join(char for piece in combo for char in piece if char.isupper()))
        if key:
            keys.setdefault(key)
    if _SOUNDED_TA_MARBUTA.search(ascii_word):
        for key in list(keys):
            if len(key) > MIN_TA_MARBUTA_KEY and key.endswith("T"):
                keys.setdefault(key[:-1])
    return list(keys)
