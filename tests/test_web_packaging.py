"""Data safety and packaging: `make run` keeps a user's index, the README's "Index your own
documents" section works as written, docker-compose.yml as Compose resolves it, requirements."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from arabic_search import es
from conftest import ROOT, RUN_PREFIX

README = ROOT / "README.md"
SERVER_START_SECONDS = 60
DOC = {"id": "mine-1", "title": "وثيقتي", "body": "خبر خاص عن بلدة تيجي الجبلية."}
DOC_WORD = "تيجي"


def readme_block(tag: str) -> list[str]:
    """The command lines of the README's ```sh <tag> block."""
    found = re.search(rf"^```sh {re.escape(tag)}\n(.*?)^```$", README.read_text(encoding="utf-8"),
                      re.M | re.S)
    assert found, f"README has no ```sh {tag} block"
    return [line for line in found.group(1).splitlines() if line.strip() and not line.startswith("#")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_env(es_url: str, **extra) -> dict:
    return {**os.environ, "ELASTICSEARCH_URL": es_url, **extra}


def wait_for_yellow(es_url: str) -> None:
    """`make es` refuses a red cluster; tests elsewhere create indices (red for a moment)."""
    client = es.make_client(es_url, timeout=40)
    client.cluster.health(wait_for_status="yellow", timeout="30s")


@contextmanager
def serving(command: list[str], env: dict, port: int):
    """Run a command that serves on ``port`` (its own process group), until it answers.
    (Asks for the OpenAPI file, which needs no Elasticsearch: a shared test cluster that is
    briefly red must not look like a server that did not start.)"""
    wait_for_yellow(env["ELASTICSEARCH_URL"])
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/openapi.json", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read() if process.poll() is not None else ""
                    pytest.fail(f"{command} did not serve on port {port}: {output[-2000:]}")
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """End the command's process group (make and the server it started)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass  # already gone
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def api_search(base: str, query: str) -> dict:
    url = f"{base}/api/search?q={urllib.request.quote(query)}"
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def user_index(es_client, alias: str, folder: Path) -> list[str]:
    """A user's own index behind ``alias``; returns the concrete index names."""
    from indexer.load import index_paths

    (folder / "mine.jsonl").write_text(json.dumps(DOC, ensure_ascii=False) + "\n", encoding="utf-8")
    assert index_paths(es_client, alias, [folder], quiet=True).documents == 1
    return es.alias_indices(es_client, alias)


def test_make_run_restarts_keep_a_users_index(es_client, es_url, tmp_path):
    alias = f"{RUN_PREFIX}-makerun-{uuid.uuid4().hex[:6]}"
    before = user_index(es_client, alias, tmp_path)
    for _ in range(2):  # start, stop, start again
        port = free_port()
        with serving(["make", "--no-print-directory", "run", f"PORT={port}"],
                     make_env(es_url, SEARCH_INDEX=alias), port) as base:
            assert es.alias_indices(es_client, alias) == before
            assert api_search(base, DOC_WORD)["total"] == 1
            assert api_search(base, "والدهاوزر")["total"] == 0  # seeds/ were not indexed over it


def test_make_run_indexes_the_seeds_when_the_alias_is_missing(es_client, es_url):
    alias = f"{RUN_PREFIX}-makerun-{uuid.uuid4().hex[:6]}"
    port = free_port()
    with serving(["make", "--no-print-directory", "run", f"PORT={port}"],
                 make_env(es_url, SEARCH_INDEX=alias), port) as base:
        assert api_search(base, "والدهاوزر")["total"] == 1


def test_indexer_if_missing_flag(es_client, es_url, tmp_path):
    alias = f"{RUN_PREFIX}-ifmissing-{uuid.uuid4().hex[:6]}"
    before = user_index(es_client, alias, tmp_path)
    done = subprocess.run([sys.executable, "-m", "indexer", "--if-missing", "--index", alias, "seeds/"],
                          cwd=ROOT, env=make_env(es_url), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "already exists; nothing indexed" in done.stderr
    assert "older analysis" not in done.stderr  # built by this very analysis
    assert es.alias_indices(es_client, alias) == before
    # Built by an older analysis: kept all the same, and the user is told to re-index.
    from arabic_search import mapping as m
    (index,) = before
    es_client.indices.put_mapping(index=index, meta={m.ANALYSIS_META: m.ANALYSIS_VERSION - 1})
    again = subprocess.run([sys.executable, "-m", "indexer", "--if-missing", "--index", alias, "seeds/"],
                           cwd=ROOT, env=make_env(es_url), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "older analysis" in again.stderr and "re-index" in again.stderr
    assert es.alias_indices(es_client, alias) == before


def test_readme_index_your_own_documents(es_client, es_url, tmp_path):
    """Runs the README's commands as written, with a folder, an alias and a port of its own."""
    folder = tmp_path / "my-folder"
    folder.mkdir()
    (folder / "mine.jsonl").write_text(json.dumps(DOC, ensure_ascii=False) + "\n", encoding="utf-8")
    alias = f"{RUN_PREFIX}-readme-own-{uuid.uuid4().hex[:6]}"
    index_line, serve_line = readme_block("own-data")

    def concrete(line: str) -> list[str]:
        line = line.replace("/path/to/my-folder", str(folder)).replace("my-news", alias)
        words = shlex.split(line)
        env = dict(word.split("=", 1) for word in words if re.match(r"^[A-Z_]+=", word))
        return [word for word in words if word not in {f"{k}={v}" for k, v in env.items()}], env

    command, env = concrete(index_line)
    assert command[:2] == ["make", "index"], index_line
    wait_for_yellow(es_url)
    done = subprocess.run(command, cwd=ROOT, env=make_env(es_url, **env), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    command, env = concrete(serve_line)
    port = free_port()
    with serving([*command, f"PORT={port}"], make_env(es_url, **env), port) as base:
        assert api_search(base, DOC_WORD)["hits"][0]["id"] == DOC["id"]


# --- compose -------------------------------------------------------------------------------------

def compose_command() -> list[str]:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True) if shutil.which("docker") else None
    if probe is not None and probe.returncode == 0:
        return ["docker", "compose"]
    pytest.fail("docker-compose is not installed (`make deps` installs it)")


def resolved_compose(tmp_path: Path, **env) -> dict:
    done = subprocess.run([*compose_command(), "-f", str(ROOT / "docker-compose.yml"), "config"],
                          cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return yaml.safe_load(done.stdout)


def test_compose_as_the_readme_runs_it(tmp_path):
    line = readme_block("own-data-compose")[0]
    env = dict(word.split("=", 1) for word in shlex.split(line) if re.match(r"^[A-Z_]+=", word))
    env["DATA_DIR"] = str(tmp_path)
    config = resolved_compose(tmp_path, **env)
    services = config["services"]
    indexer, api = services["indexer"], services["api"]
    mounts = [volume if isinstance(volume, str) else f"{volume['source']}:{volume['target']}"
              for volume in indexer.get("volumes", [])]
    assert any(mount.startswith(f"{tmp_path}:/data") for mount in mounts), mounts
    assert indexer["command"][:4] == ["python", "-m", "indexer", "--if-missing"]
    assert indexer["command"][-1] == "/data"
    for service in (indexer, api):
        assert service["environment"]["SEARCH_INDEX"] == "my-news"
        assert service["image"] == api["image"]  # one image for both
    assert "healthcheck" in api and "/api/health" in " ".join(api["healthcheck"]["test"])
    assert "gunicorn.conf.py" in api["command"]
    assert any("esdata" in str(volume) for volume in services["elasticsearch"]["volumes"])
    assert "esdata" in config["volumes"]


def test_compose_defaults(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("DATA_DIR", "SEARCH_INDEX")}
    done = subprocess.run([*compose_command(), "-f", str(ROOT / "docker-compose.yml"), "config"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    services = yaml.safe_load(done.stdout)["services"]
    assert services["api"]["environment"]["SEARCH_INDEX"] == "arabic-news"
    assert any(str(ROOT / "seeds") in str(volume) for volume in services["indexer"]["volumes"])


# --- requirements, gunicorn, system packages ------------------------------------------------------

def requirement_names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-r"):
            names.add(re.split(r"[<>=\[ ]", line, maxsplit=1)[0].lower())
    return names


def test_runtime_and_development_requirements_are_split():
    runtime = requirement_names(ROOT / "requirements.txt")
    dev_text = (ROOT / "requirements-dev.txt").read_text()
    assert "-r requirements.txt" in dev_text
    assert {"pytest", "playwright", "hypothesis"} <= requirement_names(ROOT / "requirements-dev.txt")
    assert not runtime & {"pytest", "playwright", "hypothesis", "pyyaml", "requests"}
    assert {"flask", "gunicorn", "elasticsearch", "swagger-ui-bundle-v2"} <= runtime
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "-r requirements.txt" in dockerfile and "-r requirements-dev" not in dockerfile
    assert "COPY gunicorn.conf.py" in dockerfile
    assert "-r requirements-dev.txt" in (ROOT / "Makefile").read_text()


def test_gunicorn_settings_load():
    done = subprocess.run([sys.executable, "-c", "import runpy; c = runpy.run_path('gunicorn.conf.py'); "
                           "print(c['worker_class'], c['timeout'], c['max_requests'] > 0)"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.split() == ["gthread", "30", "True"], done.stderr


WARM_WORKER = """
import logging, runpy, types
from service import WARM_UP, create_app
from arabic_search.exonyms import table
from arabic_search.splitter import ending_zipfs, vocabulary
app = create_app({"ELASTICSEARCH_URL": "http://127.0.0.1:9"})
loading = sum(thread.is_alive() for thread in app.extensions[WARM_UP])
runpy.run_path("gunicorn.conf.py")["post_worker_init"](types.SimpleNamespace(wsgi=app, log=logging))
print(loading, sum(thread.is_alive() for thread in app.extensions[WARM_UP]),
      vocabulary.cache_info().currsize, ending_zipfs.cache_info().currsize, table.cache_info().currsize)
"""


def test_a_gunicorn_worker_loads_its_tables_before_its_first_request():
    """In a fresh process the tables are still loading when the app is made; gunicorn's
    post_worker_init hook returns only once they are loaded (the worker accepts after it)."""
    done = subprocess.run([sys.executable, "-c", WARM_WORKER], cwd=ROOT, capture_output=True, text=True)
    loading, still, *loaded = (int(n) for n in done.stdout.split())
    assert loading > 0, "nothing was loading: the check would prove nothing"
    assert still == 0 and loaded == [1, 1, 1], done.stdout + done.stderr


def test_make_test_brings_its_system_packages():
    dry = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True)
    assert "scripts/system-deps.sh test" in dry.stdout
    assert "bash scripts/system-deps.sh all" in (ROOT / ".ci" / "run").read_text()
    done = subprocess.run(["bash", "scripts/system-deps.sh", "test"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # everything is there (or was just installed)
    assert os.access("/usr/bin/chromium", os.X_OK) and shutil.which("curl")
