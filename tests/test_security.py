"""A secured node (``make test-cluster``): security on, TLS on HTTP, a file-realm user.

Started by scripts/es_cluster.py from the project's own distribution on 127.0.0.1:9260
with a CA and certificate made by ``bin/elasticsearch-certutil`` and a superuser made
by ``bin/elasticsearch-users``.  Checks: user/password (variables or in the URL) with
the CA bundle, for the indexer, the service and scripts/es.py; a wrong password, a
wrong API key and a wrong CA each reported as what they are; and the password in no
output or log.

API keys cannot be created on this distribution: the ``.security`` index's mapping
needs the ``pattern_capture`` token filter of the analysis-common module, which the
integ-test-zip lacks.  So an API key is only checked to be sent and refused (401);
``test_api_keys_cannot_be_created_here`` fails the day that changes.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys

import certifi
import pytest

from arabic_search import es
from conftest import ROOT, RUN_PREFIX
from service import create_app

sys.path.insert(0, str(ROOT / "scripts"))
import es_cluster  # noqa: E402

pytestmark = pytest.mark.cluster
WRONG_PASSWORD = "not-the-password-42"
SLOW_MACHINE_DEADLINE = 10.0
WRONG_API_KEY = "bm90LWFuLWlkOm5vdC1hLWtleQ=="  # base64 of not-an-id:not-a-key


@pytest.fixture(scope="module")
def secure():
    node, settings, started = es_cluster.ensure_secure()
    yield settings
    if started:
        node.stop()


def env_of(settings: es.Settings, **changes) -> dict:
    values = {"ELASTICSEARCH_URL": settings.urls[0], "ELASTICSEARCH_USERNAME": settings.username,
              "ELASTICSEARCH_PASSWORD": settings.password, "ELASTICSEARCH_CA_CERTS": settings.ca_certs}
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def indexer(env: dict, alias: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH_")}
    return subprocess.run([sys.executable, "-m", "indexer", "--quiet", str(ROOT / "seeds")], cwd=ROOT,
                          env={**clean, **env, "SEARCH_INDEX": alias}, capture_output=True,
                          text=True, timeout=300)


def app_for(env: dict, alias: str):
    """A test client; the generous deadline is for a loaded test machine, not under test here."""
    config = {**env, "SEARCH_INDEX": alias, "TESTING": True, "SEARCH_DEADLINE": SLOW_MACHINE_DEADLINE}
    return create_app(config).test_client()


def no_secret(settings: es.Settings, *texts: str) -> None:
    for text in texts:
        assert settings.password not in text


@pytest.fixture(scope="module")
def alias(secure) -> str:
    name = f"{RUN_PREFIX}-secure"
    done = indexer(env_of(secure), name)
    assert done.returncode == 0, done.stderr
    no_secret(secure, done.stdout, done.stderr)
    es.client(secure, timeout=60).search(index=name, q="x")  # warm: first searches are slow
    return name


def test_user_password_and_ca_bundle(secure, alias, caplog):
    caplog.set_level(logging.DEBUG)
    client = app_for(env_of(secure), alias)
    search = client.get("/api/search", query_string={"q": "والدهاوزر"})
    assert search.status_code == 200 and search.get_json()["total"] == 1
    assert client.get("/api/health").status_code == 200
    no_secret(secure, caplog.text)


def test_password_in_the_url(secure, alias, caplog):
    caplog.set_level(logging.DEBUG)
    url = secure.urls[0].replace("https://", f"https://{secure.username}:{secure.password}@")
    env = env_of(secure, ELASTICSEARCH_URL=url, ELASTICSEARCH_USERNAME=None, ELASTICSEARCH_PASSWORD=None)
    client = app_for(env, alias)
    assert client.get("/api/search", query_string={"q": "Waldhauser"}).status_code == 200
    status = subprocess.run([sys.executable, str(ROOT / "scripts" / "es.py"), "status"],
                            env={**env, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert status.returncode == 0, status.stderr
    assert '"status"' in status.stdout
    no_secret(secure, caplog.text, status.stdout, status.stderr)


@pytest.mark.parametrize(("changes", "code", "says"), [
    ({"ELASTICSEARCH_PASSWORD": WRONG_PASSWORD}, "elasticsearch_auth_failed", "rejected the credentials"),
    ({"ELASTICSEARCH_USERNAME": None, "ELASTICSEARCH_PASSWORD": None,
      "ELASTICSEARCH_API_KEY": WRONG_API_KEY}, "elasticsearch_auth_failed", "rejected the credentials"),
    ({"ELASTICSEARCH_CA_CERTS": certifi.where()}, "elasticsearch_tls_failed", "TLS handshake"),
    ({"ELASTICSEARCH_CA_CERTS": None}, "elasticsearch_tls_failed", "TLS handshake"),
])
def test_failures_are_named_and_logged_without_secrets(secure, alias, caplog, changes, code, says):
    caplog.set_level(logging.DEBUG)
    env = env_of(secure, **changes)
    client = app_for(env, alias)
    for path in ("/api/search?q=x", "/api/health"):
        response = client.get(path)
        assert response.status_code == 503
        assert response.get_json()["error"]["code"] == code
    assert says in caplog.text  # the operator's log says why
    done = indexer(env, f"{alias}-refused")
    assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr
    no_secret(secure, caplog.text, done.stdout, done.stderr, response.get_data(as_text=True))
    assert WRONG_PASSWORD not in caplog.text + done.stderr


def test_verify_certs_false_connects_without_the_ca(secure, alias):
    env = env_of(secure, ELASTICSEARCH_CA_CERTS=None, ELASTICSEARCH_VERIFY_CERTS="false")
    client = app_for(env, alias)
    assert client.get("/api/search", query_string={"q": "ليبيا"}).status_code == 200


def test_api_keys_cannot_be_created_here(secure):
    admin = es.client(secure, timeout=30)
    response = admin.options(ignore_status=400).security.create_api_key(name=f"{RUN_PREFIX}-key")
    assert response.meta.status == 400
    assert "pattern_capture" in str(response.body)
