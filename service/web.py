"""The HTML search page: ``GET /?q=...&page=N`` renders results on the server (no JS needed)."""
from __future__ import annotations

import math

from flask import Blueprint, render_template, request, url_for

from arabic_search.normalize import exact_form

from . import params
from .elastic import allow_partial, get_alias, get_client
from .errors import ServiceError
from .search import search

bp = Blueprint("web", __name__)

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
UNAVAILABLE_AR = "محرك البحث غير متاح حاليًا، حاول لاحقًا."
PAGE_LINKS = 5  # page numbers shown either side of the current one
MIN_CHIPS = 2  # one spelling alone is no choice: chips only from two on (or when narrowed)


def _pages(wanted: params.SearchParams, total: int) -> dict:
    last = max(1, min(math.ceil(total / wanted.size), params.RESULT_WINDOW // wanted.size))
    low, high = max(1, wanted.page - PAGE_LINKS), min(last, wanted.page + PAGE_LINKS)

    def link(page: int) -> str:
        return url_for("web.index", **wanted.query_args(page=page))

    return {
        "current": wanted.page, "last": last,
        "prev": link(wanted.page - 1) if wanted.page > 1 else None,
        "next": link(wanted.page + 1) if wanted.page < last else None,
        "numbers": [(page, link(page)) for page in range(low, high + 1)],
    }


def _spelling_chips(wanted: params.SearchParams, spellings: list[dict]) -> dict | None:
    """Chips for the page's _spellings.html: each links to the results narrowed to it."""
    if len(spellings) < MIN_CHIPS and not wanted.spelling:
        return None
    active = exact_form(wanted.spelling or "")
    chips = [{**row, "active": row["text"] == active,
              "link": url_for("web.index", **wanted.query_args(spelling=row["text"], page=1))}
             for row in spellings]
    all_link = url_for("web.index", **wanted.query_args(spelling=None, page=1)) if wanted.spelling else None
    return {"chips": chips, "all_link": all_link}


def _form() -> dict:
    """The search form as the user filled it in (shown again above results or an error)."""
    return {key: request.args.get(key, "") for key in
            ("q", "size", "fuzzy", "source", "date_from", "date_to")}


def error_page(failure: ServiceError) -> str:
    """The page for a failure; called only by the error boundary (``errors.register``)."""
    if failure.status == 503:
        failure = ServiceError(503, failure.code, f"{UNAVAILABLE_AR} ({failure.message})")
    return render_template("index.html", form=_form(), result=None, error=failure)


@bp.get("/")
def index():
    form = _form()
    if not form["q"].strip():
        return render_template("index.html", form=form, result=None, error=None)
    wanted = params.search_params(request.args)  # failures go to errors.py, then error_page
    result = search(get_client(), get_alias(), wanted, allow_partial=allow_partial())
    suggestions = [(text, url_for("web.index", **wanted.query_args(q=text, page=1, spelling=None)))
                   for text in result["suggestions"]]
    return render_template("index.html", form=form, result=result, error=None,
                           pages=_pages(wanted, result["total"]) if result["total"] else None,
                           suggestions=suggestions, how_labels=HOW_LABELS,
                           spelling_chips=_spelling_chips(wanted, result.get("spellings", [])))
