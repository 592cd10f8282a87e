"""Every ```sh curl-example block of README.md runs against a live test server (holding what
`make run` indexes: seeds/) and its output is compared, field by field, with the ```json block
that follows it.

The documented JSON is trimmed, so: keys it leaves out are not checked, a ``"…": "…"`` entry
marks a trimmed object, a string holding "…" matches any text in place of each "…", a list
ending in "…" may go on, and the fields in VOLATILE (timings, the test's alias and cluster
figures) are not compared.  Everything else must be equal: scores, order, totals, matches."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from service import create_app
from support import live_server

README = Path(os.environ.get("README_EXAMPLES_FILE", ROOT / "README.md"))
DOCUMENTED_ADDRESS = "127.0.0.1:5000"
_BLOCK = re.compile(r"^```sh curl-example[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
_EXAMPLE = re.compile(r"^```sh curl-example[ \t]*\n(.*?)^```[ \t]*\n```json[ \t]*\n(.*?)^```[ \t]*$",
                      re.M | re.S)
ELLIPSIS = "…"
# Vary with the machine and the cluster (a shared test cluster may be yellow), not the code.
VOLATILE = frozenset({"took_ms", "alias", "cluster_name", "status", "active_shards",
                      "unassigned_shards"})


def same(documented, actual, where: str = "$") -> list[str]:
    """Differences between a trimmed documented value and the live one (empty: they agree)."""
    if documented == ELLIPSIS:
        return []
    if isinstance(documented, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        problems = []
        for key, value in documented.items():
            if key == ELLIPSIS or key in VOLATILE:
                continue
            if key not in actual:
                problems.append(f"{where}.{key}: missing")
            else:
                problems += same(value, actual[key], f"{where}.{key}")
        return problems
    if isinstance(documented, list):
        if not isinstance(actual, list):
            return [f"{where}: expected a list, got {actual!r}"]
        open_ended = bool(documented) and documented[-1] == ELLIPSIS
        items = documented[:-1] if open_ended else documented
        if len(actual) < len(items) or (not open_ended and len(actual) != len(items)):
            return [f"{where}: {len(actual)} items, documented {len(items)}"]
        return [problem for n, (doc, act) in enumerate(zip(items, actual))
                for problem in same(doc, act, f"{where}[{n}]")]
    if isinstance(documented, str) and ELLIPSIS in documented and isinstance(actual, str):
        pattern = ".*".join(re.escape(part) for part in documented.split(ELLIPSIS))
        return [] if re.fullmatch(pattern, actual, re.S) else [f"{where}: {actual!r} !~ {documented!r}"]
    return [] if documented == actual else [f"{where}: {actual!r} != documented {documented!r}"]


def documented_examples(markdown: str) -> list[tuple[str, dict]]:
    """(command, documented output) for each curl example followed by a ```json block."""
    pairs = []
    for block, output in _EXAMPLE.findall(markdown):
        commands = example_commands(f"```sh curl-example\n{block}```\n")
        assert len(commands) == 1, f"one command per documented example: {commands}"
        pairs.append((commands[0], json.loads(output)))
    return pairs


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
def server(es_url, seed_alias):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": seed_alias, "TESTING": True})
    with live_server(app) as base:
        yield base


def run_example(server: str, command: str) -> dict:
    if not shutil.which("curl"):
        pytest.fail("curl is not installed (`make deps` installs it)")
    assert DOCUMENTED_ADDRESS in command, f"example does not use {DOCUMENTED_ADDRESS}: {command}"
    address = server.removeprefix("http://")
    done = subprocess.run(["bash", "-c", command.replace(DOCUMENTED_ADDRESS, address)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, f"{command}\nexit {done.returncode}\n{done.stderr}"
    return json.loads(done.stdout)


@pytest.mark.parametrize("command", _readme_commands())
def test_readme_example(server, command):
    body = run_example(server, command)
    assert "error" not in body, body


def test_comparison_is_strict_where_it_should_be():
    assert same({"a": 1, "…": "…", "took_ms": 5}, {"a": 1, "b": 2, "took_ms": 9}) == []
    assert same({"a": 1}, {"a": 2}) and same([1, 2], [2, 1]) and same([1], [1, 2])
    assert same([1, "…"], [1, 2]) == [] and same("… x <mark>y</mark>", "a b x <mark>y</mark>") == []
    assert same("… x", "x y") and same({"score": 10.0}, {"score": 3.0})


def test_every_documented_output_matches(server):
    examples = documented_examples(README.read_text(encoding="utf-8"))
    assert len(examples) >= 4, "README lost its documented examples"
    report = []
    for command, documented in examples:
        problems = same(documented, run_example(server, command))
        if problems:
            report.append(f"{command}\n  " + "\n  ".join(problems))
    assert not report, "\n".join(report)
