"""Every ```sh curl-example block of README.md runs against a live test server and prints JSON."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from conftest import RUN_PREFIX
from service import create_app
from test_service_support import index_corpus, live_server

ROOT = Path(__file__).resolve().parent.parent
README = Path(os.environ.get("README_EXAMPLES_FILE", ROOT / "README.md"))
DOCUMENTED_ADDRESS = "127.0.0.1:5000"
_BLOCK = re.compile(r"^```sh curl-example[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)


def example_commands(markdown: str) -> list[str]:
    """The commands of every ```sh curl-example block; backslash-continued lines are joined."""
    commands: list[str] = []
    for block in _BLOCK.findall(markdown):
        current = ""
        for line in block.splitlines():
            if not current and (not line.strip() or line.lstrip().startswith("#")):
                continue
            current += line.rstrip()
            if current.endswith("\\"):
                current = current[:-1] + " "
                continue
            commands.append(current.strip())
            current = ""
        if current.strip():
            commands.append(current.strip())
    return commands


def test_example_extraction():
    markdown = ("text\n```sh curl-example\ncurl -s 'http://127.0.0.1:5000/api/health'\n```\n"
                "```sh\nnot me\n```\n```sh curl-example\n# comment\ncurl -sG \\\n"
                "  http://127.0.0.1:5000/api/analyze --data-urlencode 'text=x'\n\ncurl b\n```\n")
    assert example_commands(markdown) == [
        "curl -s 'http://127.0.0.1:5000/api/health'",
        "curl -sG    http://127.0.0.1:5000/api/analyze --data-urlencode 'text=x'",
        "curl b",
    ]


def _readme_commands():
    commands = example_commands(README.read_text(encoding="utf-8")) if README.is_file() else []
    if not commands:
        return [pytest.param(None, id="no-curl-examples",
                             marks=pytest.mark.skip(reason=f"{README} has no ```sh curl-example blocks"))]
    return [pytest.param(command, id=f"example-{n}") for n, command in enumerate(commands, 1)]


@pytest.fixture(scope="module")
def server(es_client, es_url, tmp_path_factory):
    alias = f"{RUN_PREFIX}-readme-{uuid.uuid4().hex[:6]}"
    index_corpus(es_client, alias, tmp_path_factory.mktemp("readme-corpus"))
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": alias, "TESTING": True})
    with live_server(app) as base:
        yield base


@pytest.mark.parametrize("command", _readme_commands())
def test_readme_example(server, command):
    if not shutil.which("curl"):
        pytest.fail("curl is not installed")
    assert DOCUMENTED_ADDRESS in command, f"example does not use {DOCUMENTED_ADDRESS}: {command}"
    address = server.removeprefix("http://")
    done = subprocess.run(["bash", "-c", command.replace(DOCUMENTED_ADDRESS, address)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, f"{command}\nexit {done.returncode}\n{done.stderr}"
    body = json.loads(done.stdout)
    assert "error" not in body, body
