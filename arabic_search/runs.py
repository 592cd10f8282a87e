"""A person's name is written as one run of its words at least once (clause and rule).

The whole-name rule (``holders.py``) keeps the documents that hold every word of a
short query, wherever they stand.  For two names of one person that is too loose: in
a corpus of hadith, زيد and معمر, عبد الرحمن and محمود are each in thousands of
chains of narrators, and "Zaid Maamar" found ten of them, none about a Zaid Maamar.
A person's full name is written together at least once (فايز السراج, then السراج
alone further on); two people's names need not be (Trump Putin).

So when a query is a person's name, told by its first word, a given name the name
table knows well (Zaid, زيد) or a compound's head (عبد, Abdul, Abdelrahman), the
documents holding all its words must also hold its last (the family name) as a run with
another of them (any two of them, in a lineage) in one passage: in the query's order, at most RUN_GAP words between and
no function word (Lucene
``span_near`` and ``span_not`` on the positional NORM field); or all of them in the
title.  A word may carry a proclitic
there (وفايز السراج, لمحمد بن سلمان): each form is asked with them too.  One more
request, made only for such queries, over the documents already found.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from . import mapping as m
from .analysis import Token
from .clitics import ARTICLE, CONJUNCTIONS, PREPOSITIONS, with_article, without_article
from .compounds import compound_parts
from .holders import names_in
from .known_names import names_a_word, well_known_arabic_name, well_known_name
from .normalize import is_arabic
from .plan import QueryPlan
from .exonym_tier import names_in_a_row
from .exonyms import GENERIC_KIND
from .query_words import COMPOUND_HEADS
from .readings import FUNCTION_WORDS
from .scripts import LATIN
from .titles import title_clause

# The proclitics a name's word may carry in a run: a conjunction, a preposition, or both.
RUN_PROCLITICS = (*CONJUNCTIONS, *PREPOSITIONS,
                  *(conjunction + preposition for conjunction in CONJUNCTIONS
                    for preposition in PREPOSITIONS))
# A person's name has at least this many names (a given name and another).
MIN_RUN_NAMES = 2
# Words between two words of a run: a middle name, a lineage word or a father's name (حسني
# زيد الكيلاني for "Hosni Kaylani", محمد بن لادن, عبد العزيز بن عمر الغامدي for "Abd
# al-Aziz al-Ghamidi"), never a function word (معمر عن زيد is two narrators).
RUN_GAP = 2
# The Arabic words of a lineage (Latin bin, ibn make a compound written apart).
LINEAGE_LINKS = frozenset({"بن", "ابن", "بنت"})


def one_person(plan: QueryPlan) -> bool:
    """True when the plan is a person's name whose documents were limited to those holding
    all its words (holders.py): two names or more, the first a given name, and every word a
    name's (a topic of three rare words may begin with one: جميل is "beautiful" too)."""
    words = plan.content_words()
    return (bool(plan.required_docs) and names_in(plan) >= MIN_RUN_NAMES
            and _given_name(words[0].token) and all(_name_word(word.token) for word in words))


def _given_name(token: Token) -> bool:
    """A compound's head (عبد, Abdul) or a Latin compound it begins (Abdelrahman), or a
    given name the name table knows well (Zaid, زيد)."""
    if token.normalized in COMPOUND_HEADS:
        return True
    if token.script != LATIN:
        return well_known_arabic_name(token.normalized)
    parts = compound_parts(token)
    return well_known_name(token.normalized) or bool(parts) and parts[0].normalized in COMPOUND_HEADS


def _name_word(token: Token) -> bool:
    """A Latin word, a compound's head, or an Arabic word the tables know as a name's."""
    return (token.script == LATIN or token.normalized in COMPOUND_HEADS
            or names_a_word((token.normalized, without_article(token.normalized))))


def with_proclitics(forms: Iterable[str]) -> frozenset[str]:
    """Each normalized form as written after a proclitic (وفايز, لمحمد) and behind each
    written form of the article (السراج, والسراج, للسراج; الباي for باي)."""
    out = set()
    for form in forms:
        if not is_arabic(form):
            out.add(form)  # a Latin word of a Latin text
            continue
        bare = without_article(form) or form
        out |= {form, *(clitic + form for clitic in RUN_PROCLITICS), *with_article(bare)}
    return frozenset(out)


@dataclass(frozen=True)
class RunPart:
    """What a run may hold some query words by: single normalized words (their own,
    accepted and beside-only spellings, each behind a proclitic too) and names of several
    words, each in a row (عبد الله for Abdallah: "Abdallah Menai" is عبد الله مناعي, not
    عبد ... مناعي)."""

    singles: frozenset[str]
    phrases: frozenset[tuple[str, ...]]

    def words(self) -> frozenset[str]:
        return self.singles | {word for phrase in self.phrases for word in phrase}

    def span(self) -> dict:
        return {"span_or": {"clauses": [*({"span_term": {m.NORM: form}} for form in sorted(self.singles)),
                                        *(_phrase(words) for words in sorted(self.phrases))]}}


