"""Pure tests of the tiers, the matcher and the query builder (no Elasticsearch).

The lexicon look-up is done in Python over the text's own words
(``QueryPlan.with_words_of``), exactly as Elasticsearch would find candidates.
"""
from __future__ import annotations

import csv
import json

import pytest

from arabic_search import beside, tiers, titles
from arabic_search.analysis import analyze, word_forms
from arabic_search.documents import title_terms
from arabic_search.matching import explain_passage
from arabic_search.plan import plan_query
from arabic_search.query import search_body
from conftest import SEEDS

SEED = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")


def plan_for(query: str, text: str, fuzzy: bool = True):
    words = [forms for token in analyze(text) for forms in word_forms(token.text)]
    return plan_query(analyze(query), fuzzy).with_words_of(words)


def explain(query: str, text: str, fuzzy: bool = True) -> dict:
    return explain_passage(text, plan_for(query, text, fuzzy))


def how(query: str, text: str, fuzzy: bool = True) -> dict[str, str]:
    return {m["text"]: m["how"] for m in explain(query, text, fuzzy)["matches"]}


def test_every_seed_case_is_marked_in_the_seed(seed_cases_path):
    rows = list(csv.DictReader(seed_cases_path.open(encoding="utf-8"), delimiter="\t"))
    assert rows
    for row in rows:
        marked = how(row["query"], SEED)
        missing = [w for w in row["must_highlight"].split(";") if w not in marked]
        assert not missing, (row["query"], missing)


@pytest.mark.parametrize("query, text, expected", [
    ("والدهاوزر", "توماس والدهاوزر", "exact"),
    ("مُحَمَّد", "قال محمد", "exact"),          # vowel marks are optional: still exact
    ("أحمد", "قال احمد", "normalized"),        # a different alef is not
    ("فائز", "فايز السراج", "normalized"),
    ("مسؤول", "قال المسئول", "normalized"),
    ("ويليامز", "حديث لويليامز", "clitic"),
    ("الاجتماعات", "اجتماعاتهم", "stem"),
    ("Waldhauser", "توماس والدهاوسير", "translit"),
    ("والدهاوسير", "توماس والدهاوزر", "fuzzy"),
])
def test_each_way_of_matching_is_labelled(query, text, expected):
    marked = how(query, text)
    assert expected in marked.values(), marked


@pytest.mark.parametrize("query, text, found", [
    ("بطرابلس", "وصل الوفد إلى طرابلس", True),   # ب + طرابلس: the query carries a word
    ("وليبيا", "زار الوفد ليبيا", True),
    ("الحمزة", "قال حمزة", True),                # the article, always
    ("كايس", "قال أيس", False),                  # Kayes, not ك + ايس
    ("فاتيك", "سوف آتيك غدا", False),             # not ف + آتيك, "I will come to you"
    ("بيندر", "قلما يندر ذلك", False),            # Bender, not ب + يندر
    # a name the name table knows better than the word it carries (known_names.named_as_written)
    ("فاخر", "في يوم آخر", False),                # Fakher, not ف + آخر "another"
    ("لبنى", "قال بني هاشم", False),              # Lubna, not ل + بني
    ("فراس", "على رأس الوفد", False),             # Firas, not ف + رأس
    ("وعلي", "قال علي", True),                   # و + علي: the commoner name
    ("لحسن", "قال حسن", True),
    # never a function word: الله is not ال + له ("to him"), وفي not و + في
    ("الله", "قال له", False),
    ("وفي", "جلس في البيت", False),
    ("الليل", "في ليل طويل", True),
    # a clitic before a name the tables know, commoner (readings.carried_name): the
    # three-letter place is no part the splitter believes, the gap under CARRIED_GAP
    ("بجدة", "وصل الوفد إلى جدة", True),
    ("بحلب", "قصف في حلب", True),
    ("وروسيا", "زار الوفد روسيا", True),
    ("كسول", "زار الوفد سول", False),              # "lazy": ك is no clitic before a name
    ("فعالية", "درجة عالية", False),               # "effectiveness", nor ف
    ("بليون", "وصل الوفد إلى ليون", False),        # "billion": as common as Lyon
    ("وجدة", "وصل الوفد إلى جدة", False),          # Oujda, itself a name
    ("بشام", "رحلة إلى الشام", False),             # rare: Bisham, a name as typed
    # a clitic before a word with its article (readings.clitic_on_article_word)
    ("بالرياض", "وصل الوفد إلى الرياض", True),
    ("والسلام", "تحقيق السلام", True),
    # ل + ال written لل: no name begins so, however rare the word (readings._behind_lam_article)
    ("للفلسطينيين", "دعم الفلسطينيين في غزة", True),
    ("وللاجئين", "عودة اللاجئين إلى ديارهم", True),
])
def test_a_query_word_is_read_without_a_clitic_only_when_it_carries_a_word(query, text, found):
    # readings.query_readings: the written word keeps every clitic reading, the query's
    # one-letter clitics come off only when what remains is a commoner word
    assert ("clitic" in how(query, text).values()) is found, how(query, text)


