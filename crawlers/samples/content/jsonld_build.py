"""Helpers that build the schema.org objects of the sample sites (Course, programmes, places)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

from crawlers.samples.content.common import money

ISCED_FILE = Path(__file__).resolve().parents[3] / "catalogue" / "data" / "isced_f_2013.csv"
CONTEXT = "https://schema.org"


@cache
def isced_names() -> dict[str, str]:
    with ISCED_FILE.open(encoding="utf-8") as handle:
        return {row["code"]: row["name_pl"] for row in csv.DictReader(handle)}


def isced_term(code: str) -> dict[str, str]:
    """The programme's ISCED-F field, as Polish university pages state it (POL-on needs one)."""
    return {
        "@type": "DefinedTerm",
        "termCode": code,
        "name": isced_names()[code],
        "inDefinedTermSet": "ISCED-F 2013",
    }


def postal(street: str, postcode: str, town: str) -> dict[str, str]:
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postcode,
        "addressLocality": town,
        "addressCountry": "PL",
    }


def organization(kind: str, name: str, url: str, address: dict[str, str]) -> dict[str, Any]:
    return {"@type": kind, "name": name, "url": url, "address": address}


def offer(zloty: float, note: str = "") -> dict[str, Any]:
    result: dict[str, Any] = {
        "@type": "Offer",
        "price": money(zloty),
        "priceCurrency": "PLN",
        "category": "Free" if zloty == 0 else "Paid",
    }
    if note:
        result["description"] = note
    return result


def place(name: str, address: dict[str, str]) -> dict[str, Any]:
    return {"@type": "Place", "name": name, "address": address}


def virtual(url: str) -> dict[str, str]:
    return {"@type": "VirtualLocation", "url": url}


def instance(
    mode: str, start: str, end: str, hours: int, location: dict[str, Any]
) -> dict[str, Any]:
    return {
        "@type": "CourseInstance",
        "courseMode": mode,
        "startDate": start,
        "endDate": end,
        "location": location,
        "courseWorkload": f"PT{hours}H",
    }


def course(
    name: str, description: str, provider: dict[str, Any], price: float,
    instances: list[dict[str, Any]], **extra: Any,
) -> dict[str, Any]:  # fmt: skip
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Course",
        "name": name,
        "description": description,
        "provider": provider,
        "inLanguage": "pl",
        "offers": offer(price, extra.pop("price_note", "")),
        "hasCourseInstance": instances,
    }
    result.update(extra)
    return result


def program(
    name: str, description: str, provider: dict[str, Any], price: float, **fields: Any
) -> dict[str, Any]:
    """An EducationalOccupationalProgram; `fields` holds the remaining schema.org properties."""
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "EducationalOccupationalProgram",
        "name": name,
        "description": description,
    }
    price_note = fields.pop("price_note", "")
    result.update(fields)
    result["inLanguage"] = "pl"
    result["offers"] = offer(price, price_note)
    result["provider"] = provider
    return result
