"""The units that name likeness aligns: Latin graphemes and Arabic letters.

A Latin name is read as graphemes, the letters or letter groups that Arabic writers
transliterate as one thing: ``kh`` (خ), ``sh`` (ش), ``ou`` (و), ``ee`` (ي), and so
on.  A group is only a possibility: Mikhail may be m-i-kh-a-i-l or m-i-k-h-a-i-l,
so :func:`latin_graphemes` gives, per letter position, every grapheme starting
there, and the alignment (``likeness.py``) chooses.  Vowels carry their place in
the word, because Arabic treats them differently there: an initial vowel is always
written (Ali = علي, with ع), a medial short vowel usually not (Muhammad = محمد), a
final one as ا ي و or ه.  Doubled consonants are one (Sarraj = سراج: Arabic does
not write the shadda).

Arabic words are aligned letter by letter.  A grapheme may be written with two Arabic
letters: the consonants of :data:`TWO_LETTER_OUTPUTS` (x = كس, ch = تش) and vowels, whose
two-letter spellings (initial u = او in Usuki = اوسوكي) are learned from the data.
"""
from __future__ import annotations

import functools

import regex
from anyascii import anyascii

LATIN_VOWELS = frozenset("aeiouy")
# Letter groups read as one grapheme (each also readable letter by letter).
CONSONANT_GROUPS = frozenset({
    "sch", "tch", "tsh", "dzh", "sh", "ch", "th", "dh", "kh", "gh", "ph", "zh", "ck", "qu",
    "dj", "ts", "tz", "cz", "sz", "gu", "wh", "ng",
})
VOWEL_GROUPS = frozenset({
    "ou", "oo", "ee", "ea", "ie", "ei", "ai", "ay", "ey", "au", "aw", "ow", "ae", "oe",
    "eu", "oi", "oy", "aa", "ii", "uu", "ue", "ui",
})
LONGEST_GROUP = 3
# A doubled vowel letter is a long vowel, and Arabic writes a long vowel: Abeer = عبير,
# not عبر ("across"), Aseel = أصيل, not أصل.  Read letter by letter, its two letters were
# two short vowels, each free to leave unwritten, so these are read as the group only;
# not at the start of a word, where the first is the initial vowel (Iiad = إياد).
LONG_VOWELS = frozenset({"ee", "oo", "ii", "uu"})
# A final ay is a diphthong, and Arabic writes its y: Murray = موراي, Dubai = دبي, Bombay =
# بومباي.  Read as one group it learned only French -ay, ه in Saguenay = ساغينيه, so ة
# wrote it alone: Talay = تلة ("hill"), Waray = الفأرة ("the mouse"), Gualeguay = قلقة
# ("anxiety"), each at 0.92 or more.  At the end it is read letter by letter only.
FINAL_DIPHTHONGS = frozenset({"ay"})
# Place marks of a vowel grapheme: at the start, at the end (medial vowels have none).
INITIAL = "^"
FINAL = "$"
# Mark of a medial vowel that may also be read as English sounds it (english_vowels.py).
ENGLISH = "~"
# Mark of a consonant that Arabic always writes (the alignment never leaves it unwritten):
# * An h read apart from the consonant before it, where the two could be one sound (s-h,
#   k-h, g-h, z-h, t-h, d-h, p-h), is a sound of its own: Is-haq = إسحاق.  It is never
#   silent, or Aisha would read a-i-s-(h) = عيسى (Isa) and Khattab k-(h)-a-t-t-a-b = كتب
#   ("wrote"); the group (sh = ش, kh = خ or ك, th = ت or ث) says how the pair is written.
#   Not after c: ch is k with a silent h in Michael = مايكل, Christopher = كريستوفر.
# * An h between two vowels is sounded (Taha = طه, Mohamed = محمد, Johann = يوهان): the
#   learned table lets an h go unwritten for the silent h of -ah and of German Mühl-, and
#   so Rahouia read as رؤية ("vision"), Mahires as مارس, Nahi as ناي.
# * A y between a consonant and a vowel is a consonant, written ي (Libya = ليبيا, not
#   لبى "he answered"); after a vowel it may be one letter with it (Ferdowsiyeh = فردوسية).
# * A name's first consonant is written: Herriman is not رمان, Holden not ولدين, Leerdam
#   not ردم (an initial vowel has its own rule, likeness.latin_arabic).
# * A single consonant between two vowels is sounded in every language a name comes from,
#   and Arabic writes it: Ebola is not أبوا ("they refused", 0.91, since the learned table
#   lets an l go unwritten for 2.1 nats, from names whose al- the data split from its
#   Arabic), Soulaf not الصواف, Tacloban not تأكلون.  Not a doubled one (Marbella =
#   ماربيا: Spanish ll is a y), not c (the silent c of Leicester = لايستر), not t before
#   i and a vowel (Plantation = بلانتيشن), not x (Lisieux = ليزيو); of names_dev.tsv's
#   24,161 word pairs at 0.75 or more, 5 left such a consonant unwritten, all noise
#   (Mounira = مونيه, Muroran = موروان).
SOUNDED = "+"
# Consonants left out of the rule above, and the letters that make t a sh (-tion).
NOT_SOUNDED_BETWEEN_VOWELS = frozenset("cx")
TI_BEFORE_VOWEL = "i"
# * An l after a vowel is sounded too, before a consonant or at the end (Salman is not
#   السمان, al-Samman, read as سمان behind the article; Jamal not جما): names_dev.tsv's
#   word pairs at 0.75 or more leave 8 of 5,094 such l's unwritten, French -eil (Créteil =
#   كريتاي) and a particle whose l is the next word's article (Aboul = أبو); those two
#   keep it unwritten (_l_silent).  Not a doubled l (Marbella).
PARTICLE_WITH_ARTICLE = regex.compile(r"^ab(?:u|o|ou|d[aeiou])l$")
# Mark of an h read apart from an s before it, where the two could be one sound (sh):
# two sounds then, as in German and English compounds (Sinsheim = سينسهايم, Petershagen =
# بترسهاغن), and Arabic writes that h ه, never ح.  Read as ح, "Shabya" was سحابية
# ("cloudy") at 1.0 and "Shams" سحمس at 0.85; names_dev.tsv writes none of its 37 names
# with an s-h apart so.  Ishaq = إسحاق is the known spellings' (known_names.py), as ever.
APART = "|"
_PAIRS_WITH_H = frozenset("skgztdp")
# Latin graphemes that Arabic may write with two letters.
TWO_LETTER_OUTPUTS = {
    "x": ("كس", "كز", "غز"), "ch": ("تش",), "tch": ("تش",), "tsh": ("تش",), "c": ("تش",),
    "cz": ("تش",), "j": ("دج",), "dj": ("دج",), "ts": ("تس",), "tz": ("تس",), "z": ("تس",),
    "ng": ("نغ", "نج", "نك", "نق"),
}


