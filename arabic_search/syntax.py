"""The small query language, parsed by our code (never by Elasticsearch's query syntax).

    فايز السراج            two to four words: a document must hold all (holders.py);
                           five or more: all preferred, any accepted (ranking rewards more)
    "الأمم المتحدة"         a phrase: these words in this order (every spelling allowed)
    طرابلس -بنغازي         exclude documents that hold a word (as written, normalized or
                           with a clitic)
    كوراشيكي، أوكاياما      after a comma (, or ،), words that qualify the name before it
                           (a province, a country): preferred, never required

Anything else is text: a lone quote, a hyphen inside a word (al-Sarraj), a minus
sign with nothing after it.  The parser only splits the query (and drops an English
possessive: Libya's is Libya); the words are analysed like any other text.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .exonyms import latin_form, latin_words
from .tokens import APOSTROPHES

# A quoted phrase, straight or typographic quotes; an unclosed quote runs to the end.
_PHRASE = regex.compile(r'["“”«»]([^"“”«»]*)(?:["“”«»]|$)')
# A word to exclude: a minus (ASCII or Unicode) at the start of a whitespace-separated token.
_EXCLUDED = regex.compile(r"(?:(?<=\s)|^)[-\u2212](\S+)")
# The first comma, Latin or Arabic, after some text: what follows qualifies the name.
_QUALIFIED = regex.compile(r"^([^,،]*\w[^,،]*)[,،](.*)$", regex.DOTALL)
# An English possessive: a Latin word, an apostrophe and an s that ends it (Gaddafi’s son).
_POSSESSIVE = regex.compile(rf"(\p{{Latin}}[\p{{Latin}}\p{{M}}]*)[{APOSTROPHES}]([sS])"
                             rf"(?![\p{{L}}\p{{M}}\p{{N}}])")


@dataclass(frozen=True)
class ParsedQuery:
    text: str                       # the words to look for (phrases included), in order
    phrases: tuple[str, ...] = ()   # quoted parts, each to be found in order
    excluded: tuple[str, ...] = ()  # words whose documents are left out
    qualifying: str = ""            # after the first comma: preferred, never required


def without_possessives(query: str) -> str:
    """``query`` without its English possessives, except where a table's name holds the
    word with it (St. John's = سانت جونز, not St. John): "Libya's" was asked as the word
    libyas, which no table knows and no Arabic spelling writes, and found nothing."""
    def kept(found: regex.Match) -> str:
        known = latin_form(found.group(1) + found.group(2)) in latin_words()
        return found.group(0) if known else found.group(1)
    return _POSSESSIVE.sub(kept, query)


def parse(query: str) -> ParsedQuery:
    """Split a user's query into its words, its quoted phrases and its exclusions."""
    query = without_possessives(query)
    phrases = tuple(found.strip() for found in _PHRASE.findall(query) if found.strip())
    without_phrases = _PHRASE.sub(lambda found: f" {found.group(1)} ", query)
    excluded = tuple(_EXCLUDED.findall(without_phrases))
    text = " ".join(_EXCLUDED.sub(" ", without_phrases).split())
    qualified = _QUALIFIED.match(_EXCLUDED.sub(" ", _PHRASE.sub(" ", query)))  # a phrase's comma is its own
    return ParsedQuery(text, phrases, excluded, " ".join(qualified.group(2).split()) if qualified else "")
