"""The report of ``make eval``: terminal tables and the whole of docs/quality.md, from one run.

Only what the run measured is rendered; ``complete`` says whether the run is the
full, default one that may regenerate docs/quality.md.
"""
from __future__ import annotations

import time
from pathlib import Path

import common
import corpus_words
import eval_in_order
import eval_precision
import eval_topical
import noise
import querygen
import split

WORST = 15
ALL_PARTS = ("seeds", "names", "diacritics", "precision", "topical")


def complete(result: dict) -> bool:
    return (list(result["parts"]) == list(ALL_PARTS) and not result["quick"]
            and result["split"] == split.REPORT)


def summary_rows(result: dict) -> list[list]:
    rows = []
    if "seed_cases" in result:
        sc = result["seed_cases"]
        rows.append(["seed cases (every spelling highlighted)", sc["total"], f"{sc['passed']}/{sc['total']} pass",
                     sc["errors"]])
    if "latin_arabic" in result:
        la, av = result["latin_arabic"], result["arabic_variants"]
        rows += [["Latin -> Arabic recall@1", la["queries"], f"{la['recall@1']:.3f}", la["errors"]],
                 ["Latin -> Arabic recall@5", la["queries"], f"{la['recall@5']:.3f}", ""],
                 ["Latin -> Arabic MRR", la["queries"], f"{la['mrr']:.3f}", ""],
                 ["Arabic -> Arabic variants recall@5", av["queries"], f"{av['recall@5']:.3f}", av["errors"]],
                 ["Arabic -> Arabic variants, all others in top 5", av["queries"], f"{av['all_found']:.3f}", ""]]
    if "diacritics" in result:
        dc = result["diacritics"]
        rows.append(["diacritized == plain result ids", dc["queries"], f"{dc['equal']:.3f}", dc["errors"]])
    return rows


def render(result: dict) -> str:
    """Every table of the run, for the terminal."""
    out = []
    rows = summary_rows(result)
    if rows:
        out += [common.table(["check", "queries", "result", "API errors"], rows), ""]
    for key, title in (("precision", "Precision (absent names, nonsense)"),
                       ("precision_big", "Precision on all of prose.jsonl")):
        if key in result:
            out += [f"{title}:", *eval_precision.render(result[key]), ""]
    if "topical" in result:
        out += ["Topical ranking:", *eval_topical.render(result["topical"]), ""]
    seconds = ", ".join(f"{k} {v} s" for k, v in result["part_seconds"].items())
    out.append(f"split {result['split']}{', quick' if result['quick'] else ''}; wall time "
               f"{result['seconds']} s ({seconds})")
    return "\n".join(out)


def worst_sections(result: dict) -> list[str]:
    out: list[str] = []
    failing = [r for r in result["seed_cases"]["rows"] if not r["pass"]]
    if failing:
        out += ["### Seed cases that fail", "", common.table(["query", "not highlighted", "hits"], [
            [r["query"], "; ".join(r["missing"]), r["hits"]] for r in failing[:WORST]]), ""]
    la = [r for r in result["latin_arabic"]["rows"] if r["rank"] != 1]
    la.sort(key=lambda r: (r["rank"] is not None, r["rank"] or 0, r["latin"]))
    if la:
        out += [f"### Latin -> Arabic: {WORST} worst (no relevant hit in the top 5 first)", "",
                common.table(["Latin query", "Arabic spellings", "rank of first relevant"], [
                    [r["latin"], "، ".join(r["arabic"]), r["rank"] or "not in top 5"] for r in la[:WORST]]), ""]
    av = sorted((r for r in result["arabic_variants"]["rows"] if r["recall"] < 1),
                key=lambda r: (r["recall"], r["latin"]))
    if av:
        out += [f"### Arabic -> Arabic variants: {WORST} worst", "",
                common.table(["Latin name", "query spelling", "other spellings", "found in top 5"], [
                    [r["latin"], r["query"], r["others"], r["found"]] for r in av[:WORST]]), ""]
    dc = sorted((r for r in result["diacritics"]["rows"] if not r["equal"]),
                key=lambda r: (r["jaccard"], r["plain"]))
    if dc:
        out += [f"### Diacritized vs plain: {WORST} worst (lowest overlap of result ids)", "",
                common.table(["diacritized query", "plain query", "id overlap (Jaccard)"], [
                    [r["diacritized"], r["plain"], r["jaccard"]] for r in dc[:WORST]]), ""]
    return out + eval_precision.examples(result["precision"]) + eval_topical.examples(result["topical"])


