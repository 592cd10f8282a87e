"""Candidate readings of an Arabic word with its proclitics removed.

Arabic glues conjunctions (و ف), prepositions (ب ك ل) and the article (ال) to the
next word: لويليامز = ل + ويليامز, بطرابلس = ب + طرابلس.  But وليامز and والدهاوزر
are names whose first letters only look like clitics.  We never guess: a word keeps
its whole form and gains every plausible stripped reading, the index stores them
all, and ranking prefers the whole-word match (see ``query.py``).
"""
from __future__ import annotations

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
# The clitics of one letter, glued before a word: و ف ب ك ل.
ONE_LETTER_CLITICS = frozenset((*CONJUNCTIONS, *PREPOSITIONS))
# The person prefixes of an imperfect verb that are not alef (يسمر, تطلى, نسقي).
VERB_PREFIXES = ("ي", "ت", "ن")
ARTICLE = "ال"
# ل + ال is written with the alef dropped: للحكومة.
LAM_ARTICLE = "لل"
# The article as written at the start of a word, alone or behind a conjunction or a
# preposition: ال, وال, فال, بال, كال, لل, ولل, فلل.
ARTICLE_FORMS = (ARTICLE, *(clitic + ARTICLE for clitic in (*CONJUNCTIONS, *PREPOSITIONS)
                            if clitic != LAM_ARTICLE[0]),  # ل + ال is LAM_ARTICLE
                 LAM_ARTICLE, *(conjunction + LAM_ARTICLE for conjunction in CONJUNCTIONS))
# The shortest word a stripped reading may leave behind.
MIN_REMAINDER = 2
# Object and possessive pronouns glued after a word (توازيها = توازي + ها, كتابهم), longest
# first.  A bare ه is left out: normalized it is also ة, and عبده, نبيه are names; so is نا
# (our): names end so too (بيرنا, Pirna; فيرونا), and the commonest words with it (بلادنا,
# علينا) are in the word list already.
ENCLITICS = ("هما", "كما", "ها", "هم", "هن", "كم")
# What an enclitic leaves must be a word of its own this long: مها, بنها, ادهم are names.
MIN_ENCLITIC_BASE = 3


def without_article(word: str, least: int = MIN_REMAINDER) -> str | None:
    """The normalized word without its article, when it begins with one and what remains
    has ``least`` letters or more; else None."""
    rest = word[len(ARTICLE):]
    return rest if word.startswith(ARTICLE) and len(rest) >= least else None


def with_article(reading: str) -> frozenset[str]:
    """``reading`` behind each of ARTICLE_FORMS: the written words that hold it behind the
    article (النجف, والنجف, للنجف)."""
    return frozenset(article + reading for article in ARTICLE_FORMS)


def behind_article(word: str, reading: str) -> bool:
    """True when the written ``word`` is ``reading`` behind one of ARTICLE_FORMS (والنجف)."""
    return word in with_article(reading)


def _after_article(word: str) -> list[str]:
    """Readings of a word after its conjunction/preposition: itself, minus ال."""
    rest = without_article(word)
    return [word] if rest is None else [word, rest]


def _after_preposition(word: str) -> list[str]:
    readings = _after_article(word)
    for prep in PREPOSITIONS:
        rest = word[1:]
        if word.startswith(prep) and len(rest) >= MIN_REMAINDER + 1:
            readings.extend(_after_article(rest))
    if word.startswith(LAM_ARTICLE) and len(word) - 2 >= MIN_REMAINDER + 1:
        readings.append(word[2:])
    return readings


def clitic_readings(word: str) -> list[str]:
    """All readings of a normalized Arabic word with proclitics stripped, whole word excluded.

    >>> clitic_readings("لويليامز")
    ['ويليامز']
    """
    readings = _after_preposition(word)
    for conj in CONJUNCTIONS:
        if word.startswith(conj) and len(word) - 1 >= MIN_REMAINDER + 1:
            readings.extend(_after_preposition(word[1:]))
    seen: dict[str, None] = {}
    for reading in readings:
        if reading != word:
            seen.setdefault(reading)
    return list(seen)


def without_enclitic(word: str) -> str | None:
    """A normalized word without the pronoun glued after it, or None when it ends in none
    (or too little would remain)."""
    for enclitic in ENCLITICS:
        if word.endswith(enclitic) and len(word) - len(enclitic) >= MIN_ENCLITIC_BASE:
            return word[: -len(enclitic)]
    return None