@pytest.mark.parametrize("query, text, found", [
    ("علي", "قال علي حسن", True),
    ("علي", "وقع الاختيار على حسن", False),        # the preposition على, not Ali
    ("علي", "وعلى حسن أن يختار", False),
    ("على", "قال علي حسن", False),
    ("موسى", "قال موسي", True),                    # a name's ى is folded as ever
])
def test_the_preposition_ala_is_not_the_name_ali(query, text, found):
    assert bool(explain(query, text)["matches"]) is found, explain(query, text)
    assert bool(explain(query, text, fuzzy=False)["matches"]) is found


@pytest.mark.parametrize("query, text, found", [
    ("ويليامز", "حديث لويليامز", True),          # four letters or more
    ("يسر", "تم ذلك بيسر", True),                 # a common short word
    ("وزا", "حقق الفريق فوزا كبيرا", False),       # the tail of another word (فوزا, "victory")
    ("نجف", "وصل الوفد إلى النجف", True),         # behind the article, any word
    ("نجف", "زار الوفد والنجف وكربلاء", True),
    ("رس", "وصل الوفد إلى الرس", True),
])
def test_a_short_rare_query_word_is_read_behind_the_article_only(query, text, found):
    # tiers._behind_clitics, in the clause and in the explanation alike
    assert ("clitic" in how(query, text, fuzzy=False).values()) is found, how(query, text)
    word = plan_for(query, text, fuzzy=False).words[0]
    written = [forms for token in analyze(text) for forms in word_forms(token.text)
               if forms.normalized.endswith(word.token.normalized)
               and forms.normalized != word.token.normalized]
    asked = {field: set(values) for clause in tiers.BY_NAME["clitic"].clauses(word)
             for kind in clause.values() for field, values in kind.items()
             for values in [values if isinstance(values, list) else [values]]}
    held = any(forms.normalized in asked.get("norm", ()) or
               not asked.get("readings", set()).isdisjoint(forms.readings) for forms in written)
    assert held is found, asked


@pytest.mark.parametrize("query, title, held", [
    ("بسه", "لبسة", False),          # a rare short word is no reading behind ل
    ("وزا", "فوزا", False),
    ("نجف", "النجف", True),          # behind the article, any word
    ("ويليامز", "لويليامز", True),    # four letters or more, behind any clitic
])
def test_a_title_holds_a_word_behind_a_clitic_as_a_passage_does(query, title, held):
    # documents.title_forms keeps the readings the clitic tier asks for (TITLE_TERMS)
    word = plan_for(query, title, fuzzy=False).words[0]
    assert titles.title_check(word, word_forms(title)[0]) is held
    assert (word.token.normalized in title_terms(title).split()) is held
    assert ("clitic" in how(query, title, fuzzy=False).values()) is held


