#!/usr/bin/env python3
"""Several nodes, or a secured node, from the distribution ``scripts/es.py`` provisions.

    python3 scripts/es_cluster.py start [NODES]   # a cluster of NODES (default 3); prints the URLs
    python3 scripts/es_cluster.py secure          # one node with security and TLS; prints its settings
    python3 scripts/es_cluster.py stop            # stop every node started by this script

The tests (tests/test_cluster.py, tests/test_security.py) import it to start, kill
and restart nodes.  Ports: HTTP 9250-9299 and transport 9350-9399, so a development
node on 9200/9300 is never touched.  State lives under the state root of
scripts/es.py, in ``cluster/`` and ``secure/`` (wiped on each ``start``).

Security needs nothing beyond the integ-test-zip: it ships the x-pack-core and
x-pack-security modules with ``bin/elasticsearch-certutil`` (the CA and the node's
certificate) and ``bin/elasticsearch-users`` (a file-realm superuser).
"""
from __future__ import annotations

import json
import secrets
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import es as es_script  # noqa: E402 - the sibling script, stdlib only
from es import HOST, EsError, Node, Settings, log, start_nodes, state_root  # noqa: E402

HTTP_BASE, TRANSPORT_BASE = 9250, 9350
SECURE_HTTP, SECURE_TRANSPORT = 9260, 9360
CLUSTER_NAME = "arabic-search-cluster"
HEAP = "384m"
START_TIMEOUT = 240.0
SUPERUSER = "search-admin"
PASSWORD_BYTES = 18


def cluster_nodes(count: int, home: Path | None = None) -> list[Node]:
    """``count`` master-eligible data nodes that find each other on loopback."""
    home = home or state_root() / "cluster"
    names = [f"node-{i}" for i in range(count)]
    seeds = [f"{HOST}:{TRANSPORT_BASE + i}" for i in range(count)]
    return [Node(home / name, HTTP_BASE + i, name, heap=HEAP, settings={
        "cluster.name": CLUSTER_NAME, "transport.port": TRANSPORT_BASE + i,
        "discovery.seed_hosts": seeds, "cluster.initial_master_nodes": names,
    }) for i, name in enumerate(names)]


def start_cluster(count: int = 3, home: Path | None = None) -> list[Node]:
    """A fresh cluster of ``count`` nodes (previous state under ``home`` wiped)."""
    nodes = cluster_nodes(count, home)
    for node in nodes:
        node.stop(signal.SIGKILL)
        shutil.rmtree(node.home, ignore_errors=True)
    start_nodes(nodes, START_TIMEOUT)
    return nodes


def ensure_cluster(count: int = 3) -> tuple[list[Node], bool]:
    """(nodes, started): the running cluster if all ``count`` nodes are up and healthy
    (a developer's earlier ``start``), else a fresh one (started=True)."""
    nodes = cluster_nodes(count)
    if all(node.pid() for node in nodes) and all(es_script.health(node.url) for node in nodes):
        return nodes, False
    return start_cluster(count), True


def restart(node: Node, settings: Settings | None = None) -> None:
    """Start a stopped node again with its data (e.g. after a test killed it); the cluster
    exists, so the node must not be told to bootstrap one."""
    node.settings.pop("cluster.initial_master_nodes", None)
    start_nodes([node], START_TIMEOUT, settings)


def _tool(dist: Path, node: Node, name: str, *args: str) -> None:
    """Run a ``bin/elasticsearch-*`` tool of the distribution on ``node``'s configuration."""
    env = {"ES_JAVA_HOME": str(es_script.find_java()), "ES_PATH_CONF": str(node.conf),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(dist / "bin" / name), *args], env=env, cwd=node.home,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:  # the tools never echo passwords; still, keep only the end
        raise EsError(f"{name} exited {done.returncode}: {(done.stdout + done.stderr)[-800:]}")


