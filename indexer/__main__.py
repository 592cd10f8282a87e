"""``python -m indexer [--index ALIAS] [--replace|--append] [--quiet] [--workers N] PATH...``

The command line around ``load.index_paths``.  It is the only place that reads
the environment (``ELASTICSEARCH_URL``, ``SEARCH_INDEX``) and turns outcomes
into exit codes (see ``EPILOG``) — always a one-line message, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys

from elasticsearch import ApiError, TransportError

from arabic_search import es
from arabic_search import mapping as m

from . import bulk
from .errors import IndexerError
from .load import index_paths, print_to_stderr
from .progress import PROGRESS_EVERY
from .versions import READY_TIMEOUT, alias_problem
from .workers import default_workers

EXIT_OK, EXIT_ITEMS_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130
# Seconds to wait for the first answer: an unreachable cluster is reported this fast.
HEALTH_TIMEOUT = 3.0
# Seconds per ordinary request (bulk requests get more in bulk.py), and retries of a
# failed request (on another node when there are several).
REQUEST_TIMEOUT = 30.0
BULK_RETRIES = 2

EPILOG = """\
formats:
  .txt    one document per file (UTF-8); a short first line followed by a blank line is
          the title, else its first sentence is
  .jsonl  one JSON object per line: {"id"?, "title"?, "body", "date"?, "source"?, "url"?};
          other keys are stored, not indexed. date: YYYY, YYYY-MM-DD or ISO 8601 (offset
          within +/-18:00); url: absolute http(s). A bad field is dropped and reported.
  Other files are skipped with a note; folders are walked recursively.

exit codes:
  0    every document went in (notes such as skipped files or merged repeated ids allowed)
  1    some lines, files or documents were reported as path:line: reason (the rest went in)
  2    nothing usable: bad usage or path, invalid alias, Elasticsearch unreachable,
       index cannot be created or written (blocked, no active primary), or another run
       holds the alias; the cause is printed
  130  interrupted (the alias was not moved)

environment:
  ELASTICSEARCH_URL  cluster URL (default http://127.0.0.1:9200)
  SEARCH_INDEX       alias written behind when --index is not given
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too)
        self.exit(EXIT_USAGE, f"indexer: error: {message} (see --help)\n")


def _at_least(minimum: float, kind=int):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value
    return parse


def _alias(text: str) -> str:
    problem = alias_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"{text!r}: {problem}")
    return text


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="python -m indexer", epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter,
                     description="Index .txt and .jsonl documents into Elasticsearch.")
    parser.add_argument("paths", metavar="PATH", nargs="+", help="files or folders (recursive)")
    parser.add_argument("--index", metavar="ALIAS", type=_alias,
                        default=os.environ.get("SEARCH_INDEX") or es.DEFAULT_ALIAS,
                        help="alias to write behind (default: $SEARCH_INDEX or %(default)s)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--replace", dest="replace", action="store_true", default=True,
                      help="build a new index version and swap the alias to it (default)")
    mode.add_argument("--append", dest="replace", action="store_false",
                      help="add to the index behind the alias")
    parser.add_argument("--quiet", action="store_true", help="no progress, only problems and summary")
    parser.add_argument("--if-missing", action="store_true",
                        help="index only when ALIAS does not exist yet (keeps a user's index; "
                             "used by `make run` and docker-compose)")
    parser.add_argument("--progress-every", metavar="SECONDS", type=_at_least(0.1, float),
                        default=PROGRESS_EVERY,
                        help="seconds between progress lines when stderr is not a terminal")
    parser.add_argument("--chunk-size", metavar="N", type=_at_least(1), default=bulk.CHUNK_SIZE,
                        help="actions per bulk request (default %(default)s)")
    parser.add_argument("--wait", metavar="SECONDS", type=_at_least(0.1, float),
                        default=READY_TIMEOUT,
                        help="seconds to wait for an index's primary shards, and for the final "
                             "refresh, before failing with the cause (default %(default)s)")
    parser.add_argument("--workers", metavar="N", type=_at_least(0), default=default_workers(),
                        help="analysis processes (default: one per core, %(default)s here; "
                             "0 or 1 analyses in the indexer's own process)")
    parser.add_argument("--shards", type=_at_least(1), default=1)
    parser.add_argument("--replicas", type=_at_least(0), default=None,
                        help="default: 1 when the cluster has another data node, else 0")
    return parser.parse_args(argv)


