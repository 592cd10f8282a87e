"""Shared core of the Arabic search service: text analysis and the index definition.

Imported by both ``indexer`` and ``service``; it never imports either of them, never
connects to Elasticsearch and never reads the environment at import time.
"""
