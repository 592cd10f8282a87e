"""The entities of the exonym table as the build assembles them (build time only; pure).

An entity is ``{"kind", "latin", "arabic", "sources", "rank", "french"}``: its Latin names
(English, native, French), its Arabic names, where they come from, and ``rank``
(population where known), which orders entities that share a Latin name.  The readers of
the data packages (exonym_sources.py, exonym_subdivisions.py) make them with :func:`entity`;
this module needs no package but wordfreq and regex, which the service has too.
"""
from __future__ import annotations

import regex
from wordfreq import zipf_frequency

from arabic_search.exonyms import latin_key

# Letters of the Arabic alphabet proper, with vowel marks, tatweel, spaces and hyphens: a
# GeoNames alternate name with پ چ ژ گ ک ی ے ھ ە is Persian, Urdu, Pashto, Kurdish or Uyghur.
ARABIC_NAME = regex.compile(r"^[\u0621-\u063a\u0640-\u0652\u0670]+(?:[ \-][\u0621-\u063a\u0640-\u0652\u0670]+)*$")
# A one-word Latin name this common in English text (Zipf scale: 4 = once in 100,000 words)
# is a word first: a town's is left out unless the town is large or well known in Arabic
# (exonym_sources), a short subdivision name always (exonym_subdivisions).
COMMON_WORD_ZIPF = 4.0
# wordfreq's Zipf scale for Arabic: >= 1 = the spelling occurs in its corpora at all.
MIN_ATTESTED_ZIPF = 1.0
# French is the Latin-script language of North African and Lebanese news beside English:
# readers there write Liban, Jordanie, Algérie, Le Caire, Alger, Beyrouth.  CLDR gives
# the French names of the same territories and exemplar cities as their Arabic ones.
FRENCH = "fr"


def entity(kind: str, latin: list, arabic: list, source: str, rank: int = 0,
           french: list | None = None) -> dict:
    """One entity; ``french``: its French names (CLDR) that its other Latin names do not
    already give, also among its Latin names."""
    french = only_french(latin, french or [])
    return {"kind": kind, "latin": [n for n in latin if n] + french, "sources": {source},
            "rank": rank, "arabic": [n for n in arabic if n and ARABIC_NAME.match(n)],
            "french": french}


def only_french(latin: list[str | None], french: list[str | None]) -> list[str]:
    """The French names whose Latin key none of ``latin`` has (Tunis is Tunis in both)."""
    keys = {latin_key(name) for name in latin if name}
    return [name for name in french if name and latin_key(name) not in keys]


def arabic_zipf(name: str) -> float:
    """How common the name's rarest word is in Arabic text (0 = never seen by wordfreq)."""
    return min(zipf_frequency(word, "ar") for word in name.split())
