"""Versioned indices behind an alias: create, publish (atomic swap), clean up.

The service only ever searches the alias.  A rebuild writes a new
``<alias>-v<ms>`` index that nobody reads; only once it is complete and
refreshed does one ``update_aliases`` call move the alias, so searches see the
old index or the new one, never a half-built one.  A run that dies before the
swap leaves a stray version behind; the next successful run deletes it.
"""
from __future__ import annotations

import time

from elasticsearch import BadRequestError, Elasticsearch

from arabic_search import es, mapping

# Searches that resolved the alias just before the swap may still be running on
# the old index; give them this long (seconds) before deleting it.
OLD_INDEX_GRACE = 0.5


class AliasConflict(Exception):
    """The alias cannot be used (it is a concrete index, or an invalid name)."""


def check_alias(client: Elasticsearch, alias: str) -> list[str]:
    """The indices behind ``alias`` now; refuses a name that is a concrete index."""
    if client.indices.exists_alias(name=alias):
        return es.alias_indices(client, alias)
    if client.indices.exists(index=alias):
        raise AliasConflict(f"'{alias}' is a concrete index, not an alias; delete or rename it, "
                            f"or choose another --index")
    return []


def create_version(client: Elasticsearch, alias: str, shards: int, replicas: int) -> str:
    """Create a new, empty versioned index (refresh off) newer than any existing one."""
    while True:
        name = mapping.versioned_name(alias)
        try:
            client.indices.create(index=name, settings=mapping.index_settings(shards, replicas),
                                  mappings=mapping.index_mapping())
            return name
        except BadRequestError as error:
            if error.error != "resource_already_exists_exception":
                raise AliasConflict(f"cannot create index {name}: {error.message}") from error
            time.sleep(0.002)  # same millisecond as another run: take the next one


def make_searchable(client: Elasticsearch, index: str) -> None:
    """Turn refresh back on and refresh once, so the new index is complete when published."""
    client.indices.put_settings(index=index, settings={"index": {"refresh_interval": "1s"}})
    client.indices.refresh(index=index)


def publish(client: Elasticsearch, alias: str, index: str) -> list[str]:
    """Move ``alias`` to ``index`` in one atomic call; returns the indices it left."""
    old = [name for name in es.alias_indices(client, alias) if name != index]
    client.indices.update_aliases(actions=mapping.swap_actions(alias, index, old))
    return old


def delete_old_versions(client: Elasticsearch, alias: str, keep: str, left: list[str]) -> list[str]:
    """Delete versions older than ``keep`` that the alias does not point at.

    That covers the versions the swap just left and stray half-built versions
    of killed runs; a *newer* version may be another run still building, so it
    is left alone.
    """
    keep_stamp = mapping.version_stamp(alias, keep) or 0
    live = set(es.alias_indices(client, alias))
    found = client.indices.get(index=mapping.version_pattern(alias), expand_wildcards="all",
                               filter_path="*.settings.index.provided_name").body
    doomed = sorted(name for name in found if name not in live and name != keep
                    and (mapping.version_stamp(alias, name) or keep_stamp) < keep_stamp)
    if doomed:
        if set(doomed) & set(left):
            time.sleep(OLD_INDEX_GRACE)
        client.options(ignore_status=404).indices.delete(index=",".join(doomed))
    return doomed


def discard(client: Elasticsearch, index: str) -> None:
    """Best-effort removal of a version that will never be published."""
    try:
        client.options(ignore_status=404).indices.delete(index=index)
    except Exception:  # noqa: BLE001 - the next successful run cleans strays anyway
        pass
