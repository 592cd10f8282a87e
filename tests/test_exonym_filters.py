"""Which gazetteer names of a city the exonym table keeps (scripts/exonym_filters.py; pure)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from exonym_filters import (beside_curated, believable, commoner_than_the_town, is_ordinary_word,  # noqa: E402
                             names_another_country, spells_a_name)


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


def test_a_foreign_town_is_not_a_word_written_far_more_often_than_the_town_is_named():
    """GeoNames spells Qom قوم ("people") and Yuma يوما ("a day"): Arabic text writes those
    words a hundred times as often as English or French names the towns."""
    assert commoner_than_the_town("قوم", ["Qom"]) and commoner_than_the_town("يوما", ["Yuma"])
    assert not commoner_than_the_town("برلين", ["Berlin"])
    assert not commoner_than_the_town("مانشستر", ["Manchester"])
    assert believable(["قوم"], ["Qom"]) == []
    assert believable(["برلين"], ["Berlin"]) == ["برلين"]


def test_an_arabic_speaking_town_keeps_its_own_name_however_common():
    """Latin text names few towns of Arabic-speaking countries: their names are their own."""
    assert believable(["الوجه"], ["Al Wajh"], native=True) == ["الوجه"]


def test_a_country_is_not_named_by_another_countrys_name():
    """iso-codes translates Moldova المالديف, the Maldives (CLDR: جزر المالديف)."""
    cldr = {"MD": "مولدوفا", "MV": "جزر المالديف", "CG": "الكونغو - برازافيل", "001": "العالم"}
    assert names_another_country("المالديف", "MD", cldr)
    assert not names_another_country("جمهورية مولدوفا", "MD", cldr)
    assert not names_another_country("مولدوفا", "MD", cldr)          # its own name
    assert not names_another_country("جزر المالديف", "MV", cldr)
