#!/usr/bin/env python3
"""Provision a local single-node Elasticsearch for development, tests and CI.

Standard library only, so it runs before the project's virtualenv exists.

    python3 scripts/es.py start    # provision (if needed) and start; prints the URL on stdout
    python3 scripts/es.py stop     # stop the node this script started (no-op if none)
    python3 scripts/es.py status   # print cluster health JSON; exit 1 if unreachable
    python3 scripts/es.py url      # print the URL the project should use

Only the URL goes to stdout; progress, timings and errors go to stderr.

Environment:
    ELASTICSEARCH_URL  use this (already running) cluster instead of provisioning one
    ES_PORT            HTTP port of the local node (default 9200), bound to 127.0.0.1
    ES_JAVA_HOME       JDK to run the node with (default: newest JDK >= 21 under /usr/lib/jvm)
    ES_HEAP            JVM heap size (default 512m)
    ES_START_TIMEOUT   seconds to wait for health yellow (default 120)

Layout (all under .es/, which is git-ignored; as root in a checkout that other users cannot
traverse, under /var/tmp/arabic-search-es/<hash of the checkout path>/ instead):
    .es/cache/elasticsearch-<v>.zip    downloaded distribution
    .es/elasticsearch-<v>/             unpacked distribution (read-only use)
    .es/node/{conf,data,logs,tmp}      node state; .es/node/pid, .es/node/state.json

The distribution is the Apache-2.0 "integ-test-zip" from Maven Central. It
contains only the core server modules (no analysis-common, no ingest, no
painless...), and no bundled JDK. Elasticsearch refuses to run as root, so as
root the node runs as the system user ``elasticsearch-runner`` (created if missing).
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
from pathlib import Path

# The single source of truth for the server version (docker-compose.yml must match;
# tests/test_infra.py checks it).
ES_VERSION = "9.5.0"

GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch"
MAVEN_ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{ES_VERSION}:zip"
MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2"
ZIP_NAME = f"elasticsearch-{ES_VERSION}.zip"
ZIP_URL = f"{MAVEN_CENTRAL}/{GROUP_PATH}/{ES_VERSION}/{ZIP_NAME}"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
# Maven Central serves no checksum files for this artifact (.sha1/.sha256/.md5 are 404),
# so the expected digest is pinned here. Add an entry when bumping ES_VERSION.
KNOWN_SHA256 = {
    "9.5.0": "db0e275fd790f723eca7bcde96069fd6fed304ad23afdb70c8c09553dd9e8b1b",
}

RUNNER_USER = "elasticsearch-runner"
CLUSTER_NAME = "arabic-search-local"
HOST = "127.0.0.1"
MIN_JAVA = 21

ROOT = Path(__file__).resolve().parent.parent


def traversable_by_others(path: Path) -> bool:
    """True when every directory from / down to ``path`` lets other users through (o+x)."""
    return all(part.stat().st_mode & stat.S_IXOTH for part in (path, *path.parents))


def state_root() -> Path:
    """Where the distribution and the node live: ``.es/`` in the checkout, unless we run as
    root from a checkout the unprivileged runner cannot reach (e.g. a 0700 mktemp folder):
    then a per-checkout folder under /var/tmp, which everyone can traverse."""
    if os.geteuid() != 0 or traversable_by_others(ROOT):
        return ROOT / ".es"
    digest = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    return Path("/var/tmp/arabic-search-es") / digest


ES_ROOT = state_root()
CACHE_DIR = ES_ROOT / "cache"
ZIP_PATH = CACHE_DIR / ZIP_NAME
DIST_DIR = ES_ROOT / f"elasticsearch-{ES_VERSION}"
DIST_MARKER = DIST_DIR / ".unpacked-ok"
NODE_DIR = ES_ROOT / "node"
CONF_DIR = NODE_DIR / "conf"
DATA_DIR = NODE_DIR / "data"
LOGS_DIR = NODE_DIR / "logs"
TMP_DIR = NODE_DIR / "tmp"
PID_FILE = NODE_DIR / "pid"
STATE_FILE = NODE_DIR / "state.json"
STDOUT_LOG = LOGS_DIR / "stdout.log"
LOCK_FILE = ES_ROOT / ".lock"


class EsError(Exception):
    """A failure with a message meant for the user."""


def log(msg: str) -> None:
    print(f"[es] {msg}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def timed(label: str):
    t0 = time.monotonic()
    yield
    log(f"{label}: {time.monotonic() - t0:.1f}s")


# --------------------------------------------------------------------------- config


def port() -> int:
    raw = os.environ.get("ES_PORT", "9200")
    try:
        value = int(raw)
    except ValueError:
        raise EsError(f"ES_PORT must be an integer, got {raw!r}") from None
    if not 0 < value < 65536:
        raise EsError(f"ES_PORT out of range: {value}")
    return value


def local_url(p: int) -> str:
    return f"http://{HOST}:{p}"


def external_url() -> str | None:
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    return url.rstrip("/") or None


def start_timeout() -> float:
    return float(os.environ.get("ES_START_TIMEOUT", "120"))


# --------------------------------------------------------------------------- HTTP


def health(url: str, wait: str = "0s", timeout: float = 5.0) -> dict | None:
    """Cluster health if the cluster at ``url`` is at least yellow, else None."""
    q = f"{url}/_cluster/health?wait_for_status=yellow&timeout={wait}"
    try:
        with urllib.request.urlopen(q, timeout=timeout) as resp:
            body = json.loads(resp.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError):
        # HTTPError (e.g. 408 when wait_for_status timed out) is a URLError too.
        return None
    if body.get("status") in ("yellow", "green") and not body.get("timed_out"):
        return body
    return None


def node_version(url: str) -> str | None:
    try:
        with urllib.request.urlopen(f"{url}/_nodes/_local?filter_path=nodes.*.version", timeout=5) as r:
            nodes = json.loads(r.read().decode("utf-8")).get("nodes", {})
        return next(iter(nodes.values()))["version"]
    except Exception:  # noqa: BLE001 - best effort, informational only
        return None


def port_open(p: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        return s.connect_ex((HOST, p)) == 0


# --------------------------------------------------------------------------- node process


def read_state() -> dict:
    try:
        return json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return {}


def read_pid() -> int | None:
    try:
        return int(PID_FILE.read_text().strip())
    except (OSError, ValueError):
        pass
    pid = read_state().get("pid")
    return int(pid) if pid else None


def is_our_node(pid: int) -> bool:
    """True if ``pid`` is alive and is an Elasticsearch JVM running from our distribution."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return False
    return "org.elasticsearch" in cmdline and str(DIST_DIR) in cmdline


