"""Arabic wording and markup helpers of the HTML pages (pure functions, no Flask).

Arabic counted nouns change form with the number: 1 مستند, 2 مستندان, 3–10
مستندات, 11–99 مستندًا, and 100, 101, 102… go back to the singular.  Error
messages are Arabic sentences; the service's English detail is shown apart,
marked ``lang="en" dir="ltr"``, never mixed into the Arabic sentence.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from arabic_search.names import SURE_CONFIDENCE

# (singular, dual, plural 3-10, accusative singular 11-99)
DOCUMENTS = ("مستند", "مستندان", "مستندات", "مستندًا")
MATCHES = ("مطابقة", "مطابقتان", "مطابقات", "مطابقةً")
PASSAGES = ("مقطع", "مقطعان", "مقاطع", "مقطعًا")
FEW_LOW, FEW_HIGH, MANY_HIGH = 3, 10, 99
HUNDRED = 100

# How a word matched, in Arabic, next to the API's English code.
HOW_LABELS = {
    "exact": "مطابق",
    "normalized": "مطابق بعد التوحيد",
    "clitic": "سابقة",
    "stem": "جذر",
    "split": "كلمة ملتصقة",
    "fuzzy": "تقريبي",
    "translit": "نقل حرفي",
    "exonym": "اسم مترجم",
}
# Matches below this confidence (0-1, when given) read as a possible other spelling.  The
# matcher accepts name spellings from 0.75 (names.MIN_CONFIDENCE; 0.8 for a word asked alone,
# names.LONE_CONFIDENCE); up to 0.9 is the weak band.
WEAK_CONFIDENCE = SURE_CONFIDENCE
WEAK_LABEL = "تهجئة أخرى؟"
# A spelling that counts only beside the rest of the name (matches[].beside).
BESIDE_LABEL = "تهجئة أخرى؟ بجوار بقية الاسم"

ERROR_MESSAGES = {
    "elasticsearch_unavailable": "محرك البحث غير متاح حاليًا، حاول لاحقًا.",
    "index_missing": "لم يُنشأ فهرس البحث بعد. أنشئه بفهرسة المستندات "
                     "(‎make run‎ أو ‎python -m indexer seeds/‎) ثم أعد البحث.",
    "document_not_found": "لا يوجد مستند بهذا المعرّف.",
    "not_found": "الصفحة غير موجودة.",
    "query_too_long": "نص البحث أطول من المسموح.",
    "too_many_words": "كلمات البحث أكثر من المسموح.",
    "missing_query": "اكتب كلمة للبحث.",
}
BAD_REQUEST = "طلب غير صالح."
OTHER_ERROR = "حدث خطأ في الخدمة."


def count_noun(count: int, forms: tuple[str, str, str, str]) -> str:
    """``count`` followed by the right form of the noun: ``4 مستندات``."""
    return f"{count} {noun_form(count, forms)}"


def noun_form(count: int, forms: tuple[str, str, str, str]) -> str:
    """The form of a counted noun that agrees with ``count`` (Arabic number agreement)."""
    one, two, few, many = forms
    rest = count % HUNDRED
    if count == 0 or FEW_LOW <= rest <= FEW_HIGH:
        word = few
    elif count == 1:
        word = one
    elif count == 2:
        word = two
    elif FEW_HIGH < rest <= MANY_HIGH:
        word = many
    else:  # 100, 101, 102, 200...
        word = one
    return word


def error_text(status: int, code: str) -> str:
    """The Arabic sentence for an error (its English detail is shown separately)."""
    if code in ERROR_MESSAGES:
        return ERROR_MESSAGES[code]
    return BAD_REQUEST if 400 <= status < 500 else OTHER_ERROR


def how_label(match: dict) -> str:
    """Arabic label of a match; weak ones (low confidence) read as 'another spelling?'."""
    confidence = match.get("confidence")
    if match.get("beside"):
        return BESIDE_LABEL
    if isinstance(confidence, (int, float)) and confidence < WEAK_CONFIDENCE:
        return WEAK_LABEL
    return HOW_LABELS.get(match.get("how", ""), match.get("how", ""))


def anchored_highlight(highlight: str, matches: list[dict], first: int, total: int) -> Markup:
    """The passage's highlight with every <mark> numbered (``id="match-N"``) and followed by
    a link to the next match (the last one to the first), so matches can be walked without JS.

    ``highlight`` comes from ``matching.explain_passage``: escaped text whose only tags are
    one <mark>...</mark> per entry of ``matches``, in the same order.
    """
    pieces = highlight.split("<mark>")
    if len(pieces) != len(matches) + 1:  # not the expected shape: show it unnumbered
        return Markup(highlight)
    out = [pieces[0]]
    for offset, (match, piece) in enumerate(zip(matches, pieces[1:])):
        number = first + offset
        following = number + 1 if number < total else 1
        label = f"{how_label(match)} ({match.get('how', '')}) ← {match.get('query', '')}"
        link = (f'</mark><a class="next-match" href="#match-{following}" '
                f'aria-label="المطابقة التالية">{number}</a>')
        out.append(f'<mark id="match-{number}" class="how-{escape(match.get("how", ""))}"'
                   f' title="{escape(label)}">' + piece.replace("</mark>", link, 1))
    return Markup("".join(out))
