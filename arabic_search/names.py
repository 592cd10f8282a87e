"""Which written words are spellings of a query name, and how sure we are (0-1).

A query word is *name-matched* against the words of the index in two steps:
Elasticsearch finds the candidates that share a name key with it (the lexicon,
``lexicon.py``), then :func:`accepted_spellings` keeps those whose confidence
(``likeness.py``) reaches :data:`MIN_CONFIDENCE`.  The accepted written words,
with their confidences, are what the search clause asks for and what the
explanation reports, so the two cannot disagree.

A candidate may match through a clitic reading (بليبيا = ب + ليبيا) only when
what remains is a plausible word: at least :data:`MIN_READING` letters, or a known
Arabic word (فائز must not become ف + ايز for "US").
"""
from __future__ import annotations

import functools

import regex

from .analysis import LATIN_PARTICLES, Token, WordForms
from .clitics import ARTICLE, clitic_readings
from .normalize import normalize_word
from .likeness import COMMON_ZIPF, arabic_arabic, latin_arabic, latin_latin
from .scripts import ARABIC, LATIN
from .splitter import vocabulary

LATIN_VOWELS = "aeiouy"
ALEF_MAKSURA = "ى"
_TRIPLED = regex.compile(r"(.)\1\1")
# Below this confidence a candidate is not a spelling of the query word.
MIN_CONFIDENCE = 0.75
# Another Arabic spelling of an Arabic query word must be surer: an Arabic query already
# finds its word through the written-form tiers, and on real text near-spellings are
# mostly other words (اصيل / أصل, ايناس / الناس).
MIN_ARABIC_CONFIDENCE = 0.80
# A spelling this sure (its commonness not weighed) but below the minimum counts only
# beside another word of the query (beside.py): سناء جميل for "Sanaa Gamil".  Another
# Arabic spelling of an Arabic word needs more: at 0.6 العزيز passed for السيسي (0.65).
BESIDE_CONFIDENCE = 0.65
BESIDE_ARABIC_CONFIDENCE = 0.75
# Below this confidence an accepted spelling is a weak match: the page labels it "other
# spelling?", and a title holding it earns no title bonus (titles.title_bonus_clauses).
SURE_CONFIDENCE = 0.9
# A match through a clitic reading is less sure than the whole word, by this factor per
# stripped clitic (و ف ب ك ل: each could be the name's own first letter; the article is not
# counted, Arabic writes الأفريكوم for Africom).
READING_FACTOR = 0.9
MIN_READING = 4
# Names spell a final vowel every way (ا ه ي; ة is ه and ى is ي once normalized): two
# spellings that differ only there are compared without it, at this factor, when at least
# MIN_STEM_LETTERS letters remain (_final_vowel_free).
FINAL_VOWEL_LETTERS = "اهي"
FINAL_VOWEL_FACTOR = 0.95
MIN_STEM_LETTERS = 3
# A final ي read as ى (_maksura_written_ya) costs this factor, in words this long at least.
MAKSURA_FACTOR = 0.9
MAKSURA_LETTERS = 4
SHORT_READING_ZIPF = 3.0
# Latin words in capitals this short are abbreviations (UN, US, EU): never transliterated.
MAX_ABBREVIATION = 4
# An Arabic query word this common is an ordinary word: its spelling variants are not sought.
ORDINARY_ZIPF = 5.0
# Function words (prepositions, pronouns, particles; normalized, with ى read as ا as
# _sounded reads it, so على is علا and the name علي stays a name) are never another
# spelling of a name (بين for "Bain", كان for "Kan"); nor is a written word of fewer letters
# than MIN_NAME_LETTERS once its article is off (من for "Imane", ل for "Elie").
FUNCTION_WORDS = frozenset("""
من في علا الا عن مع حتا منذ بين عند غير دون لدا نحو قبل بعد فوق تحت خلال ضد حول
هذا هذه ذلك تلك هؤلاء اولئك هنا هناك الذي التي الذين اللذين اللتين اللواتي
هو هي هم هما هن انا نحن انت انتم انه انها انهم كان كانت كانوا يكون تكون ليس ليست
ان اذا لو لولا لكن بل ثم او ام اي كل بعض كما مثل قد لقد لم لن لا ما ماذا متا اين كيف لماذا هل
منه منها منهم فيه فيها فيهم عليه عليها عليهم اليه اليها اليهم عنه عنها عنهم له لها لهم به بها بهم
ايضا فقط حيث عندما بينما لان كي ولا ولم وقد وهو وهي وكان وكانت وان وفي ومن والا وعلا
""".split())
MIN_NAME_LETTERS = 3
# Two Arabic spellings of a name this short (article aside) must have as many letters:
# عمر is not عمير, ولد not وليد, حمد not حمدي.
SHORT_NAME_LETTERS = 3