# Latin letters whose mark changes the consonant, not a vowel: Turkish, Slavic, Polish
# and Romanian spellings write sh as ş š ś ș (Uşak = أوشاك), ch as ç č ć (Brčko = برتشكو),
# zh as ž ż ź, gh as ğ (Erdoğan = أردوغان).  Folded to plain letters (normalize.py: Usak
# is Uşak to a Latin reader) they lose the sound Arabic writes, so a Latin name holding
# one is also read as it sounds (:func:`latin_sounded`).  Not ţ: Arabic romanization's
# ţ is ط, which t already is; not ñ, whose n already aligns with ن.
SOUNDING_MARKS = {"ş": "sh", "ș": "sh", "š": "sh", "ś": "sh", "ç": "ch", "č": "ch", "ć": "ch",
                  "ž": "zh", "ż": "zh", "ź": "zh", "ğ": "gh"}
_SOUNDING = str.maketrans(SOUNDING_MARKS)


def latin_sounded(word: str) -> str | None:
    """The Latin ``word`` (as written, with its marks) lower-cased with its SOUNDING_MARKS
    spelt out (Uşak -> ushak), or None when it holds none."""
    lowered = word.lower()
    if not any(char in SOUNDING_MARKS for char in lowered):
        return None
    return lowered.translate(_SOUNDING)


def latin_letters(word: str) -> str:
    """Lower-case ASCII letters of a Latin word, doubled consonants written once."""
    return _letters_and_doubled(word)[0]