def _connect(settings: es.Settings):
    """A client, after a short health check so a dead cluster fails in seconds."""
    client = es.client(settings, timeout=REQUEST_TIMEOUT, retries=BULK_RETRIES)
    other_nodes = min(BULK_RETRIES, len(settings.urls) - 1)
    es.cluster_health(client.options(max_retries=other_nodes), timeout=HEALTH_TIMEOUT)
    return client


def _outdated(client, alias: str) -> str:
    """A note when the existing index was built by another version of the analysis (the
    user keeps it; they should know that re-indexing makes every word match again)."""
    versions = es.analysis_versions(client, alias)
    if versions == {m.ANALYSIS_VERSION}:
        return ""
    return (f"\nindexer: note: it was built by an older analysis (version "
            f"{', '.join(sorted(map(str, versions - {None}))) or 'not recorded'}, now "
            f"{m.ANALYSIS_VERSION}); re-index it (make index) so that every word matches")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    missing = [path for path in args.paths if not os.path.lexists(path)]
    if missing:
        return _fail(f"no such file or directory: {missing[0]}; nothing was indexed")
    try:
        settings = es.Settings.from_mapping(os.environ)
    except es.SettingsError as error:
        return _fail(str(error))
    url = settings.display  # never carries a credential
    try:
        client = _connect(settings)
    except Exception as error:  # noqa: BLE001 - any failure means "no usable cluster"
        return _fail(f"cannot use Elasticsearch at {url}: {_reason(error)}")
    try:
        if args.if_missing and client.indices.exists(index=args.index):
            print_to_stderr(f"indexer: '{args.index}' already exists; nothing indexed (--if-missing)"
                            + _outdated(client, args.index))
            return EXIT_OK
        replicas = _replicas(client, args.replicas)
        summary = index_paths(client, args.index, args.paths, replace=args.replace,
                              quiet=args.quiet, shards=args.shards, replicas=replicas,
                              chunk_size=args.chunk_size, progress_every=args.progress_every,
                              ready_timeout=args.wait, workers=args.workers)
    except IndexerError as error:
        if error.summary is not None and error.summary.index:  # something was written: say what
            print_to_stderr(error.summary.line())
        return _fail(str(error))
    except (TransportError, ApiError) as error:
        return _fail(f"Elasticsearch at {url} failed: {_reason(error)}")
    except KeyboardInterrupt:
        return _fail("interrupted; the alias was not moved", EXIT_INTERRUPTED)
    print_to_stderr(summary.line())
    return EXIT_ITEMS_FAILED if summary.errors else EXIT_OK


def _replicas(client, wanted: int | None) -> int:
    """``--replicas``, or a default from the cluster's size; warns when nothing is redundant."""
    data_nodes = es.data_node_count(client)
    replicas = es.default_replicas(data_nodes) if wanted is None else wanted
    if warning := es.redundancy_warning(data_nodes, replicas):
        print_to_stderr(f"indexer: warning: {warning}")
    return replicas


def _reason(error: Exception) -> str:
    """Why, in one credential-free line (authentication and TLS failures named as such)."""
    code, message = es.failure(error)
    if code != "elasticsearch_error":
        return message
    text = " ".join(str(getattr(error, "message", "") or error).split())
    return es.redact(f"{error.__class__.__name__}: {text[:300]}")


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print_to_stderr(f"indexer: {message}")
    return code


if __name__ == "__main__":
    sys.exit(main())