@pytest.mark.parametrize("query, text, title, held", [
    ("Amal", "قالت أمل إن الفريق كامل", "فريق كامل", False),   # كامل read as ك + أمل: no
    ("Amal", "قالت أمل", "أمل", True),
    ("Taab", "فمن تاب منهم", "كتاب الطهارة", False),           # كتاب read as ك + تاب: no
    ("Taab", "فمن تاب منهم", "من تاب", True),                  # تاب, a guess (Taab: no table entry)
    # a spelling whose ة alone tells it from another word (marbuta.dots_tell): TITLE_TERMS
    # is normalized, so no title holds it, not even as written (the passage does)
    ("Jeddah", "وصل إلى جدة", "قهر جده هزله", False),          # "his grandfather"
    ("Gaza", "وصل إلى غزة", "أخبار غزه", True),                # غزه is Gaza misspelt
])
def test_a_title_holds_another_spelling_of_a_name_as_a_passage_does(query, text, title, held):
    """A name's other spelling is a written word (the name tiers ask EXACT): a title holds
    it as a whole word, as a passage does, not as the clitic reading of a longer word.
    Unmarked, every hadith of prose.jsonl ("كتاب ...") was found for "Tayeb" by its title
    (since Tayeb's table spellings are listed, known_names.WELL_ATTESTED, it no longer
    guesses تاب at all; Taab, which the table does not know, does)."""
    word = plan_for(query, f"{text} {title}").words[0]
    assert word.names, "the text holds a spelling of the name"
    forms = [f for token in analyze(title) for f in word_forms(token.text)]
    assert any(titles.title_check(word, f) for f in forms) is held
    assert bool(how(query, title)) is held   # a passage of the same words says the same



@pytest.mark.parametrize("query, text, found", [
    ("الاجتماعات", "اجتماعاتهم", True),        # a common word: its inflections are its own
    ("المستوطنين", "قال المستوطنون", True),     # a rarer word, a plural: grammar
    ("محمدي", "قال محمد", False),              # a rarer word's ending is part of the name
    ("التميمي", "بني تميم", False),
    ("صالحي", "قال صالح", False),
    ("أسيل", "طرح الأسئلة", False),             # أسيل, not الأسئلة (اسيل + ة)
])
def test_only_an_ordinary_word_or_a_plural_is_matched_by_its_stem(query, text, found):
    # stemmer.stems_query: on real text a rare word's stem found another name (محمد for
    # محمدي: ten documents) far more often than its own inflections
    assert ("stem" in how(query, text, fuzzy=False).values()) is found, how(query, text)


def test_name_matches_carry_their_confidence_and_written_ones_are_sure():
    matches = explain("Waldhauser", "توماس والدهاوسير والدهاوزر")["matches"]
    assert {m["how"] for m in matches} == {"translit"}
    assert all(0.75 <= m["confidence"] <= 1.0 for m in matches)
    assert explain("والدهاوزر", "توماس والدهاوزر")["matches"][0]["confidence"] == 1.0


def test_split_word_answers_both_query_words():
    matches = explain("الولايات المتحدة", "بين الولاياتالمتحدة وليبيا")["matches"]
    assert matches == [{"text": "الولاياتالمتحدة", "query": "الولايات المتحدة", "how": "split",
                        "confidence": 1.0}]


def test_highlight_marks_whole_original_words_and_escapes_the_rest():
    text = "<b>قالَ</b> لِوِيلْيامز & غيره"
    result = explain("ويليامز", text)
    assert result["highlight"] == "&lt;b&gt;قالَ&lt;/b&gt; <mark>لِوِيلْيامز</mark> &amp; غيره"
    assert result["text"] == text


def test_fuzzy_off_keeps_written_forms_and_drops_every_name_match():
    assert how("والدهاوزر", "توماس والدهاوسير") == {"والدهاوسير": "fuzzy"}
    assert how("والدهاوزر", "توماس والدهاوسير", fuzzy=False) == {}
    assert how("Waldhauser", "توماس والدهاوسير", fuzzy=False) == {}
    assert how("ويليامز", "حديث لويليامز", fuzzy=False) == {"لويليامز": "clitic"}


