"""The writing systems a token can be in: one definition, compared everywhere by name."""
from __future__ import annotations

ARABIC = "arabic"
LATIN = "latin"
NUMBER = "number"
