"""Which gazetteer names of a city the exonym table keeps (scripts/exonym_filters.py; pure)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from exonym_filters import beside_curated, believable, is_ordinary_word, spells_a_name  # noqa: E402


def test_ordinary_words_are_common_one_word_names():
    assert is_ordinary_word("أمان") and is_ordinary_word("الحرية")
    assert not is_ordinary_word("سنندج")          # rare: a name only
    assert not is_ordinary_word("الدار البيضاء")  # two words: a phrase, matched as one


def test_a_word_spells_a_latin_name_or_one_run_together():
    assert spells_a_name("كابل", ["Kabul"])
    assert spells_a_name("نيويورك", ["New York"])
    assert not spells_a_name("الحرية", ["Liberdade"])
    assert not spells_a_name("موسكو", ["Mesquite"])
    assert not spells_a_name("كان", ["Cannes"])  # a function word is no name


def test_a_native_name_is_spelt_by_its_romanization_however_short():
    """A town of an Arabic-speaking country: تل is too short to be read as a name alone,
    but At Tall romanizes التل."""
    assert not spells_a_name("التل", ["At Tall"])
    assert spells_a_name("التل", ["At Tall"], native=True)
    assert not spells_a_name("ربك", ["Kosti"], native=True)


def test_believable_drops_only_ordinary_words_that_spell_no_name():
    assert believable(["سِنَّ", "سِنِّه", "سنندج"], ["Sanandaj"]) == ["سنندج"]
    assert believable(["كابول", "كابل"], ["Kabul"]) == ["كابول", "كابل"]


def test_beside_a_curated_name_only_its_close_variants_stay():
    assert beside_curated("عمّان", ["امان"]) == []
    assert beside_curated("كابول", ["كابل"]) == ["كابل"]
