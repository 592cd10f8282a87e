"""Soak test (``make soak``): sustained load on gunicorn, then Elasticsearch going away and back.

    .venv/bin/python bench/soak.py [--seconds 30] [--clients 32] [--cycles 3] [--outage 5]

1. ``--clients`` concurrent clients for ``--seconds`` against the service under
   gunicorn (2 workers) on ``bench-prose`` (indexed once if missing): zero errors
   required, p50/p95 reported.
2. Long form of tests/test_reliability.py: gunicorn talks to Elasticsearch through
   a switchable TCP forwarder.  ``--cycles`` times: switch it off (in turn
   refusing, hanging and answering a byte a second) for ``--outage`` s under 8
   background clients; a prober checks /api/search and /api/health answer 503
   JSON within 3 s (the request deadline and circuit breaker); switch it on:
   the service must answer 200 within 10 s and then serve 5 s with zero errors.
   Any other 5xx (500/502) at any time is a failure.
Exit status 1 when a check fails.
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import queries  # noqa: E402
from common import PROSE, ROOT  # noqa: E402

DEADLINE_S = 3.0
WARM_UP_S = 10.0  # each gunicorn's workers load vocabularies and caches first (not measured)


def warm_up(base: str, qs: list[str]) -> None:
    """A first worker request costs seconds of CPU (vocabularies, caches); not a figure."""
    common.load(queries._service_worker(base, qs), 8, WARM_UP_S)


def _proxy_class():
    sys.path.insert(0, str(ROOT / "tests"))
    from forwarder import TcpProxy  # the same forwarder as the fast test
    return TcpProxy


def steady(base: str, qs: list[str], clients: int, seconds: float) -> dict:
    return common.load(queries._service_worker(base, qs), clients, seconds)


class Background:
    """8 clients hammering /api/search; records every status (bounded by time)."""

    def __init__(self, base: str, qs: list[str], clients: int = 8):
        import requests
        self.statuses: dict[int, int] = {}
        self.failures = 0
        self.stop = threading.Event()
        self.lock = threading.Lock()

        def run(number: int) -> None:
            session = requests.Session()
            i = number
            while not self.stop.is_set():
                try:
                    status = session.get(f"{base}/api/search", params={"q": qs[i % len(qs)]},
                                         timeout=15).status_code
                except requests.RequestException:
                    status = -1
                with self.lock:
                    self.statuses[status] = self.statuses.get(status, 0) + 1
                i += clients
        self.threads = [threading.Thread(target=run, args=(n,), daemon=True) for n in range(clients)]
        for thread in self.threads:
            thread.start()

    def finish(self) -> dict[int, int]:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)
        return dict(sorted(self.statuses.items()))


def probe(base: str, session) -> list[dict]:
    out = []
    for path, params in (("/api/search", {"q": "الله"}), ("/api/health", {})):
        started = time.monotonic()
        try:
            response = session.get(base + path, params=params, timeout=30)
            body = response.json() if response.headers.get("content-type", "").startswith(
                "application/json") else None
            status = response.status_code
        except Exception:  # noqa: BLE001 - recorded as status -1
            body, status = None, -1
        seconds = time.monotonic() - started
        shaped = bool(body) and set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
        out.append({"path": path, "status": status, "seconds": round(seconds, 2), "error_shape": shaped})
    return out


def outages(base: str, proxy, qs: list[str], cycles: int, outage: float) -> dict:
    import requests
    session = requests.Session()
    background = Background(base, qs)
    report: dict = {"cycles": []}
    try:
        for cycle in range(cycles):
            mode = ("off", "hang", "slow")[cycle % 3]
            proxy.switch(mode)
            down_checks = []
            end = time.monotonic() + outage
            time.sleep(0.3)  # let in-flight requests drain
            while time.monotonic() < end and len(down_checks) < 20:
                down_checks += probe(base, session)
            # Refused, hung or trickling: 503 within 3 s even under load (the request
            # deadline bounds each ES wait, the circuit breaker removes the queue).
            ok_down = bool(down_checks) and all(
                c["status"] == 503 and c["error_shape"] and c["seconds"] < DEADLINE_S
                for c in down_checks)
            proxy.switch("on")
            recovered_after = None
            started = time.monotonic()
            while time.monotonic() - started < 10:
                if all(c["status"] == 200 for c in probe(base, session)):
                    recovered_after = round(time.monotonic() - started, 2)
                    break
                time.sleep(0.2)
            after = common.load(queries._service_worker(base, qs), 8, 5) if recovered_after is not None else None
            report["cycles"].append({
                "mode": mode, "down_probes": len(down_checks), "down_ok": ok_down,
                "down_max_s": max((c["seconds"] for c in down_checks), default=None),
                "down_statuses": sorted({c["status"] for c in down_checks}),
                "recovered_after_s": recovered_after,
                "after_errors": after["errors"] if after else None,
                "after_rps": after["rps"] if after else None})
    finally:
        proxy.switch("on")
        report["background_statuses"] = background.finish()
    bad = {s: n for s, n in report["background_statuses"].items() if s not in (200, 503)}
    report["background_bad"] = bad
    report["ok"] = (not bad and all(c["down_ok"] and c["recovered_after_s"] is not None
                                    and c["after_errors"] == 0 for c in report["cycles"]))
    return report


def run(args: argparse.Namespace) -> dict | None:
    missing = common.shared_missing(PROSE)
    if missing:
        print(missing)
        return None
    es_client = common.client(timeout=60)
    alias, passages = queries.ensure_index(es_client, 0.1)
    qs = [q for _, q in queries.query_set()]
    result: dict = {"alias": alias, "passages": passages, "es_version": common.es_version(es_client)}
    with common.gunicorn(alias, workers=2) as base:
        warm_up(base, qs)
        print(f"  steady load: {args.clients} clients x {args.seconds} s ...", file=sys.stderr, flush=True)
        result["steady"] = steady(base, qs, args.clients, args.seconds)
    if args.cycles:
        proxy = _proxy_class()(common.es_url())
        try:
            with common.gunicorn(alias, workers=2, elasticsearch_url=proxy.url) as base:
                warm_up(base, qs)
                print(f"  {args.cycles} outage cycles of {args.outage} s ...", file=sys.stderr, flush=True)
                result["outages"] = outages(base, proxy, qs, args.cycles, args.outage)
        finally:
            proxy.close()
    result["ok"] = result["steady"]["errors"] == 0 and result.get("outages", {"ok": True})["ok"]
    return result


def render(result: dict) -> str:
    s = result["steady"]
    lines = [f"Steady load on '{result['alias']}' ({result['passages']} passages), gunicorn 2 workers:", "",
             common.table(["clients", "seconds", "requests", "req/s", "p50 ms", "p95 ms", "errors"],
                          [[s["threads"], s["seconds"], s["requests"], s["rps"], s["p50_ms"], s["p95_ms"],
                            s["errors"]]])]
    if "outages" in result:
        o = result["outages"]
        lines += ["", "Elasticsearch outages (through the switchable forwarder, 8 background clients):", "",
                  common.table(["cycle", "mode", "probes", "all 503 JSON < 3 s", "max s", "recovered after s",
                                "errors in 5 s after"], [
                      [n + 1, c["mode"], c["down_probes"], c["down_ok"], c["down_max_s"],
                       c["recovered_after_s"], c["after_errors"]] for n, c in enumerate(o["cycles"])]),
                  "", f"background statuses: {o['background_statuses']} (other 5xx: {o['background_bad'] or 'none'})"]
    lines += ["", "SOAK " + ("PASSED" if result["ok"] else "FAILED")]
    return "\n".join(lines)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--cycles", type=int, default=3, help="outage cycles (0 to skip)")
    parser.add_argument("--outage", type=float, default=5.0, help="seconds per outage")
    args = parser.parse_args(argv)
    args.seconds = max(1.0, min(args.seconds, 3600.0))
    args.clients = max(1, min(args.clients, 256))
    args.cycles = max(0, min(args.cycles, 20))
    args.outage = max(1.0, min(args.outage, 60.0))
    return args


def main(argv: list[str] | None = None) -> int:
    result = run(parse(argv))
    common.report("soak", result, render)
    return 0 if result is None or result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
