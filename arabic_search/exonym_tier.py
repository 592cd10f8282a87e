"""The exonym tier: a name answered by its translation (Cairo -> القاهرة, الأمم المتحدة -> UN).

Unlike the word tiers of ``tiers.py``, an exonym spans words on both sides: "United
Nations" (two query words) is answered by الأمم المتحدة (two passage words) or by the
run-together الأممالمتحدة (one).  Its ES clause and its Python check stand side by side
here and compare the same things, so a passage is found exactly when its words are
marked:

* the name's words in a row in ``norm`` (positions), the first one possibly carrying a
  proclitic or the article (بطرابلس, والقاهرة, للأمم المتحدة, الأفريكوم);
* all its words run together in one word (الأممالمتحدة, بالولاياتالمتحدة).

The proclitic forms are generated from the name (:func:`clitic_forms`), not read off the
passage, so ES (a ``terms``/``span_or`` over them) and Python (set membership) agree.  A
form that is itself a commoner word is no form of the name (كبير is not ك + بير, فعالية
not ف + عالية), and a one-word name whose ة written ه is another word (marbuta.py: جده
"his grandfather" for جدة, Jeddah) is asked as written with ة, in ``exact``
(:func:`one_word_forms`).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from . import mapping as m
from .clitics import ARTICLE, LAM_ARTICLE
from .exonyms import GENERIC_KIND, Match, Name, find_exonyms, find_latin_names
from .known_names import takes_article
from .marbuta import heh_is_another_word, marbuta_spellings, written_zipf
from .namekeys import arabic_compound
from .normalize import exact_form, is_arabic, normalize_word
from .tokens import word_spans
from .query_words import LINK_SPELLINGS, NEAR_SLOP
from .readings import FUNCTION_WORDS
from .splitter import guessed_splits
from .tier_names import EXONYM, SPLIT

# Proclitics a name may carry: conjunction (و ف), preposition (ب ك ل), or both.
PROCLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")
# ل + ال drops the alef: للأمم, وللقاهرة.
LAM_ARTICLES = tuple(conjunction + LAM_ARTICLE for conjunction in ("", "و", "ف"))


# Explaining a passage asks for the forms of the same few name words at every passage word.
CLITIC_FORMS_KEPT = 4096


# A proclitic form this common (Zipf) and at least as common as the name is another word:
# a clitic reading is far rarer than its word (of the 72 listed proclitic forms of 30
# capitals and countries, the closest is بالرياض, 0.42 below الرياض; the median 1.5).
OTHER_WORD_ZIPF = 3.0


@functools.lru_cache(maxsize=CLITIC_FORMS_KEPT)
def clitic_forms(word: str, article: bool = False) -> frozenset[str]:
    """Forms of a name word with a proclitic and/or the article (Arabic only), spelt as
    ``word`` is (normalized, or as written for the exact field).  A name word written
    without the article takes it only when ``article`` (known_names.takes_article)."""
    if not is_arabic(word):
        return frozenset({word})
    if not word.startswith(ARTICLE):
        return _proclitic_forms(word) | (_article_forms(word) if article else frozenset())
    return _article_forms(word[len(ARTICLE):])


def _article_forms(bare: str) -> frozenset[str]:
    """``bare`` with the article, alone or behind a proclitic (ل + ال drops the alef)."""
    return frozenset({prefix + ARTICLE + bare for prefix in PROCLITICS if prefix != "ل"}
                     | {prefix + bare for prefix in LAM_ARTICLES})


def name_forms(exonym: QueryExonym, word: str) -> frozenset[str]:
    """clitic_forms of a name word of ``exonym``, the article as its kind takes it."""
    return clitic_forms(word, takes_article(exonym.kind, word))


def _proclitic_forms(word: str) -> frozenset[str]:
    """The forms of a name word without the article, alone or behind a proclitic, less
    those that are other words (:func:`_other_words`)."""
    return frozenset(prefix + word for prefix in PROCLITICS if prefix not in _other_words(word))


@functools.lru_cache(maxsize=CLITIC_FORMS_KEPT)
def _other_words(word: str) -> frozenset[str]:
    """The proclitics that make another word of ``word``: common (OTHER_WORD_ZIPF) and at
    least as common as the name, which no reading is, and a conjunction before such a
    word.  Sirte (سرت) is not كسرت "broke" nor فكسرت, Accra
    (اكرا) not باكرا "early", Abha (ابها) not بابها "its door", Anah (عنة) not لعنة
    "curse"."""
    name = written_zipf(word)
    own = {prefix for prefix in PROCLITICS if prefix
           and (zipf := written_zipf(prefix + word)) >= OTHER_WORD_ZIPF and zipf >= name}
    return frozenset(own | {prefix for prefix in PROCLITICS if len(prefix) > 1 and prefix[1:] in own})


@functools.lru_cache(maxsize=CLITIC_FORMS_KEPT)
def one_word_forms(word: str, dotted: bool = True,
                   article: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """(normalized forms, written forms) a one-word name is found by: its clitic forms as
    normalized, or, when ``dotted`` (not a generic word, which is asked in span queries)
    and its ة written ه is another word (marbuta.heh_is_another_word), as written with ة
    in each hamza seat (marbuta.marbuta_spellings), for the ``exact`` field: Jeddah is
    جدة, بجدة, وجدة, not جده "his grandfather".  Such a name is asked without the
    article: its ة-spelling is then an ordinary noun (الجدة is "the grandmother"); any other
    name the table writes without the article takes it only when ``article``
    (known_names.takes_article)."""
    spellings = marbuta_spellings(word) if dotted and heh_is_another_word(word) else ()
    if not spellings:
        return clitic_forms(word, article), frozenset()
    return frozenset(), frozenset(form for spelling in spellings for form in _proclitic_forms(spelling))


class PassageWord(NamedTuple):
    """A passage word as the exonym tier compares it: offsets, normalized form and the
    word as written (its exact form is asked only of a dotted name's candidates)."""

    start: int
    end: int
    form: str
    written: str = ""


def passage_words(text: str) -> list[PassageWord]:
    """The words of ``text`` as :func:`exonym_spans` reads them."""
    return [PassageWord(s, e, normalize_word(text[s:e]), text[s:e]) for s, e in word_spans(text)]


def _one_word_forms(exonym: QueryExonym, name: Name) -> tuple[frozenset[str], frozenset[str]]:
    """one_word_forms of a one-word ``name`` of ``exonym`` (a generic word's undotted)."""
    word = name.words[0]
    return one_word_forms(word, exonym.kind != GENERIC_KIND, takes_article(exonym.kind, word))


# The kind of a query word's own parts in a row (split_exonyms), and of two query words
# run together (joined_exonyms).
SPLIT_KIND = "split"
# A generic word of place names (GENERIC_KIND: Lake = بحيرة or ليك, Oued = وادي, Saint =
# سان) is an ordinary word in Arabic, so it answers its query word only within NEAR_SLOP
# words of the rest of the name (بحيرة ساراناك, سان مالو), never in "في الوادي صباحا" for
# Oued Sebbah, where the rest is no name.
JOINED_KIND = "joined"
# A generic word's forms are asked for every passage explained (construct.py): kept.
GENERIC_FORMS_KEPT = 256
# Query words run together: at most this many in one written word.
MAX_JOINED = 4
# Query words run together hold a word of this many letters at least: letters asked one
# by one ("ل ي ب ي ا") found لي, يا and ولى "split" in 31 of 601 documents, while a
# letter beside a longer word is a name's (سن-مر-د-فوسه: دفوسه) or a stray space (ل يبيا).
MIN_JOINED_LETTERS = 2


@dataclass(frozen=True)
class QueryExonym:
    """Query words that name a known entity, and the names that answer them."""

    query: str                  # the query words as written ("United Nations")
    starts: frozenset[int]      # offsets of the plan words it stands for (their weights count)
    names: tuple[Name, ...]
    kind: str = ""              # country, city, org..., generic (Lake) or SPLIT_KIND
    how: str = EXONYM           # the tier it is reported as (TRANSLIT for compounds.py)
    confidence: float = 1.0     # how sure (compounds: their least sure part)


def split_exonyms(tokens: Sequence, kept: set[int]) -> tuple[QueryExonym, ...]:
    """A query word written run together (ابوهريره, بومرداس) answered by its parts in a
    row (أبو هريرة, بو مرداس or أبو مرداس), the mirror of a document's run-together word
    (tiers' SPLIT): reported as ``split``."""
    return tuple(QueryExonym(token.text, frozenset({token.start}), names, SPLIT_KIND, SPLIT)
                 for number, token in enumerate(tokens)
                 if number in kept for names in [_split_names(token)] if names)


def _split_names(token) -> tuple[Name, ...]:
    """The parts of a run-together query word: those the word list finds, or else a name's
    link glued to the rest (بو, أبو, بن, ابن, عبد; بو and أبو, بن and ابن write one link)
    and every cut of it into two (splitter.guessed_splits: ماهاسارخام, بورسعيد) but into a
    function word, no part of a name (احدان is not لأحد أن, on the tune half of
    prose.jsonl)."""
    if len(token.parts) > 1:
        return (Name(" ".join(token.parts), tuple(token.parts)),)
    if not is_arabic(token.normalized):
        return ()
    cuts: list[tuple[str, str]] = []
    if compound := arabic_compound(token.normalized):
        head, rest = compound
        cuts = [(link, rest) for link in LINK_SPELLINGS.get(head, (head,))]
    cuts += [cut for cut in guessed_splits(token.normalized) if FUNCTION_WORDS.isdisjoint(cut)]
    return tuple(Name(f"{head} {rest}", (head, rest)) for head, rest in dict.fromkeys(cuts))


def joined_exonyms(tokens: Sequence, kept: set[int]) -> tuple[QueryExonym, ...]:
    """Arabic query words in a row answered by one written word that runs them together
    (ماها سارخام / ماهاسارخام, مه آباد / مهاباد, الولايات المتحدة / الولاياتالمتحدة): the
    mirror of split_exonyms, also for names no word list knows, which the index could not
    split.  Every run of two to MAX_JOINED words; reported as ``split``.  Function words
    are no part of a name (في الدار is no word), and letters alone make none
    (MIN_JOINED_LETTERS)."""
    found = []
    for first in range(len(tokens)):
        for last in range(first + 1, min(first + MAX_JOINED, len(tokens))):
            run = tokens[first:last + 1]
            if not set(range(first, last + 1)) <= kept or not all(map(_joinable, run)):
                break
            if max(len(token.normalized) for token in run) < MIN_JOINED_LETTERS:
                continue
            found.append(QueryExonym(" ".join(token.text for token in run),
                                     frozenset(token.start for token in run),
                                     _joined_names(run), JOINED_KIND, SPLIT))
    return tuple(found)


def _joined_names(run: Sequence) -> tuple[Name, ...]:
    """The words of ``run`` written as one, a name's link either way (أبو مرداس:
    ابومرداس, بومرداس)."""
    first, rest = run[0].normalized, "".join(token.normalized for token in run[1:])
    return tuple(Name(link + rest, (link + rest,)) for link in LINK_SPELLINGS.get(first, (first,)))


def _joinable(token) -> bool:
    return is_arabic(token.normalized) and token.normalized not in FUNCTION_WORDS


def query_exonyms(tokens: Sequence) -> list[Match]:
    """Known names among the query's tokens: Latin -> Arabic, and Arabic -> Latin."""
    texts = [token.text for token in tokens]
    return find_exonyms(texts) + find_latin_names(texts)


def plan_exonyms(tokens: Sequence, matches: Sequence[Match], kept: set[int]) -> tuple[QueryExonym, ...]:
    """The plan's exonyms; ``kept`` are the indices of the tokens that are plan words
    (particles such as "of" are not)."""
    return tuple(QueryExonym(" ".join(token.text for token in tokens[match.start:match.end]),
                             frozenset(tokens[i].start for i in range(match.start, match.end) if i in kept),
                             match.names, match.kind)
                 for match in matches)


def _span(words: Sequence[str]) -> dict:
    """Words in a row in ``norm``; the first one is a set of alternative forms."""
    first, *rest = words
    clauses = [{"span_or": {"clauses": [{"span_term": {m.NORM: form}} for form in sorted(first)]}}]
    clauses += [{"span_term": {m.NORM: word}} for word in rest]
    return {"span_near": {"clauses": clauses, "slop": 0, "in_order": True}}


def names_in_a_row(exonyms: Iterable[QueryExonym], starts: frozenset[int],
                   outside: bool = False) -> frozenset[tuple[str, ...]]:
    """The names of several words (normalized, in a row) of the ``exonyms`` that stand for
    a query word at ``starts`` (``outside``: for none of them), a generic word's aside:
    what the rest of a person's name is written beside (runs.py: عبد الله مناعي for
    "Abdallah Menai"), and what another query word's spelling stands beside (beside.py).
    A compound of fixed elements has no word of its own to stand for it there (عبد and
    الله stand in every isnad, compounds.named_words), yet عبد الله السعيد is Abdallah
    Saïd."""
    return frozenset(name.words for exonym in exonyms
                     if exonym.kind != GENERIC_KIND and bool(exonym.starts & starts) != outside
                     for name in exonym.names if len(name.words) > 1)


def _joined_counts(exonym: QueryExonym) -> bool:
    """A name run together answers it too (الأممالمتحدة), except a query word's own parts
    (split_exonyms): run together, they are the query word, which its own tiers find."""
    return exonym.kind != SPLIT_KIND


def _name_clauses(exonym: QueryExonym) -> tuple[set[str], set[str], list[dict]]:
    """(one-word forms, their written forms, phrases): the exonym's names as NORM terms (a
    one-word name, or a name run together, with its clitic forms), as EXACT terms (a
    one-word name asked as written: one_word_forms) and as words in a row (span queries)."""
    single: set[str] = set()
    written: set[str] = set()
    phrases = []
    for name in exonym.names:
        if len(name.words) == 1:
            norm, exact = _one_word_forms(exonym, name)
            single |= norm
            written |= exact
            continue
        phrases.append(_span([name_forms(exonym, name.words[0]), *name.words[1:]]))
        if _joined_counts(exonym):
            single |= name_forms(exonym, name.joined)
    return single, written, phrases


def exonym_filter(exonym: QueryExonym, anchors: frozenset[str] = frozenset()) -> dict:
    """The ES side: any of the names, in a row or run together (unscored); a generic
    word's within NEAR_SLOP words of one of ``anchors`` (the rest of the name's forms),
    in either order, and nowhere without anchors."""
    single, written, phrases = _name_clauses(exonym)
    if exonym.kind == GENERIC_KIND:
        if not anchors:
            return {"match_none": {}}
        names = {"span_or": {"clauses": phrases + _span_terms(single)}}
        return {"span_near": {"clauses": [names, span_or(anchors)],
                              "slop": NEAR_SLOP, "in_order": False}}
    should = phrases + ([{"terms": {m.NORM: sorted(single)}}] if single else []) + (
        [{"terms": {m.EXACT: sorted(written)}}] if written else [])
    if not should:
        return {"match_none": {}}
    return should[0] if len(should) == 1 else {"bool": {"should": should}}


@functools.lru_cache(maxsize=GENERIC_FORMS_KEPT)
def generic_forms(exonym: QueryExonym) -> frozenset[str]:
    """The normalized forms, with their clitics, of a generic word's one-word names (وادي,
    بوادي): what the rest of a place name stands right after (construct.py)."""
    return frozenset(_name_clauses(exonym)[0])


def _span_terms(forms: Iterable[str]) -> list[dict]:
    return [{"span_term": {m.NORM: form}} for form in sorted(forms)]


def span_or(forms: Iterable[str], phrases: Iterable[Sequence[str]] = ()) -> dict:
    """Any of ``forms`` at one position of the NORM field, or of ``phrases`` (words in a
    row): a span of the span queries that place a name's words (here, beside.py,
    construct.py)."""
    return {"span_or": {"clauses": _span_terms(forms) + [_span([{phrase[0]}, *phrase[1:]])
                                                          for phrase in sorted(phrases)]}}


def stands_beside(words: Sequence[PassageWord], start: int, end: int,
                  anchors: frozenset[str]) -> bool:
    """The Python side of a generic word's :func:`exonym_filter`: True when a passage word within NEAR_SLOP
    words of the span ``[start, end)`` (other than its own) has a form in ``anchors``."""
    inside = [index for index, word in enumerate(words) if start <= word.start and word.end <= end]
    if not inside:
        return False
    near = words[max(0, inside[0] - NEAR_SLOP - 1):inside[-1] + NEAR_SLOP + 2]
    return any(word.form in anchors for word in near if not (start <= word.start and word.end <= end))


def exonym_spans(words: Sequence[PassageWord],
                 exonyms: Sequence[QueryExonym]) -> list[tuple[int, int, QueryExonym]]:
    """The Python side: (start, end, exonym) of every name in a passage whose words are
    ``words`` (:func:`passage_words`); the longest name wins where several start together."""
    found = []
    starting = _names_by_first_form(tuple(exonyms))
    i = 0
    while i < len(words):
        best = None
        for exonym, name in starting.get(words[i].form, ()):
            length = _matched_length(words, i, name, exonym)
            if length and (best is None or length > best[0]):
                best = (length, exonym)
        if best:
            found.append((words[i][0], words[i + best[0] - 1][1], best[1]))
            i += best[0]
        else:
            i += 1
    return found


@functools.lru_cache(maxsize=256)
def _names_by_first_form(exonyms: tuple[QueryExonym, ...]) -> dict[str, list[tuple[QueryExonym, Name]]]:
    """Each passage word form that may start a name -> (exonym, name), in the exonyms'
    order: a passage word is compared only with the names it can start (a headline's runs
    of words made every word meet every run)."""
    starting: dict[str, list[tuple[QueryExonym, Name]]] = {}
    for exonym in exonyms:
        for name in exonym.names:
            if len(name.words) == 1:
                norm, exact = _one_word_forms(exonym, name)
                forms = set(norm) | {normalize_word(form) for form in exact}
            else:
                forms = set(name_forms(exonym, name.words[0]))
                if _joined_counts(exonym):
                    forms |= name_forms(exonym, name.joined)
            for form in forms:
                starting.setdefault(form, []).append((exonym, name))
    return starting


def _matched_length(words: Sequence[PassageWord], i: int, name: Name, exonym: QueryExonym) -> int:
    """How many passage words from ``i`` on spell ``name`` (0 = none)."""
    first = words[i]
    if len(name.words) == 1:
        norm, exact = _one_word_forms(exonym, name)
        return 1 if first.form in norm or (exact and exact_form(first.written) in exact) else 0
    if _joined_counts(exonym) and first.form in name_forms(exonym, name.joined):
        return 1
    if first.form not in name_forms(exonym, name.words[0]):
        return 0
    rest = tuple(word.form for word in words[i + 1:i + len(name.words)])
    return len(name.words) if rest == name.words[1:] else 0
