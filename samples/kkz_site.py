"""An institution's KKZ pages: a paginated list of courses and one page per course.

The list names each course the way schools' KKZ pages do, "<zawód> – <KOD> <nazwa
kwalifikacji>"; a course page gives the details half in a definition list, half in a table, as
hand-edited CMS pages tend to.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from samples.replies import Reply, frame, html_reply, not_found

PAGE_SIZE = 10
PREFIX = "/kkz"
DL_FIELDS = [  # (label on the page, key in the data file)
    ("Rodzaj", "kind_label"),
    ("Zawód", "occupation"),
    ("Termin rozpoczęcia", "start"),
    ("Rekrutacja do", "recruitment_until"),
    ("Miejsce", "place"),
    ("Czas trwania", "duration"),
]
TABLE_FIELDS = [("Odpłatność", "price"), ("Forma", "form"), ("Warunki", "conditions")]


def field(mapping: dict[str, Any], key: str) -> str:
    return escape(str(mapping.get(key) or ""))


def course_line(course: dict[str, Any], nbsp: bool = False) -> str:
    """ "florysta – OGR.01 Wykonywanie kompozycji florystycznych"; a short course without a
    qualification code: "spawacz – Kurs spawania metodą MAG"."""
    dash = "&nbsp;– " if nbsp else " – "
    code = f"{field(course, 'code')} " if course.get("code") else ""
    return f"{field(course, 'occupation')}{dash}{code}{field(course, 'qualification')}"


def footer(institution: dict[str, Any]) -> str:
    parts = [
        f"<strong>{field(institution, 'name')}</strong>",
        field(institution, "address"),
        f"{field(institution, 'postcode')} {field(institution, 'town')}",
        f"tel. {field(institution, 'phone')}",
        f"e-mail: {field(institution, 'email')}",
    ]
    return "<address class='instytucja'>" + "<br>".join(parts) + "</address>"


def route(sites: dict[str, dict[str, Any]], path: str, query: dict[str, str]) -> Reply:
    parts = path[len(PREFIX) :].strip("/").split("/")
    site = sites.get(parts[0])
    if site is None:
        return not_found()
    if len(parts) == 1:
        return list_page(parts[0], site, query.get("strona", "1"))
    if len(parts) == 3 and parts[1] == "kursy" and parts[2].endswith(".html"):
        return course_page(parts[0], site, parts[2].removesuffix(".html"))
    return not_found()


def list_page(slug: str, site: dict[str, Any], strona: str) -> Reply:
    courses = site.get("courses", [])
    pages = max(1, math.ceil(len(courses) / PAGE_SIZE))
    page = int(strona) if strona.isdigit() else 0
    if not 1 <= page <= pages:
        return not_found()
    chunk = courses[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    items = "\n".join(
        f"<li class='kurs'><a href='{PREFIX}/{slug}/kursy/{escape(c['slug'])}.html'>"
        f"{course_line(c, nbsp=i % 3 == 2)}</a>"
        f" <span class='termin'>(start: {escape(str(c.get('start') or 'wkrótce'))})</span></li>"
        for i, c in enumerate(chunk)
    )
    body = (
        f"<h1>{escape(str(site.get('page_title') or 'Kursy'))}</h1>"
        f"<div class='intro'><p>{escape(str(site.get('intro') or ''))}</p></div>"
        f"<ul class='lista-kursow'>\n{items}\n</ul>{pagination(slug, page, pages)}"
    )
    institution = site.get("institution", {})
    title = str(site.get("page_title") or "Kursy")
    return html_reply(
        frame(title, body, site_name=institution.get("name", ""), footer=footer(institution))
    )


def pagination(slug: str, page: int, pages: int) -> str:
    if pages == 1:
        return ""
    links = [
        f"<span class='current'>{n}</span>"
        if n == page
        else f"<a href='{PREFIX}/{slug}/?strona={n}'>{n}</a>"
        for n in range(1, pages + 1)
    ]
    if page < pages:
        links.append(f"<a class='next' href='{PREFIX}/{slug}/?strona={page + 1}'>Następna »</a>")
    return "<div class='pagination'>" + " ".join(links) + "</div>"


def document_list(documents: list[Any]) -> str:
    items = "".join(f"<li>{escape(str(doc))}</li>" for doc in documents or [])
    return f"<h2>Wymagane dokumenty</h2><ul class='dokumenty'>{items}</ul>" if items else ""


def course_page(slug: str, site: dict[str, Any], course_slug: str) -> Reply:
    course = next((c for c in site.get("courses", []) if c.get("slug") == course_slug), None)
    if course is None:
        return not_found("Nie znaleziono kursu.")
    dl = "".join(
        f"<dt>{label}:</dt><dd>{escape(str(course[key]))}</dd>"
        for label, key in DL_FIELDS
        if course.get(key) not in (None, "")
    )
    table = "".join(
        f"<tr><td><strong>{label}:</strong></td><td>{escape(str(course[key]))}</td></tr>"
        for label, key in TABLE_FIELDS
        if course.get(key) not in (None, "")
    )
    body = (
        f"<p class='breadcrumbs'><a href='{PREFIX}/{slug}/'>Kursy</a> › {field(course, 'slug')}</p>"
        f"<article class='kurs-szczegoly'><h1>{course_line(course)}</h1>"
        f"<dl class='szczegoly'>{dl}</dl><table class='info'>{table}</table>"
        f"<div class='opis'><h2>Opis kursu</h2><p>{field(course, 'description')}</p></div>"
        f"{document_list(course.get('documents') or [])}</article>"
    )
    institution = site.get("institution", {})
    title = " ".join(str(course.get(k) or "") for k in ("code", "qualification")).strip()
    return html_reply(
        frame(title, body, site_name=institution.get("name", ""), footer=footer(institution))
    )
