"""Issue 10's latency goal: this checkout's service beside an older commit's, same run.

    .venv/bin/python bench/latency_ab.py [--baseline 50641be] [--baseline-root DIR]
        [--corpus prose|msa] [--passes 3] [--drop]
    make bench                      # runs it on the msa corpus; --full: on prose.jsonl

Issue 10 asks for a query latency p50 at most 1.3x "today's" on the same machine in the
same run; "today" is the code when the issue was filed (commit 50641be).  The mapping and
the indexer differ between the two, so each side gets its OWN index built by its OWN
indexer (``python -m indexer`` run from that checkout) from the same documents:
prose.jsonl + seeds/ (``--corpus prose``, 36k documents) or prose_msa.jsonl + seeds/
(``msa``, 600).  The older code is ``git archive``d into a temporary folder (or taken
from ``--baseline-root``) and run with this checkout's .venv; when the commit is not in
this repository's history the run is skipped with a message (``make bench`` goes on).

Both services run under gunicorn (2 workers, as ``make bench``), over HTTP; each query
goes to one then the other (which one first alternates), so machine load hits both alike.
One warm-up pass, then ``--passes`` timed passes.  Queries (the same for both): the seed
cases (``seed_cases.tsv``), and bench/profile_service.py's set (headlines, rare words,
Latin and Arabic names of names_dev.tsv, ordinary words, 2-4 word queries) plus the rest
of bench/queries.py's words and phrases.  Answers other than 200 are counted per kind and
left out of the percentiles.  Indices ``bench-ab-<commit>-<corpus>`` (the commit of the
side's last change to arabic_search/ or indexer/) are kept for the next run unless ``--drop``.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import profile_service  # noqa: E402
import queries  # noqa: E402
from common import DATA, PROSE, ROOT, SEED_CASES  # noqa: E402

BASELINE = "50641be"  # main when issue 10 was filed
CORPORA = {"prose": (PROSE, ROOT / "seeds"), "msa": (DATA / "prose_msa.jsonl", ROOT / "seeds")}
INDEXED_CODE = ("arabic_search", "indexer")  # what an index's contents depend on
INDEX_TIMEOUT = 3600  # seconds for one indexer run
HTTP_TIMEOUT = 30
WARMUP_PASSES = 1


def _git(*args: str) -> str | None:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else None


def index_key(ref: str) -> str | None:
    """The short commit of ``ref``'s last change to the indexed code: same key, same index."""
    return _git("log", "-1", "--format=%h", ref, "--", *INDEXED_CODE) or None


@contextlib.contextmanager
def baseline_root(ref: str, given: Path | None):
    """A checkout of ``ref``: ``given``, or ``git archive`` into a temporary folder."""
    if given:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="bench-ab-") as tmp:
        archive = Path(tmp) / "code.tar"
        subprocess.run(["git", "archive", "-o", str(archive), ref], cwd=ROOT, check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp)


def ensure_index(root: Path, alias: str, paths: tuple[Path, ...]) -> None:
    """``alias`` built by the indexer of the checkout at ``root``, unless it exists."""
    es_client = common.client()
    if es_client.indices.exists_alias(name=alias):
        return
    print(f"  indexing {', '.join(p.name for p in paths)} into '{alias}' with {root} ...",
          file=sys.stderr, flush=True)
    subprocess.run([sys.executable, "-m", "indexer", "--index", alias, "--quiet", *map(str, paths)],
                   cwd=root, env=_env(root), check=True, timeout=INDEX_TIMEOUT)


def _env(root: Path) -> dict:
    return dict(os.environ, PYTHONPATH=str(root), ELASTICSEARCH_URL=common.es_url())


def query_set(paths: tuple[Path, ...]) -> list[tuple[str, str]]:
    """(kind, query), the same for the same files."""
    docs = []
    for path in paths:
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                docs += [json.loads(line) for line in handle if line.strip()]
    chosen = profile_service.query_set(docs)
    half = profile_service.PER_KIND // 2
    chosen += [("word", w) for w in queries.COMMON_WORDS[half:]]
    chosen += [("phrase", p) for p in queries.PHRASES[half:]]
    with SEED_CASES.open(encoding="utf-8") as handle:
        chosen += [("seed", row["query"]) for row in csv.DictReader(handle, delimiter="\t",
                                                                    quoting=csv.QUOTE_NONE)]
    return chosen


def interleaved(urls: dict[str, str], chosen: list[tuple[str, str]], passes: int) -> dict:
    """Each query to each side in turn (alternating which first): ms, statuses, totals."""
    import requests
    sessions = {name: requests.Session() for name in urls}
    times = {name: [] for name in urls}  # (kind, query, ms) of answered searches
    refused = {name: set() for name in urls}  # (kind, query, status), any pass
    empty = {name: set() for name in urls}  # queries that found nothing
    names = list(urls)
    for number in range(WARMUP_PASSES + passes):
        for i, (kind, text) in enumerate(chosen):
            for name in names if i % 2 == 0 else names[::-1]:
                started = time.perf_counter()
                response = sessions[name].get(f"{urls[name]}/api/search", timeout=HTTP_TIMEOUT,
                                              params={"q": text, "size": queries.SIZE})
                spent = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    refused[name].add((kind, text, response.status_code))
                elif number >= WARMUP_PASSES:
                    times[name].append((kind, text, spent))
                elif not response.json().get("total"):
                    empty[name].add(text)
    return {"times": times, "refused": {k: sorted(v) for k, v in refused.items()},
            "empty": {k: len(v) for k, v in empty.items()}}


