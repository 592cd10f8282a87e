"""A switchable TCP forwarder in front of Elasticsearch (no tests here): ES going away,
freezing or crawling under a running service, without touching the real node.

Used by tests/test_reliability.py, tests/test_service_hostile.py, bench/deadlines.py and
bench/soak.py; standard library only, so the benchmarks import it without pytest.
"""
from __future__ import annotations

import contextlib
import socket
import threading
import time
import urllib.parse

SLOW_BYTE_S = 1.0  # "slow" mode: one byte of each answer per second


class TcpProxy:
    """A threaded loopback TCP forwarder to ``target`` (host, port) that can be switched off.

    ``mode``: "on" forwards; "off" closes every accepted connection at once (and
    cuts the open ones), like a stopped node; "hang" accepts and never answers,
    like a frozen one; "slow" forwards requests but answers one byte per
    ``SLOW_BYTE_S``, like a node swapping or a congested link.  Every thread is a
    daemon and every socket has a timeout.
    """

    def __init__(self, target_url: str):
        parsed = urllib.parse.urlsplit(target_url)
        self.target = (parsed.hostname or "127.0.0.1", parsed.port or 9200)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.mode = "on"
        self.open: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def switch(self, mode: str) -> None:
        assert mode in ("on", "off", "hang", "slow")
        self.mode = mode
        if mode != "on":
            with self.lock:
                doomed, self.open = self.open, set()
            for sock in doomed:
                self._close(sock)

    def close(self) -> None:
        self.running = False
        self.switch("off")
        self.thread.join(timeout=2)
        self.listener.close()

    @staticmethod
    def _close(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            sock.close()

    def _accept(self) -> None:
        while self.running:
            try:
                client, _ = self.listener.accept()
            except (socket.timeout, OSError):
                continue
            if self.mode == "off":
                self._close(client)
                continue
            if self.mode == "hang":
                with self.lock:
                    self.open.add(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=2)
            except OSError:
                self._close(client)
                continue
            with self.lock:
                self.open.update((client, upstream))
            for a, b, answers in ((client, upstream, False), (upstream, client, True)):
                threading.Thread(target=self._pipe, args=(a, b, answers), daemon=True).start()

    def _send(self, sink: socket.socket, data: bytes, answers: bool) -> None:
        if not (answers and self.mode == "slow"):
            sink.sendall(data)
            return
        for offset in range(len(data)):
            if not self.running:
                return
            sink.sendall(data[offset:offset + 1])
            time.sleep(SLOW_BYTE_S)

    def _pipe(self, source: socket.socket, sink: socket.socket, answers: bool) -> None:
        try:
            source.settimeout(120)  # may already be closed by a switch to "off"
            while self.running:
                data = source.recv(65536)
                if not data:
                    break
                self._send(sink, data, answers)
        except OSError:
            pass
        finally:
            with self.lock:
                self.open.discard(source)
                self.open.discard(sink)
            self._close(source)
            self._close(sink)
