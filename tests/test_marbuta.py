"""A final ة written ه, and proclitic forms that are other words (marbuta.py, exonym_tier.py).

"Jeddah" found 614 documents of prose.jsonl, its top ten all جده ("his grandfather");
"Ana" (Anah, عنة) 3,802, all عنه ("about him"); "Sirte" كسرت ("broke").  A name is
found where it is written, and a written word that is another word is not the name.
"""
from __future__ import annotations

import json

import pytest

from arabic_search import mapping as m
from arabic_search import marbuta, names, tiers
from arabic_search.analysis import analyze
from arabic_search.documents import analysed_fields, title_terms
from arabic_search.exonym_tier import clitic_forms, exonym_filter, exonym_spans, one_word_forms, passage_words
from arabic_search.plan import plan_query
from arabic_search.query_words import query_word
from support import api_search, indexed_client, matches_by_text


@pytest.mark.parametrize("form", ["جده", "عنه", "رحمه", "وجده"])
def test_a_heh_spelling_that_is_mostly_another_word(form):
    assert marbuta.heh_is_another_word(form)


@pytest.mark.parametrize("form", [
    "غزه", "مصراته",          # the name with its dots left off: no word before the ه
    "ساره", "عاليه", "طيبه",  # a word before the ه, but the ه-spelling is the name misspelt
    "المدينه",                # a word with the article takes no pronoun
    "ماريه", "جونيه",         # ـيه is ـية undotted (Maria, Jounieh), though ماري and جوني are words
    "جدة", "بغداد",           # no final ه
    "طه", "له",               # a single letter before the ه is no word
])
def test_a_heh_spelling_that_is_the_word_misspelt(form):
    assert not marbuta.heh_is_another_word(form)


def test_marbuta_spellings_write_each_hamza_seat_both_ways():
    spellings = marbuta.marbuta_spellings("اسامه")
    assert {"أسامة", "اسامة", "إسامة", "آسامة"} <= spellings
    assert all(spelling.endswith("ة") for spelling in spellings) and len(spellings) == 16
    assert marbuta.marbuta_spellings("جده") == {"جدة"}
    assert marbuta.marbuta_spellings("ا" * 4 + "و" * 3 + "ه") == frozenset()  # 4**4 * 2**3 > 64
    assert marbuta.marbuta_spellings("بغداد") == frozenset()


def test_a_dotted_name_is_asked_as_written_with_its_ta_marbuta_and_without_the_article():
    norm, exact = one_word_forms("جده")
    assert norm == frozenset()
    assert {"جدة", "بجدة", "وجدة", "لجدة"} <= exact
    assert not {"جده", "بجده", "الجدة", "الجده", "للجدة"} & exact
    # a generic word is asked in span queries (no positions in exact): as before
    assert one_word_forms("جده", dotted=False) == (clitic_forms("جده"), frozenset())
    # a name misspelt with ه is still found so
    norm, exact = one_word_forms("غزه")
    assert {"غزه", "بغزه"} <= norm and exact == frozenset()


@pytest.mark.parametrize(("name", "other_words", "kept"), [
    ("سرت", {"كسرت", "وكسرت", "فكسرت"}, {"سرت", "بسرت", "لسرت", "وسرت"}),  # Sirte, not "broke"
    ("اكرا", {"باكرا"}, {"اكرا", "واكرا", "لاكرا"}),                        # Accra, not "early"
    ("امل", {"كامل", "الامل"}, {"امل", "وامل", "بامل"}),                    # Amol, not "complete"
    ("قدس", {"القدس", "بالقدس"}, {"قدس", "بقدس"}),                          # Qods, not Jerusalem
])
def test_a_proclitic_form_that_is_a_commoner_word_is_no_form_of_the_name(name, other_words, kept):
    forms = clitic_forms(name)
    assert not other_words & forms
    assert kept <= forms


def test_the_python_side_marks_the_name_written_with_ta_marbuta_only():
    text = "زار جده في جدة ثم عاد إلى بجدة لا الجدة."
    found = [text[start:end] for start, end, _ in exonym_spans(passage_words(text),
                                                                 plan_query(analyze("Jeddah")).exonyms)]
    assert found == ["جدة", "بجدة"]


def test_the_es_side_asks_exact_for_the_dotted_name():
    plan = plan_query(analyze("Jeddah"))
    [exonym] = plan.exonyms
    clause = json.dumps(exonym_filter(exonym), ensure_ascii=False)
    assert f'"{m.EXACT}"' in clause and "بجدة" in clause
    assert f'"{m.NORM}"' not in clause and "جده" not in clause


def _accepted(query: str, written: list[str]) -> dict:
    return names.spelling_confidences(analyze(query)[0], [analyze(word)[0] for word in written],
                                      beside=False)[0]


@pytest.mark.parametrize(("query", "other", "name"), [
    ("Rahma", "رحمه", "رحمة"), ("Oujda", "وجده", "وجدة"), ("Jeddah", "جده", "جدة"),
])
def test_a_latin_name_ending_as_ta_marbuta_is_not_a_word_with_the_pronoun(query, other, name):
    accepted = _accepted(query, [other, name])
    assert other not in accepted and name in accepted