def summarize(raw: dict) -> dict:
    kinds = sorted({kind for rows in raw["times"].values() for kind, _, _ in rows})
    out = {}
    for name, rows in raw["times"].items():
        values = [ms for _, _, ms in rows]
        out[name] = {"n": len(values), "p50": _p(values, 50), "p95": _p(values, 95),
                     "by_kind": {k: _p([ms for kind, _, ms in rows if kind == k], 50) for k in kinds},
                     "refused": raw["refused"][name], "empty": raw["empty"][name]}
    medians = {name: per_query(rows) for name, rows in raw["times"].items()}
    both = [text for text in medians["this"] if text in medians["old"]]
    out["per_query"] = {text: (medians["old"][text], medians["this"][text]) for text in both}
    ratios = [medians["this"][t] / medians["old"][t] for t in both]
    # Less moved than the pooled p50 by which kinds of query happen to sit near the middle.
    out["per_query_ratio_p50"] = round(common.percentile(ratios, 50), 2) if ratios else float("nan")
    return out


def per_query(rows: list) -> dict[str, float]:
    """Each query's median ms over the timed passes."""
    by_query: dict[str, list[float]] = {}
    for _, text, ms in rows:
        by_query.setdefault(text, []).append(ms)
    return {text: round(common.percentile(v, 50), 1) for text, v in by_query.items()}


def _p(values: list[float], pct: float) -> float:
    return round(common.percentile(values, pct), 1) if values else float("nan")


def run(args: argparse.Namespace) -> dict | None:
    old_key, this_key = index_key(args.baseline), index_key("HEAD")
    if not old_key and args.baseline_root:  # a checkout from elsewhere: named as given
        old_key = re.sub(r"[^a-z0-9]", "", args.baseline.lower())
    if not old_key or not this_key:
        print(f"skipped: commit {args.baseline} is not in this repository's history "
              "(a shallow clone or an archive); pass --baseline-root DIR")
        return None
    paths = CORPORA[args.corpus]
    missing = common.shared_missing(*paths)
    if missing:
        print(missing)
        return None
    chosen = query_set(paths)
    aliases = {"old": f"bench-ab-{old_key}-{args.corpus}", "this": f"bench-ab-{this_key}-{args.corpus}"}
    result = {"baseline": args.baseline, "corpus": args.corpus, "passes": args.passes,
              "aliases": aliases, "queries": chosen}
    try:
        with baseline_root(args.baseline, args.baseline_root) as old_root:
            ensure_index(old_root, aliases["old"], paths)
            ensure_index(ROOT, aliases["this"], paths)
            result["load_before"] = common.loadavg()
            with profile_service._served(old_root, aliases["old"]) as old_url, \
                    profile_service._served(ROOT, aliases["this"]) as this_url:
                raw = interleaved({"old": old_url, "this": this_url}, chosen, args.passes)
            result["load_after"] = common.loadavg()
    finally:
        if args.drop:
            for alias in aliases.values():
                common.delete_alias_indices(common.client(), alias)
    result["sides"] = summarize(raw)
    return result


def render(result: dict) -> str:
    old, this = result["sides"]["old"], result["sides"]["this"]
    kinds = list(old["by_kind"])
    lines = [f"{len(result['queries'])} queries x {result['passes']} passes per side, corpus "
             f"{result['corpus']}, HTTP (gunicorn, 2 workers each), interleaved; load "
             f"{result['load_before']} -> {result['load_after']}", "",
             common.table(["", f"old ({result['baseline']})", "this", "this / old"], [
                 ["p50 ms", old["p50"], this["p50"], round(this["p50"] / old["p50"], 2)],
                 ["p95 ms", old["p95"], this["p95"], round(this["p95"] / old["p95"], 2)],
                 ["median of per-query p50 ratios", "", "", result["sides"]["per_query_ratio_p50"]],
                 ["searches timed", old["n"], this["n"], ""],
                 ["queries refused (not 200)", len(old["refused"]), len(this["refused"]), ""],
                 ["queries finding nothing", old["empty"], this["empty"], ""]]), "",
             common.table(["p50 ms by kind", *kinds],
                          [["old", *(old["by_kind"][k] for k in kinds)],
                           ["this", *(this["by_kind"][k] for k in kinds)],
                           ["this / old", *(round(this["by_kind"][k] / old["by_kind"][k], 2)
                                            for k in kinds)]])]
    for name, side in (("old", old), ("this", this)):
        for kind, text, status in side["refused"]:
            lines.append(f"{name} refused {kind} {text!r}: HTTP {status}")
    return "\n".join(lines)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE, help="the older commit (default %(default)s)")
    parser.add_argument("--baseline-root", type=Path, help="a checkout of --baseline (else git archive)")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="prose")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--drop", action="store_true", help="delete the two indices afterwards")
    args = parser.parse_args(argv)
    args.passes = max(1, min(args.passes, 10))
    return args


def main(argv: list[str] | None = None) -> int:
    common.report("latency_ab", run(parse(argv)), render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
