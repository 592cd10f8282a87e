"""How a query word's form and a written form compare, in either script (names.py).

As written (``likeness.py``: Latin against Arabic, Arabic against Arabic, Latin against
Latin), and for two Arabic spellings also without what one spelling of a name leaves
unwritten and another writes: a final vowel letter, a final hamza after alef, a letter
written twice.  Short names must agree letter for letter unless both are rare words.
Pure functions.
"""
from __future__ import annotations

import regex

from .analysis import Token
from .likeness import COMMON_ZIPF, arabic_arabic, latin_arabic, latin_latin
from .readings import could_be_name, letters
from .scripts import ARABIC, LATIN
from .splitter import word_zipf

# Names spell a final vowel every way (ا ه ي; ة is ه and ى is ي once normalized): two
# spellings that differ only there are compared without it, at this factor, when at least
# MIN_STEM_LETTERS letters remain (_final_vowel_free).
FINAL_VOWEL_LETTERS = "اهي"
FINAL_VOWEL_FACTOR = 0.95
MIN_STEM_LETTERS = 3
# What one spelling of a name writes and another leaves out, a spelling, not grammar: a
# final hamza after alef (زكرياء / زكريا, شيماء / شيما) and a letter written twice for a
# foreign name's double consonant (دوننا / دونا, برينتووود / برنتوود: Arabic writes it once,
# with a shadda).  Two forms are also compared without them, at this factor.
FINAL_HAMZA = "اء"
_DOUBLED = regex.compile(r"(.)\1+")
UNWRITTEN_FACTOR = 0.95
# Two Arabic spellings of a name this short (article aside) must have as many letters when
# either is a common word: عمر is not عمير, ولد not وليد, حمد not حمدي (two rare words, لير
# and ليير, are one name's spellings as often as longer ones are).  Beside the rest of the
# name (commonness not weighed) a long vowel written or not is the commonest variation of
# all: فورت سنت جان is فورت سانت جون, سيدي عمار is سيدي عمر, وادي الفضة is واد الفضة.
SHORT_NAME_LETTERS = 3


def pair(query: Token, query_form: str, form: str, form_script: str,
         weigh_common: bool = True, after_sun_article: bool = False, listed: str = "") -> float:
    """The two forms compared as written and, for two Arabic spellings, without what one
    spelling of a name leaves unwritten (:data:`UNWRITTEN_FACTOR`).  Not when the written
    word is common (its commonness weighed): الآراء, الشرفاء, نساء are ordinary words, and
    without the hamza nothing says so."""
    best = _pair_as_written(query, query_form, form, form_script, weigh_common, after_sun_article,
                            listed)
    one, other = _unwritten(query_form), _unwritten(form)
    if (one, other) != (query_form, form) and query.script == form_script == ARABIC \
            and could_be_name(one, query.script) and could_be_name(other, form_script) \
            and not (weigh_common and word_zipf(listed or form) > COMMON_ZIPF):
        best = max(best, UNWRITTEN_FACTOR * _pair_as_written(query, one, other, form_script,
                                                             weigh_common, after_sun_article))
    return best


def one_name_likeness(one: str, other: str) -> float:
    """How surely two normalized Arabic words are spellings of one name, their letters
    compared unweighed: as written and, as pair() does, without a final vowel letter
    (ايسي / ايسه) or what one spelling leaves unwritten, unless a word is common: an
    ordinary word's ending is grammar, and مدينة ("a city") is no spelling of Medina's
    ميدينا (other_words._not_as_the_world_writes)."""
    best = arabic_arabic(one, other, False)
    if max(word_zipf(one), word_zipf(other)) > COMMON_ZIPF:
        return best
    forms = ((1.0, one, other), (UNWRITTEN_FACTOR, _unwritten(one), _unwritten(other)))
    return max(best, *(factor * max(arabic_arabic(first, second, False),
                                     FINAL_VOWEL_FACTOR * _final_vowel_free(first, second, False))
                       for factor, first, second in forms))


def _unwritten(form: str) -> str:
    """``form`` without a final hamza after alef, each letter written twice once."""
    form = form[:-1] if form.endswith(FINAL_HAMZA) else form
    return _DOUBLED.sub(r"\1", form)


def _pair_as_written(query: Token, query_form: str, form: str, form_script: str,
                     weigh_common: bool = True, after_sun_article: bool = False,
                     listed: str = "") -> float:
    """``listed``: ``form`` as the word list has it, when not itself (readings._listed)."""
    if query.script == LATIN and form_script == ARABIC:
        return latin_arabic(query_form, form, weigh_common, after_sun_article, listed)
    if query.script == ARABIC and form_script == ARABIC:
        shortest = min(letters(query_form), letters(form))
        if weigh_common and shortest <= SHORT_NAME_LETTERS and letters(query_form) != letters(form) \
                and max(word_zipf(query_form), word_zipf(form)) > COMMON_ZIPF:
            return 0.0
        return max(arabic_arabic(query_form, form, weigh_common, listed),
                   FINAL_VOWEL_FACTOR * _final_vowel_free(query_form, form, weigh_common, listed))
    if query.script == LATIN and form_script == LATIN:
        return latin_latin(query_form, form)
    return 0.0


def _final_vowel_free(query_form: str, form: str, weigh_common: bool, listed: str = "") -> float:
    """The two spellings compared without a final vowel letter (ا ه ي: خولنا / خولنه,
    كسلا / كسله), which names spell every way; 0 when neither ends in one, what remains is
    shorter than MIN_STEM_LETTERS, or either word is common (unless beside the name)."""
    one, other = query_form.rstrip(FINAL_VOWEL_LETTERS), form.rstrip(FINAL_VOWEL_LETTERS)
    if (one, other) == (query_form, form) or min(len(one), len(other)) < MIN_STEM_LETTERS:
        return 0.0
    if weigh_common and max(word_zipf(query_form), word_zipf(listed or form)) > COMMON_ZIPF:
        return 0.0  # an ordinary word's ending is grammar: كتابه (his book) is not كتابا
    if query_form[-1:] in FINAL_VOWEL_LETTERS and form[-1:] in FINAL_VOWEL_LETTERS \
            and query_form[-1] == form[-1]:
        return 0.0  # the same final letter: the whole words say it already
    return arabic_arabic(one, other, weigh_common)