def _pronounceable(word: str) -> bool:
    """No name has a letter three times running (ثثثث, bbbb); a Latin name has a vowel."""
    if _TRIPLED.search(word):
        return False
    return not word.isascii() or any(vowel in word for vowel in LATIN_VOWELS)


def is_name_query(token: Token) -> bool:
    """True when ``token`` should look for other spellings of itself."""
    if not _pronounceable(token.normalized):
        return False
    if token.script == LATIN:
        is_abbreviation = token.text.isupper() and len(token.text) <= MAX_ABBREVIATION
        return bool(token.keys) and not is_abbreviation and token.normalized not in LATIN_PARTICLES
    if token.script == ARABIC:
        return bool(token.keys) and vocabulary().get(token.normalized, 0.0) < ORDINARY_ZIPF
    return False


def _plausible_reading(reading: str) -> bool:
    return len(reading) >= MIN_READING or vocabulary().get(reading, 0.0) >= SHORT_READING_ZIPF


def _could_be_name(form: str, script: str) -> bool:
    """A written Arabic form that could spell a name: not a function word, not too short."""
    if script != ARABIC:
        return True
    return _letters(form) >= MIN_NAME_LETTERS and form not in FUNCTION_WORDS


def _letters(form: str) -> int:
    return len(form) - (len(ARTICLE) if form.startswith(ARTICLE) else 0)


def _pair(query: Token, query_form: str, form: str, form_script: str,
          weigh_common: bool = True) -> float:
    if query.script == LATIN and form_script == ARABIC:
        return latin_arabic(query_form, form, weigh_common)
    if query.script == ARABIC and form_script == ARABIC:
        shortest = min(_letters(query_form), _letters(form))
        if shortest <= SHORT_NAME_LETTERS and _letters(query_form) != _letters(form):
            return 0.0
        return max(arabic_arabic(query_form, form, weigh_common),
                   FINAL_VOWEL_FACTOR * _final_vowel_free(query_form, form, weigh_common))
    if query.script == LATIN and form_script == LATIN:
        return latin_latin(query_form, form)
    return 0.0


def _final_vowel_free(query_form: str, form: str, weigh_common: bool) -> float:
    """The two spellings compared without a final vowel letter (ا ه ي: خولنا / خولنه,
    كسلا / كسله), which names spell every way; 0 when neither ends in one, what remains is
    shorter than MIN_STEM_LETTERS, or either word is common (unless beside the name)."""
    one, other = query_form.rstrip(FINAL_VOWEL_LETTERS), form.rstrip(FINAL_VOWEL_LETTERS)
    if (one, other) == (query_form, form) or min(len(one), len(other)) < MIN_STEM_LETTERS:
        return 0.0
    if weigh_common and max(vocabulary().get(query_form, 0.0), vocabulary().get(form, 0.0)) > COMMON_ZIPF:
        return 0.0  # an ordinary word's ending is grammar: كتابه (his book) is not كتابا
    if query_form[-1:] in FINAL_VOWEL_LETTERS and form[-1:] in FINAL_VOWEL_LETTERS \
            and query_form[-1] == form[-1]:
        return 0.0  # the same final letter: the whole words say it already
    return arabic_arabic(one, other, weigh_common)


def _query_forms(query: Token) -> tuple[str, ...]:
    """The query word, and without its article when it has one (الفجيرة is فجيره too: the
    written word's clitic readings cover the other side).  Other clitics stay: a name
    query rarely carries one, and كولن is not ك + ولن."""
    form = query.normalized
    if query.script == ARABIC and form.startswith(ARTICLE) and _plausible_reading(form[2:]):
        return form, form[2:]
    return (form,)


def _reading_factor(word: str, reading: str) -> float:
    """READING_FACTOR per stripped one-letter clitic: بطرابلس 0.9, وبطرابلس 0.81,
    الأفريكوم 1.0, والأفريكوم 0.9."""
    stripped = word[: len(word) - len(reading)]
    clitics = len(stripped) - (len(ARTICLE) if stripped.endswith(ARTICLE) else 0)
    if stripped == "لل":  # ل + ال with the alef dropped: one clitic and the article
        clitics = 1
    return READING_FACTOR ** max(clitics, 0)


def _sounded(word: Token) -> tuple[str, tuple[str, ...]]:
    """The word and its clitic readings as they sound: normalization folds ى into ي, but
    ى is read a (على "ala", "on", is not علي "Ali"; موسى is Musa)."""
    if ALEF_MAKSURA not in word.exact:
        return word.normalized, word.readings
    sounded = normalize_word(word.exact.replace(ALEF_MAKSURA, "ا"))
    return sounded, tuple(clitic_readings(sounded))


