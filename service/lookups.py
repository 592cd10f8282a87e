"""The requests before the search: the plan's look-ups, and the holders of a short query.

A plan is completed by one ``msearch`` of its look-ups (plan.py: the index's size, each
word's document frequency, the lexicon candidates of name words).  A query of two to four
words then needs the documents that hold all of them (holders.py).  That request is
built from the completed plan: it asks for each word by all its tiers, accepted name
spellings included.  When no look-up can change a word's spellings (no word seeks other
spellings, no compound name), the plan before its look-ups asks for exactly the same
documents (the weights the look-ups bring are the clauses' boosts, and holders only
filter), so the holders request rides in the look-ups' ``msearch``: one round trip fewer.
"""
from __future__ import annotations

from elasticsearch import Elasticsearch

from arabic_search.holders import holders_ahead, holders_request, needs_holders, with_holders
from arabic_search.plan import QueryPlan



def _msearch(client: Elasticsearch, alias: str, bodies: list[dict]) -> list[dict]:
    searches: list[dict] = []
    for body in bodies:
        searches += [{"index": alias}, body]
    return client.msearch(searches=searches).body.get("responses", [])


def _completed(plan: QueryPlan, responses: list[dict]) -> tuple[QueryPlan, list[dict]]:
    """(the plan completed by the look-ups' responses, those it used); a failed look-up
    is left out (its word keeps weight 1 or its written forms only)."""
    answers = [(lookup, response) for lookup, response in zip(plan.lookups(), responses)
               if "error" not in response]
    return plan.with_answers(answers), [response for _, response in answers]


def completed_plan(client: Elasticsearch, alias: str, plan: QueryPlan) -> QueryPlan:
    """The plan with its words' weights and accepted name spellings, from one msearch."""
    return _completed(plan, _msearch(client, alias, [lookup.body for lookup in plan.lookups()]))[0]


def searched_plan(client: Elasticsearch, alias: str, plan: QueryPlan) -> tuple[QueryPlan, list[dict]]:
    """(the plan completed and, for a short query, limited to the documents holding all its
    words; every response used, for the partial-results check).  One msearch when the
    holders do not depend on the look-ups, else the holders request after it (also when
    the item asked ahead failed)."""
    bodies = [lookup.body for lookup in plan.lookups()]
    ahead = needs_holders(plan) and holders_ahead(plan)
    responses = _msearch(client, alias, bodies + ([holders_request(plan)] if ahead else []))
    completed, used = _completed(plan, responses[:len(bodies)])
    holders = responses[len(bodies)] if ahead and len(responses) > len(bodies) else None
    if holders is None or "error" in holders:
        if not needs_holders(completed):
            return completed, used
        # not asked ahead, or the item failed: the lone request, whose failure the boundary
        # maps as it always did (a missing index: 503 index_missing)
        holders = client.search(index=alias, body=holders_request(completed)).body
    return with_holders(completed, holders), [*used, holders]
