"""How a written word may be read as a name, before its spelling is compared (names.py).

A written word is compared as itself and as each plausible reading of it: with its
clitics off (بليبيا = ب + ليبيا, when what remains is a plausible word: فائز is not
ف + ايز for "US"), with ى sounded as the a it stands for (على "on" is not علي, Ali), and,
for a Latin query, with a final ي read as the ى Egyptian print writes so (مصطفي).  The
query may drop its article (الفجيرة / فجيره).  Function words and forms too short to be
a name are never read as one.  Pure functions.
"""
from __future__ import annotations

import functools
from typing import NamedTuple

from .analysis import Token, WordForms
from .clitics import ARTICLE, LAM_ARTICLE, ONE_LETTER_CLITICS, clitic_readings
from .graphemes import latin_sounded
from .known_names import name_words, named_as_written
from .marbuta import dots_meant
from .normalize import MAKSURA_FUNCTION_WORDS, normalize_word
from .scripts import ARABIC, LATIN
from .splitter import part_zipf, vocabulary, word_zipf

ALEF_MAKSURA = "ى"
# The letters that assimilate the article's ل (الشمس is ash-shams); before the others,
# the moon letters, it is sounded (القمر is al-qamar).
SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")
# A match through a clitic reading is less sure than the whole word, by this factor per
# stripped clitic (و ف ب ك ل: each could be the name's own first letter; the article is not
# counted, Arabic writes الأفريكوم for Africom).
READING_FACTOR = 0.9
MIN_READING = 4
# A final ي read as ى (maksura_written_ya) costs this factor, in words this long at least.
MAKSURA_FACTOR = 0.9
MAKSURA_LETTERS = 4
SHORT_READING_ZIPF = 3.0
# A common word read without its article (reading_commonness) costs this much per Zipf
# step above COMMON_READING_ZIPF; a word read without a clitic, per step it is commoner
# than its reading.
READING_COMMON_WEIGHT = 0.3
CLITIC_COMMON_WEIGHT = 0.5
COMMON_READING_ZIPF = 3.0
# Function words (prepositions, pronouns, particles; normalized, and those written with
# ى also as sounded reads them, with ا: على is علا too) are never another
# spelling of a name (بين for "Bain", كان for "Kan"); nor is a written word of fewer letters
# than MIN_NAME_LETTERS once its article is off (من for "Imane", ل for "Elie").
FUNCTION_WORDS = frozenset("""
من في علا الا عن مع حتا منذ بين عند غير دون لدا نحو قبل بعد فوق تحت خلال ضد حول
هذا هذه ذلك تلك هؤلاء اولئك هنا هناك الذي التي الذين اللذين اللتين اللواتي
هو هي هم هما هن انا نحن انت انتم انه انها انهم كان كانت كانوا يكون تكون ليس ليست
ان اذا لو لولا لكن بل ثم او ام اي كل بعض كما مثل قد لقد لم لن لا ما ماذا متا اين كيف لماذا هل
منه منها منهم فيه فيها فيهم عليه عليها عليهم اليه اليها اليهم عنه عنها عنهم له لها لهم به بها بهم
ايضا فقط حيث عندما بينما لان كي ولا ولم وقد وهو وهي وكان وكانت وان وفي ومن والا وعلا
فيمن فيما مما ممن عما عمن لمن بما بمن انما كانما ربما مهما اينما حيثما كلما
""".split()) | MAKSURA_FUNCTION_WORDS | {"و" + word for word in MAKSURA_FUNCTION_WORDS}
MIN_NAME_LETTERS = 3
# A function word with a one-letter clitic glued on (فلا, ففي, لأي, فإنه) is a function word
# too, not a name, when it is this common (Zipf): "Villa" is not فلا nor "Fianga" فإنه.
# Rarer ones are names as often (واين Wayne 4.1, بولا Paula 3.7); beside the rest of a
# name even a common one may be (بان كي مون), so there it is not excluded.
CLITIC_FUNCTION_ZIPF = 4.5


def plausible_reading(reading: str) -> bool:
    return len(reading) >= MIN_READING or vocabulary().get(reading, 0.0) >= SHORT_READING_ZIPF


