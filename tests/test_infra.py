"""Static checks of the infrastructure files (no Elasticsearch or Docker engine needed)."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

COMPOSE = ROOT / "docker-compose.yml"
ES_SCRIPT = ROOT / "scripts" / "es.py"


def load_es_script():
    spec = importlib.util.spec_from_file_location("es_provisioning_script", ES_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def es_script():
    return load_es_script()


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def env_of(service: dict) -> dict:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def conditions(service: dict) -> dict:
    deps = service.get("depends_on") or {}
    assert isinstance(deps, dict), "depends_on must use the long form with conditions"
    return {name: (spec or {}).get("condition") for name, spec in deps.items()}


# --------------------------------------------------------------------------- scripts/es.py


def test_es_version_defined_once(es_script):
    text = ES_SCRIPT.read_text()
    assert len(re.findall(r"^ES_VERSION\s*=", text, re.M)) == 1
    assert re.fullmatch(r"\d+\.\d+\.\d+", es_script.ES_VERSION)
    assert es_script.ES_VERSION in es_script.KNOWN_SHA256, "pin the SHA-256 of the new distribution"
    assert es_script.ZIP_URL.endswith(f"/{es_script.ES_VERSION}/elasticsearch-{es_script.ES_VERSION}.zip")


def test_es_script_url_honours_elasticsearch_url():
    env = dict(os.environ, ELASTICSEARCH_URL="http://es.example:9200/")
    out = subprocess.run([sys.executable, str(ES_SCRIPT), "url"], env=env, capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout == "http://es.example:9200\n"  # only the URL on stdout


def test_es_script_default_url_uses_es_port(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "ELASTICSEARCH_URL"}
    env["ES_PORT"] = "9399"
    out = subprocess.run([sys.executable, str(ES_SCRIPT), "url"], env=env, capture_output=True, text=True)
    assert out.returncode == 0
    # Either our node is running (its recorded port wins) or the ES_PORT default is used.
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+\n", out.stdout)


def test_es_script_rejects_unknown_command():
    out = subprocess.run([sys.executable, str(ES_SCRIPT), "frobnicate"], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stdout == ""


# --------------------------------------------------------------------------- docker-compose.yml


def test_compose_services(compose):
    assert {"elasticsearch", "indexer", "api"} <= set(compose["services"])


def test_compose_image_matches_es_version(compose, es_script):
    image = compose["services"]["elasticsearch"]["image"]
    repo, _, tag = image.rpartition(":")
    assert repo == "docker.elastic.co/elasticsearch/elasticsearch"
    assert tag == es_script.ES_VERSION


def test_compose_elasticsearch_settings(compose):
    es = compose["services"]["elasticsearch"]
    env = env_of(es)
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"] == "false"
    assert "-Xmx512m" in env["ES_JAVA_OPTS"] and "-Xms512m" in env["ES_JAVA_OPTS"]
    test = es["healthcheck"]["test"]
    test = " ".join(test) if isinstance(test, list) else test
    assert "curl" in test and "/_cluster/health?wait_for_status=yellow" in test


def test_compose_dependency_conditions(compose):
    services = compose["services"]
    assert conditions(services["indexer"]) == {"elasticsearch": "service_healthy"}
    assert conditions(services["api"]) == {
        "elasticsearch": "service_healthy",
        "indexer": "service_completed_successfully",
    }
    assert services["indexer"]["restart"] == "no"  # must stay a quoted string, not YAML false


def test_compose_app_services(compose):
    for name in ("indexer", "api"):
        svc = compose["services"][name]
        assert svc["build"] == "."
        env = env_of(svc)
        assert env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
        assert env["SEARCH_INDEX"] == "${SEARCH_INDEX:-arabic-news}"
    indexer_cmd = compose["services"]["indexer"]["command"]
    indexer_cmd = " ".join(indexer_cmd) if isinstance(indexer_cmd, list) else indexer_cmd
    # Only a missing alias is indexed (tests/test_web_packaging.py checks the resolved file).
    assert indexer_cmd == "python -m indexer --if-missing --quiet /data"
    api_cmd = compose["services"]["api"]["command"]
    api_cmd = " ".join(api_cmd) if isinstance(api_cmd, list) else api_cmd
    assert api_cmd.startswith("gunicorn") and "gunicorn.conf.py" in api_cmd and "service:create_app()" in api_cmd


def test_compose_ports_only_on_loopback(compose):
    published = []
    for name, svc in compose["services"].items():
        for port in svc.get("ports") or []:
            assert isinstance(port, str), f"{name}: use the string form HOST_IP:HOST:CONTAINER"
            assert port.startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"
            published.append(port)
    assert "127.0.0.1:9200:9200" in published
    assert "127.0.0.1:5000:5000" in published


def _compose_validator() -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True)
        if probe.returncode == 0:
            return ["docker", "compose"]
    return None


def test_compose_file_validates(tmp_path):
    cmd = _compose_validator()
    if cmd is None:  # a skip would pass an unchecked file: `make deps` installs it
        pytest.fail("neither `docker-compose` nor `docker compose` is installed (`make deps` installs it)")
    ok = subprocess.run(cmd + ["-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    # Make sure the validator really validates rather than silently accepting anything.
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(COMPOSE.read_text().replace("service_completed_successfully", "service_done"))
    bad = subprocess.run(cmd + ["-f", str(broken), "config", "-q"], capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode != 0


# --------------------------------------------------------------------------- Dockerfile


def test_dockerfile():
    text = (ROOT / "Dockerfile").read_text()
    instructions = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert instructions[0] == "FROM python:3.11-slim"
    copied = {line.split()[1] for line in instructions if line.startswith("COPY ")}
    assert {"requirements.txt", "arabic_search", "indexer", "service", "seeds"} <= copied
    assert any(re.match(r"RUN pip install .*-r requirements.txt", line) for line in instructions)
    users = [line.split()[1] for line in instructions if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "EXPOSE 5000" in instructions
    assert any(line.startswith("CMD ") and "gunicorn" in line and "service:create_app()" in line for line in instructions)


def test_dockerignore_excludes_local_state():
    entries = {line.strip().rstrip("/") for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert {".venv", ".es", ".git", "test-artifacts"} <= entries


# --------------------------------------------------------------------------- Makefile / CI


def test_makefile_test_target_dry_run():
    if not shutil.which("make"):
        pytest.skip("make not installed")
    out = subprocess.run(["make", "-n", "test", "PYTEST_ARGS=-x -q"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "scripts/es.py start" in out.stdout
    assert "-m pytest -x -q" in out.stdout
    assert "ELASTICSEARCH_URL=" in out.stdout


def test_ci_script_is_executable_bash():
    ci = ROOT / ".ci" / "run"
    assert os.access(ci, os.X_OK)
    assert ci.read_text().startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in ci.read_text()
    assert subprocess.run(["bash", "-n", str(ci)]).returncode == 0
