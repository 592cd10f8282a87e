"""What words and word sequences a corpus contains, the way Arabic writes them.

Arabic glues the article and one-letter clitics to the next word: a corpus that holds
المدروسة, بإسبانيا or والمهني holds مدروسة, اسبانيا and مهني, and a document with
عبدالحميد holds عبد الحميد.  A precision evaluation that called such a name "absent"
counted the service's correct matches (its clitic, normalized and split tiers) as junk:
on the tune half of prose_msa.jsonl, 21 of the 56 Arabic "absent" names that returned
anything were such names (مدروسة -> المدروسة, مناعة -> المناعة, عبدالحميد -> عبد الحميد).

What counts, all compared in ``arabic_text.normalize`` form (kept independent of the
service's own analysis, which it judges):

* the word itself;
* the word with the article (ال, and ال behind و ف ب ك, or لل), or without its own;
* a word of at least MIN_CLITIC_BASE letters behind one of و ف ب ك ل.  Shorter words are
  often the tail of another word (فوزا is no ف + وزا), so they count only as themselves;
* a one-word spelling written as two words (عبدالحميد as عبد الحميد), each at least
  MIN_SPLIT_PART letters, and a spelling of several words written as one.

In a sequence of words the first may carry any of these clitics; the others are as written.
"""
from __future__ import annotations

from collections.abc import Iterable

import regex

from arabic_text import normalize, words

ARTICLE = "ال"
# The article's written forms at the start of a word (normalized): ال, and ال behind a
# conjunction or preposition, or ل + ال written لل.
ARTICLE_FORMS = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل")
ONE_LETTER_CLITICS = "وفبكل"
# What the article may leave of a word (الخيضر -> خيضر), and what a one-letter clitic must
# leave for the rest to be believed a word of its own.
MIN_ARTICLE_BASE = 3
MIN_CLITIC_BASE = 4
MIN_SPLIT_PART = 3
# A first word of a sequence with any clitic before it (the sequence itself is the evidence).
SEQUENCE_CLITICS = f"(?:{'|'.join((*ARTICLE_FORMS, *ONE_LETTER_CLITICS))})?"


def _bare(word: str) -> str:
    """The word without its own article (when enough remains), else the word."""
    if word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= MIN_ARTICLE_BASE:
        return word[len(ARTICLE):]
    return word


def _after_article(vocab: Iterable[str]) -> frozenset[str]:
    """Every word that some corpus word holds behind an article."""
    return frozenset(word[len(form):] for word in vocab for form in ARTICLE_FORMS
                     if word.startswith(form) and len(word) - len(form) >= MIN_ARTICLE_BASE)


def _after_clitic(vocab: Iterable[str]) -> frozenset[str]:
    """Every word of MIN_CLITIC_BASE letters or more that a corpus word holds behind و ف ب ك ل."""
    return frozenset(word[1:] for word in vocab
                     if word[:1] in ONE_LETTER_CLITICS and len(word) - 1 >= MIN_CLITIC_BASE)


class CorpusWords:
    """What words and word sequences a corpus contains (light-normalized, clitics read)."""

    def __init__(self, texts: Iterable[str]):
        lines = [" ".join(normalize(w) for w in words(text)) for text in texts]
        self.vocab = frozenset(w for line in lines for w in line.split())
        self.after_article = _after_article(self.vocab)
        self.after_clitic = _after_clitic(self.vocab)
        # One line per text, spaces around every word: " a b " in joined <=> a b is a word sequence.
        self.joined = "".join(f" {line} \n" for line in lines)

    def has_word(self, word: str) -> bool:
        """True when the word occurs as written, with or without the article, or behind a
        one-letter clitic (long enough)."""
        return self._holds(normalize(word))

    def _holds(self, word: str) -> bool:
        bare = _bare(word)
        return (word in self.vocab or bare in self.vocab or bare in self.after_article
                or word in self.after_clitic)

    def has_phrase(self, text: str) -> bool:
        """True when the words of ``text`` occur together, in this order, in one text (the
        first with a clitic or not), or a one-word text occurs as two words, or several
        words as one."""
        found = [normalize(w) for w in words(text)]
        if not found:
            return False
        if len(found) == 1:
            return self._holds(found[0]) or self._split_occurs(found[0])
        return "".join(found) in self.vocab or self._sequence_occurs(found)

    def _sequence_occurs(self, found: list[str]) -> bool:
        if any(w not in self.vocab for w in found[1:]):
            return False  # cheap: most absent sequences stop here
        bare, rest = _bare(found[0]), " ".join(found[1:])
        if f"{bare} {rest} " not in self.joined:
            return False  # a plain substring test first: the pattern below is slow on 30 MB
        article = f"(?:{ARTICLE})?" if found[0] != bare else ""
        pattern = f" {SEQUENCE_CLITICS}{article}{regex.escape(bare)} {regex.escape(rest)} "
        return regex.search(pattern, self.joined) is not None

    def _split_occurs(self, word: str) -> bool:
        """True when ``word`` occurs written as two words (عبدالحميد as عبد الحميد)."""
        cuts = [(word[:i], word[i:]) for i in range(MIN_SPLIT_PART, len(word) - MIN_SPLIT_PART + 1)]
        return any(head in self.vocab and tail in self.vocab and f" {head} {tail} " in self.joined
                   for head, tail in cuts)