def test_short_names_need_near_exact_agreement():
    assert how("Ali", "قال علي على المنبر إلى") == {"علي": "translit"}
    assert how("Omar", "قال عمر") == {"عمر": "translit"}  # three letters are enough
    assert how("Aisha", "قالت عائشة") == {"عائشة": "translit"}


@pytest.mark.parametrize("query, text", [
    ("Libya", "الوب البيئة لاعب لبيع"),
    ("Phuket", "فقط الوقت"),
    ("Agadir", "القدر الجدار"),
    ("Benghazi", "بين"),
    ("US", "فائز"),
    ("Sarraj", "السارق"),
    ("السراج", "السارق"),
    ("qzxv blorft", "بالنفط"),
    ("ويليامز", "والأمني والعسكري"),
    ("الولايات المتحدة", "آليات التي"),
    ("Imane", "جاء من هنا"),            # a two-letter word is no spelling of a name
    ("Elie", "ذهب الي ل"),              # nor one letter behind the article
    ("Bain", "بين الطرفين"),            # nor a function word
    ("Kan", "كان الجو"),
    ("حمدي", "الحمد حمد"),              # a stem of three letters conflates too much
    ("ناديه", "النادي"),
])
def test_words_that_only_share_a_skeleton_are_not_matches(query, text):
    assert how(query, text) == {}


def test_latin_particles_glue_a_name_and_never_match_alone():
    assert how("Fayez al-Sarraj", "see Smith et al. for details") == {}
    assert set(how("Fayez al-Sarraj", "فايز السراج").values()) == {"translit"}


def test_tiers_are_ordered_as_promised():
    s = tiers.SCORES
    assert s["exact"] > s["normalized"] > s["clitic"] >= s["stem"] > s["split"]
    assert s["translit"] * 1.0 <= s["clitic"] and s["fuzzy"] < s["split"]


def test_every_tier_has_its_clause_and_its_check_side_by_side():
    plan = plan_for("والدهاوزر", "والدهاوسير")
    for tier in tiers.TIERS:
        assert callable(tier.clauses) and callable(tier.check) and tier.label
    assert tiers.word_clauses(plan.words[0], plan)


def test_query_body_uses_no_query_syntax_and_sends_user_text_as_terms():
    nasty = 'والدهاوزر" AND (x:y) OR * ? \\ / { } [ ] ~ ^'
    body = search_body(plan_query(analyze(nasty)), page=2, size=5)
    dumped = json.dumps(body, ensure_ascii=False)
    assert "query_string" not in dumped and "simple_query_string" not in dumped
    assert body["from"] == 5 and body["size"] == 5
    assert body["collapse"]["field"] == "doc_id"


def test_name_clauses_ask_for_the_accepted_spellings_by_name():
    on = json.dumps(search_body(plan_for("والدهاوزر", "والدهاوسير")), ensure_ascii=False)
    off = json.dumps(search_body(plan_for("والدهاوزر", "والدهاوسير", fuzzy=False)), ensure_ascii=False)
    assert "والدهاوسير" in on and "والدهاوسير" not in off
    assert '"fuzzy"' not in on  # no edit-distance query on passages: only accepted words


def _span_terms(span: dict) -> set[str]:
    return {clause["span_term"]["norm"] for clause in span["span_or"]["clauses"]}


@pytest.mark.parametrize("query", ["Jeddah Jeddah", "جدة جدة"])
def test_a_word_is_not_beside_itself(query):
    # beside._neighbours: Lucene's unordered span_near lets its two spans overlap, so a
    # form shared by two query words let one written word stand beside itself (588
    # unexplained documents of prose.jsonl for "Jeddah Jeddah")
    plan = plan_for(query, "وصل إلى جدة")
    word = plan.words[0]
    assert "جده" in plan.neighbour_forms(word)
    clause = beside.near_clause(["جده", "الجده"], word, plan)
    if clause is not None:
        first, second = clause["span_near"]["clauses"]
        assert _span_terms(first).isdisjoint(_span_terms(second))
