"""The HTML pages: ``GET /?q=...`` (results, facets, paging) and ``GET /doc/<id>?q=...``
(one whole document with every match).  Rendered on the server: no JS needed."""
from __future__ import annotations

import math

from flask import Blueprint, render_template, request, url_for

from arabic_search.normalize import exact_form

from . import document, params, wording
from .elastic import allow_partial, get_alias, get_client
from .errors import ServiceError
from .search import search

bp = Blueprint("web", __name__)

PAGE_LINKS = 5  # page numbers shown either side of the current one
MIN_CHIPS = 2  # one spelling alone is no choice: chips only from two on (or when narrowed)
SIZE_CHOICES = (10, 20, 50)
FORM_KEYS = ("q", "size", "fuzzy", "source", "date_from", "date_to")


def _pages(wanted: params.SearchParams, total: int) -> dict:
    last = max(1, min(math.ceil(total / wanted.size), params.RESULT_WINDOW // wanted.size))
    low, high = max(1, wanted.page - PAGE_LINKS), min(last, wanted.page + PAGE_LINKS)

    def link(page: int) -> str:
        return url_for("web.index", **wanted.query_args(page=page))

    return {
        "current": wanted.page, "last": last, "beyond": wanted.page > last,
        "first_link": link(1), "last_link": link(last),
        "prev": link(min(wanted.page - 1, last)) if wanted.page > 1 else None,
        "next": link(wanted.page + 1) if wanted.page < last else None,
        "numbers": [(page, link(page)) for page in range(low, high + 1)],
    }


def _facet_links(wanted: params.SearchParams, facets: dict) -> dict:
    """Each facet value with the URL that filters on it (or removes the filter if active)."""
    def year_range(year: str) -> tuple[str, str]:
        return f"{year}-01-01", f"{year}-12-31"

    sources = [{**item, "active": item["value"] == wanted.source,
                "link": url_for("web.index", **wanted.query_args(
                    page=1, source=None if item["value"] == wanted.source else item["value"]))}
               for item in facets.get("sources", [])]
    years = []
    for item in facets.get("years", []):
        low, high = year_range(item["value"])
        active = (wanted.date_from, wanted.date_to) == (low, high)
        years.append({**item, "active": active, "link": url_for("web.index", **wanted.query_args(
            page=1, date_from=None if active else low, date_to=None if active else high))})
    return {"sources": sources, "years": years}


def _form() -> dict:
    """The search form as the user filled it in (shown again above results or an error)."""
    return {key: request.args.get(key, "") for key in FORM_KEYS}


def error_page(failure: ServiceError) -> str:
    """The page for a failure; called only by the error boundary (``errors.register``).
    The Arabic sentence comes from ``wording.error_text``; the English detail stays apart."""
    return render_template("index.html", form=_form(), result=None, error=failure)


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


@bp.get("/")
def index():
    form = _form()
    context = {"form": form, "result": None}
    if not form["q"].strip():
        return render_template("index.html", error=None, **context)
    wanted = params.search_params(request.args)  # failures go to errors.py, then error_page
    result = search(get_client(), get_alias(), wanted, allow_partial=allow_partial())
    suggestions = [(text, url_for("web.index", **wanted.query_args(q=text, page=1, spelling=None)))
                   for text in result["suggestions"]]
    doc_args = {key: value for key, value in wanted.query_args().items() if key in ("q", "fuzzy")}
    # no document holds the whole name: each word alone is one click away
    word_links = [(word, url_for("web.index", **wanted.query_args(q=word, page=1, spelling=None)))
                  for word in result["required_words"]] if not result["total"] else []
    return render_template("index.html", error=None, **{**context, "result": result},
                           pages=_pages(wanted, result["total"]) if result["total"] else None,
                           facets=_facet_links(wanted, result.get("facets", {})),
                           suggestions=suggestions, doc_args=doc_args, word_links=word_links,
                           spelling_chips=_spelling_chips(wanted, result.get("spellings", [])))


@bp.get("/doc/<path:doc_id>")
def document_page(doc_id: str):
    wanted = document.document_params(doc_id, request.args)  # failures: errors.py, error_page
    doc = document.document(get_client(), get_alias(), wanted)
    first, total = 1, doc["match_count"]
    for passage in doc["passages"]:
        passage["anchored"] = wording.anchored_highlight(
            passage["highlight"], passage["matches"], first, total)
        passage["first_match"] = first
        first += len(passage["matches"])
    back = url_for("web.index", q=wanted.q) if wanted.q else url_for("web.index")
    return render_template("doc.html", error=None, doc=doc, back=back, form=_form())


def size_choices(current: str | None) -> list[int]:
    """The page-size menu: the usual sizes, plus the one in the URL if it is another valid one."""
    choices = set(SIZE_CHOICES)
    if current and current.strip().isdigit() and 1 <= int(current) <= params.MAX_SIZE:
        choices.add(int(current))
    return sorted(choices)


@bp.app_context_processor
def _template_helpers() -> dict:
    """Wording helpers for every template (the error pages of errors.py included)."""
    return {"count_noun": wording.count_noun, "noun_form": wording.noun_form, "nouns": wording,
            "how_label": wording.how_label, "error_text": wording.error_text,
            "size_choices": size_choices}
