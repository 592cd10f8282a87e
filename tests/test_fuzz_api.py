"""Property test of the JSON API: arbitrary parameters never give a 5xx.

1000 generated requests against a seeded alias through the Flask test client:
600 on /api/search (q, page, size, fuzzy), 200 on /api/analyze, 200 on
/api/suggest.  Values are random Unicode (bidi marks, controls, NUL), huge
(~5000 characters) or empty.  Every response is below 500, and every non-200
one is JSON in the one error shape.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service import create_app
from support import assert_error

SPECIALS = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069",
            "\x00", "\x01", "\x1b", "\x1e", "\x1f", "\x7f", "\t", "\n", "\r", "\ufeff", "\u0640",
            "\u064b", "%", "&",
            "=", "+", "#", "?", "\\", '"', "'", "<mark>", "*", "~", "AND", "OR", "ال", "و", "ليبيا"]

_piece = st.one_of(st.text(max_size=30), st.sampled_from(SPECIALS),
                   st.text(alphabet=st.sampled_from([c for c in SPECIALS if len(c) == 1]), max_size=10))
text = st.one_of(
    st.just(""),
    st.text(),
    st.lists(_piece, max_size=12).map("".join),
    _piece.map(lambda piece: ((piece or "ب") * 5000)[:5000]),              # 5000 characters
    st.from_regex(r"[-+]?\d{1,25}", fullmatch=True),                       # numbers, huge ones too
)
maybe = st.one_of(st.none(), text)
settings_common = dict(deadline=None, derandomize=True, database=None,
                       suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                              HealthCheck.data_too_large, HealthCheck.large_base_example])


@pytest.fixture(scope="module")
def client(es_url, seed_alias):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": seed_alias, "TESTING": True})
    return app.test_client()


def check(response) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    if response.status_code != 200:
        assert_error(response, response.status_code)
    else:
        assert response.get_json() is not None


def _args(**values) -> dict:
    return {key: value for key, value in values.items() if value is not None}


@settings(max_examples=600, **settings_common)
@given(q=maybe, page=maybe, size=maybe, fuzzy=st.one_of(maybe, st.sampled_from(["on", "off", "ON", " off "])))
def test_search_never_5xx(client, q, page, size, fuzzy):
    check(client.get("/api/search", query_string=_args(q=q, page=page, size=size, fuzzy=fuzzy)))


@settings(max_examples=200, **settings_common)
@given(value=maybe)
def test_analyze_never_5xx(client, value):
    check(client.get("/api/analyze", query_string=_args(text=value)))


@settings(max_examples=200, **settings_common)
@given(q=maybe, size=maybe)
def test_suggest_never_5xx(client, q, size):
    check(client.get("/api/suggest", query_string=_args(q=q, size=size)))
