"""``GET /api/docs``: the OpenAPI description rendered by Swagger UI, served from the
``swagger-ui-bundle-v2`` package (no CDN; see docs/libraries-web.md for why).

The page loads the bundle's files from ``/api/docs/assets/`` and starts the viewer
from ``/static/apidocs.js``: no inline script, so it runs under the service's CSP.
"""
from __future__ import annotations

from flask import Blueprint, abort, render_template, send_from_directory
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("apidocs", __name__, url_prefix="/api/docs")

# The only bundle files the page needs; anything else under the bundle stays unserved.
ASSETS = frozenset({"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
                    "favicon-32x32.png", "favicon-16x16.png"})
ASSET_MAX_AGE = 24 * 3600  # seconds; the bundle only changes with the package version


@bp.get("")
def viewer():
    return render_template("apidocs.html")


@bp.get("/assets/<name>")
def asset(name: str):
    if name not in ASSETS:
        abort(404)
    return send_from_directory(str(swagger_ui_path), name, max_age=ASSET_MAX_AGE)