def running_node() -> tuple[int, int] | None:
    """(pid, port) of the node we started, if it is still alive."""
    pid = read_pid()
    if pid is None or not is_our_node(pid):
        return None
    return pid, int(read_state().get("port", port()))


def wait_healthy(url: str, timeout: float, pid: int | None = None) -> dict | None:
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        h = health(url, wait=f"{max(1, min(5, int(remaining)))}s", timeout=10)
        if h:
            return h
        if pid is not None and not is_our_node(pid):
            return None  # the node died; no point waiting
        time.sleep(0.5)


def log_tail(stdout_offset: int = 0) -> str:
    """The launcher output of this start attempt plus the end of the node's own log."""
    out = []
    for f, offset, lines in ((STDOUT_LOG, stdout_offset, 40), (LOGS_DIR / f"{CLUSTER_NAME}.log", 0, 20)):
        try:
            with open(f, "rb") as fh:
                fh.seek(offset)
                text = fh.read().decode("utf-8", "replace").splitlines()
        except OSError:
            continue
        out.append(f"----- {f} (last {lines} lines) -----")
        out.extend(line if len(line) <= 400 else line[:400] + " [...]" for line in text[-lines:])
    return "\n".join(out) if out else "(no log output found)"


def kill_node(pid: int, grace: float = 30.0) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not is_our_node(pid):
            return
        time.sleep(0.2)
    log(f"node pid {pid} did not exit within {grace:.0f}s after SIGTERM; sending SIGKILL")
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and is_our_node(pid):
        time.sleep(0.2)


