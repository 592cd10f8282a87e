"""Countries' first-level subdivisions in the exonym table (CLDR's subdivision names).

The build functions (scripts/exonym_subdivisions.py) are pure; the table the build wrote
is read as the service reads it; a few queries go through the real index: a state's
name finds its Arabic name, and no longer an ordinary word that only sounds like it.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from arabic_search import exonyms, known_names
from support import api_search, indexed_client, matches_by_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from exonym_subdivisions import KIND, bare_arabic, wanted  # noqa: E402


@pytest.mark.parametrize(("arabic", "english", "bare"), [
    ("ولاية معسكر", "Mascara", "معسكر"),                 # the kind before the name
    ("أمور أوبلاست", "Amur", "أمور"),                    # ... or after it
    ("أوبلاست أومسك", "Omsk", "أومسك"),
    ("منطقة التبت ذاتية الحكم", "Tibet", "التبت"),      # both
    ("المقاطعة الغربية", "Western Province", "المقاطعة الغربية"),  # the English says it too
    ("هاواي", "Hawaii", "هاواي"),
    ("النمسا السفلى", "Lower Austria", "النمسا السفلى"),
])
def test_the_kind_word_cldr_adds_to_the_arabic_is_left_out(arabic, english, bare):
    assert bare_arabic(arabic, english) == bare


@pytest.mark.parametrize(("arabic", "latin"), [
    ("أوهايو", "Ohio"), ("هاواي", "Hawaii"), ("كتالونيا", "Catalonia"), ("بنجاب", "Punjab"),
    ("لارا", "Lara"),                     # a person's name too, and the Latin word's own
    ("النمسا السفلى", "Lower Austria"),
])
def test_a_subdivision_arabic_text_writes_is_wanted(arabic, latin):
    assert wanted(arabic, latin)


@pytest.mark.parametrize(("arabic", "latin"), [
    ("فيتانيه", "Vitanje"),     # written nowhere (wordfreq): a municipality of Slovenia
    ("عدل", "Awdal"),           # "justice", far commoner than Awdal is
    ("الغربية", "Gharbia"),      # "the western": name matching finds it as spelt
    ("موريس", "Mureş"),          # Maurice, a person's name, not Mureş's
    ("بار", "Bar"),             # a short common word first
])
def test_an_ordinary_word_or_another_name_is_not(arabic, latin):
    assert not wanted(arabic, latin)


@pytest.mark.parametrize(("query", "arabic"), [
    ("Hawaii", "هاواي"), ("Ohio", "أوهايو"), ("Texas", "تكساس"), ("Bavaria", "بافاريا"),
    ("Punjab", "البنجاب"), ("Delaware", "ديلاوير"),   # a language's name too: the place stays
])
def test_the_table_names_the_subdivisions(query, arabic):
    found = [(match.kind, name.words) for match in exonyms.find_exonyms([query]) for name in match.names]
    assert (KIND, exonyms.norm_words(arabic)) in found


def test_a_city_or_country_keeps_its_name():
    """A subdivision named like a city or country is left to it: Georgia is the country
    (جورجيا either way), Rabat Morocco's الرباط, not Malta's الرابات."""
    for query in ("Georgia", "Rabat", "Buenos Aires"):
        kinds = {match.kind for match in exonyms.find_exonyms([query])}
        assert KIND not in kinds, query
    assert "الرابات" not in known_names.exonym_spellings("rabat")


DOCS = [
    {"id": "hawaii", "title": "بركان", "body": "ثار بركان في جزيرة هاواي الأمريكية أمس."},
    {"id": "hobbyists", "title": "نادي", "body": "اجتمع هواة الطوابع في النادي أمس."},
    {"id": "ohio", "title": "انتخابات", "body": "صوت الناخبون في ولاية أوهايو."},
    {"id": "is-it", "title": "سؤال", "body": "قال أهو الذي رأيته أمس؟"},
]


@pytest.fixture(scope="module")
def client(es_client, es_url, tmp_path_factory):
    return indexed_client(es_client, es_url, tmp_path_factory.mktemp("subdivisions"),
                          "subdivisions", DOCS)


@pytest.mark.parametrize(("query", "wanted_id", "written"), [
    ("Hawaii", "hawaii", "هاواي"), ("Ohio", "ohio", "أوهايو"),
])
def test_a_state_finds_its_name_and_not_a_sound_alike(client, query, wanted_id, written):
    """Hawaii found هواة ("hobbyists") and Ohio أهو ("is it?") where a corpus lacked the
    states' names; now the name is known and the sound-alikes are other words."""
    hits = api_search(client, q=query, size=10)["hits"]
    assert [hit["id"] for hit in hits] == [wanted_id]
    assert matches_by_text(hits[0])[written]["how"] == "exonym"
