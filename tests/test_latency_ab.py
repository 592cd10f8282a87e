"""bench/latency_ab.py's pure pieces: the summary of interleaved timings, and the skip
when the older commit is not there (``make bench`` must go on without it)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import latency_ab  # noqa: E402


def _raw(old: list, this: list) -> dict:
    return {"times": {"old": old, "this": this}, "refused": {"old": [], "this": [("w", "x", 503)]},
            "empty": {"old": 0, "this": 1}}


def test_summary_per_side_per_kind_and_per_query():
    old = [("name", "a", 10.0), ("name", "a", 12.0), ("word", "b", 40.0), ("word", "b", 44.0)]
    this = [("name", "a", 20.0), ("name", "a", 22.0), ("word", "b", 40.0), ("word", "b", 44.0)]
    summary = latency_ab.summarize(_raw(old, this))
    assert summary["old"]["n"] == summary["this"]["n"] == 4
    assert summary["old"]["by_kind"] == {"name": 10.0, "word": 40.0}
    assert summary["this"]["by_kind"] == {"name": 20.0, "word": 40.0}
    assert summary["per_query"] == {"a": (10.0, 20.0), "b": (40.0, 40.0)}
    assert summary["this"]["refused"] == [("w", "x", 503)] and summary["this"]["empty"] == 1


def test_per_query_ratio_is_the_median_of_each_querys_ratio():
    old = [("k", q, ms) for q, ms in (("a", 10.0), ("b", 10.0), ("c", 10.0))]
    this = [("k", q, ms) for q, ms in (("a", 30.0), ("b", 12.0), ("c", 5.0))]
    assert latency_ab.summarize(_raw(old, this))["per_query_ratio_p50"] == 1.2


def test_render_shows_the_ratio_and_refusals():
    old = [("name", "a", 10.0), ("word", "b", 40.0)]
    this = [("name", "a", 20.0), ("word", "b", 40.0)]
    result = {"baseline": "50641be", "corpus": "msa", "passes": 1, "queries": [("name", "a")] * 2,
              "load_before": "1 1 1", "load_after": "2 2 2", "sides": latency_ab.summarize(_raw(old, this))}
    text = latency_ab.render(result)
    assert "| p50 ms" in text and "this refused w 'x': HTTP 503" in text


def test_an_unknown_baseline_is_skipped_with_a_message(capsys):
    assert latency_ab.run(latency_ab.parse(["--baseline", "0000000deadbeef", "--corpus", "msa"])) is None
    assert "skipped" in capsys.readouterr().out
