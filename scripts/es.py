#!/usr/bin/env python3
"""Provision a local single-node Elasticsearch for development, tests and CI.

Standard library only (plus ``arabic_search/settings.py``, itself stdlib-only), so it
runs before the project's virtualenv exists.

    python3 scripts/es.py start    # provision (if needed) and start; prints the URL on stdout
    python3 scripts/es.py stop     # stop the node this script started (no-op if none)
    python3 scripts/es.py status   # print cluster health JSON; exit 1 if no URL answers
    python3 scripts/es.py url      # print the URL(s) the project should use
    python3 scripts/es.py java     # print the JDK the node runs with; exit 1 if none

Only the URL goes to stdout; progress, timings and errors go to stderr, with any
credential in a URL replaced by ***.

Environment: ELASTICSEARCH_URL (and the other ELASTICSEARCH_* settings, see
arabic_search/settings.py) to use a running cluster instead of provisioning one;
ES_PORT (default 9200); ES_JAVA_HOME (default: newest JDK >= 21 under /usr/lib/jvm);
ES_HEAP (default 512m); ES_START_TIMEOUT (seconds to reach yellow, default 120).

Layout, under .es/ (git-ignored; as root in a checkout other users cannot traverse,
under /var/tmp/arabic-search-es/<hash of the checkout path>/): cache/<zip>, the unpacked
elasticsearch-<v>/ (read-only use), node/{conf,data,logs,tmp,pid,state.json}.
scripts/es_cluster.py starts several (or secured) nodes from the same distribution.

The distribution is the Apache-2.0 "integ-test-zip" from Maven Central: core server
modules only (no analysis-common, ingest, painless...; x-pack-core and x-pack-security
are there), no bundled JDK. Elasticsearch refuses to run as root, so as root the node
runs as the system user ``elasticsearch-runner`` (created if missing).
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from arabic_search.settings import Settings, SettingsError, redact  # noqa: E402 - stdlib only

# The single source of truth for the server version (docker-compose.yml must match;
# tests/test_infra.py checks it).
ES_VERSION = "9.5.0"
GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch"
MAVEN_ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{ES_VERSION}:zip"
ZIP_NAME = f"elasticsearch-{ES_VERSION}.zip"
ZIP_URL = f"https://repo.maven.apache.org/maven2/{GROUP_PATH}/{ES_VERSION}/{ZIP_NAME}"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
# Maven Central serves no checksum files for this artifact, so the digest is pinned here.
KNOWN_SHA256 = {"9.5.0": "db0e275fd790f723eca7bcde96069fd6fed304ad23afdb70c8c09553dd9e8b1b"}

RUNNER_USER = "elasticsearch-runner"
CLUSTER_NAME = "arabic-search-local"
HOST = "127.0.0.1"
MIN_JAVA = 21
DEFAULT_PORT = 9200
DOWNLOAD_ATTEMPTS = 3
STOP_GRACE = 30.0
CHUNK = 1 << 20


class EsError(Exception):
    """A failure with a message meant for the user."""


def log(msg: str) -> None:
    print(f"[es] {redact(msg)}", file=sys.stderr, flush=True)


def state_root() -> Path:
    """``.es/`` in the checkout, unless we run as root from a checkout the unprivileged
    runner cannot traverse (e.g. a 0700 mktemp folder): then a folder under /var/tmp."""
    if os.geteuid() != 0 or all(p.stat().st_mode & stat.S_IXOTH for p in (ROOT, *ROOT.parents)):
        return ROOT / ".es"
    return Path("/var/tmp/arabic-search-es") / hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]


def dist_dir() -> Path:
    return state_root() / f"elasticsearch-{ES_VERSION}"


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, str(default))
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise EsError(f"{name} must be a port number, got {raw!r}")
    return int(raw)


def external_settings() -> Settings | None:
    """The cluster named by ELASTICSEARCH_URL, None when unset (provision one)."""
    if not os.environ.get("ELASTICSEARCH_URL", "").strip():
        return None
    try:
        return Settings.from_mapping(os.environ)
    except SettingsError as error:
        raise EsError(str(error)) from None


# --------------------------------------------------------------------------- HTTP


def health(url: str, settings: Settings | None = None, wait: str = "0s", timeout: float = 5.0) -> dict | None:
    """Cluster health if the cluster at ``url`` answers at least yellow, else None."""
    request = urllib.request.Request(f"{url}/_cluster/health?wait_for_status=yellow&timeout={wait}")
    settings = settings or Settings(urls=(url,))
    if settings.auth_header():
        request.add_header("Authorization", settings.auth_header())
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=settings.ssl_context()) as resp:
            body = json.loads(resp.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError):  # HTTPError (408, 401) is a URLError
        return None
    return body if body.get("status") in ("yellow", "green") and not body.get("timed_out") else None


def wait_healthy(url: str, timeout: float, alive=lambda: True, settings: Settings | None = None) -> dict | None:
    """Poll health until yellow, ``timeout`` passes, or ``alive()`` says the node died."""
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        if h := health(url, settings, wait=f"{max(1, min(5, int(remaining)))}s", timeout=10):
            return h
        if not alive():
            return None
        time.sleep(0.5)
    return None


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        return s.connect_ex((HOST, port)) == 0


# --------------------------------------------------------------------------- java


def java_major(home: Path) -> int | None:
    """The JDK's major version, from its ``release`` file."""
    with contextlib.suppress(OSError):
        if m := re.search(r'^JAVA_VERSION="(?:1\.)?(\d+)', (home / "release").read_text(), re.M):
            return int(m.group(1))
    return None


