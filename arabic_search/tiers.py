"""How a document word can answer a query word, and what each way is worth.

Shared by the query builder (which turns tiers into constant scores so ranking
follows them) and by the matcher (which labels each highlighted word with the
tier that matched it).  Order: exact > normalized > clitic/stem > split > fuzzy/translit.
"""
from __future__ import annotations

EXACT = "exact"
NORMALIZED = "normalized"
CLITIC = "clitic"
STEM = "stem"
SPLIT = "split"
TRANSLIT = "translit"
FUZZY = "fuzzy"

# Constant score each tier contributes per query word.
SCORES = {
    EXACT: 10.0,
    NORMALIZED: 8.0,
    CLITIC: 6.0,
    STEM: 5.0,
    SPLIT: 4.5,
    TRANSLIT: 3.0,
    FUZZY: 2.0,
}
# Within a name-key match (translit/fuzzy), a bonus for the spelling whose vowel key is
# the query's, or one edit from it: ranks عراك above قرار for "Arak" (both key RK).
VOWEL_KEY_BONUS = 0.6
NEAR_VOWEL_KEY_BONUS = 0.3

# Bonus when all words of a multi-word query stand together (as a phrase).
PHRASE_BONUS = 6.0
# Bonus per query word found in the document's title.
TITLE_BONUS = 1.0

# A key may differ from the query's key by one edit only when it is this long.
FUZZY_KEY_MIN_LENGTH = 5
FUZZY_KEY_EDITS = 1


def key_fuzziness(key: str) -> int:
    """Edits allowed between a query key and an indexed key (0 for short keys)."""
    return FUZZY_KEY_EDITS if len(key) >= FUZZY_KEY_MIN_LENGTH else 0

# Arabic-to-Arabic key matches need a longer key than Latin-to-Arabic ones: an Arabic
# query has exact/normalized/clitic tiers to find the word itself, so a two-letter key
# (الامم -> LM) would only add noise (الإعلامي); a Latin query (Libya -> LB) has no other way.
MIN_QUERY_KEY_LENGTH = {"arabic": 3, "latin": 2, "number": 99}


def query_keys(keys: tuple[str, ...], script: str) -> tuple[str, ...]:
    """The keys of a query word that may be used to match name spellings."""
    shortest = MIN_QUERY_KEY_LENGTH.get(script, 99)
    return tuple(key for key in keys if len(key) >= shortest)


def short_keys(keys: tuple[str, ...], script: str) -> tuple[str, ...]:
    """Keys too short to match on their own: they match only where the vowel keys agree too
    (Ali / علي: key L, vowel key Li; Aisha / عائشة: key X, vowel key Xa)."""
    if script not in ("arabic", "latin"):
        return ()
    shortest = MIN_QUERY_KEY_LENGTH[script]
    return tuple(key for key in keys if len(key) < shortest)
