"""Same answers before and after a change for speed: the service's full responses, dumped
by one checkout and compared with another's.

    .venv/bin/python bench/same_responses.py --alias trips-msa --root /tmp/before --dump before.json
    .venv/bin/python bench/same_responses.py --alias trips-msa --dump after.json --compare before.json

Why: a change that makes a search cost fewer or cheaper Elasticsearch requests must not
change what is matched, how it ranks or what the page shows.  ``--root`` imports the
service from another checkout (e.g. ``git archive`` of the code before the change), so
both sides run their own code against the same index.  The cases (``cases``) cover every
path of ``service.search.search``: Latin and Arabic names, ordinary words, multi-word
queries, quoted phrases, ``-exclusions``, ``sort=date``, source and date filters,
``fuzzy=off``, explanations, pages 1-3, and a spelling chip's narrowing (the chip is the
second one of an earlier response, so both sides narrow by what they showed).
Responses are compared whole, ``took_ms`` aside.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARABIC_WORD = re.compile(r"[\u0621-\u064A]{3,}")
DEFAULT_DATA = (HERE.parent.parent / "shared" / "data" / "prose_msa.jsonl", HERE.parent / "seeds")
SEED = 5
NAMES_PER_SCRIPT = 25
PER_KIND = 12
CHIP_CLICKS = 12
PACKAGES = ("arabic_search", "service", "indexer")
# Names of common words (each in thousands of hadith documents: the holders look-up's
# costliest case, and its too-common-to-list rule), searched on pages 1 and 2, by date
# and without fuzzy matching too.
COMMON_NAMES = ["أبو هريرة", "عمر بن الخطاب", "رسول الله", "محمد علي", "Abu Hurairah",
                "Omar ibn al-Khattab", "عبد الله بن عباس", "علي بن أبي طالب", "أنس بن مالك",
                "في سبيل الله", "قال رسول الله", "Muhammad Ali", "Hassan Bourkia",
                "عائشة أم المؤمنين", "Abdullah ibn Umar", "الله أكبر"]


def _documents(paths: tuple[Path, ...]) -> list[dict]:
    docs: list[dict] = []
    for path in paths:
        if path.is_dir():
            docs += [{"title": "", "body": p.read_text(encoding="utf-8")} for p in sorted(path.glob("*.txt"))]
        elif path.exists():
            with path.open(encoding="utf-8") as handle:
                docs += [json.loads(line) for line in handle if line.strip()]
    return docs


def _texts(docs: list[dict]) -> dict[str, list[str]]:
    """Query texts by kind, taken from the corpus (headlines, rare/common words, phrases)
    and from bench/queries.py's name set."""
    sys.path.insert(0, str(HERE))
    import queries  # bench/queries.py: the benchmark's Latin and Arabic names
    rng = random.Random(SEED)
    named = queries.query_set()
    counts = collections.Counter(w for d in docs for w in dict.fromkeys(ARABIC_WORD.findall(d.get("body", ""))))
    rare = sorted(w for w, n in counts.items() if n == 2 and len(w) >= 6)
    common = [w for w, _ in counts.most_common(60)][20:60]
    titles = sorted({d["title"] for d in docs if 2 <= len(d.get("title", "").split()) <= 6})
    bodies = [d.get("body", "").split() for d in docs if len(d.get("body", "").split()) > 20]
    phrases = [" ".join(words[i:i + 2]) for words in rng.sample(bodies, PER_KIND)
               for i in [rng.randrange(len(words) - 2)]]
    return {"latin": [q for k, q in named if k == "latin"][:NAMES_PER_SCRIPT],
            "arabic": [q for k, q in named if k == "arabic"][:NAMES_PER_SCRIPT],
            "word": rng.sample(common, PER_KIND) + queries.COMMON_WORDS[:4],
            "rare": rng.sample(rare, PER_KIND),
            "headline": rng.sample(titles, PER_KIND),
            "multi": queries.PHRASES,
            "quoted": [f'"{p}"' for p in phrases],
            "excluded": [f"{a} -{b}" for a, b in zip(rng.sample(common, PER_KIND), rng.sample(common, PER_KIND))]}


def cases(docs: list[dict]) -> list[tuple[str, dict]]:
    """(key, SearchParams keyword arguments): every text on page 1, and variants of some."""
    texts = _texts(docs)
    out = [(f"{kind}|{q}|p1", {"q": q}) for kind, qs in texts.items() for q in qs]
    every = [q for qs in texts.values() for q in qs]
    rng = random.Random(SEED + 1)
    sources = sorted({d["source"] for d in docs if d.get("source")})
    for q in rng.sample(every, 20):
        out.append((f"p2|{q}", {"q": q, "page": 2}))
    for q in rng.sample(every, 15):
        out.append((f"p3|{q}", {"q": q, "page": 3, "size": 5}))
    for q in rng.sample(every, 20):
        out.append((f"date|{q}", {"q": q, "sort": "date", "size": 5}))
    for q in rng.sample(every, 15):
        out.append((f"explain|{q}", {"q": q, "explain": True}))
    for q in rng.sample(every, 10):
        out.append((f"source|{q}", {"q": q, "source": rng.choice(sources)}))
    for q in rng.sample(every, 8):
        out.append((f"dates|{q}", {"q": q, "date_from": "2000-01-01", "date_to": "2030-12-31"}))
    for q in rng.sample(every, 10):
        out.append((f"nofuzzy|{q}", {"q": q, "fuzzy": False}))
    for q in rng.sample(every, 6):
        out.append((f"deep|{q}", {"q": q, "page": 12, "size": 10}))
    return out + _common_names()