def _certificates(dist: Path, node: Node) -> Path:
    """A CA and a certificate for 127.0.0.1/localhost signed by it, as PEM under conf/certs."""
    certs = node.conf / "certs"
    certs.mkdir(parents=True, exist_ok=True)
    _tool(dist, node, "elasticsearch-certutil", "ca", "--pem", "--silent", "--out", str(certs / "ca.zip"))
    zipfile.ZipFile(certs / "ca.zip").extractall(certs)
    _tool(dist, node, "elasticsearch-certutil", "cert", "--pem", "--silent", "--ca-cert",
          str(certs / "ca" / "ca.crt"), "--ca-key", str(certs / "ca" / "ca.key"), "--ip", HOST,
          "--dns", "localhost", "--name", "node", "--out", str(certs / "node.zip"))
    zipfile.ZipFile(certs / "node.zip").extractall(certs)
    return certs


def start_secure(home: Path | None = None) -> tuple[Node, Settings]:
    """A fresh single node with security on and TLS on HTTP, and the settings to reach it
    as a superuser of the file realm (random password, CA bundle included)."""
    node = Node(home or state_root() / "secure", SECURE_HTTP, "secure", heap=HEAP, scheme="https")
    node.stop(signal.SIGKILL)
    shutil.rmtree(node.home, ignore_errors=True)
    dist = es_script.ensure_distribution()
    node.configure(dist, None)  # the configuration folder the tools write into
    certs = _certificates(dist, node)
    password = secrets.token_urlsafe(PASSWORD_BYTES)
    _tool(dist, node, "elasticsearch-users", "useradd", SUPERUSER, "-p", password, "-r", "superuser")
    node.settings = {
        "cluster.name": CLUSTER_NAME + "-secure", "discovery.type": "single-node",
        "transport.port": SECURE_TRANSPORT, "xpack.security.enabled": True,
        "xpack.security.http.ssl.enabled": True,
        "xpack.security.http.ssl.key": certs / "node" / "node.key",
        "xpack.security.http.ssl.certificate": certs / "node" / "node.crt",
        "xpack.security.http.ssl.certificate_authorities": [str(certs / "ca" / "ca.crt")],
    }
    settings = secure_settings(node, password)
    start_nodes([node], START_TIMEOUT, settings)
    secret = node.home / "password"  # for the tests and the developer, readable by us only
    secret.write_text(password + "\n")
    secret.chmod(0o600)
    return node, settings


def secure_settings(node: Node, password: str) -> Settings:
    return Settings(urls=(node.url,), username=SUPERUSER, password=password,
                    ca_certs=str(node.conf / "certs" / "ca" / "ca.crt"))


def ensure_secure() -> tuple[Node, Settings, bool]:
    """(node, settings, started): the running secured node if it answers, else a fresh one."""
    node = Node(state_root() / "secure", SECURE_HTTP, "secure", heap=HEAP, scheme="https")
    secret = node.home / "password"
    if node.pid() and secret.exists():
        settings = secure_settings(node, secret.read_text().strip())
        if es_script.health(node.url, settings):
            return node, settings, False
    return (*start_secure(), True)


def stop_all() -> None:
    for node in [*cluster_nodes(len(list((state_root() / "cluster").glob("node-*")))),
                 Node(state_root() / "secure", SECURE_HTTP, "secure")]:
        node.stop()


def main(argv: list[str]) -> int:
    try:
        if argv[:1] == ["start"] and len(argv) <= 2:
            print(",".join(node.url for node in start_cluster(int(argv[1]) if argv[1:] else 3)))
        elif argv == ["secure"]:
            node, settings = start_secure()
            print(json.dumps({"ELASTICSEARCH_URL": node.url, "ELASTICSEARCH_USERNAME": settings.username,
                              "ELASTICSEARCH_CA_CERTS": settings.ca_certs}))
            log(f"the password of {settings.username} is in {node.home / 'password'} (mode 0600)")
        elif argv == ["stop"]:
            stop_all()
        else:
            print("usage: python3 scripts/es_cluster.py start [NODES] | secure | stop", file=sys.stderr)
            return 2
    except (EsError, ValueError) as error:
        log(f"error: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
