"""Connection settings from the environment (pure: no Elasticsearch needed), and the
guarantee that no credential reaches a message: indexer output, scripts/es.py, errors."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from arabic_search import es
from arabic_search.settings import Settings, SettingsError, redact
from conftest import ROOT

SECRET = "s3cr3t-pa55"


def settings(**env) -> Settings:
    return Settings.from_mapping(env)


def test_defaults_and_several_urls():
    assert settings().urls == ("http://127.0.0.1:9200",)
    many = settings(ELASTICSEARCH_URL=" http://a:9200/, https://b:9201 ,,http://c:9202/es/")
    assert many.urls == ("http://a:9200", "https://b:9201", "http://c:9202/es")
    assert many.username is None and many.api_key is None and many.verify_certs is True


def test_credentials_move_out_of_the_url():
    parsed = settings(ELASTICSEARCH_URL=f"http://user:{SECRET}@a:9200,http://user:{SECRET}@b:9200")
    assert parsed.urls == ("http://a:9200", "http://b:9200")
    assert (parsed.username, parsed.password) == ("user", SECRET)
    assert SECRET not in parsed.display and "user user" in parsed.display
    encoded = settings(ELASTICSEARCH_URL="http://us%40er:p%3Aw%40d@a:9200")
    assert (encoded.username, encoded.password) == ("us@er", "p:w@d")


def test_explicit_variables_win_over_the_url():
    parsed = settings(ELASTICSEARCH_URL="http://u:old@a:9200", ELASTICSEARCH_USERNAME="admin",
                      ELASTICSEARCH_PASSWORD=SECRET, ELASTICSEARCH_CA_CERTS="/ca.pem",
                      ELASTICSEARCH_VERIFY_CERTS="false")
    assert (parsed.username, parsed.password, parsed.ca_certs, parsed.verify_certs) == (
        "admin", SECRET, "/ca.pem", False)


@pytest.mark.parametrize("env", [
    {"ELASTICSEARCH_URL": f"ftp://u:{SECRET}@a"},
    {"ELASTICSEARCH_URL": f"u:{SECRET}@a:9200"},
    {"ELASTICSEARCH_URL": f"http://u:{SECRET}@a:99999"},
    {"ELASTICSEARCH_URL": " , "},
    {"ELASTICSEARCH_URL": f"http://u:{SECRET}@a,http://v:{SECRET}@b"},
    {"ELASTICSEARCH_API_KEY": SECRET, "ELASTICSEARCH_USERNAME": "u", "ELASTICSEARCH_PASSWORD": SECRET},
    {"ELASTICSEARCH_USERNAME": "u"},
    {"ELASTICSEARCH_VERIFY_CERTS": "maybe"},
])
def test_bad_settings_are_refused_without_echoing_secrets(env):
    with pytest.raises(SettingsError) as caught:
        settings(**env)
    assert SECRET not in str(caught.value)


def test_redact():
    assert redact(f"http://u:{SECRET}@a:9200/x,https://b") == "http://***@a:9200/x,https://b"
    assert redact(f"http://u:p@ss{SECRET}@a:9200") == "http://***@a:9200"
    assert redact(f"http://u:pa/{SECRET}@a:9200") == "http://***@a:9200"
    assert redact(f"u:{SECRET}@a:9200") == "***@a:9200"
    assert redact("no url here") == "no url here"


def test_auth_header():
    assert settings(ELASTICSEARCH_API_KEY="id:key").auth_header() == "ApiKey aWQ6a2V5"
    assert settings(ELASTICSEARCH_API_KEY="ZW5jb2RlZA==").auth_header() == "ApiKey ZW5jb2RlZA=="
    assert settings(ELASTICSEARCH_URL="http://u:p@a").auth_header() == "Basic dTpw"
    assert settings().auth_header() is None


def test_client_factory_retries_only_with_several_nodes():
    one = es.client(settings(), timeout=2.4)
    many = es.client(settings(ELASTICSEARCH_URL="http://a:1,http://b:2,http://c:3"), timeout=2.4)
    assert (one._max_retries, one._retry_on_timeout) == (0, False)
    assert (many._max_retries, many._retry_on_timeout) == (1, True)
    assert len(many.transport.node_pool.all()) == 3
    assert one._request_timeout == many._request_timeout == pytest.approx(2.4)
    legacy = es.make_client("http://a:1", timeout=5, retries=2)
    assert (legacy._max_retries, legacy._request_timeout) == (2, 5)


def test_default_replicas_follow_the_cluster_size():
    assert [es.default_replicas(n) for n in (1, 2, 3, 5)] == [0, 1, 1, 1]
    assert es.redundancy_warning(3, 0) and "replicas 0" in es.redundancy_warning(3, 0)
    assert es.redundancy_warning(1, 0) is None and es.redundancy_warning(3, 1) is None


def test_indexer_never_prints_the_password(tmp_path):
    """The indexer used to print ELASTICSEARCH_URL, password included, when ES was unreachable."""
    (tmp_path / "a.txt").write_text("نص قصير\n", encoding="utf-8")
    env = {**os.environ, "ELASTICSEARCH_URL": f"http://admin:{SECRET}@127.0.0.1:9"}
    done = subprocess.run([sys.executable, "-m", "indexer", "--quiet", str(tmp_path)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "127.0.0.1:9" in done.stderr and "unreachable" in done.stderr
    assert SECRET not in done.stdout + done.stderr


def test_es_script_never_prints_the_password():
    env = {**os.environ, "ELASTICSEARCH_URL": f"http://admin:{SECRET}@127.0.0.1:9,http://127.0.0.1:8"}
    for command in ("url", "status"):
        done = subprocess.run([sys.executable, str(ROOT / "scripts" / "es.py"), command], env=env,
                              capture_output=True, text=True, timeout=60)
        assert SECRET not in done.stdout + done.stderr, command
    url = subprocess.run([sys.executable, str(ROOT / "scripts" / "es.py"), "url"], env=env,
                         capture_output=True, text=True)
    assert url.stdout == "http://127.0.0.1:9,http://127.0.0.1:8\n"
