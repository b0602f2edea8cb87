"""Build the `kkz_<slug>.json` documents from the KKZ site blocks."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from crawlers.samples.content.kkz_qualifications import QUALIFICATIONS, Qualification
from crawlers.samples.content.kkz_sites import SITES, C, K

BASE_DOCUMENTS = (
    "kwestionariusz zgłoszeniowy (do pobrania w sekretariacie lub na stronie internetowej)",
    "świadectwo ukończenia szkoły – oryginał do wglądu",
    "zaświadczenie lekarskie o braku przeciwwskazań do kształcenia w zawodzie",
    "dwa zdjęcia legitymacyjne",
)
SANITARY = "orzeczenie lekarskie do celów sanitarno-epidemiologicznych"


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def outcome(code: str, qualification: Qualification, occupation: str) -> str:
    # BUD.12 is the only qualification of a murarz-tynkarz, one of two of a technik budownictwa.
    if qualification.single and occupation == qualification.occupation:
        return (
            "Po zdaniu egzaminu zawodowego słuchacz otrzymuje certyfikat kwalifikacji "
            f"zawodowej, a osoby z wymaganym wykształceniem – także dyplom zawodowy w zawodzie "
            f"{occupation}."
        )
    return (
        f"Po zdaniu egzaminu zawodowego słuchacz otrzymuje certyfikat kwalifikacji {code}, "
        "który wraz z certyfikatem drugiej kwalifikacji i wykształceniem średnim pozwala "
        f"uzyskać dyplom zawodowy w zawodzie {occupation}."
    )


def conditions(group: int, sanitary: bool) -> str:
    health = "zaświadczenie lekarskie o braku przeciwwskazań do kształcenia w zawodzie"
    if sanitary:
        health += " oraz orzeczenie do celów sanitarno-epidemiologicznych"
    return (
        f"Warunkiem utworzenia kursu jest grupa {group} uczestników. Na kurs przyjmujemy "
        "osoby pełnoletnie, które ukończyły co najmniej szkołę podstawową lub gimnazjum. "
        f"Wymagane jest {health}."
    )


def kkz_course(course: K, site: dict[str, Any], default_place: str) -> dict[str, Any]:
    qualification = QUALIFICATIONS[course.code]
    occupation = course.occupation or qualification.occupation
    description = " ".join(
        part
        for part in (
            qualification.text,
            course.extra,
            outcome(course.code, qualification, occupation),
        )
        if part
    )
    documents = list(BASE_DOCUMENTS) + ([SANITARY] if qualification.sanitary else [])
    return {
        "slug": course.slug or f"{slugify(occupation)}-{slugify(course.code).replace('-', '')}",
        "occupation": occupation,
        "code": course.code,
        "qualification": qualification.name,
        "kind_label": "Kwalifikacyjny kurs zawodowy",
        "duration": qualification.duration,
        "start": course.start,
        "recruitment_until": course.until,
        "place": course.place or default_place,
        "price": course.price,
        "form": course.form,
        "conditions": conditions(site["group"], qualification.sanitary),
        "description": description,
        "documents": documents,
    }


def short_course(course: C, default_place: str) -> dict[str, Any]:
    return {
        "slug": course.slug,
        "occupation": course.occupation,
        "code": None,
        "qualification": course.name,
        "kind_label": "Kurs",
        "duration": course.duration,
        "start": course.start,
        "recruitment_until": course.until,
        "place": course.place or default_place,
        "price": course.price,
        "form": course.form,
        "conditions": (
            f"Kurs zostanie uruchomiony po zebraniu grupy {course.group} osób. Decyduje "
            "kolejność zgłoszeń."
        ),
        "description": course.description,
        "documents": ["formularz zgłoszeniowy", "dowód wpłaty lub skierowanie z urzędu pracy"]
        if course.price != "bezpłatny"
        else ["formularz zgłoszeniowy"],
    }


def build_site(site: dict[str, Any]) -> dict[str, Any]:
    institution = site["institution"]
    default_place = f"{institution['address']}, {institution['postcode']} {institution['town']}"
    courses = [
        kkz_course(course, site, default_place)
        if isinstance(course, K)
        else short_course(course, default_place)
        for course in site["courses"]
    ]
    return {
        "institution": institution,
        "page_title": site["page_title"],
        "intro": site["intro"],
        "courses": courses,
    }


def build_kkz() -> dict[str, dict[str, Any]]:
    return {slug: build_site(site) for slug, site in SITES.items()}
