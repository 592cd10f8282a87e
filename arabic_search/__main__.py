"""Command line twin of ``GET /api/analyze``: ``python -m arabic_search "text"``.

Prints the same JSON the service returns, so a search can be debugged without
Elasticsearch or a running service.
"""
from __future__ import annotations

import argparse
import json
import sys

from .analysis import analyze


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="*", help="text to analyse (default: read stdin)")
    args = parser.parse_args(argv)
    text = " ".join(args.text) if args.text else sys.stdin.read()
    tokens = [token.as_dict() for token in analyze(text)]
    json.dump({"tokens": tokens}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