# --------------------------------------------------------------------------- java


def java_major(home: Path) -> int | None:
    release = home / "release"
    try:
        m = re.search(r'^JAVA_VERSION="(\d+)', release.read_text(), re.M)
        if m:
            return int(m.group(1))
    except OSError:
        pass
    java = home / "bin" / "java"
    if not java.exists():
        return None
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major


def find_java() -> Path:
    env = os.environ.get("ES_JAVA_HOME")
    if env:
        home = Path(env)
        if not (home / "bin" / "java").exists():
            raise EsError(f"ES_JAVA_HOME={env} has no bin/java")
        return home
    candidates = []
    for base in [Path("/usr/lib/jvm")] + ([Path(os.environ["JAVA_HOME"])] if os.environ.get("JAVA_HOME") else []):
        homes = [base] if (base / "bin" / "java").exists() else (sorted(base.iterdir()) if base.is_dir() else [])
        for home in homes:
            if home.is_symlink() or not (home / "bin" / "java").exists():
                continue
            major = java_major(home)
            if major and major >= MIN_JAVA:
                candidates.append((major, str(home)))
    if not candidates:
        raise EsError(
            f"no JDK >= {MIN_JAVA} found under /usr/lib/jvm (or JAVA_HOME); "
            f"install one (e.g. apt-get install openjdk-21-jdk-headless) or set ES_JAVA_HOME"
        )
    return Path(max(candidates)[1])


# --------------------------------------------------------------------------- fetch / unpack


