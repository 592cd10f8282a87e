"""Run-level failures: the run cannot go on, and the user is told why in one line (exit 2).

Item-level problems (a bad line, a refused passage) are reported and the run goes
on; these are the others: the cluster refuses every write, the index has no
active primary, another run holds the alias.  ``summary`` is filled in by
``load.index_paths`` so the CLI can print what was done before the failure.
"""
from __future__ import annotations


class IndexerError(Exception):
    """A failure of the whole run, with a message fit for one line on stderr."""

    summary = None


class AliasConflict(IndexerError):
    """The alias cannot be used (it is a concrete index, or an invalid name)."""


class WritesBlocked(IndexerError):
    """Elasticsearch refuses writes to the index (index.blocks.*, flood-stage disk watermark)."""


class IndexUnavailable(IndexerError):
    """The index's primary shards are not active (cannot be allocated, node gone)."""


class LockBusy(IndexerError):
    """Another indexer run is writing the same alias."""


class AnalysisFailed(IndexerError):
    """An analysis process died (killed, out of memory): the run cannot be complete."""
