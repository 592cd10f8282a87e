"""Answer times while Elasticsearch misbehaves: gunicorn (2 workers x 4 threads) behind the
switchable forwarder of tests/forwarder.py, 16 concurrent clients.

    .venv/bin/python bench/deadlines.py [--seconds 12] [--clients 16] [--modes on,hang,slow,off]

For each forwarder mode (on; hang = accepts and never answers; slow = answers a byte
a second; off = refuses) the clients send /api/search for ``--seconds`` while a
prober sends /api/analyze (no ES needed) every 0.25 s.  Reported per mode: requests,
statuses, p50/p95/max seconds of /api/search, and max seconds of /api/analyze.  The
goal (README, Limits): every request answers within 3 s whatever ES does.
Indexes seeds/ into a throw-away alias (deleted at the end).
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import ROOT  # noqa: E402

QUERIES = ["ليبيا", "Williams", "فايز السراج", "طرابلس", "والدهاوزر", "xyz", "Waldhauser"]
CLIENT_TIMEOUT_S = 90
PROBE_EVERY_S = 0.25
WARM_UP_S = 8.0
GOAL_S = 3.0


def _timed(session, url: str, params: dict) -> tuple[int, float, float]:
    """(status, seconds, start time) of one GET; status -1 when it failed."""
    import requests
    started = time.monotonic()
    try:
        status = session.get(url, params=params, timeout=CLIENT_TIMEOUT_S).status_code
    except requests.RequestException:
        status = -1
    return status, time.monotonic() - started, started


def warm_up(base: str, clients: int) -> None:
    """Searches until every worker has loaded its vocabulary and caches (not measured)."""
    run_mode(base, clients, WARM_UP_S)


def run_mode(base: str, clients: int, seconds: float) -> dict:
    """``clients`` threads on /api/search plus one /api/analyze prober, for ``seconds``."""
    import requests
    lock = threading.Lock()
    searches: list[tuple[int, float, float]] = []
    probes: list[tuple[int, float, float]] = []
    began = time.monotonic()
    stop_at = began + seconds

    def client(number: int) -> None:
        session, i = requests.Session(), number
        while time.monotonic() < stop_at:
            outcome = _timed(session, f"{base}/api/search", {"q": QUERIES[i % len(QUERIES)]})
            with lock:
                searches.append(outcome)
            i += clients

    def prober() -> None:
        session = requests.Session()
        while time.monotonic() < stop_at:
            outcome = _timed(session, f"{base}/api/analyze", {"text": "والدهاوزر"})
            with lock:
                probes.append(outcome)
            time.sleep(PROBE_EVERY_S)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    threads.append(threading.Thread(target=prober, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + CLIENT_TIMEOUT_S + 10)
    return _summary(searches, probes, began)


def _summary(searches: list[tuple], probes: list[tuple], began: float) -> dict:
    times = [seconds for _, seconds, _ in searches]
    statuses: dict[int, int] = {}
    for status, _, _ in searches:
        statuses[status] = statuses.get(status, 0) + 1
    return {"requests": len(searches), "statuses": dict(sorted(statuses.items())),
            "p50_s": round(common.percentile(times, 50), 2),
            "p95_s": round(common.percentile(times, 95), 2),
            "max_s": round(max(times, default=float("nan")), 2),
            "over_goal": sum(t > GOAL_S for t in times),
            "over_goal_at": [(round(start - began, 2), round(t, 2))
                             for _, t, start in searches if t > GOAL_S][:20],
            "analyze_max_s": round(max((t for _, t, _ in probes), default=float("nan")), 2),
            "analyze_non_200": sum(status != 200 for status, _, _ in probes)}


def run(args: argparse.Namespace) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from forwarder import TcpProxy  # the forwarder of the fast test

    from indexer.load import index_paths
    es_client = common.client(timeout=60)
    alias = f"bench-deadlines-{uuid.uuid4().hex[:6]}"
    index_paths(es_client, alias, [str(ROOT / "seeds")], report=lambda message: None)
    proxy = TcpProxy(common.es_url())
    result: dict = {"clients": args.clients, "seconds": args.seconds, "modes": {}}
    try:
        with common.gunicorn(alias, workers=2, elasticsearch_url=proxy.url) as base:
            warm_up(base, args.clients)
            for mode in args.modes:
                print(f"  mode {mode}: {args.clients} clients x {args.seconds} s ...",
                      file=sys.stderr, flush=True)
                proxy.switch(mode)
                result["modes"][mode] = run_mode(base, args.clients, args.seconds)
                proxy.switch("on")
                time.sleep(3)  # let the circuit close again before the next mode
    finally:
        proxy.close()
        common.delete_alias_indices(es_client, alias)
    return result


def render(result: dict) -> str:
    rows = [[mode, r["requests"], r["statuses"], r["p50_s"], r["p95_s"], r["max_s"], r["over_goal"],
             r["analyze_max_s"]] for mode, r in result["modes"].items()]
    return (f"/api/search with {result['clients']} clients, {result['seconds']} s per mode "
            "(gunicorn 2 workers x 4 threads):\n\n"
            + common.table(["ES", "requests", "statuses", "p50 s", "p95 s", "max s", "> 3 s",
                            "analyze max s"], rows))


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--modes", default="on,hang,slow,off")
    args = parser.parse_args(argv)
    args.seconds = max(1.0, min(args.seconds, 600.0))
    args.clients = max(1, min(args.clients, 128))
    args.modes = [mode for mode in args.modes.split(",") if mode in ("on", "off", "hang", "slow")]
    return args


def main(argv: list[str] | None = None) -> int:
    result = run(parse(argv))
    common.report("deadlines", result, render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
