"""The requests before the search: the plan's look-ups, and the holders of a short query.

A plan is completed by one ``msearch`` of its look-ups (plan.py: the index's size, each
word's document frequency, the lexicon candidates of name words).  A query of two to four
words then needs the documents that hold all of them (holders.py).  That request is
built from the completed plan: it asks for each word by all its tiers, accepted name
spellings included.  When no look-up can change a word's spellings (no word seeks other
spellings, no compound name), the plan before its look-ups asks for exactly the same
documents (the weights the look-ups bring are the clauses' boosts, and holders only
filter), so the holders request rides in the look-ups' ``msearch``: one round trip fewer.  That
``msearch`` also counts each word's documents, so a word held by too many to list is
not listed at all (``holder_counts.py``).  A person's name is then limited once more, to
the documents writing it as a run (``runs.py``).
"""
from __future__ import annotations

from elasticsearch import BadRequestError, Elasticsearch

from arabic_search.holder_counts import (ahead_request, count_request, listed_after,
                                         listed_ahead, listing_request, still_to_list, too_many)
from arabic_search.holders import holders_ahead, listing_filter, needs_holders, with_holders
from arabic_search.plan import QueryPlan
from arabic_search.runs import RUNS_READ, one_person, runs_request, with_runs

# Holders requests after the look-ups, at most: the words still unknown (a Latin word
# counted and listed in part), then a recounted word over what was listed, in full.
LISTINGS = 2


# What the look-ups' readers use (plan.with_answers, holders.py, holder_counts.py, the
# partial-results check): totals, the candidates' words, aggregations, shards, errors.
# Each candidate's _index and _score were half the bytes: a headline's 14 look-ups,
# 132 -> 68 KB and 15.8 -> 13.4 ms a round trip.  Every response keeps its _shards (or
# error), so the responses stay one per look-up, in order.
LOOKUP_READ = ("responses.hits.total", "responses.hits.hits.fields", "responses.aggregations",
               "responses._shards", "responses.error", "responses.status")


def _msearch(client: Elasticsearch, alias: str, bodies: list[dict]) -> list[dict]:
    searches: list[dict] = []
    for body in bodies:
        searches += [{"index": alias}, body]
    return client.msearch(searches=searches, filter_path=list(LOOKUP_READ)).body.get("responses", [])


def _completed(plan: QueryPlan, responses: list[dict]) -> tuple[QueryPlan, list[dict]]:
    """(the plan completed by the look-ups' responses, those it used); a failed look-up
    is left out (its word keeps weight 1 or its written forms only)."""
    answers = [(lookup, response) for lookup, response in zip(plan.lookups(), responses)
               if "error" not in response]
    return plan.with_answers(answers), [response for _, response in answers]


def completed_plan(client: Elasticsearch, alias: str, plan: QueryPlan) -> QueryPlan:
    """The plan with its words' weights and accepted name spellings, from one msearch."""
    return _completed(plan, _msearch(client, alias, [lookup.body for lookup in plan.lookups()]))[0]


def _answered(response: dict | None) -> bool:
    return isinstance(response, dict) and "error" not in response


def _holders(client: Elasticsearch, alias: str, plan: QueryPlan, counted: dict | None,
             early: dict | None) -> tuple[QueryPlan, list[dict]]:
    """(the completed ``plan`` limited to the documents holding all its words, the
    responses used): the words over the limit by their count are not listed, those
    listed in full ahead not again; the others in one request, and a recounted word
    listed only in part in one more (holder_counts.py)."""
    unlisted, listed = too_many(plan, counted), listed_ahead(plan, early)
    used = [response for response in (counted, early) if _answered(response)]
    for listing in range(LISTINGS):
        numbers = still_to_list(plan, unlisted, listed)
        if not numbers:
            break
        # a lone request, whose failure the boundary maps as it always did (a missing
        # index: 503 index_missing)
        response = client.search(index=alias, body=listing_request(plan, numbers, listing == 0),
                                 filter_path=listing_filter(plan, numbers)).body
        used.append(response)
        if not isinstance(response.get("aggregations"), dict):
            return with_holders(plan, response, unlisted), used  # searched as usual
        unlisted |= too_many(plan, response)
        listed.update(listed_after(plan, response, numbers, listing == 0))
    return with_holders(plan, {"aggregations": listed}, unlisted), used


def searched_plan(client: Elasticsearch, alias: str, plan: QueryPlan) -> tuple[QueryPlan, list[dict]]:
    """(the plan completed and, for a short query, limited to the documents holding all its
    words; every response used, for the partial-results check).  The look-ups' msearch
    also counts each word's documents, and lists them (AHEAD_LISTED at most) when no
    look-up can change them; the holders request follows for the words still unknown."""
    bodies = [lookup.body for lookup in plan.lookups()]
    short = needs_holders(plan)
    ahead = short and holders_ahead(plan)
    extra = ([count_request(plan)] if short else []) + ([ahead_request(plan)] if ahead else [])
    responses = _msearch(client, alias, bodies + extra)
    completed, used = _completed(plan, responses[:len(bodies)])
    if not short:
        return completed, used
    counted, early = (responses[len(bodies):] + [None, None])[:2]
    limited, found = _holders(client, alias, completed, counted, early if ahead else None)
    limited, runs = _runs(client, alias, limited)
    return limited, [*used, *found, *runs]


def _runs(client: Elasticsearch, alias: str, plan: QueryPlan) -> tuple[QueryPlan, list[dict]]:
    """(a person's name's plan limited to the documents writing it as a run, runs.py; the
    response used).  A request Elasticsearch refuses as too large for its limits (a name of
    four words with hundreds of spellings) keeps the documents found; a failing cluster is
    the boundary's to map, as for the holders request."""
    if not one_person(plan):
        return plan, []
    try:
        response = client.search(index=alias, body=runs_request(plan), filter_path=list(RUNS_READ)).body
    except BadRequestError:
        return plan, []
    return with_runs(plan, response), [response]
