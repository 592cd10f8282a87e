"""The names of the ways a word can match (``how`` in the API), in a module of their own:
``tiers.py`` defines each tier, and the modules it builds on (``exonym_tier.py``,
``compounds.py``) name the tier their matches are reported as without importing it."""

EXACT = "exact"
NORMALIZED = "normalized"
CLITIC = "clitic"
STEM = "stem"
SPLIT = "split"
TRANSLIT = "translit"
FUZZY = "fuzzy"
EXONYM = "exonym"
