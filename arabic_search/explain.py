"""Why a document scored what it did (``explain=1``): words, tiers, weights, bonuses.

Every clause of the search is a constant score computed in Python (tier score x
confidence x word weight; ``tiers.py``, ``rarity.py``), so the score of a hit can
be rebuilt from its explanation rather than from Elasticsearch's own explain
output: the best passage's matched words, the title bonus, the document coverage
bonus; what remains is the phrase bonus (words standing together).
"""
from __future__ import annotations

from . import tiers, titles
from .plan import QueryPlan

ROUNDING = 3


def explain_hit(plan: QueryPlan, matches: list[dict], title: str, score: float,
                coverage: float = 0.0, in_order: bool | None = None) -> dict:
    """The parts of ``score`` for one hit; ``matches`` are its best passage's matches;
    ``in_order``: whether the re-ranked window put it with the documents holding a short
    query's words in order, which come first (in_order.py; None outside the window)."""
    words = []
    for word in plan.words:
        found = [m for m in matches if word.token.text in m["query"].split()]
        best = max(found, key=lambda m: tiers.SCORES[m["how"]] * m["confidence"], default=None)
        contribution = (tiers.SCORES[best["how"]] * best["confidence"] * word.weight) if best else 0.0
        words.append({"query": word.token.text, "weight": word.weight,
                      "how": best["how"] if best else None,
                      "confidence": best["confidence"] if best else None,
                      "matched": best["text"] if best else None,
                      "score": round(contribution, ROUNDING)})
    title_bonus = sum(titles.TITLE_WEIGHT * word.weight * strength
                      for word, strength in titles.words_in_title(plan, title))
    parts = sum(item["score"] for item in words) + title_bonus + coverage
    return {"score": round(score, ROUNDING), "words": words,
            "title": round(title_bonus, ROUNDING), "coverage": round(coverage, ROUNDING),
            "phrase_and_other": round(max(0.0, score - parts), ROUNDING),
            **({} if in_order is None else {"in_order": in_order})}
