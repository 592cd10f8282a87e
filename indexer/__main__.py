"""``python -m indexer [--index ALIAS] [--replace|--append] [--quiet] PATH...``

The command line around ``load.index_paths``.  It is the only place that reads
the environment (``ELASTICSEARCH_URL``, ``SEARCH_INDEX``) and turns outcomes
into exit codes: 0 all went in, 1 some items failed (reported on stderr),
2 usage or connection errors — always a one-line message, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys

from elasticsearch import ApiError, TransportError

from arabic_search import es

from .load import index_paths, print_to_stderr
from .versions import AliasConflict

EXIT_OK, EXIT_ITEMS_FAILED, EXIT_USAGE = 0, 1, 2
# Seconds to wait for the first answer: an unreachable cluster is reported this fast.
HEALTH_TIMEOUT = 3.0
# Seconds per ordinary request (bulk requests get more in load.py).
REQUEST_TIMEOUT = 30.0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too)
        self.exit(EXIT_USAGE, f"indexer: error: {message} (see --help)\n")


def _positive(text: str) -> int:
    return _at_least(text, 1)


def _non_negative(text: str) -> int:
    return _at_least(text, 0)


def _at_least(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be at least {minimum}")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="python -m indexer",
                     description="Index .txt and .jsonl documents into Elasticsearch.")
    parser.add_argument("paths", metavar="PATH", nargs="+", help="files or folders (recursive)")
    parser.add_argument("--index", metavar="ALIAS",
                        default=os.environ.get("SEARCH_INDEX") or es.DEFAULT_ALIAS,
                        help="alias to write behind (default: $SEARCH_INDEX or %(default)s)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--replace", dest="replace", action="store_true", default=True,
                      help="build a new index version and swap the alias to it (default)")
    mode.add_argument("--append", dest="replace", action="store_false",
                      help="add to the index behind the alias")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--if-missing", action="store_true",
                        help="index only when ALIAS does not exist yet (keeps a user's index; "
                             "used by `make run` and docker-compose)")
    parser.add_argument("--shards", type=_positive, default=1)
    parser.add_argument("--replicas", type=_non_negative, default=0)
    return parser.parse_args(argv)


def _connect(url: str):
    """A client, after a short health check so a dead cluster fails in seconds."""
    client = es.make_client(url, timeout=REQUEST_TIMEOUT, retries=2)
    es.cluster_health(client.options(max_retries=0), timeout=HEALTH_TIMEOUT)
    return client


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = os.environ.get("ELASTICSEARCH_URL") or es.DEFAULT_URL
    try:
        client = _connect(url)
    except Exception as error:  # noqa: BLE001 - any failure means "no usable cluster"
        return _fail(f"cannot reach Elasticsearch at {url}: {_reason(error)}")
    try:
        if args.if_missing and client.indices.exists(index=args.index):
            print_to_stderr(f"indexer: '{args.index}' already exists; nothing indexed (--if-missing)")
            return EXIT_OK
        summary = index_paths(client, args.index, args.paths, replace=args.replace,
                              quiet=args.quiet, shards=args.shards, replicas=args.replicas)
    except AliasConflict as error:
        return _fail(str(error))
    except (TransportError, ApiError) as error:
        return _fail(f"Elasticsearch at {url} failed: {_reason(error)}")
    except KeyboardInterrupt:
        return _fail("interrupted; the alias was not moved", 130)
    print_to_stderr(summary.line())
    return EXIT_ITEMS_FAILED if summary.errors else EXIT_OK


def _reason(error: Exception) -> str:
    text = " ".join(str(getattr(error, "message", "") or error).split())
    return f"{error.__class__.__name__}: {text[:300]}"


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print_to_stderr(f"indexer: {message}")
    return code


if __name__ == "__main__":
    sys.exit(main())