def _common_names() -> list[tuple[str, dict]]:
    """Each of COMMON_NAMES on page 1, page 2, by date, unfuzzy and explained."""
    out = []
    for q in COMMON_NAMES:
        out += [(f"names|{q}|p1", {"q": q}), (f"names-p2|{q}", {"q": q, "page": 2}),
                (f"names-date|{q}", {"q": q, "sort": "date", "size": 5}),
                (f"names-nofuzzy|{q}", {"q": q, "fuzzy": False}),
                (f"names-explain|{q}", {"q": q, "explain": True})]
    return out


def _use_checkout(root: Path) -> None:
    """Import the project's packages from ``root`` from now on (bench/common.py put this
    checkout on the path when the cases were built)."""
    for name in [n for n in sys.modules if n.split(".")[0] in PACKAGES]:
        del sys.modules[name]
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE.parent]
    sys.path.insert(0, str(root.resolve()))


def _limits(max_holders: int | None, ahead_listed: int | None) -> None:
    """Lower the holders limits of the checkout in use (before the service imports them)."""
    import importlib
    if max_holders:
        importlib.import_module("arabic_search.holders").MAX_HOLDERS = max_holders
    if ahead_listed:
        try:
            importlib.import_module("arabic_search.holder_counts").AHEAD_LISTED = ahead_listed
        except ImportError:  # a checkout before holder_counts.py
            pass


def run(alias: str, url: str, kinds: list[tuple[str, dict]]) -> dict[str, dict]:
    """key -> the response without took_ms, for every case and for chip clicks."""
    from service import create_app
    from service.elastic import get_client
    from service.params import SearchParams
    from service.search import search
    app = create_app({"ELASTICSEARCH_URL": url, "SEARCH_INDEX": alias, "TESTING": True})
    with app.app_context():
        client = get_client()
    responses: dict[str, dict] = {}
    clicks = 0
    for key, kwargs in kinds:
        response = search(client, alias, SearchParams(**kwargs))
        responses[key] = {k: v for k, v in response.items() if k != "took_ms"}
        chips = response.get("spellings") or []
        if key.endswith("|p1") and len(chips) > 1 and clicks < CHIP_CLICKS:
            clicks += 1
            for page in (1, 2):
                narrowed = search(client, alias, SearchParams(q=kwargs["q"], spelling=chips[1]["text"],
                                                              page=page))
                responses[f"chip{page}|{kwargs['q']}"] = {k: v for k, v in narrowed.items() if k != "took_ms"}
    return responses


def differing(before: dict, after: dict) -> list[str]:
    """Keys whose responses differ, or exist on one side only."""
    keys = sorted(set(before) | set(after))
    dump = lambda value: json.dumps(value, sort_keys=True, ensure_ascii=False)  # noqa: E731
    return [key for key in keys if dump(before.get(key)) != dump(after.get(key))]


def dump_or_compare(responses: dict, dump: Path | None, compare: Path | None, shown: int = 30) -> int:
    """Write ``responses`` to ``dump`` and/or compare them with the dump at ``compare``:
    the number of responses that differ (0 when nothing was compared)."""
    if dump:
        dump.write_text(json.dumps(responses, ensure_ascii=False, indent=1), encoding="utf-8")
    if not compare:
        return 0
    differ = differing(json.loads(compare.read_text(encoding="utf-8")), responses)
    print(f"compared with {compare}: {len(differ)} of {len(responses)} differ")
    for key in differ[:shown]:
        print("  differs:", key)
    return len(differ)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alias", required=True)
    parser.add_argument("--root", type=Path, help="import the service from this checkout")
    parser.add_argument("--data", type=Path, nargs="+", default=list(DEFAULT_DATA))
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--max-holders", type=int, help="lower holders.MAX_HOLDERS (both sides: "
                        "the too-common-to-list rule on a small index)")
    parser.add_argument("--ahead-listed", type=int, help="and holder_counts.AHEAD_LISTED, where it exists")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import common
    url = common.es_url()
    built = cases(_documents(tuple(args.data)))
    _use_checkout(args.root or HERE.parent)
    _limits(args.max_holders, args.ahead_listed)
    import service
    print(f"service from {Path(service.__file__).parent.parent}")
    responses = run(args.alias, url, built)
    kinds = collections.Counter(key.split("|")[0] for key in responses)
    print(f"{len(responses)} responses ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    return 1 if dump_or_compare(responses, args.dump, args.compare) else 0


if __name__ == "__main__":
    sys.exit(main())