def _part(plan: QueryPlan, starts: frozenset[int], family: bool = False) -> RunPart:
    """The RunPart of the query words at ``starts``; with ``family``, each name also behind
    آل written apart (علي حسن آل ثاني for "Ali Al Thani")."""
    everyone = frozenset(word.token.start for word in plan.content_words())
    forms = plan.forms_outside(everyone - starts, near=True)
    phrases = set(names_in_a_row(plan.exonyms, starts))
    if family:  # آل ثاني, آل سعود: the family's article written apart
        phrases |= {(ARTICLE, form) for form in forms if is_arabic(form) and not form.startswith(ARTICLE)}
    return RunPart(with_proclitics(forms), frozenset(phrases))


def _phrase(words: tuple[str, ...]) -> dict:
    """A name's words in a row, its first behind a proclitic too (وعبد الله)."""
    first, *rest = words
    clauses = [{"span_or": {"clauses": [{"span_term": {m.NORM: form}}
                                        for form in sorted(with_proclitics([first]))]}},
               *({"span_term": {m.NORM: word}} for word in rest)]
    return {"span_near": {"clauses": clauses, "slop": 0, "in_order": True}}


def _run(first: RunPart, then: RunPart) -> dict | None:
    """``first`` and ``then`` beside each other, in either order (عبد الصمد رفيق for "Rafik
    Abdessamad"), at most RUN_GAP words between and none of them a function word that is no
    form of the name itself.  Each order is asked apart: Lucene's unordered span_near lets
    two spans overlap, so that one written word that is a form of both (الحكيمي of Hakim
    and of Hakimi) would stand beside itself."""
    if not (first.singles or first.phrases) or not (then.singles or then.phrases):
        return None
    between = sorted(FUNCTION_WORDS - first.words() - then.words())
    exclude = {"span_or": {"clauses": [{"span_term": {m.NORM: word}} for word in between]}}
    spans = (first.span(), then.span())
    orders = [{"span_near": {"clauses": list(pair), "slop": RUN_GAP, "in_order": True}}
              for pair in (spans, spans[::-1])]
    return {"bool": {"should": [{"span_not": {"include": near, "exclude": exclude}} for near in orders],
                     "minimum_should_match": 1}}


def run_clause(plan: QueryPlan) -> dict:
    """A passage holding the plan's last word (the family name) as a run with another of its
    words, or a document whose title holds them all.  "Ali Abdullah Saleh" is علي عبد الله
    صالح or علي صالح, not علي بن عبد الله in a chain of narrators with a صالح further on.
    A lineage (bin, بن) may name more forebears than the query, and the family name stand
    far from the rest (فهد بن عبد الله بن محمد بن عبد الرحمن آل سعود): there any two of
    its words make a run."""
    words = plan.content_words()
    clauses = []
    for number, word in enumerate(words[:-1]):
        if word.token.normalized in COMPOUND_HEADS:
            continue  # عبد and the word after it are one name: it stands for them
        later = words[number + 1:] if _lineage(plan) else words[-1:]
        run = _run(_part(plan, frozenset({word.token.start})),
                   _part(plan, frozenset(other.token.start for other in later), family=True))
        if run:
            clauses.append(run)
    clauses += _named_whole(plan)
    clauses.append({"bool": {"filter": [title_clause(word) for word in words]}})
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def _named_whole(plan: QueryPlan) -> list[dict]:
    """The names translating two or more of the query's words at once, each a run of its
    own (Suleiman the Magnificent = سليمان القانوني, Arab League = جامعة الدول العربية)."""
    starts = frozenset(word.token.start for word in plan.content_words())
    names = {name.words for exonym in plan.exonyms
             if exonym.kind != GENERIC_KIND and len(exonym.starts & starts) >= MIN_RUN_NAMES
             for name in exonym.names}
    return [_phrase(words) for words in sorted(names)]


def _lineage(plan: QueryPlan) -> bool:
    """True when the query links names by a lineage word (bin, ibn, بن, ابن)."""
    return (any(compound.apart for compound in plan.compounds)
            or any(word.token.normalized in LINEAGE_LINKS for word in plan.words))


def runs_request(plan: QueryPlan) -> dict:
    """Search body: of the plan's documents, those holding its name as a run."""
    docs = list(plan.required_docs or ())
    query = {"bool": {"filter": [m.passage_filter(), {"terms": {m.DOC_ID: docs}}, run_clause(plan)]}}
    return {"size": 0, "query": query,
            "aggs": {"docs": {"terms": {"field": m.DOC_ID, "size": max(len(docs), 1)}}}}


# What the reader of a runs response uses: the shards (partial results), whether the
# aggregation answered (its count of the documents left out, always there) and the ids.
RUNS_READ = ("_shards", "aggregations.docs.sum_other_doc_count", "aggregations.docs.buckets.key")


def with_runs(plan: QueryPlan, response: dict) -> QueryPlan:
    """The plan limited to the documents of ``response`` (runs_request's); as it was when
    the request failed (search as usual rather than find nothing)."""
    aggregations = response.get("aggregations")
    if not isinstance(aggregations, dict):
        return plan
    buckets = aggregations.get("docs", {}).get("buckets", [])
    return replace(plan, required_docs=tuple(sorted(str(bucket.get("key")) for bucket in buckets)))
