"""A query's words in order (in_order.py): the clause and the title's side of it.  Pure
tests; the ranking they give is tested through the index in test_ranking.py."""
from __future__ import annotations

from dataclasses import replace

from arabic_search import titles
from arabic_search.in_order import NAME_SLOP, in_order_clause, ordered_first
from arabic_search.plan import plan_search
from arabic_search.query_words import NameSpelling
from arabic_search.scripts import ARABIC
from arabic_search.syntax import parse


def _plan(query: str):
    return plan_search(parse(query))


def _span(clause: dict) -> dict | None:
    return next((c["span_near"] for c in clause["bool"]["should"] if "span_near" in c), None)


def _terms(span_or: dict) -> set[str]:
    return {c["span_term"]["norm"] for c in span_or["span_or"]["clauses"] if "span_term" in c}


def test_one_word_has_no_order_and_a_long_query_no_name_span():
    assert in_order_clause(_plan("ليبيا")) is None
    long = _plan("اجتماع وزراء الخارجية العرب في القاهرة أمس")
    assert not ordered_first(long) and _span(in_order_clause(long)) is None


def test_a_short_query_asks_its_words_side_by_side_in_order():
    span = _span(in_order_clause(_plan("عبد الله بن عمر")))
    assert span["in_order"] is True and span["slop"] == NAME_SLOP == 0
    assert [_terms(clause) for clause in span["clauses"]][-1] >= {"عمر"}


def test_past_the_first_word_a_spelling_behind_a_clitic_is_no_place_of_the_name():
    plan = _plan("علي حسين")
    with_clitics = [replace(word, names=(NameSpelling("و" + word.token.normalized, "و" + word.token.normalized,
                                                      0.9, ARABIC),))
                    for word in plan.words]
    span = _span(in_order_clause(replace(plan, words=tuple(with_clitics))))
    first, second = (_terms(clause) for clause in span["clauses"])
    assert "وعلي" in first          # the first word may carry one: وعلي حسين
    assert "وحسين" not in second    # علي وحسين is "Ali and Hussein"


def test_a_title_holds_the_words_in_order_or_apart():
    plan = _plan("عبد الله بن عمر")
    assert titles.holds_in_order(plan, "وقال عبد الله بن عمر: إذا كان الإمام")
    assert not titles.holds_in_order(plan, "كتب عمر بن عبد العزيز رضي الله عنه")