def find_java() -> Path:
    """ES_JAVA_HOME if set, else the newest JDK >= MIN_JAVA under /usr/lib/jvm or JAVA_HOME."""
    if env := os.environ.get("ES_JAVA_HOME"):
        if not (Path(env) / "bin" / "java").exists():
            raise EsError(f"ES_JAVA_HOME={env} has no bin/java")
        return Path(env)
    homes = [p for p in sorted(Path("/usr/lib/jvm").glob("*")) if not p.is_symlink()]
    if os.environ.get("JAVA_HOME"):
        homes.append(Path(os.environ["JAVA_HOME"]))
    found = [(major, str(h)) for h in homes
             if (h / "bin" / "java").exists() and (major := java_major(h) or 0) >= MIN_JAVA]
    if not found:
        raise EsError(f"no JDK >= {MIN_JAVA} under /usr/lib/jvm (or JAVA_HOME); install one "
                      f"(e.g. openjdk-21-jdk-headless) or set ES_JAVA_HOME")
    return Path(max(found)[1])


# --------------------------------------------------------------------------- distribution


def zip_ok(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return f"elasticsearch-{ES_VERSION}/bin/elasticsearch" in z.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def fetch_with_maven(target: Path) -> bool:
    """Download through ``mvn`` (honours the user's mirrors and proxies) when installed."""
    if not (mvn := shutil.which("mvn")):
        return False
    log(f"downloading {MAVEN_ARTIFACT} with Maven")
    with tempfile.TemporaryDirectory(dir=target.parent) as out:
        cmd = [mvn, "-q", "-B", f"{DEPENDENCY_PLUGIN}:copy", f"-Dartifact={MAVEN_ARTIFACT}", f"-DoutputDirectory={out}"]
        res = subprocess.run(cmd, cwd=out, capture_output=True, text=True, errors="replace")
        if res.returncode != 0 or not zip_ok(Path(out) / ZIP_NAME):
            log(f"mvn exited {res.returncode}; falling back to HTTPS\n{(res.stdout + res.stderr)[-1500:]}")
            return False
        os.replace(Path(out) / ZIP_NAME, target)
    return True


def fetch_with_https(target: Path) -> None:
    log(f"downloading {ZIP_URL}")
    part = target.with_suffix(".part")
    for attempt in range(1, DOWNLOAD_ATTEMPTS + 1):
        try:
            with urllib.request.urlopen(ZIP_URL, timeout=60) as r, open(part, "wb") as f:
                shutil.copyfileobj(r, f, CHUNK)
            os.replace(part, target)
            return
        except (urllib.error.URLError, OSError) as e:
            log(f"download attempt {attempt} failed: {e}")
            time.sleep(2 * attempt)
    raise EsError(f"could not download {ZIP_URL}")


def verify_sha256(path: Path) -> None:
    """The pinned digest is the integrity check (Maven Central has no checksum files here)."""
    if not (want := KNOWN_SHA256.get(ES_VERSION)):
        raise EsError(f"no known SHA-256 for {ZIP_NAME}; add it to KNOWN_SHA256 in scripts/es.py")
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != want:
        path.unlink(missing_ok=True)
        raise EsError(f"SHA-256 mismatch for {ZIP_NAME}: got {digest.hexdigest()}, want {want} (deleted it)")


def ensure_zip() -> Path:
    target = state_root() / "cache" / ZIP_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    if not zip_ok(target):
        m2 = Path.home() / ".m2" / "repository" / GROUP_PATH / ES_VERSION / ZIP_NAME
        if zip_ok(m2):
            shutil.copyfile(m2, target)
        elif not fetch_with_maven(target):
            fetch_with_https(target)
        verify_sha256(target)
    return target


def unpack(archive: Path, dest: Path) -> None:
    """Extract safely (no path escapes), world-readable so the runner user can use it."""
    with zipfile.ZipFile(archive) as z:
        for info in z.infolist():
            target = dest / info.filename
            if not target.resolve().is_relative_to(dest.resolve()):
                raise EsError(f"unsafe path in zip: {info.filename}")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with z.open(info) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
            os.chmod(target, 0o755 if (info.external_attr >> 16) & 0o111 else 0o644)
    for dirpath, _, _ in os.walk(dest):
        os.chmod(dirpath, 0o755)


def ensure_distribution() -> Path:
    """The unpacked distribution, downloaded and verified on first use."""
    dist = dist_dir()
    if (dist / ".unpacked-ok").exists():
        return dist
    archive = ensure_zip()
    staging = Path(tempfile.mkdtemp(prefix="unpack-", dir=dist.parent))
    try:
        unpack(archive, staging)
        shutil.rmtree(dist, ignore_errors=True)
        os.replace(staging / dist.name, dist)
        (dist / ".unpacked-ok").write_text(f"{ES_VERSION}\n")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return dist


# --------------------------------------------------------------------------- nodes


def runner_user() -> pwd.struct_passwd | None:
    """The account the node runs as when we are root (created once); None otherwise."""
    if os.geteuid() != 0:
        return None
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(RUNNER_USER)
    log(f"creating system user {RUNNER_USER}")
    cmd = ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUNNER_USER]
    if subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr).returncode != 0:
        raise EsError(f"Elasticsearch cannot run as root and creating user {RUNNER_USER} failed")
    return pwd.getpwnam(RUNNER_USER)