def split_section(result: dict) -> list[str]:
    return ["## Tune / report split", "",
            f"Every item is assigned to a **tuning** or a **report** half by `bench/split.py`: "
            f"`is_tuning(key)` is true when the first {split.DIGEST_BYTES} bytes of the SHA-256 of the "
            f"key (whitespace-normalized) modulo {split.PERCENT} are below {split.TUNE_PERCENT}. The key "
            "is the Latin name (names_dev.tsv: Latin -> Arabic, variants, absent names), the document body "
            "(topical targets), the plain line (diacritized_dev.tsv) or the generated string (nonsense). "
            "It depends on nothing else, so the halves never move between runs or machines. "
            "Tune on `--split tune`; the figures in this file are for the **"
            f"{result['split']}** half. Seed cases are a fixed floor and are not split. Corpora "
            "(the documents searched) are never split: only the queries and their targets are.", ""]


def precision_section(result: dict) -> list[str]:
    out = ["## A. Precision: names the corpus does not contain (issue 9)", "",
           *eval_precision.render(result["precision"]), ""]
    if "precision_big" in result:
        out += ["Same on all of prose.jsonl (`--big`):", "", *eval_precision.render(result["precision_big"]), ""]
    out += ["Definitions: a name of names_dev.tsv (any kind, Latin name in the split) is **absent** when "
            "no word of its Latin form and no word of any of its Arabic spellings occurs in any document, "
            "comparing light-normalized forms (`bench/arabic_text.py`: vowel marks and tatweel removed, "
            "أ/إ/آ/ٱ -> ا, ى -> ي, ة -> ه, case folded) and reading the clitics Arabic glues on "
            "(`bench/corpus_words.py`): a word occurs when a document holds it with or without the "
            "article (المدروسة holds مدروسة, خيضر holds الخيضر), behind و ف ب ك ل when it has at least "
            f"{corpus_words.MIN_CLITIC_BASE} letters (بإسبانيا holds اسبانيا; فوزا does not hold وزا), or "
            "as two words or one (عبد الحميد holds عبدالحميد); until 2026-11-30 only whole words counted, "
            "and names present so were asked as absent. Plain stock `match` then finds nothing. A "
            "fixed-seed sample of absent names is asked once in Latin and once in one of its Arabic "
            "spellings. **Partly present** names (a smaller sample): the name does not occur as a word "
            "sequence in any document, in Latin or in any spelling, but one of its words does (محمد of "
            "محمد زروق); a document sharing one word with the name is still not about that person. "
            "Nonsense: random strings of "
            f"{querygen.NONSENSE_WORDS[0]}-{querygen.NONSENSE_WORDS[1]} words of "
            f"{querygen.NONSENSE_LETTERS[0]}-{querygen.NONSENSE_LETTERS[1]} letters (a-z; the 28 Arabic "
            "letters), fixed seed, kept only when absent too. Every document returned is junk. "
            "**any** = share of queries returning at least one document; **junk@10** = mean number of "
            "documents in the top 10. The service is asked `GET /api/search?q=..&size=10` (fuzzy on, its "
            "default); stock ES gets `multi_match` over `title` and `body` (`standard` analyzer, BM25), "
            "plain or with `fuzziness: AUTO`, on the same documents. The third baseline emulates Lucene's "
            "`arabic` analyzer (normalization + light stemmer, no stop words), which the core-only server "
            "does not ship: text and queries are analysed in Python and indexed with `whitespace`.", "",
            "Names in order (`--big` only: prose_msa.jsonl holds too few names of several words twice): "
            "Arabic spellings of 2-4 words of names_dev.tsv that prose.jsonl holds in order in at least "
            f"{eval_in_order.MIN_HOLDERS} documents and apart in another, each asked as written and by its "
            "Latin name. **in order@10** = documents of the top 10 holding the name in order (the first "
            "word with a clitic or the article or not; for the Latin query, any of that name's Arabic "
            "spellings) over min(10, documents holding it); **apart@10** = top-10 documents that do not. "
            "Words compare as above except that ى stays ى (على, \"on\", is no spelling of علي, Ali).", ""]
    return out