def test_a_word_with_the_pronoun_still_counts_beside_the_rest_of_a_name():
    # Chingola = شغله ("his work"), found alone for an absent name on prose_msa.jsonl
    accepted, beside = names.spelling_confidences(analyze("Chingola")[0], [analyze("شغله")[0]])
    assert "شغله" not in accepted and "شغله" in beside


@pytest.mark.parametrize(("query", "written"), [
    ("Gaza", "غزه"),     # the dots left off: still Gaza
    ("Maria", "ماريه"), ("Jounieh", "جونيه"),  # lost on the tune half by a first version
    ("Nabih", "نبيه"),   # a name ending in its own ه: the Latin does not end as ة is spelt
])
def test_a_heh_spelling_of_the_name_itself_is_kept(query, written):
    assert written in _accepted(query, [written])


def test_jeddah_finds_jeddah_and_not_his_grandfather(es_client, es_url, tmp_path):
    bodies = {"jeddah": "وصل الوفد إلى جدة صباح اليوم.", "in-jeddah": "عقد الاجتماع بجدة أمس.",
              "grandfather": "زار جده في القرية.", "grandmother": "روت الجدة حكاية.",
              "sirte": "اشتبك المسلحون في سرت.", "broke": "كسرت الرياح الأشجار."}
    client = indexed_client(es_client, es_url, tmp_path, "marbuta",
                            [{"id": key, "title": "", "body": body} for key, body in bodies.items()])

    def found(query: str) -> dict[str, dict]:
        hits = api_search(client, q=query)["hits"]
        assert all("<mark>" in passage["highlight"] for hit in hits for passage in hit["passages"])
        return {hit["id"]: matches_by_text(hit) for hit in hits}

    assert set(found("Jeddah")) == {"jeddah", "in-jeddah"}
    sirte = found("Sirte")
    assert sirte["sirte"]["سرت"]["how"] == "exonym"
    # كسرت may still sound like it ("other spelling?"), but it is not the translated name
    assert "broke" not in sirte or sirte["broke"]["كسرت"]["how"] != "exonym"
    # The Arabic word as asked: its written ة is meant, so not جده "his grandfather" ...
    arabic = found("جدة")
    assert set(arabic) == {"jeddah", "in-jeddah", "grandmother"}
    assert arabic["in-jeddah"]["بجدة"]["how"] == "clitic"
    assert set(found("بجدة")) >= {"jeddah", "in-jeddah"} and "grandfather" not in found("بجدة")
    # ... while the word written with ه may be either (a ة left undotted)
    assert {"jeddah", "in-jeddah", "grandfather", "grandmother"} <= set(found("جده"))


# An Arabic query written with ة (marbuta.dots_meant, the index's dotted forms).

@pytest.mark.parametrize("word", ["جدة", "صديقة", "رحمة", "وحدة", "بجدة", "الجدة", "عملة"])
def test_a_written_ta_marbuta_is_meant_where_the_heh_spelling_is_another_word(word):
    assert marbuta.dots_meant(query_word(analyze(word)[0], True).forms)


@pytest.mark.parametrize("word", [
    "غزة", "مصراتة",   # the ه-spelling is the word undotted
    "هذة", "منة",      # the ة-spelling is the ه-word with stray dots
])
def test_a_written_ta_marbuta_is_not_meant(word):
    assert not marbuta.dots_meant(query_word(analyze(word)[0], True).forms)


def test_the_index_holds_a_word_written_with_ta_marbuta_with_it_too():
    fields = analysed_fields("بجدة جده غزه")
    assert fields[m.VARIANTS].split() == ["بجدة"] and "جدة" in fields[m.READINGS].split()
    assert "جده" in fields[m.NORM].split() and "ة" not in fields[m.NORM]
    assert {"جدة", "=جدة"} <= set(title_terms("قصة جدة").split())
    assert not {"جدة", "=جدة"} & set(title_terms("قصة جده").split())


def _tier_pair(query: str, written: str, tier: str) -> tuple[bool, bool]:
    """(the tier's clause matches the passage word's index terms, its check accepts it)."""
    q = query_word(analyze(query)[0], True)
    forms = analyze(written)[0].forms
    fields = {name: set(terms.split()) for name, terms in analysed_fields(written).items()}
    asked = [(field, set(values if isinstance(values, list) else [values]))
             for clause in tiers.BY_NAME[tier].clauses(q)
             for kind in ("term", "terms") if kind in clause
             for field, values in clause[kind].items()]
    return (any(values & fields[field] for field, values in asked),
            tiers.BY_NAME[tier].check(q, forms) is not None)


