"""One run at a time per alias: a lock document in a small hidden index.

Two ``--replace`` runs on one alias used to race: the loser failed with a bare
error after building a complete index, or moved the alias back to an older
version.  Now a run first *creates* the document ``lock`` in ``<alias>.indexer-lock``
(``op_type=create``: exactly one creator wins); the other is refused at once,
before it builds anything.  The holder refreshes a heartbeat; a lock whose
heartbeat is older than ``STALE_SECONDS``, or whose holder is a dead process on
this host (kill -9), is taken over with a compare-and-set, so a crash never
blocks the alias for long.  A clean release deletes the lock index.
"""
from __future__ import annotations

import os
import socket
import threading
import time
import uuid

from elasticsearch import ConflictError, Elasticsearch, NotFoundError

from .errors import LockBusy

LOCK_SUFFIX = ".indexer-lock"
LOCK_ID = "lock"
HEARTBEAT_SECONDS = 15
# A holder that has not beaten for this long is dead or cut off (bulk requests time out in 120 s).
STALE_SECONDS = 300
# How long a just-created lock index may take to start (another run may have created it).
READY_WAIT = "30s"
_LOCK_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "hidden": True}


def lock_index(alias: str) -> str:
    return f"{alias}{LOCK_SUFFIX}"


class AliasLock:
    """``with AliasLock(client, alias):`` holds the alias for one run, or raises LockBusy."""

    def __init__(self, client: Elasticsearch, alias: str):
        self.client, self.alias, self.index = client.options(max_retries=0), alias, lock_index(alias)
        self.owner = {"host": socket.gethostname(), "pid": os.getpid(), "token": uuid.uuid4().hex}
        self.lost = False
        self._version: dict = {}
        self._stop = threading.Event()
        self._beater = threading.Thread(target=self._beat, daemon=True, name="indexer-lock")

    def __enter__(self) -> AliasLock:
        self.client.options(ignore_status=400).indices.create(
            index=self.index, settings=_LOCK_SETTINGS, mappings={"dynamic": False})
        self.client.cluster.health(index=self.index, wait_for_status="yellow", timeout=READY_WAIT)
        try:
            self._keep(self.client.create(index=self.index, id=LOCK_ID, document=self._document()))
        except ConflictError:
            self._take_over()
        self._beater.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        if self._beater.is_alive():
            self._beater.join()
        if self.lost:
            return
        try:
            released = self.client.options(ignore_status=(404, 409)).delete(
                index=self.index, id=LOCK_ID, **self._version)
            if released.meta.status == 200:  # ours and gone: leave no lock index behind
                self.client.options(ignore_status=404).indices.delete(index=self.index)
        except Exception:  # noqa: BLE001 - cluster gone: the lock expires (dead pid, or stale)
            pass

    def _document(self) -> dict:
        return {**self.owner, "heartbeat": time.time()}

    def _keep(self, response) -> None:
        self._version = {"if_seq_no": response["_seq_no"], "if_primary_term": response["_primary_term"]}

    def _take_over(self) -> None:
        """Replace a stale lock (compare-and-set), or refuse naming the holder."""
        try:
            held = self.client.get(index=self.index, id=LOCK_ID)
        except NotFoundError:  # released in between: try once more
            held = None
        if held is not None and not _stale(held["_source"]):
            holder = held["_source"]
            raise LockBusy(f"another indexer run (pid {holder.get('pid')} on {holder.get('host')}) "
                           f"is writing alias '{self.alias}'; nothing was done, try again when it "
                           f"ends (a crashed run's lock expires after {STALE_SECONDS} s)")
        try:
            if held is None:
                self._keep(self.client.create(index=self.index, id=LOCK_ID, document=self._document()))
            else:
                self._keep(self.client.index(index=self.index, id=LOCK_ID, document=self._document(),
                                             if_seq_no=held["_seq_no"],
                                             if_primary_term=held["_primary_term"]))
        except ConflictError:
            raise LockBusy(f"another indexer run took alias '{self.alias}' first; "
                           f"nothing was done") from None

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            try:
                self._keep(self.client.index(index=self.index, id=LOCK_ID,
                                             document=self._document(), **self._version))
            except ConflictError:
                self.lost = True
                return
            except Exception:  # noqa: BLE001 - a missed beat is retried; staleness needs many
                continue


def _stale(holder: dict) -> bool:
    """A lock is stale when its heartbeat is old or its holder is a dead process on this host."""
    if time.time() - float(holder.get("heartbeat", 0)) > STALE_SECONDS:
        return True
    if holder.get("host") != socket.gethostname():
        return False
    try:
        os.kill(int(holder.get("pid", 0)), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, ValueError, OverflowError):
        return False
    return False
