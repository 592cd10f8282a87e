"""Security headers on every response, and the one rule for links to documents' sources.

The page renders text that came from indexed documents, i.e. from outside: a
Content-Security-Policy without inline script means that even a markup bug
cannot run injected JavaScript, ``frame-ancestors 'none'`` stops click-jacking,
``nosniff`` stops a JSON answer being read as HTML, and the referrer policy keeps
queries (which may name people) out of other sites' logs.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask

# No inline script or style anywhere: every script is a file under /static.
# img-src allows data: for the SVG icons of the API viewer (/api/docs).
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    "Referrer-Policy": "no-referrer",
}
LINK_SCHEMES = ("http", "https")


def safe_link(url: object) -> str | None:
    """``url`` when it is an absolute http(s) address, else None (javascript:, data:, ...).

    Documents come from outside; their ``url`` is written into an ``href``, where any
    other scheme could run script or show forged content.
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    if any(ord(char) < 0x20 or char.isspace() for char in url):
        return None
    return url


def register(app: Flask) -> None:
    """Add the headers to every response (pages, JSON, static files, errors)."""

    @app.after_request
    def add_security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.jinja_env.filters["safe_link"] = safe_link
