"""Run the indexing and query benchmarks with their defaults and write docs/benchmarks.md.

    .venv/bin/python bench/run.py [--full] [--scale 1,3,10]
    make bench, make bench BENCH_ARGS=--full, make bench BENCH_ARGS="--scale 1,3,10"

``--full`` is passed to both benchmarks (100 % side-by-side indexing, p95 at 100 %).
``--scale`` adds the scale curve (bench/scale.py) at those multiples of prose.jsonl; it
is not in the default run because the 10x point alone takes 20-40 minutes here.
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
import latency_ab  # noqa: E402
import queries  # noqa: E402
import scale  # noqa: E402
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


def write_markdown(indexed: dict, queried: dict, seconds: float, full: bool,
                   scaled: dict | None = None, ab: dict | None = None) -> None:
    text = ["# Benchmarks", "",
            f"Latest run: {time.strftime('%Y-%m-%d %H:%M')} (`make bench{' BENCH_ARGS=--full' if full else ''}`, "
            f"{seconds:.0f} s). Everything — Elasticsearch, the indexer, gunicorn and the load clients — "
            "shares one machine, so absolute numbers are a floor, and ratios are the thing to watch. "
            "Other work on the machine moves them a lot (the per-rep columns show the spread; an "
            "earlier run under load measured 439 indexer docs/s and a service/ES p50 ratio of 4.6).", "",
            "Where the time goes and what was done for speed: [performance.md](performance.md).", "",
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
            *(["## Scale", "", scale.render(scaled), "", scale.NOTE, ""] if scaled else []),
            *(["## Beside the code of issue 10 (commit 50641be)", "", latency_ab.render(ab), "",
               "bench/latency_ab.py: each side on its own index built by its own indexer; "
               "issue 10's goal is this / old p50 <= 1.3.", ""] if ab else []),
            "## Reproduce", "",
            "```sh",
            "make bench                        # defaults: 3 reps on a 10 % sample, queries on bench-prose (10 %)",
            "make bench BENCH_ARGS=--full      # 100 % side by side, and p95 at 10 % and 100 %",
            'make bench BENCH_ARGS="--scale 1,3,10"   # adds the scale curve (10x: 364k documents)',
            ".venv/bin/python bench/indexing.py --baseline DIR   # before/after: another checkout's indexer in the same reps",
            ".venv/bin/python bench/indexing.py --reps 5",
            ".venv/bin/python bench/queries.py --seconds 30",
            ".venv/bin/python bench/latency_ab.py --corpus prose   # issue 10: beside 50641be's service",
            "make soak                         # 32 clients x 30 s + Elasticsearch outage cycles",
            "make eval                         # relevance figures -> docs/quality.md",
            "```", "",
            "`bench/queries.py` keeps the alias `bench-prose` (and `bench-prose-100` with `--full`) "
            "for the next run; delete them to rebuild. Raw figures: `bench/results/*.json` (git-ignored)."]
    BENCHMARKS_MD.write_text("\n".join(text) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--scale", help="comma-separated multiples of prose.jsonl, e.g. 1,3,10")
    args = parser.parse_args(argv)
    scale_args = scale.parse(["--scale", args.scale]) if args.scale else None
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
    scaled = None
    if scale_args:
        scaled = scale.run(scale_args)
        print(scale.render(scaled))
        print(f"\nwrote {common.save('scale', scaled)}")
    ab = latency_ab.run(latency_ab.parse(["--corpus", "prose" if args.full else "msa"]))
    if ab:
        print(latency_ab.render(ab))
        print(f"\nwrote {common.save('latency_ab', ab)}")
    write_markdown(indexed, queried, time.monotonic() - started, args.full, scaled, ab)
    print(f"wrote {BENCHMARKS_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