def _maksura_written_ya(word: Token) -> str | None:
    """The word with its final ي read as the ى it often stands for (Egyptian print writes
    مصطفي, يحيي, ليلي), or None: only a Latin query is compared so, and only words of
    MAKSURA_LETTERS or more (علي is Ali, not على)."""
    exact = word.exact
    if word.script != ARABIC or not exact.endswith("ي") or len(exact) < MAKSURA_LETTERS:
        return None
    return normalize_word(exact[:-1] + "ا")


def _written_forms(query: Token, word: Token) -> list[tuple[str, float]]:
    """(form, factor): the ways ``word`` may be read as a name, each with the factor its
    reading costs (a stripped clitic, a final ي read as ى)."""
    whole, readings = _sounded(word)
    forms = [(whole, 1.0)] if _could_be_name(whole, word.script) else []
    forms += [(reading, _reading_factor(whole, reading)) for reading in readings
              if _plausible_reading(reading) and _could_be_name(reading, word.script)]
    maksura = _maksura_written_ya(word) if query.script == LATIN else None
    if maksura and _could_be_name(maksura, word.script):
        forms.append((maksura, MAKSURA_FACTOR))
    return forms


def confidence(query: Token | WordForms, word: Token | WordForms, weigh_common: bool = True) -> float:
    """How sure we are that written word ``word`` spells query word ``query`` (0-1);
    ``weigh_common`` False: as if neither word were a common word (beside the rest of a
    name, :func:`spelling_confidences`)."""
    return _confidence(_forms_of(query), _forms_of(word), weigh_common)


def _forms_of(word: Token | WordForms) -> WordForms:
    return word.forms if isinstance(word, Token) else word


# A name query meets the same lexicon candidates every time it is asked (and names share
# many): the likeness of a (query word, written word) pair is computed once.  It depends
# on the two words' forms alone (docs/performance.md, "Fewer and cheaper requests").
CONFIDENCES_KEPT = 200_000


@functools.lru_cache(maxsize=CONFIDENCES_KEPT)
def _confidence(query: WordForms, word: WordForms, weigh_common: bool) -> float:
    forms = _written_forms(query, word)
    whole, *bare = _query_forms(query)
    pairs = [(whole, form, factor) for form, factor in forms]
    # the query without its article meets the written forms without one (with one, the
    # whole query meets them already)
    pairs += [(query_form, form, factor) for query_form in bare for form, factor in forms
              if not form.startswith(ARTICLE)]
    best = max((factor * _pair(query, query_form, form, word.script, weigh_common)
                for query_form, form, factor in pairs), default=0.0)
    return round(best, 3)


def min_confidence(query: Token) -> float:
    """The confidence a spelling of ``query`` needs to be accepted anywhere."""
    return MIN_ARABIC_CONFIDENCE if query.script == ARABIC else MIN_CONFIDENCE


def spelling_confidences(query: Token, candidates: list[Token], beside: bool = True
                         ) -> tuple[dict[str, float], dict[str, float]]:
    """(accepted, beside): written candidate (``exact``) -> confidence, for those that
    reach min_confidence, and (when ``beside``: the query has other words) for the others
    that reach BESIDE_CONFIDENCE (BESIDE_ARABIC_CONFIDENCE for an Arabic query) with their
    commonness not weighed.  Beside the rest of a name a common word is a name (لاس تونس
    for "لاس توناس"), so there only the spelling counts (holders.py, beside.py).

    Candidates are written forms, not normalized ones: علي (Ali) and على (on) normalize
    alike, and only one of them is the name."""
    accepted: dict[str, float] = {}
    near: dict[str, float] = {}
    least = min_confidence(query)
    near_least = BESIDE_ARABIC_CONFIDENCE if query.script == ARABIC else BESIDE_CONFIDENCE
    for word in candidates:
        if word.normalized == query.normalized:
            continue  # the word itself: the exact and normalized tiers say so more strongly
        # the plain confidence first: it is never below the weighed one, so most candidates
        # are settled by one alignment
        plain = confidence(query, word, weigh_common=False) if beside else None
        if plain is not None and plain < near_least:
            continue
        sure = confidence(query, word)
        if sure >= least:
            accepted[word.exact] = sure
        elif plain is not None:
            near[word.exact] = plain
    return accepted, near


def accepted_spellings(query: Token, candidates: list[Token]) -> dict[str, float]:
    """written candidate (``exact``) -> confidence, for those that reach min_confidence."""
    return spelling_confidences(query, candidates)[0]
