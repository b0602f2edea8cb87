"""A site that describes its offers in schema.org JSON-LD, with an index page and a sitemap.

A page's `jsonld` in the data file is embedded as it is: an object or list is serialised,
a string is written verbatim, so the data can hold deliberately malformed blocks.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from samples.dataset import site_path
from samples.replies import Reply, frame, html_reply, not_found


def route(site: dict[str, Any], rest: str, base_url: str) -> Reply:
    if rest in ("", "index.html"):
        return index_page(site)
    if rest == "sitemap.xml":
        return sitemap(site, base_url)
    if rest.endswith(".html"):
        page = next((p for p in site.get("pages", []) if p.get("slug") == rest[:-5]), None)
        if page is not None:
            return offer_page(site, page)
    return not_found()


def page_url(site: dict[str, Any], page: dict[str, Any]) -> str:
    return f"/{site_path(site)}/{page['slug']}.html"


def page_title(page: dict[str, Any]) -> str:
    jsonld = page.get("jsonld")
    if isinstance(jsonld, dict) and isinstance(jsonld.get("name"), str):
        return jsonld["name"]
    return str(page["slug"]).replace("-", " ").capitalize()


def index_page(site: dict[str, Any]) -> Reply:
    info = site["site"]
    links = "".join(
        f"<li><a href='{escape(page_url(site, p))}'>{escape(page_title(p))}</a></li>"
        for p in site.get("pages", [])
    )
    body = (
        f"<h1>{escape(str(info.get('name', '')))}</h1>"
        f"<p class='lead'>{escape(str(info.get('description') or ''))}</p>"
        f"<ul class='oferta'>{links}</ul>"
    )
    return html_reply(frame("Oferta", body, site_name=str(info.get("name", ""))))


def script_text(jsonld: Any) -> str:
    text = jsonld if isinstance(jsonld, str) else json.dumps(jsonld, ensure_ascii=False, indent=1)
    return text.replace("</", "<\\/")  # a "</script>" inside a string must not end the block


def offer_page(site: dict[str, Any], page: dict[str, Any]) -> Reply:
    jsonld = page.get("jsonld")
    description = jsonld.get("description", "") if isinstance(jsonld, dict) else ""
    head = f'<script type="application/ld+json">\n{script_text(jsonld)}\n</script>'
    body = (
        f"<article><h1>{escape(page_title(page))}</h1>"
        f"<div class='opis'>{escape(str(description or ''))}</div>"
        f"<p><a href='/{escape(site_path(site))}/'>« wróć do oferty</a></p></article>"
    )
    name = str(site["site"].get("name", ""))
    return html_reply(frame(page_title(page), body, site_name=name, head=head))


def sitemap(site: dict[str, Any], base_url: str) -> Reply:
    urls = "".join(
        f"<url><loc>{escape(base_url + page_url(site, p))}</loc></url>"
        for p in site.get("pages", [])
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>\n"
    )
    return Reply(200, xml.encode("utf-8"), "application/xml; charset=utf-8")
