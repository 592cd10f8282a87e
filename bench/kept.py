"""Indices kept between evaluation runs (``--big``): rebuilt only when what they depend on changed.

Indexing the full prose.jsonl takes minutes, so its indices are kept.  Each
name carries a fingerprint of everything that shapes its content: the corpus
file (size, mtime), the Elasticsearch version and the source of the code that
writes it — for the service, every module ``indexer.load`` imports (found by
importing it in a fresh interpreter, so a refactor of the internals is picked
up without touching this file) and the data files of ``arabic_search/data``
(the name table shapes how words are read at index time); for the baseline, ``baselines.py`` and
``arabic_text.py``.  Older fingerprints of the same kind are deleted; nothing
outside the ``eval-big-`` prefix is ever touched.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import baselines
import common

PREFIX = "eval-big-"
FINGERPRINT_CHARS = 12
HERE = Path(__file__).resolve().parent
_LIST_INDEXER_MODULES = (
    "import sys, json, indexer.load; root = sys.argv[1]; "
    "print(json.dumps(sorted(m.__file__ for m in list(sys.modules.values()) "
    "if getattr(m, '__file__', None) and m.__file__.startswith(root))))")


def _digest(parts: list[str | bytes]) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        sha.update(b"\0")
    return sha.hexdigest()[:FINGERPRINT_CHARS]


def _corpus_stamp(path: Path) -> str:
    stat = path.stat()
    return f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}"


def indexer_sources() -> list[Path]:
    """The project modules ``indexer.load`` imports (in a fresh interpreter)."""
    out = subprocess.run([sys.executable, "-c", _LIST_INDEXER_MODULES, str(common.ROOT)],
                         cwd=common.ROOT, capture_output=True, text=True, check=True, timeout=120)
    return [Path(p) for p in json.loads(out.stdout)]


def data_files() -> list[Path]:
    """The package's data files (tables read by the modules ``indexer.load`` imports)."""
    return sorted(path for path in (common.ROOT / "arabic_search" / "data").iterdir() if path.is_file())


def service_fingerprint(corpus: Path, version: str) -> str:
    sources = [p.read_bytes() for p in indexer_sources() + data_files()]
    return _digest([version, _corpus_stamp(corpus), *sources])


def stock_fingerprint(corpus: Path, version: str) -> str:
    sources = [(HERE / name).read_bytes() for name in ("baselines.py", "arabic_text.py")]
    return _digest([version, _corpus_stamp(corpus), json.dumps([baselines.MAPPING, baselines.SETTINGS]),
                    *sources])


def _drop_others(es_client, pattern: str, keep: str) -> None:
    """Delete indices of ``pattern`` not named ``keep`` nor behind the alias ``keep``."""
    found = es_client.options(ignore_status=404).indices.get_alias(index=pattern).body
    if "error" in found:  # nothing matches the pattern
        return
    doomed = [name for name, info in found.items()
              if name != keep and keep not in info.get("aliases", {})]
    if doomed:
        es_client.options(ignore_status=404).indices.delete(index=",".join(doomed))


def service_alias(es_client, corpus: Path, build: Callable[[str], None]) -> str:
    """The kept service alias for ``corpus``; ``build(alias)`` fills it when missing."""
    from arabic_search import es
    alias = f"{PREFIX}service-{service_fingerprint(corpus, common.es_version(es_client))}"
    if not es.alias_indices(es_client, alias):
        print(f"  building kept index '{alias}' (minutes) ...", file=sys.stderr, flush=True)
        build(alias)
    _drop_others(es_client, f"{PREFIX}service-*", alias)
    return alias


def stock_index(es_client, corpus: Path, docs: Callable[[], list[dict]]) -> str:
    """The kept stock index for ``corpus``, built from ``docs()`` when missing or incomplete."""
    name = f"{PREFIX}stock-{stock_fingerprint(corpus, common.es_version(es_client))}"
    meta = es_client.options(ignore_status=404).indices.get_mapping(index=name).body
    if not meta.get(name, {}).get("mappings", {}).get("_meta", {}).get("complete"):
        print(f"  building kept index '{name}' ...", file=sys.stderr, flush=True)
        baselines.build(es_client, name, docs())
        es_client.indices.put_mapping(index=name, meta={"complete": True})
    _drop_others(es_client, f"{PREFIX}stock-*", name)
    return name