def could_be_name(form: str, script: str, exact: str = "") -> bool:
    """A written Arabic form that could spell a name: not a function word, not too short
    (``exact``: the written word, whose alef may show it has no article)."""
    if script != ARABIC:
        return True
    return letters(form, exact) >= MIN_NAME_LETTERS and form not in FUNCTION_WORDS


# The article's alef is never written with a hamza: إلكر, إلوي, ألفة begin with a letter
# of the name (Ilkar, Eloy, Olfa), not with ال.  Not in words of three letters, which are
# mostly ordinary words (ألم "pain", ألف "thousand", إله "god"): their letters are too few
# to tell a name (MIN_NAME_LETTERS, as with the article).
HAMZA_ALEFS = ("أل", "إل", "آل")
MIN_HAMZA_ALEF_LETTERS = MIN_NAME_LETTERS + 1


def letters(form: str, exact: str = "") -> int:
    """The letters of ``form`` that name: all of them, less an article (unless ``exact``,
    the written word, shows by its hamza that it has none)."""
    own_alef = exact.startswith(HAMZA_ALEFS) and len(form) >= MIN_HAMZA_ALEF_LETTERS
    article = form.startswith(ARTICLE) and not own_alef
    return len(form) - (len(ARTICLE) if article else 0)


def query_forms(query: Token | WordForms) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole forms, forms without the article).  The whole forms are the query word and,
    when it has a ى, the word as it sounds (بخارى is بخارا, سهى is سها: the written word's
    ى is read so too, :func:`sounded`).  Without its article when it has one (الفجيرة is
    فجيره too: the written word's clitic readings cover the other side).  Other clitics
    stay: a name query rarely carries one, and كولن is not ك + ولن."""
    wholes = tuple(dict.fromkeys((query.normalized, sounded(query)[0])))
    if query.script != ARABIC:
        return (*wholes, *filter(None, [latin_sounded(query.exact)])), ()
    bare = tuple(form[len(ARTICLE):] for form in wholes
                 if form.startswith(ARTICLE) and plausible_reading(form[len(ARTICLE):]))
    return wholes, bare


class Reading(NamedTuple):
    """One way a written word may be read as a name (:func:`written_forms`)."""

    form: str                  # normalized, as compared with the query
    factor: float              # what the reading costs (a stripped clitic, ى for ي)
    after_sun_article: bool    # read after an article whose ل is assimilated (الدين)
    listed: str = ""           # the word whose commonness it has, when not ``form``: as the
                               # word list has it (ى folded into ي), or the word it carries
                               # (:func:`carried`: ودينار weighs as دينار)


def _stripped(word: str, reading: str) -> str:
    """What reading ``word`` as ``reading`` strips off its front (its clitics)."""
    return word[: len(word) - len(reading)]


def _ends_in_article(stripped: str) -> bool:
    return stripped.endswith(ARTICLE) or stripped.endswith(LAM_ARTICLE)


def reading_factor(word: str, reading: str) -> float:
    """READING_FACTOR per stripped one-letter clitic: بطرابلس 0.9, وبطرابلس 0.81,
    الأفريكوم 1.0, والأفريكوم 0.9."""
    stripped = _stripped(word, reading)
    clitics = len(stripped) - (len(ARTICLE) if stripped.endswith(ARTICLE) else 0)
    if stripped == LAM_ARTICLE:  # ل + ال with the alef dropped: one clitic and the article
        clitics = 1
    return READING_FACTOR ** max(clitics, 0)


def sounded(word: Token | WordForms) -> tuple[str, tuple[str, ...]]:
    """The word and its clitic readings as they sound: normalization folds ى into ي, but
    ى is read a (على "ala", "on", is not علي "Ali"; موسى is Musa)."""
    if ALEF_MAKSURA not in word.exact:
        return word.normalized, word.readings
    sounded = normalize_word(word.exact.replace(ALEF_MAKSURA, "ا"))
    return sounded, tuple(clitic_readings(sounded))


def maksura_written_ya(word: Token | WordForms) -> str | None:
    """The word with its final ي read as the ى it often stands for (Egyptian print writes
    مصطفي, يحيي, ليلي), or None: only a Latin query is compared so, and only words of
    MAKSURA_LETTERS or more (علي is Ali, not على)."""
    exact = word.exact
    if word.script != ARABIC or not exact.endswith("ي") or len(exact) < MAKSURA_LETTERS:
        return None
    return normalize_word(exact[:-1] + "ا")


def after_sun_article(word: str, reading: str) -> bool:
    """True when ``reading`` is ``word`` read after an article whose ل is assimilated
    into a sun letter (الدين, والسراج, للشمس): a Latin spelling may then show the
    article as a bare vowel (Eddine, Assarraj)."""
    return bool(reading) and reading[0] in SUN_LETTERS and _ends_in_article(_stripped(word, reading))


def reading_commonness(word: Token | WordForms, reading: str, article_shown: bool) -> float:
    """The factor reading ``word`` as ``reading`` costs a name query, in either script,
    for how common the words are (names.py; 1 for a whole word).  An Arabic query shows
    its article when it has one.

    Without its article (unless the query shows one, ``article_shown``): an ordinary word
    is common with the article and without it (الفنان / فنان, "the artist"; الرابع / رابع,
    "the fourth"), so it pays READING_COMMON_WEIGHT per Zipf step above COMMON_READING_ZIPF
    of the rarer of the two (Afanan, Rabea do not find them).  A name whose article is its
    own is rare without it (الدمام / دمام: Dammam), a family name rare with it (السراج:
    Sarraj): they pay little or nothing.

    Without a one-letter clitic (و ف ب ك ل): a written word commoner than its reading is a
    word of its own (وسائل, "means", is not و + سائل; لينكس is Linux, كبير "big"), not the
    reading with a clitic glued on, which is never commoner than the reading itself
    (بليبيا, ومحمد): it pays CLITIC_COMMON_WEIGHT per Zipf step it is commoner."""
    stripped = _stripped(sounded(word)[0], reading)
    if not stripped:
        return 1.0
    common_word = word_zipf(word.normalized)
    common_reading = word_zipf(_listed(word, reading) or reading)
    if _ends_in_article(stripped):
        if article_shown:
            return 1.0
        zipf = min(common_word, common_reading)
        return max(0.0, 1.0 - READING_COMMON_WEIGHT * max(0.0, zipf - COMMON_READING_ZIPF))
    excess = common_word - max(common_reading, COMMON_READING_ZIPF)
    return max(0.0, 1.0 - CLITIC_COMMON_WEIGHT * max(0.0, excess))


def _listed(word: Token | WordForms, reading: str) -> str:
    """A reading of a word written with ى as the word list has it (ى folded into ي, as
    normalization does): the same letters of the normalized word, so المستوى read without
    its article, مستوا, is looked up as مستوي, that is مستوى.  "" for the other words,
    listed as they are read (the final ي of مصطفي read as ى, Egyptian print, keeps the
    commonness of مصطفا: none)."""
    if ALEF_MAKSURA not in word.exact or len(word.normalized) != len(sounded(word)[0]):
        return ""
    return word.normalized[len(word.normalized) - len(reading):]


def _clitic_function_word(word: Token | WordForms) -> bool:
    """True for a common function word with a one-letter clitic (فلا, ففي, فإنه)."""
    whole = word.normalized
    return (whole[:1] in ONE_LETTER_CLITICS and whole[1:] in FUNCTION_WORDS
            and word_zipf(whole) >= CLITIC_FUNCTION_ZIPF)


# A written word that is clitics glued on a much commoner word (ودينار = و + دينار, وربنا,
# للكبيرة) is most likely that word: compared whole, it is weighed as common as the word it
# carries (likeness pays commonness only for what the spelling does not explain, so فادي
# still spells Fadi exactly although ادي is commoner).  The carried word must be one the
# splitter would believe as a part (splitter.part_zipf: a three-letter one very common),
# and commoner than the written word by CARRIED_GAP Zipf steps: بريدا, برنا, باتم are
# names, not ب + ردا, رنا, اتم.
CARRIED_GAP = 1.0


# Endings that inflect an ordinary word (a pronoun, a verb's person): سرقت, أمرني, سددوا,
# بيمينك.  A written word that is a common word with one of them carries that word.  Not
# the endings in ه, which normalized is also ة (داليه is دالية, not دالي + ه), a final ي,
# as often a name's own (سيماي, عثماني), nor the plurals ون, ين and our نا, which end
# many foreign names (برايتون is Brighton, not برايت + ون; جيمينا Gemena, بيرنا Pirna).
INFLECTIONS = ("تني", "تها", "تهم", "ني", "ك", "كم", "وا", "تم", "ت", "ها", "هم")


def _inflected(form: str) -> list[str]:
    return [form[: -len(ending)] for ending in INFLECTIONS if form.endswith(ending)]


# One answer per written word: a query meets the same candidates again and again.
CARRIED_KEPT = 50_000


@functools.lru_cache(maxsize=CARRIED_KEPT)
def carried(word: str, readings: tuple[str, ...]) -> str:
    """The commoner word that ``word`` carries behind its clitics or before an
    inflection, or ""."""
    carriers = [*readings, *(stem for form in (word, *readings) for stem in _inflected(form))]
    best = max(carriers, key=part_zipf, default="")
    zipf = part_zipf(best) if best else 0.0
    return best if zipf and zipf - word_zipf(word) >= CARRIED_GAP else ""


@functools.lru_cache(maxsize=CARRIED_KEPT)
def clitic_on_article_word(word: str, readings: tuple[str, ...]) -> str:
    """The listed word, with its article, behind a one-letter clitic of ``word`` and at
    least as common as ``word`` (والدهر = و + الدهر, والضر, بالتالي), or "".

    A name may begin as و or ف + ال does (Walter = والتر, Valencia = فالنسيا, Waldhauser =
    والدهاوزر): what follows is then no word.  When it is a word of the list, the written
    word is that word with a clitic, and it spells no name as written (Waldhauser is not
    والضر "and the harm", Balotelli not بالتالي "consequently"); beside the rest of a name
    it still may (خديجه بالليل, Khadija Bellil).  Wallace = والاس stays: والاس is commoner
    than الاس, a word of its own."""
    vocab = vocabulary()
    for reading in readings:
        if (reading.startswith(ARTICLE) and len(_stripped(word, reading)) == 1
                and vocab.get(reading, 0.0) >= max(word_zipf(word), COMMON_READING_ZIPF)):
            return reading
    return ""


# A query word that is a one-letter clitic before a name the tables know (a place, a
# person's name word) carries it when the name is commoner by this many Zipf steps:
# بجدة, وروسيا, بحلب (0.9, 0.95, 1.3) are ب and و before the place.  Half CARRIED_GAP: a
# clitic before a place is common in news (بجدة has Zipf 3.9), and the tables vouch that
# what remains is a name.  Only و, ب and ل: ك ("like") and ف ("so") seldom stand before a
# name and begin many words whose rest is one (كسول "lazy" is no ك + سول, Seoul; فعالية
# "effectiveness" no ف + عالية, Aley; فلوس "money" no ف + لوس).
NAME_CARRIED_GAP = 0.5
NAME_CLITICS = frozenset({"و", "ب", "ل"})
# ... and only a written word this common (Zipf): a rare one is a name as typed (بشام is
# Bisham, not ب + شام; لانجي, وانو), as query_readings says of every rare query word.
NAME_CARRIER_ZIPF = 3.0


def carried_name(word: str, readings: tuple[str, ...]) -> bool:
    """True when ``word``, common (NAME_CARRIER_ZIPF) and no name word the tables know
    itself (known_names.name_words), is a clitic of NAME_CLITICS before such a name word
    NAME_CARRIED_GAP commoner."""
    names, zipf = name_words(), word_zipf(word)
    if word in names or zipf < NAME_CARRIER_ZIPF:
        return False
    least = zipf + NAME_CARRIED_GAP
    return any(_stripped(word, reading) in NAME_CLITICS and reading in names
               and word_zipf(reading) >= least for reading in readings)


def query_readings(word: Token | WordForms) -> tuple[str, ...]:
    """The clitic readings a query word is searched by: without its article always
    (الحمزة is حمزة too); without a one-letter clitic only when what remains is a commoner
    word the query carries (بطرابلس = ب + طرابلس, وليبيا, لبوتين), a name the tables
    know that is commoner (carried_name: بجدة, وروسيا), or a word with its article as
    common (clitic_on_article_word: بالرياض, والقاهرة), or a word behind ل + ال, written
    لل (للفلسطينيين).  Else a rare query word is a name as typed: كايس is Kayes, not
    ك + ايس, فاتيك not ف + آتيك (query_forms: a name query rarely carries a clitic);
    so is a common word the name table knows better as a name than what it carries (known_names.named_as_written: فاخر is Fakher, not ف + آخر
    "another", which found 517 documents for "محمد فاخر" on prose.jsonl).  Never a
    function word: الله is not ال + له ("to him"), which "عبد الله" found beside عبد."""
    readings = tuple(reading for reading in word.readings if reading not in FUNCTION_WORDS)
    whole = word.normalized
    if ((carried(whole, readings) or carried_name(whole, readings)
         or clitic_on_article_word(whole, readings) or _behind_lam_article(whole, readings))
            and not named_as_written(whole, readings)):
        return readings
    return tuple(reading for reading in readings if _stripped(whole, reading) == ARTICLE)


def _behind_lam_article(word: str, readings: tuple[str, ...]) -> bool:
    """True when ``word`` is read behind ل + ال written لل (للفلسطينيين, وللحكومة): no
    name begins so, and a rare word written so is no name as typed.  "للفلسطينيين" found
    nothing on prose.jsonl, whose 9 documents write الفلسطينيين (Zipf 4.7; the word with
    its لل 3.7, no reading of it commoner by CARRIED_GAP); 789 of wordfreq's 1,330
    لل-words were asked as written only."""
    return any(_stripped(word, reading).endswith(LAM_ARTICLE) for reading in readings)


def meant_dots(word: Token | WordForms) -> bool:
    """True when ``word`` is written with a final ة it means (marbuta.dots_meant), read with
    the clitic readings it is searched by (:func:`query_readings`): the one test of the
    written tiers (query_words.QueryWord.dotted) and of the other-word check
    (other_words._pronoun_for_marbuta)."""
    return bool(word.dotted) and dots_meant((word.normalized, *query_readings(word)))


def whole_could_be_name(word: Token | WordForms, weigh_common: bool = True) -> bool:
    """The written word, whole, could be a name: no function word (على as it sounds, علا),
    nor, its commonness weighed, a common function word with a clitic (بان = ب + أن)."""
    return (could_be_name(sounded(word)[0], word.script, word.exact)
            and not (weigh_common and _clitic_function_word(word)))


def written_forms(query: Token | WordForms, word: Token | WordForms,
                  weigh_common: bool = True, article_shown: bool = False) -> list[Reading]:
    """The ways ``word`` may be read as a name, each with the factor its reading costs
    (a stripped clitic, a final ي read as ى).  A common function word with a clitic is
    none, unless its commonness is not weighed (beside the rest of a name: بان كي مون);
    nor is a function word read without what looks like a clitic (فيمن, "among whom",
    is no ف + يمن: it found Yemen, in titles, above اليمن).  Where the Latin query shows
    the article (``article_shown``: Al-Shatti, al-Farra), the word without its article is
    a reading however short and rare (الشطي is al + شطي; alone, a reading of three letters
    must be a common word: فوزا is no ف + وزا)."""
    whole, readings = sounded(word)
    if weigh_common and word.normalized in FUNCTION_WORDS:
        readings = ()
    forms = ([Reading(whole, 1.0, False, carried(whole, readings) or _listed(word, whole))]
             if whole_could_be_name(word, weigh_common)
             and not (weigh_common and clitic_on_article_word(whole, readings)) else [])
    forms += [Reading(reading, reading_factor(whole, reading), after_sun_article(whole, reading),
                      _listed(word, reading))
              for reading in readings
              if (plausible_reading(reading) or (article_shown and whole == ARTICLE + reading))
              and could_be_name(reading, word.script)]
    maksura = maksura_written_ya(word) if query.script == LATIN else None
    if maksura and could_be_name(maksura, word.script):
        forms.append(Reading(maksura, MAKSURA_FACTOR, False))
    return forms
