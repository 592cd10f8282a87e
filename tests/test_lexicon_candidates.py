"""Which lexicon candidates a name query looks at, when more share its keys than it keeps.

An Arabic word's name keys are short (الزواري: LSR and SR) and, on a real corpus, find
hundreds of words (964 on the 600 MSA documents) of which ``MAX_CANDIDATES`` are kept.
All scored alike, the kept ones were whichever the index held first: another build of
the same documents, or another shard count, kept others.  Now ties go by the word, so
the same candidates come back from any index of the same words.
"""
from __future__ import annotations

import json

from arabic_search.analysis import analyze
from arabic_search.lexicon import candidate_words, candidates_request
from indexer.load import index_paths

QUERY = "الزواري"
# Words sharing a name key with الزواري, and a few that do not.
WORDS = ("السواري الأسواري الزوار السراري السياري الذراري الزراعي الزوراء الزيارة الزواري "
         "السوري الصور الثوار الزائر الأسرار السير الصورة السرور العصور السيارة السارية "
         "السرايا الأسرى الساري الأسير السر السري الجواري الحواري الإداري").split()
KEPT = 6  # fewer than the words sharing a key: which are kept is what is tested


def _index(es_client, folder, alias: str, words: list[str], shards: int) -> None:
    lines = [json.dumps({"id": f"w{number}", "title": "", "body": f"ذكر {word} هنا."},
                        ensure_ascii=False) for number, word in enumerate(words)]
    (folder / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert index_paths(es_client, alias, [folder], shards=shards).documents == len(words)


def _kept(es_client, alias: str) -> list[str]:
    body = {**candidates_request(analyze(QUERY)[0]), "size": KEPT}
    return [word.exact for word in candidate_words(es_client.search(index=alias, body=body).body)]


def test_the_same_candidates_come_back_whatever_the_order_and_shards(es_client, unique_alias,
                                                                      tmp_path):
    sharing = [word for word in WORDS
               if set(analyze(word)[0].keys) & set(analyze(QUERY)[0].keys)]
    assert len(sharing) > 2 * KEPT  # the test means something only if some are left out
    one, three = f"{unique_alias}-one", f"{unique_alias}-three"
    (tmp_path / "one").mkdir()
    (tmp_path / "three").mkdir()
    _index(es_client, tmp_path / "one", one, WORDS, shards=1)
    _index(es_client, tmp_path / "three", three, list(reversed(WORDS)), shards=3)
    kept = _kept(es_client, one)
    assert kept == _kept(es_client, three)
    # the best scored first, and among equal scores (most of them) the first words
    body = {**candidates_request(analyze(QUERY)[0]), "size": len(WORDS), "track_scores": True}
    hits = es_client.search(index=three, body=body).body["hits"]["hits"]
    scored = sorted((-hit["_score"], hit["fields"]["word"][0]) for hit in hits)
    assert kept == [word for _, word in scored[:KEPT]]
    assert len({score for score, _ in scored[:KEPT + 1]}) < KEPT  # ties were decided