def topical_section(result: dict) -> list[str]:
    return ["## B. Topical ranking: one known target per query (issue 10)", "",
            *eval_topical.render(result["topical"]), "",
            "Definitions: the corpus is prose_msa.jsonl plus a fixed-seed sample of the rest of "
            "prose.jsonl, each document with an `id` we assign (the service collapses passages and returns "
            "one hit per document id; stock ES indexes one document per id). Targets are documents of the "
            "split, in a fixed-seed order. **headline**: the title as the query (titles found, normalized, "
            f"in more than one document, shorter than {eval_topical.MIN_HEADLINE_WORDS} words or over the "
            "limits are skipped). **distinctive**: "
            f"{querygen.DISTINCTIVE_WORDS[0]}-{querygen.DISTINCTIVE_WORDS[1]} of the rarest words "
            f"(document frequency <= {querygen.RARE_MAX_DF}, >= {querygen.MIN_CONTENT_LETTERS} letters) "
            "of one sentence, in sentence order. **noisy**: the distinctive queries with spelling noise "
            f"(`bench/noise.py`: on about {noise.NOISE_RATE:.0%} of the words, at least one, one of: أ/إ/آ "
            "-> ا, ة<->ه or ى<->ي at the end, a clitic و/ب/ل/ال added or removed, 1-2 vowel marks, a "
            "tatweel). **rare+common**: one rare word of the target and two of the corpus's "
            f"{querygen.COMMON_TOP} most common words that the target contains, shuffled. Every query "
            f"respects the service's limits ({querygen.MAX_QUERY_WORDS} words, {querygen.MAX_QUERY_CHARS} "
            "characters). R@k = share of queries whose target is in the top k; MRR@10 = mean of 1/rank "
            "(0 beyond 10). Latency p50: the service in-process (Flask test client: analysis, ES "
            "round trip, highlighting), stock ES as one `search` round trip from Python.", ""]


def names_definitions(result: dict) -> str:
    la = result["latin_arabic"]
    return ("Definitions: seed cases pass when every listed spelling is a `<mark>`ed word of the "
            "highlights (top 10 hits). Latin -> Arabic: rows of kind `translit` whose Latin name is in the "
            f"split ({la['sample'] or 'all'} rows sampled with a fixed seed, plus every other spelling of "
            f"the sampled Latin names); one document per distinct Arabic spelling ({la['documents']} "
            f"documents) in the sentence `{la['sentence']}`; each Latin name is queried with `size=5`; a "
            "document is relevant when its spelling is one of that Latin name's Arabic spellings; recall@k "
            "is the share of queries with a relevant document in the top k, MRR uses the first relevant "
            "one. Variants: each spelling of a Latin name with at least two spellings is queried on the "
            "same index; recall@5 is the share of the other spellings found in the top 5 (at most 4 "
            f"counted). Diacritized vs plain: {result['diacritized_sample']} sampled rows of the split; "
            "plain lines are the documents; the share of queries whose vowelled first three words return "
            "exactly the ids (and order) of the plain first three words.")


def write_markdown(result: dict, path: Path) -> None:
    seconds = ", ".join(f"{k} {v} s" for k, v in result["part_seconds"].items())
    text = ["# Search quality", "",
            f"Generated by `make eval` (`bench/eval.py`) on {time.strftime('%Y-%m-%d')}, Elasticsearch "
            f"{result['es_version']}, through the service API (Flask app in-process), side by side with "
            f"stock Elasticsearch on the same documents and queries; wall time {result['seconds']} s "
            f"({seconds}). Do not edit by hand: rerun.", "",
            "## Names, variants, diacritics", "",
            common.table(["check", "queries", "result", "API errors"], summary_rows(result)), "",
            names_definitions(result), "",
            *precision_section(result), *topical_section(result), *split_section(result),
            "## Reproduce", "",
            "* `make eval` — everything above (about the wall time above; regenerates this file);",
            "* `make eval EVAL_ARGS=--quick` — smaller samples (names 500, diacritized 100, 100 absent "
            "names + 50 nonsense, 100 topical queries per type on 1,600 documents); never rewrites this file;",
            "* `EVAL_ARGS='--parts precision,topical'` — only some parts (`seeds,names,diacritics,"
            "precision,topical`); `--split tune` — the tuning half; `--big` — precision also on all of "
            "prose.jsonl (36k documents; its indices `eval-big-*` are kept and rebuilt only when the "
            "corpus, the ES version or the indexing code changed); `--full` — all translit names;",
            "* sample sizes: `--names`, `--diacritized`, `--precision-names`, `--nonsense`, "
            "`--topical-queries`, `--topical-docs`.", "",
            "Raw figures and every query are in `bench/results/eval-*.json` (not committed).", "",
            "## Worst cases", "", *worst_sections(result)]
    path.write_text("\n".join(text).rstrip() + "\n", encoding="utf-8")