def zip_ok(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return any(n.startswith(f"elasticsearch-{ES_VERSION}/bin/elasticsearch") for n in z.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


def install_into_cache(src: Path) -> None:
    tmp = ZIP_PATH.with_suffix(".zip.part")
    shutil.copyfile(src, tmp)
    os.replace(tmp, ZIP_PATH)


def fetch_with_maven() -> bool:
    mvn = shutil.which("mvn")
    if not mvn:
        return False
    log(f"downloading {MAVEN_ARTIFACT} with Maven")
    with tempfile.TemporaryDirectory(dir=CACHE_DIR) as out:
        cmd = [mvn, "-q", "-B", f"{DEPENDENCY_PLUGIN}:copy", f"-Dartifact={MAVEN_ARTIFACT}", f"-DoutputDirectory={out}"]
        try:
            res = subprocess.run(cmd, cwd=out, capture_output=True, text=True, errors="replace", timeout=1800)
        except (OSError, subprocess.SubprocessError) as e:
            log(f"mvn failed: {e}; falling back to HTTPS")
            return False
        got = Path(out) / ZIP_NAME
        if res.returncode != 0 or not zip_ok(got):
            tail = "\n".join((res.stdout + res.stderr).strip().splitlines()[-15:])
            log(f"mvn exited {res.returncode} without a usable {ZIP_NAME}; falling back to HTTPS\n{tail}")
            return False
        os.replace(got, ZIP_PATH)
    return True


def fetch_sha1() -> str | None:
    try:
        with urllib.request.urlopen(ZIP_URL + ".sha1", timeout=60) as r:
            return r.read().decode().split()[0].strip().lower()
    except (urllib.error.URLError, OSError, IndexError):
        return None  # some mirrors do not serve checksum files; KNOWN_SHA256 still applies


def fetch_with_https() -> None:
    log(f"downloading {ZIP_URL}")
    expected_sha1 = fetch_sha1()
    tmp = ZIP_PATH.with_suffix(".zip.part")
    last_error: Exception | None = None
    for attempt in range(1, 4):
        try:
            sha1 = hashlib.sha1()
            with urllib.request.urlopen(ZIP_URL, timeout=60) as r, open(tmp, "wb") as f:
                total = int(r.headers.get("Content-Length") or 0)
                done, next_report = 0, 0.25
                while chunk := r.read(1 << 20):
                    f.write(chunk)
                    sha1.update(chunk)
                    done += len(chunk)
                    if total and done / total >= next_report:
                        log(f"  {done / total:.0%} of {total / 1e6:.0f} MB")
                        next_report += 0.25
            if expected_sha1 and sha1.hexdigest() != expected_sha1:
                raise EsError(f"SHA-1 mismatch for {ZIP_URL}: got {sha1.hexdigest()}, want {expected_sha1}")
            os.replace(tmp, ZIP_PATH)
            return
        except (urllib.error.URLError, OSError, EsError) as e:
            last_error = e
            log(f"download attempt {attempt} failed: {e}")
            time.sleep(2 * attempt)
    raise EsError(f"could not download {ZIP_URL}: {last_error}")


def verify_sha256(path: Path) -> None:
    want = KNOWN_SHA256.get(ES_VERSION)
    if not want:
        log(f"warning: no known SHA-256 for {ZIP_NAME}; add it to KNOWN_SHA256 in scripts/es.py")
        return
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    if h.hexdigest() != want:
        path.unlink(missing_ok=True)
        raise EsError(f"SHA-256 mismatch for {ZIP_NAME}: got {h.hexdigest()}, want {want} (deleted it)")


def ensure_zip() -> None:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    if ZIP_PATH.exists() and zip_ok(ZIP_PATH):
        return
    with timed("download"):
        m2 = Path.home() / ".m2" / "repository" / GROUP_PATH / ES_VERSION / ZIP_NAME
        if m2.exists() and zip_ok(m2):
            log(f"using Maven cache {m2}")
            install_into_cache(m2)
        elif not fetch_with_maven():
            fetch_with_https()
        verify_sha256(ZIP_PATH)
    if not zip_ok(ZIP_PATH):
        raise EsError(f"{ZIP_PATH} is not a valid Elasticsearch distribution")


def ensure_unpacked() -> None:
    if DIST_MARKER.exists() and (DIST_DIR / "bin" / "elasticsearch").exists():
        return
    with timed("unpack"):
        staging = Path(tempfile.mkdtemp(prefix="unpack-", dir=ES_ROOT))
        try:
            with zipfile.ZipFile(ZIP_PATH) as z:
                for info in z.infolist():
                    target = staging / info.filename
                    if not target.resolve().is_relative_to(staging.resolve()):
                        raise EsError(f"unsafe path in zip: {info.filename}")
                    mode = (info.external_attr >> 16) & 0o777
                    if info.is_dir():
                        target.mkdir(parents=True, exist_ok=True)
                        os.chmod(target, 0o755)
                        continue
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with z.open(info) as src, open(target, "wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
                    # Keep exec bits from the archive; always world-readable so the runner user can read it.
                    os.chmod(target, 0o755 if mode & 0o111 else 0o644)
            unpacked = staging / f"elasticsearch-{ES_VERSION}"
            if not (unpacked / "bin" / "elasticsearch").exists():
                raise EsError(f"{ZIP_NAME} does not contain elasticsearch-{ES_VERSION}/bin/elasticsearch")
            os.chmod(unpacked, 0o755)
            if DIST_DIR.exists():
                shutil.rmtree(DIST_DIR)
            os.replace(unpacked, DIST_DIR)
            DIST_MARKER.write_text(f"{ES_VERSION}\n")
        finally:
            shutil.rmtree(staging, ignore_errors=True)


# --------------------------------------------------------------------------- user / configure


def runner_user() -> pwd.struct_passwd | None:
    """The account the node runs as when we are root; None when not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(RUNNER_USER)
    except KeyError:
        pass
    log(f"creating system user {RUNNER_USER}")
    try:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUNNER_USER],
            check=True, stdout=sys.stderr, stderr=sys.stderr,
        )
    except (OSError, subprocess.CalledProcessError) as e:
        raise EsError(f"Elasticsearch cannot run as root and creating user {RUNNER_USER} failed: {e}") from None
    return pwd.getpwnam(RUNNER_USER)


def chown_tree(path: Path, uid: int, gid: int) -> None:
    os.chown(path, uid, gid)
    for dirpath, dirnames, filenames in os.walk(path):
        for name in dirnames + filenames:
            os.lchown(os.path.join(dirpath, name), uid, gid)


def check_runner_can_read(user: pwd.struct_passwd) -> None:
    probe = subprocess.run(
        ["runuser", "-u", user.pw_name, "--", "test", "-x", str(DIST_DIR / "bin" / "elasticsearch")],
        capture_output=True,
    )
    if probe.returncode != 0:
        raise EsError(
            f"user {user.pw_name} cannot read {DIST_DIR}; every parent directory of the repository "
            f"must be world-traversable (chmod o+x), or move the checkout"
        )


def configure(p: int, user: pwd.struct_passwd | None) -> None:
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    if not (CONF_DIR / "jvm.options").exists():
        shutil.rmtree(CONF_DIR, ignore_errors=True)
        shutil.copytree(DIST_DIR / "config", CONF_DIR)
    for d in (DATA_DIR, LOGS_DIR, TMP_DIR, CONF_DIR / "jvm.options.d"):
        d.mkdir(parents=True, exist_ok=True)
    (CONF_DIR / "elasticsearch.yml").write_text(
        "# Generated by scripts/es.py; rewritten on every start.\n"
        f"cluster.name: {CLUSTER_NAME}\n"
        f"node.name: local\n"
        f"network.host: {HOST}\n"
        f"http.port: {p}\n"
        "discovery.type: single-node\n"
        "xpack.security.enabled: false\n"
        f"path.data: {DATA_DIR}\n"
        f"path.logs: {LOGS_DIR}\n"
        "cluster.routing.allocation.disk.threshold_enabled: false\n"
        "action.destructive_requires_name: false\n"
    )
    heap = os.environ.get("ES_HEAP", "512m")
    (CONF_DIR / "jvm.options.d" / "heap.options").write_text(f"-Xms{heap}\n-Xmx{heap}\n")
    if user is not None:
        os.chmod(ES_ROOT, 0o755)
        chown_tree(NODE_DIR, user.pw_uid, user.pw_gid)
        check_runner_can_read(user)


# --------------------------------------------------------------------------- commands


@contextlib.contextmanager
def locked():
    ES_ROOT.mkdir(parents=True, exist_ok=True)
    with open(LOCK_FILE, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def use_external(url: str) -> str:
    h = wait_healthy(url, timeout=15)
    if not h:
        raise EsError(
            f"ELASTICSEARCH_URL={url} is set but its cluster health does not answer yellow/green; "
            f"start that cluster or unset ELASTICSEARCH_URL to provision a local node"
        )
    log(f"using existing cluster at {url} (ELASTICSEARCH_URL); nothing provisioned")
    return url


def cmd_start() -> str:
    ext = external_url()
    if ext:
        return use_external(ext)
    t_all = time.monotonic()
    with locked():
        node = running_node()
        if node:
            pid, p = node
            url = local_url(p)
            if p != port():
                log(f"note: our node is already running on port {p} (ES_PORT={port()} ignored)")
            if wait_healthy(url, timeout=start_timeout(), pid=pid):
                log(f"reusing running node pid {pid} at {url}")
                return url
            log(f"our node pid {pid} is running but not healthy; restarting it")
            kill_node(pid)

        p = port()
        url = local_url(p)
        if port_open(p):
            if health(url):
                version = node_version(url)
                log(f"port {p} already serves a healthy Elasticsearch {version or '(version unknown)'} not started "
                    f"by this script; using it as is (`stop` will not touch it)")
                if version and version != ES_VERSION:
                    log(f"warning: that server is {version}, the project pins {ES_VERSION}")
                return url
            raise EsError(
                f"port {HOST}:{p} is already in use by something that is not a healthy Elasticsearch; "
                f"stop it or choose another port with ES_PORT=<port>"
            )

        java = find_java()
        ensure_zip()
        ensure_unpacked()
        user = runner_user()
        with timed("configure"):
            configure(p, user)
        PID_FILE.unlink(missing_ok=True)

        env = dict(os.environ)
        env.update(ES_JAVA_HOME=str(java), ES_PATH_CONF=str(CONF_DIR), ES_TMPDIR=str(TMP_DIR))
        env.pop("JAVA_HOME", None)
        cmd = [str(DIST_DIR / "bin" / "elasticsearch"), "-d", "-p", str(PID_FILE)]
        if user is not None:
            cmd = ["runuser", "-u", user.pw_name, "--"] + cmd
        log(f"starting Elasticsearch {ES_VERSION} on {url} (java {java}, user {user.pw_name if user else 'self'})")
        t0 = time.monotonic()
        offset = STDOUT_LOG.stat().st_size if STDOUT_LOG.exists() else 0
        with open(STDOUT_LOG, "ab") as out:
            if user is not None:
                os.chown(STDOUT_LOG, user.pw_uid, user.pw_gid)
            # With -d the launcher returns once the node has started (or failed to).
            launcher = subprocess.Popen(cmd, cwd=str(NODE_DIR), env=env, stdin=subprocess.DEVNULL,
                                        stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
            try:
                rc = launcher.wait(timeout=start_timeout())
            except subprocess.TimeoutExpired:
                rc = None
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(launcher.pid, signal.SIGKILL)
                launcher.wait()
        pid = read_pid()
        if rc != 0 or pid is None:
            if pid and is_our_node(pid):
                kill_node(pid)
            PID_FILE.unlink(missing_ok=True)
            what = f"did not finish within {start_timeout():.0f}s" if rc is None else f"exited {rc}"
            raise EsError(f"Elasticsearch launcher {what}\n{log_tail(offset)}")
        STATE_FILE.write_text(json.dumps({"pid": pid, "port": p, "url": url, "version": ES_VERSION}) + "\n")
        h = wait_healthy(url, timeout=max(10.0, start_timeout() - (time.monotonic() - t0)), pid=pid)
        if not h:
            alive = is_our_node(pid)
            if alive:
                kill_node(pid)
            PID_FILE.unlink(missing_ok=True)
            STATE_FILE.unlink(missing_ok=True)
            raise EsError(
                f"Elasticsearch did not reach health yellow within {start_timeout():.0f}s "
                f"({'still running, stopped it' if alive else 'process exited'})\n{log_tail(offset)}"
            )
        log(f"start: {time.monotonic() - t0:.1f}s (pid {pid}, health {h['status']})")
        log(f"total: {time.monotonic() - t_all:.1f}s")
        return url


def cmd_stop() -> None:
    with locked():
        node = running_node()
        if not node:
            log("no node started by this script is running")
        else:
            pid, p = node
            t0 = time.monotonic()
            kill_node(pid)
            log(f"stopped node pid {pid} (port {p}) in {time.monotonic() - t0:.1f}s")
        PID_FILE.unlink(missing_ok=True)
        STATE_FILE.unlink(missing_ok=True)


def cmd_url() -> str:
    ext = external_url()
    if ext:
        return ext
    node = running_node()
    return local_url(node[1] if node else port())


def cmd_status() -> int:
    url = cmd_url()
    h = health(url, timeout=5)
    if not h:
        log(f"no healthy Elasticsearch at {url}")
        return 1
    print(json.dumps(h, indent=2))
    return 0


def main(argv: list[str]) -> int:
    usage = "usage: python3 scripts/es.py start|stop|status|url"
    if len(argv) != 1 or argv[0] not in ("start", "stop", "status", "url"):
        print(usage, file=sys.stderr)
        return 2
    try:
        if argv[0] == "start":
            print(cmd_start(), flush=True)
        elif argv[0] == "stop":
            cmd_stop()
        elif argv[0] == "url":
            print(cmd_url())
        else:
            return cmd_status()
    except EsError as e:
        log(f"error: {e}")
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
