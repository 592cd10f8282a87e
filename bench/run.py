"""Run the indexing and query benchmarks with their defaults and write docs/benchmarks.md.

    .venv/bin/python bench/run.py [--full]      (``make bench``, ``make bench BENCH_ARGS=--full``)

``--full`` is passed to both benchmarks (100 % side-by-side indexing, p95 at 100 %).
"""
from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import indexing  # noqa: E402
import queries  # noqa: E402
from common import ROOT  # noqa: E402

BENCHMARKS_MD = ROOT / "docs" / "benchmarks.md"


def _sh(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip("\n")
    except (OSError, subprocess.SubprocessError) as error:
        return f"unavailable ({error.__class__.__name__})"


def machine(es_version: str) -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in _sh("cat", "/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    return [f"- CPUs (`nproc`): {_sh('nproc')} ({cpu})",
            "- Memory (`free -g`):", "", "```", _sh("free", "-g"), "```", "",
            f"- Python {platform.python_version()} on {platform.platform()}",
            f"- Elasticsearch {es_version} (single local node from `scripts/es.py`, heap as configured there), "
            "on the same machine as the benchmark clients, gunicorn and the indexer"]


def write_markdown(indexed: dict, queried: dict, seconds: float, full: bool) -> None:
    text = ["# Benchmarks", "",
            f"Latest run: {time.strftime('%Y-%m-%d %H:%M')} (`make bench{' BENCH_ARGS=--full' if full else ''}`, "
            f"{seconds:.0f} s). Everything — Elasticsearch, the indexer, gunicorn and the load clients — "
            "shares one machine, so absolute numbers are a floor, and ratios are the thing to watch. "
            "Other work on the machine moves them a lot (the per-rep columns show the spread; an "
            "earlier run under load measured 439 indexer docs/s and a service/ES p50 ratio of 4.6).", "",
            "## Machine", "", *machine(queried.get("es_version") or indexed.get("es_version", "?")), "",
            "## Indexing", "", indexing.render(indexed), "",
            "The indexer analyses every passage in Python (normalization, clitics, stems, splits, "
            "name keys, suggestion word counts) before the bulk; the plain bulk sends title+body to "
            "the `standard` analyzer. docs/s counts source documents (the indexer writes about "
            f"{indexed['median']['passages_per_doc']} passages per document plus suggestion entries).", "",
            "## Queries", "", queries.render(queried), "",
            "The service time is the HTTP round trip to gunicorn; ES direct is `client.search` with "
            "the same `search_body` (no highlighting, no suggestions, no JSON re-encoding). "
            "Throughput uses Python threads with one `requests.Session` each; the load clients compete "
            "for the same 2 cores as gunicorn and Elasticsearch.", "",
            "## Reproduce", "",
            "```sh",
            "make bench                        # defaults: 3 reps on a 10 % sample, queries on bench-prose (10 %)",
            "make bench BENCH_ARGS=--full      # 100 % side by side, and p95 at 10 % and 100 %",
            ".venv/bin/python bench/indexing.py --reps 5",
            ".venv/bin/python bench/queries.py --seconds 30",
            "make soak                         # 32 clients x 30 s + Elasticsearch outage cycles",
            "make eval                         # relevance figures -> docs/quality.md",
            "```", "",
            "`bench/queries.py` keeps the alias `bench-prose` (and `bench-prose-100` with `--full`) "
            "for the next run; delete them to rebuild. Raw figures: `bench/results/*.json` (git-ignored)."]
    BENCHMARKS_MD.write_text("\n".join(text) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args(argv)
    extra = ["--full"] if args.full else []
    started = time.monotonic()
    indexed = indexing.run(indexing.parse(extra))
    if indexed is None:
        return 0
    print(indexing.render(indexed), "\n")
    print(f"wrote {common.save('indexing', indexed)}\n")
    queried = queries.run(queries.parse(extra))
    if queried is None:
        return 0
    print(queries.render(queried))
    print(f"\nwrote {common.save('queries', queried)}")
    write_markdown(indexed, queried, time.monotonic() - started, args.full)
    print(f"wrote {BENCHMARKS_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
