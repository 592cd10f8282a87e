"""Explain and highlight matches in the original passage text (pure functions).

Elasticsearch finds and ranks passages; this module says *why* each word of a
returned passage matched.  It re-analyses the passage with the same analyser and
asks each tier's own check (``tiers.py``, beside the tier's ES clause) whether a
passage word answers a query word, then wraps every matched whole original word
(clitics, diacritics and run-together words included) in ``<mark>``, escaping the
rest.  Each match carries its tier and its confidence (1.0 for written forms).
"""
from __future__ import annotations

import collections
import html
import threading
from dataclasses import dataclass

from . import tiers, titles
from .analysis import word_forms
from .beside import beside_matches
from .exonym_tier import passage_words
from .plan import QueryPlan
from .tokens import word_spans

# Verdicts are kept per plan (the plans of this many recent queries), across passages
# and requests, at most this many written words per plan.
PLANS_KEPT = 256
VERDICTS_PER_PLAN = 20_000


@dataclass(frozen=True)
class Match:
    """One marked word of a passage: its text, the query words it answers, how and how surely."""

    start: int
    end: int
    text: str
    query: str
    how: str
    confidence: float = 1.0
    beside: bool = False   # counts only beside the rest of the name (beside.py)

    def as_dict(self) -> dict:
        found = {"text": self.text, "query": self.query, "how": self.how,
                 "confidence": self.confidence}
        return {**found, "beside": True} if self.beside else found


def verdict(written: str, plan: QueryPlan) -> tuple[str, str, float] | None:
    """(how, query words, confidence) for one written word, or None.  It depends on
    nothing else, so :func:`find_matches` remembers verdicts per plan."""
    best: tuple[float, str, str, float] | None = None
    for forms in word_forms(written):
        split_words = []
        for word in plan.words:
            found = tiers.best_tier(word, forms, plan)
            if found is None:
                continue
            how, sure, score = found
            if how == tiers.SPLIT:
                split_words.append(word.token.text)
            if best is None or score > best[0]:
                best = (score, how, word.token.text, sure)
        if best and best[1] == tiers.SPLIT:  # a run-together word answers each word it holds
            best = (best[0], tiers.SPLIT, " ".join(split_words), best[3])
    return None if best is None else (best[1], best[2], best[3])


_verdicts: collections.OrderedDict[QueryPlan, dict] = collections.OrderedDict()
_verdicts_lock = threading.Lock()


def _verdicts_of(plan: QueryPlan) -> dict:
    """The verdict memo of ``plan`` (one plan comparison per passage, not per word)."""
    with _verdicts_lock:
        memo = _verdicts.get(plan)
        if memo is None:
            memo = _verdicts[plan] = {}
            while len(_verdicts) > PLANS_KEPT:
                _verdicts.popitem(last=False)
        else:
            _verdicts.move_to_end(plan)
        return memo


def find_matches(text: str, plan: QueryPlan) -> list[Match]:
    """Every matched word of ``text``, one Match per original word span; a translated
    name (exonym) is one Match over all its words (الأمم المتحدة)."""
    memo = _verdicts_of(plan)
    spans = list(word_spans(text))
    words = passage_words(text) if plan.exonyms else []
    matches = [Match(start, end, text[start:end], exonym.query, exonym.how, exonym.confidence)
               for start, end, exonym in tiers.exonym_matches(words, plan)]
    taken = {(s, e) for s, e in spans for match in matches if match.start <= s and e <= match.end}
    for start, end in spans:
        if (start, end) in taken:
            continue
        written = text[start:end]
        if written in memo:
            found = memo[written]
        else:
            found = verdict(written, plan)
            if len(memo) < VERDICTS_PER_PLAN:
                memo[written] = found
        if found:
            matches.append(Match(start, end, text[start:end], found[1], found[0], found[2]))
            taken.add((start, end))
    # spellings that count beside the rest of the name only (beside.py)
    matches += [Match(start, end, text[start:end], word.token.text,
                      tiers.name_tier(word.token.script, spelling.script), spelling.confidence,
                      beside=True)
                for start, end, word, spelling in beside_matches(text, plan, taken, spans)]
    return sorted(matches, key=lambda match: match.start)


def highlight(text: str, matches: list[Match]) -> str:
    """``text`` HTML-escaped, with each match wrapped in <mark>...</mark>."""
    pieces: list[str] = []
    cursor = 0
    for match in sorted(matches, key=lambda item: item.start):
        pieces.append(html.escape(text[cursor:match.start]))
        pieces.append(f"<mark>{html.escape(text[match.start:match.end])}</mark>")
        cursor = match.end
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)


def explain_passage(text: str, plan: QueryPlan) -> dict:
    """The API's passage object: original text, highlighted HTML and match reasons."""
    matches = find_matches(text, plan)
    return {"text": text, "highlight": highlight(text, matches),
            "matches": [match.as_dict() for match in matches]}


def explain_title(title: str, plan: QueryPlan) -> dict:
    """The title's marked words (a document may be found by its title alone): the title
    clause's own check decides, the tiers say how."""
    matches: list[Match] = []
    for start, end in word_spans(title):
        for forms in word_forms(title[start:end]):
            found = [word for word in plan.words if titles.title_check(word, forms)]
            if found:
                best = tiers.best_tier(found[0], forms, plan)
                how, sure = (best[0], best[1]) if best else (tiers.NORMALIZED, 1.0)
                matches.append(Match(start, end, title[start:end],
                                     " ".join(word.token.text for word in found), how, sure))
                break
    return {"highlight": highlight(title, matches),
            "matches": [match.as_dict() for match in matches]}
