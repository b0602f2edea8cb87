"""The Jinja2 environment and what every template may use (text, formats, links)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi.templating import Jinja2Templates
from starlette.requests import Request

from search.filters import BY_NAME
from web import formatting
from web.auth import csrf_field, viewer
from web.i18n import LANGUAGE_NAMES, LANGUAGES, Translator, negotiate_language
from web.seo import page_seo

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def make_templates(sample_data: bool) -> Jinja2Templates:
    def context(request: Request) -> dict[str, Any]:
        return page_globals(request, sample_data)

    templates = Jinja2Templates(directory=TEMPLATES_DIR, context_processors=[context])
    templates.env.trim_blocks = True
    templates.env.lstrip_blocks = True
    return templates


def page_globals(request: Request, sample_data: bool) -> dict[str, Any]:
    lang = negotiate_language(request)
    t = Translator(lang)
    return {
        "lang": lang,
        "languages": LANGUAGES,
        "t": t,
        "sample_data": sample_data,
        "fmt_date": lambda value: formatting.format_date(value, lang),
        "fmt_price": lambda grosze: _price(grosze, t, lang),
        "fmt_hours": lambda hours: formatting.format_hours(hours, lang),
        "label": lambda name, value: BY_NAME[name].display(value, lang) if value else "",
        "link": lambda path, **params: link(request, path, **params),
        "with_params": lambda **changes: with_params(request, **changes),
        # The switcher offers the other languages, each named in itself; the query is kept.
        "other_languages": [
            (code, LANGUAGE_NAMES[code], with_params(request, lang=code))
            for code in LANGUAGES
            if code != lang
        ],
        "http_url": http_url,
        "csrf_field": lambda: csrf_field(request),
        "viewer": viewer(request),
        # issue 14: the canonical URL and Open Graph tags of a public page (web/seo.py)
        "seo": page_seo(request),
    }


def http_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None: a link from crawled data is rendered only
    then (the normaliser checks too; this is defence in depth against `javascript:` links)."""
    cleaned = (url or "").strip()
    parts = urlsplit(cleaned)
    return cleaned if parts.scheme in ("http", "https") and parts.netloc else None


def _price(grosze: int | None, t: Translator, lang: str) -> str:
    if grosze is None:
        return t("price.unknown")
    return t("price.free") if grosze == 0 else formatting.format_price(grosze, lang)


def link(request: Request, path: str, **params: Any) -> str:
    """An internal link that keeps a language the reader chose explicitly with `?lang=`."""
    if "lang" in request.query_params:
        params.setdefault("lang", request.query_params["lang"])
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def with_params(request: Request, **changes: Any) -> str:
    """The current URL with some parameters replaced (pagination, language switch)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    items += [(k, str(v)) for k, v in changes.items() if v not in (None, "")]
    query = urlencode(items)
    return f"{request.url.path}?{query}" if query else request.url.path