def _letters_and_doubled(word: str) -> tuple[str, frozenset[int]]:
    """(latin_letters(word), the positions there of the consonants the word writes twice)."""
    letters: list[str] = []
    doubled: set[int] = set()
    for char in anyascii(word).lower():
        if not "a" <= char <= "z":
            continue
        if letters and letters[-1] == char and char not in LATIN_VOWELS:
            doubled.add(len(letters) - 1)
        else:
            letters.append(char)
    return "".join(letters), frozenset(doubled)


def _sounded(group: str, start: int, letters: str, doubled: frozenset[int] = frozenset()) -> bool:
    """A consonant grapheme Arabic always writes (see SOUNDED); ``doubled``: the positions
    of ``letters`` written twice in the word."""
    before_vowel = start + 1 < len(letters) and letters[start + 1] in LATIN_VOWELS - {"y"}
    if group == "y":
        return 0 < start and letters[start - 1] not in LATIN_VOWELS and before_vowel
    if group[0] in LATIN_VOWELS:
        return False
    if start == 0:
        return True
    after_vowel = letters[start - 1] in LATIN_VOWELS - {"y"}
    if group == "h":
        return letters[start - 1] in _PAIRS_WITH_H or (after_vowel and before_vowel)
    if group == "l" and after_vowel and start not in doubled:
        return not _l_silent(start, letters)
    return (len(group) == 1 and after_vowel and before_vowel and start not in doubled
            and group not in NOT_SOUNDED_BETWEEN_VOWELS and not _t_read_sh(group, start, letters))


def _l_silent(start: int, letters: str) -> bool:
    """True for an l after a vowel that Arabic may leave unwritten: French -il after a
    vowel at the end (Créteil = كريتاي, Montfermeil), and the article of a particle that
    the next word writes (Aboul Fotouh = أبو الفتوح)."""
    final = start == len(letters) - 1
    french_il = final and letters[start - 1] == "i" and start > 1 and letters[start - 2] in LATIN_VOWELS
    return french_il or bool(PARTICLE_WITH_ARTICLE.match(letters))


def _t_read_sh(group: str, start: int, letters: str) -> bool:
    """A t before i and a vowel, read sh (Plantation = بلانتيشن)."""
    return (group == "t" and letters[start + 1:start + 2] == TI_BEFORE_VOWEL
            and letters[start + 2:start + 3] in LATIN_VOWELS)


def _tagged(group: str, start: int, end: int, length: int, letters: str = "",
            doubled: frozenset[int] = frozenset()) -> str:
    """The grapheme's table key: vowels carry a place mark, a consonant that is always
    written is marked SOUNDED."""
    if _sounded(group, start, letters, doubled):
        apart = group == "h" and start > 0 and letters[start - 1] == "s"
        return SOUNDED + group + (APART if apart else "")
    if group[0] not in LATIN_VOWELS:
        return group
    if start == 0:
        return INITIAL + group
    return group + FINAL if end == length else group


@functools.lru_cache(maxsize=20_000)
def latin_graphemes(word: str) -> tuple[tuple[tuple[str, int], ...], ...]:
    """Per position of ``latin_letters(word)``: (grapheme key, length) of each grapheme
    that may start there, the single letter first."""
    letters, doubled = _letters_and_doubled(word)
    length = len(letters)
    positions = []
    for start in range(length):
        options = []
        for size in range(1, LONGEST_GROUP + 1):
            group = letters[start:start + size]
            if size == 1 and start and letters[start:start + 2] in LONG_VOWELS:
                continue
            if len(group) < size:
                break
            if start + size == length and group in FINAL_DIPHTHONGS:
                continue
            if size == 1 or group in CONSONANT_GROUPS or group in VOWEL_GROUPS:
                options.append((_tagged(group, start, start + size, length, letters, doubled), size))
        positions.append(tuple(options))
    return tuple(positions)


def single_letter(key: str) -> str:
    """The key of the grapheme's first letter, with the same place mark (an unseen
    initial group ^oy is read like ^o: an initial vowel is always written)."""
    if key.startswith(INITIAL) or key.startswith(SOUNDED):
        return key[:2]
    return key[0] + FINAL if key.endswith(FINAL) else key[0]


def grapheme_base(key: str) -> str:
    """The grapheme without its place mark."""
    return key.strip(INITIAL + FINAL + SOUNDED + ENGLISH + APART)
