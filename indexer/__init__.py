"""Command-line indexer: read .txt/.jsonl documents, index their passages behind an alias.

``python -m indexer PATH...`` (see ``__main__``); tests and the service call
``indexer.load.index_paths``.
"""