@dataclass
class Node:
    """One node's configuration and files under ``home`` (conf, data, logs, tmp, pid)."""

    home: Path
    http_port: int
    name: str = "local"
    settings: dict = field(default_factory=lambda: {"discovery.type": "single-node"})
    heap: str = "512m"
    scheme: str = "http"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{HOST}:{self.http_port}"

    @property
    def conf(self) -> Path:
        return self.home / "conf"

    def pid(self) -> int | None:
        """The pid of this node's JVM if it is alive and runs our distribution."""
        with contextlib.suppress(OSError, ValueError):
            pid = int((self.home / "pid").read_text())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
            if "org.elasticsearch" in cmdline and str(dist_dir()) in cmdline:
                return pid
        return None

    def configure(self, dist: Path, user: pwd.struct_passwd | None) -> None:
        """(Re)write elasticsearch.yml and the heap options; keep data between starts."""
        if not (self.conf / "jvm.options").exists():
            shutil.copytree(dist / "config", self.conf, dirs_exist_ok=True)
        for sub in ("data", "logs", "tmp", "conf/jvm.options.d"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        base = {"cluster.name": CLUSTER_NAME, "node.name": self.name, "network.host": HOST,
                "http.port": self.http_port, "xpack.security.enabled": False,
                "path.data": self.home / "data", "path.logs": self.home / "logs",
                "cluster.routing.allocation.disk.threshold_enabled": False,
                "action.destructive_requires_name": False}
        lines = [f"{k}: {json.dumps(v) if isinstance(v, (bool, list)) else v}"
                 for k, v in {**base, **self.settings}.items()]
        (self.conf / "elasticsearch.yml").write_text("# Written by scripts/es.py on every start.\n"
                                                     + "\n".join(lines) + "\n")
        (self.conf / "jvm.options.d" / "heap.options").write_text(f"-Xms{self.heap}\n-Xmx{self.heap}\n")
        if user is not None:
            os.chmod(state_root(), 0o755)
            for path in (self.home, *self.home.rglob("*")):
                os.lchown(path, user.pw_uid, user.pw_gid)

    def launch(self, dist: Path, java: Path, user: pwd.struct_passwd | None) -> subprocess.Popen:
        """Start the daemonizing launcher; it exits once the node has started or failed."""
        (self.home / "pid").unlink(missing_ok=True)
        env = {**os.environ, "ES_JAVA_HOME": str(java), "ES_PATH_CONF": str(self.conf),
               "ES_TMPDIR": str(self.home / "tmp")}
        env.pop("JAVA_HOME", None)
        cmd = [str(dist / "bin" / "elasticsearch"), "-d", "-p", str(self.home / "pid")]
        if user is not None:
            cmd = ["runuser", "-u", user.pw_name, "--", *cmd]
        out = open(self.home / "logs" / "stdout.log", "ab")  # noqa: SIM115 - the child owns it
        with out:
            return subprocess.Popen(cmd, cwd=self.home, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)

    def log_tail(self, lines: int = 30) -> str:
        texts = []
        cluster = self.settings.get("cluster.name", CLUSTER_NAME)
        for f in (self.home / "logs" / "stdout.log", self.home / "logs" / f"{cluster}.log"):
            with contextlib.suppress(OSError):
                tail = f.read_text(errors="replace").splitlines()[-lines:]
                texts.append(f"----- {f} -----\n" + "\n".join(line[:400] for line in tail))
        return "\n".join(texts) or "(no log output)"

    def stop(self, sig: int = signal.SIGTERM, grace: float = STOP_GRACE) -> None:
        """Signal the JVM and wait for it to exit (SIGKILL after ``grace`` seconds)."""
        if (pid := self.pid()) is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        deadline = time.monotonic() + grace
        while self.pid() and time.monotonic() < deadline:
            time.sleep(0.2)
        if self.pid():
            log(f"node {self.name} (pid {pid}) still alive after {grace:.0f}s; SIGKILL")
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            while self.pid():
                time.sleep(0.2)


def start_nodes(nodes: list[Node], timeout: float, settings: Settings | None = None) -> None:
    """Configure and start ``nodes`` together (a cluster forms only once enough are up),
    then wait until each answers yellow; on failure stop them and raise with their logs."""
    java, dist, user = find_java(), ensure_distribution(), runner_user()
    for node in nodes:
        node.configure(dist, user)
    launchers = [node.launch(dist, java, user) for node in nodes]
    deadline = time.monotonic() + timeout
    for node, launcher in zip(nodes, launchers):
        try:
            rc = launcher.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            rc = "timeout"
            os.killpg(launcher.pid, signal.SIGKILL)
        url = node.url
        if rc != 0 or not wait_healthy(url, deadline - time.monotonic(), node.pid, settings):
            for other in nodes:
                other.stop(signal.SIGKILL)
            raise EsError(f"node {node.name} at {url} did not reach yellow (launcher: {rc})\n{node.log_tail()}")


# --------------------------------------------------------------------------- commands


@contextlib.contextmanager
def locked():
    state_root().mkdir(parents=True, exist_ok=True)
    with open(state_root() / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def local_node() -> Node:
    """The single development node; its recorded port wins over ES_PORT while it runs."""
    home = state_root() / "node"
    with contextlib.suppress(OSError, ValueError, KeyError):
        return Node(home, int(json.loads((home / "state.json").read_text())["port"]))
    return Node(home, env_int("ES_PORT", DEFAULT_PORT))


def cmd_start() -> str:
    """Reuse ELASTICSEARCH_URL, our running node or a healthy node on the port; else start one."""
    if ext := external_settings():
        if not any(wait_healthy(url, 15, settings=ext) for url in ext.urls):
            raise EsError(f"ELASTICSEARCH_URL={ext.display} is set but no URL answers health "
                          f"yellow/green; start that cluster or unset ELASTICSEARCH_URL")
        return ",".join(ext.urls)
    timeout = float(os.environ.get("ES_START_TIMEOUT", "120"))
    with locked():
        node = local_node()
        if node.pid() and wait_healthy(node.url, timeout, node.pid):
            log(f"reusing running node pid {node.pid()} at {node.url}")
            return node.url
        node.stop()
        node = Node(node.home, env_int("ES_PORT", DEFAULT_PORT), heap=os.environ.get("ES_HEAP", "512m"))
        if port_open(node.http_port):
            if health(node.url):
                log(f"{node.url} already serves a healthy Elasticsearch not started by this script; "
                    "using it as is (`stop` will not touch it)")
                return node.url
            raise EsError(f"port {node.http_port} is in use by something else; choose another with ES_PORT")
        t0 = time.monotonic()
        log(f"starting Elasticsearch {ES_VERSION} on {node.url}")
        start_nodes([node], timeout)
        (node.home / "state.json").write_text(json.dumps({"pid": node.pid(), "port": node.http_port}) + "\n")
        log(f"started in {time.monotonic() - t0:.1f}s (pid {node.pid()})")
        return node.url


def cmd_stop() -> None:
    with locked():
        node = local_node()
        if node.pid() is None:
            log("no node started by this script is running")
        else:
            log(f"stopping node pid {node.pid()} on {node.url}")
        node.stop()
        (node.home / "state.json").unlink(missing_ok=True)


def cmd_url() -> str:
    ext = external_settings()
    return ",".join(ext.urls) if ext else local_node().url


def cmd_status() -> int:
    """Health of the first URL that answers; every URL's state on stderr."""
    settings = external_settings() or Settings(urls=(local_node().url,))
    answers = {url: health(url, settings) for url in settings.urls}
    for url, h in answers.items():
        log(f"{url}: {'status ' + h['status'] if h else 'no healthy answer'}")
    healthy = [h for h in answers.values() if h]
    if healthy:
        print(json.dumps(healthy[0], indent=2))
    return 0 if healthy else 1


COMMANDS = {"start": lambda: print(cmd_start(), flush=True), "stop": cmd_stop,
            "url": lambda: print(cmd_url()), "status": cmd_status, "java": lambda: print(find_java())}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in COMMANDS:
        print(f"usage: python3 scripts/es.py {'|'.join(COMMANDS)}", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]]() or 0
    except EsError as e:
        log(f"error: {e}")
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