@pytest.mark.parametrize(("query", "written", "tier", "found"), [
    ("جدة", "جدة", tiers.NORMALIZED, True), ("جدة", "جده", tiers.NORMALIZED, False),
    ("جدة", "بجدة", tiers.CLITIC, True), ("جدة", "بجده", tiers.CLITIC, False),
    ("جدة", "الجدة", tiers.CLITIC, True), ("جدة", "وجده", tiers.CLITIC, False),
    ("جدة", "والجده", tiers.CLITIC, True),  # the article takes no pronoun: الجدة undotted
    ("بجدة", "جدة", tiers.CLITIC, True), ("بجدة", "جده", tiers.CLITIC, False),
    ("جده", "جدة", tiers.NORMALIZED, True), ("جده", "بجدة", tiers.CLITIC, True),
    ("غزة", "غزه", tiers.NORMALIZED, True), ("صديقة", "صديقه", tiers.NORMALIZED, False),
    ("والدة", "والده", tiers.NORMALIZED, False),  # "mother" is not "his father"
    # with the article a final ه is no pronoun: الناصره is الناصرة undotted (Nazareth)
    ("الناصرة", "الناصره", tiers.NORMALIZED, True), ("الناصرة", "ناصره", tiers.CLITIC, False),
    ("ناصرة", "الناصره", tiers.CLITIC, True), ("ناصرة", "بالناصره", tiers.CLITIC, True),
    ("ناصرة", "وناصره", tiers.CLITIC, False),
])
def test_the_clause_and_the_check_agree_on_the_dotted_forms(query, written, tier, found):
    assert _tier_pair(query, written, tier) == (found, found)


def test_an_ordinary_word_in_ta_marbuta_is_not_the_word_with_his(es_client, es_url, tmp_path):
    bodies = {"mercy": "نزلت رحمة الله على العباد.", "on-him": "توفي الشيخ رحمه الله أمس.",
              "friend": "التقت صديقة الطفولة في المدينة.", "his-friend": "التقى صديقه في المدينة.",
              "gaza": "وصلت القافلة إلى غزه."}
    docs = [{"id": key, "title": "", "body": body} for key, body in bodies.items()]
    docs += [{"id": "titled", "title": "رحمة الأمهات", "body": "قصة قصيرة عن الوفاء."},
             {"id": "titled-on-him", "title": "الشيخ رحمه الله", "body": "قصة قصيرة عن الوفاء."}]
    client = indexed_client(es_client, es_url, tmp_path, "dotted", docs)

    def found(query: str) -> dict[str, dict]:
        return {hit["id"]: matches_by_text(hit) for hit in api_search(client, q=query)["hits"]}

    assert set(found("رحمة")) == {"mercy", "titled"}  # not رحمه "had mercy on him"
    assert {"mercy", "on-him", "titled", "titled-on-him"} <= set(found("رحمه"))  # may be رحمة undotted
    friend = found("صديقة")
    assert list(friend)[0] == "friend" and friend["friend"]["صديقة"]["how"] == "exact"
    # صديقه "his friend" shares the light stem, and says so; it is not the word normalized
    assert "his-friend" not in friend or friend["his-friend"]["صديقه"]["how"] == "stem"
    assert "gaza" in found("غزة")  # غزه is Gaza undotted


def test_a_quoted_phrase_holds_the_word_as_written_with_its_ta_marbuta(es_client, es_url, tmp_path):
    bodies = {"mercy": "وسعت رحمة الله كل شيء.", "on-him": "توفي الشيخ رحمه الله وبر رحم أمه."}
    client = indexed_client(es_client, es_url, tmp_path, "dotted-phrase",
                            [{"id": key, "title": "", "body": body} for key, body in bodies.items()])
    # norm cannot tell رحمة الله from رحمه الله ("God have mercy on him"), and الله and رحم
    # (a sound-alike of رحمة) let the passage in
    assert {hit["id"] for hit in api_search(client, q='"رحمة الله"')["hits"]} == {"mercy"}
    assert {hit["id"] for hit in api_search(client, q='"رحمه الله"')["hits"]} == {"mercy", "on-him"}


@pytest.mark.parametrize(("query", "written"), [
    ("صلاح", "الصلاة"),   # "the prayer": 0.91 beside حافظ, ح and ه being near
    ("سريح", "الأسرية"),  # "the family's", 0.8 before
    ("فلاح", "فلاة"),
])
def test_a_dotted_feminine_ending_spells_no_word_ending_in_another_consonant(query, written):
    one, other = analyze(query)[0], analyze(written)[0]
    assert marbuta.ending_apart(one.exact, other.dotted)
    assert names.confidence(one, other) == 0.0
    assert names.confidence(one, other, weigh_common=False) == 0.0  # beside a name too


@pytest.mark.parametrize(("query", "written"), [
    ("فاطمه", "فاطمة"), ("غزه", "غزة"), ("خضراء", "خضرة"), ("مصراته", "مصراتة"),
])
def test_a_feminine_ending_still_meets_its_other_spellings(query, written):
    one, other = analyze(query)[0], analyze(written)[0]
    assert not marbuta.ending_apart(one.exact, other.dotted)
    assert names.confidence(one, other, weigh_common=False) >= 0.9
