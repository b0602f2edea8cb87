"""Offers as learning opportunities of the European Learning Model, version 3 (issue 14, part 7).

ELM 3 is the model Europass and the EU's Qualification Dataset Register describe learning
opportunities and qualifications in, as JSON-LD. Each published offer is one
`LearningOpportunity`; what it leads to is its `learningAchievementSpecification`: the
`Qualification` when the offer prepares for a known qualification (its code, its PRK level as
the EQF level: PRK levels are EQF levels one for one, the Polish referencing report), else a
`LearningAchievementSpecification` of the offer itself. Controlled values are the EU's
vocabularies' URIs (ISCED-F, EQF, learning setting, mode, learning opportunity type, language,
country, currency). The mapping, and what cannot be mapped and why, is
docs/decisions/0019-elm3-export.md; the tests validate the export against the LOQ application
profile's SHACL shapes (tests/web/data/elm3/).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from catalogue.models import DeliveryForm, Edition, Offer, OfferKind
from web.structured_data import iso_duration

CONTEXT: list[Any] = [
    "http://data.europa.eu/snb/model/context/edc-ap",
    {
        # The credentials context names these; a learning opportunity needs no credential.
        "id": "@id",
        "type": "@type",
        # Terms of the LOQ profile the EDC context does not define, and the Amount's value as
        # the LOQ shapes have it (rdf:value; the EDC context maps `value` to elm:value).
        "defaultLanguage": {"@id": "elm:defaultLanguage", "@type": "@id"},
        "modified": {"@id": "dc:modified", "@type": "xsd:dateTime"},
        "value": {"@id": "rdf:value", "@type": "xsd:decimal"},
    },
]

SNB = "http://data.europa.eu/snb"
AUTHORITY = "http://publications.europa.eu/resource/authority"
ISCED_F = f"{SNB}/isced-f"
EQF = f"{SNB}/eqf"
LEARNING_SETTING = {  # formal: leads to a state-recognised qualification or degree
    "formal": (f"{SNB}/learning-setting/6fd4685715", "formal learning"),
    "non-formal": (f"{SNB}/learning-setting/e207a81fc7", "non-formal learning"),
}
MODES = {
    DeliveryForm.on_site: (f"{SNB}/learning-assessment/9191af2ed9", "Presential"),
    DeliveryForm.online: (f"{SNB}/learning-assessment/920fbb3cbe", "Online"),
    DeliveryForm.blended: (f"{SNB}/learning-assessment/e92d221e4d", "Blended"),
}
OPPORTUNITY_TYPES = {
    "course": (f"{SNB}/learning-opportunity/05053c1cbe", "Course"),
    "programme": (f"{SNB}/learning-opportunity/79343569f3", "Educational programme"),
    "class": (f"{SNB}/learning-opportunity/7e1ac538db", "Class"),
}
KIND_TYPES = {
    OfferKind.kkz: "programme",
    OfferKind.postgraduate: "programme",
    OfferKind.studies: "programme",
    OfferKind.workshop: "class",
}
FORMAL_KINDS = {OfferKind.kkz, OfferKind.postgraduate, OfferKind.studies}
# ISO 639-1 (the catalogue's `language`) -> the EU's language authority table (ISO 639-3 based).
LANGUAGES = {
    "pl": "POL",
    "en": "ENG",
    "de": "DEU",
    "uk": "UKR",
    "ru": "RUS",
    "fr": "FRA",
    "es": "SPA",
    "it": "ITA",
    "cs": "CES",
}
UNDETERMINED = "UND"
COUNTRY = f"{AUTHORITY}/country/POL"
CURRENCY = f"{AUTHORITY}/currency/PLN"


def _concept(uri: str, label: str, scheme: str, notation: str | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {
        "id": uri,
        "type": "Concept",
        "prefLabel": {"en": label},
        "inScheme": {"id": scheme, "type": "ConceptScheme"},
    }
    if notation:
        concept["notation"] = notation
    return concept


def _text(language: str, text: str) -> dict[str, str]:
    return {language: text}


def _moment(day: date) -> str:
    return datetime(day.year, day.month, day.day).isoformat()


def _language(code: str) -> dict[str, Any]:
    table = LANGUAGES.get((code or "").lower()[:2], UNDETERMINED)
    return _concept(f"{AUTHORITY}/language/{table}", table, f"{AUTHORITY}/language", table)


def _country() -> dict[str, Any]:
    return _concept(COUNTRY, "Poland", f"{AUTHORITY}/country", "POL")


def _note(node_id: str, language: str, text: str) -> dict[str, Any]:
    return {"id": node_id, "type": "Note", "noteLiteral": _text(language, text)}


def _web(node_id: str, url: str) -> dict[str, Any]:
    return {"id": node_id, "type": "WebResource", "contentURL": url}


def learning_opportunity(offer: Offer, base: str) -> dict[str, Any]:
    """One offer as an ELM 3 `LearningOpportunity` (a JSON-LD node without its context)."""
    page = f"{base}/oferty/{offer.id}"
    lang = (offer.language or "pl").lower()[:2]
    node: dict[str, Any] = {
        "id": f"{page}#learning-opportunity",
        "type": "LearningOpportunity",
        "title": _text(lang, offer.title),
        "homepage": _web(f"{page}#homepage", page),
        "dcType": _concept(
            *OPPORTUNITY_TYPES[KIND_TYPES.get(offer.kind, "course")],
            f"{SNB}/learning-opportunity/25831c2",
        ),
        "defaultLanguage": _language(lang),
        "providedBy": _provider(offer, base, lang),
        "learningAchievementSpecification": _specification(offer, base, lang),
        "modified": offer.last_changed.replace(microsecond=0, tzinfo=None).isoformat(),
    }
    if offer.description:
        node["description"] = _text(lang, offer.description)
    if offer.url and offer.url != page:
        node["supplementaryDocument"] = _web(f"{page}#source", offer.url)
    forms = {e.form or offer.form for e in offer.editions} or {offer.form}
    modes = [MODES[DeliveryForm(f)] for f in sorted(f for f in forms if f)]
    if modes:
        node["mode"] = [
            _concept(uri, label, f"{SNB}/learning-assessment/25831c2") for uri, label in modes
        ]
    node |= _editions(offer, page, lang)
    return node


def _provider(offer: Offer, base: str, lang: str) -> dict[str, Any]:
    institution = offer.institution
    name = institution.name if institution else offer.provider_name or offer.source.title
    node_id = f"{base}/instytucje/{institution.id}" if institution else f"{base}/oferty/{offer.id}"
    location: dict[str, Any] = {
        "id": f"{node_id}#location",
        "type": "Location",
        "address": {"id": f"{node_id}#address", "type": "Address", "countryCode": _country()},
    }
    if institution and institution.town:
        location["geographicName"] = _text("pl", institution.town)
    provider: dict[str, Any] = {
        "id": f"{node_id}#organisation",
        "type": "Organisation",
        "legalName": _text("pl", name or "?"),
        "location": location,
    }
    if institution and institution.website and institution.website.startswith(("http:", "https:")):
        provider["homepage"] = _web(f"{node_id}#homepage", institution.website)
    if institution and institution.nip:
        provider["registration"] = {
            "id": f"{node_id}#nip",
            "type": "LegalIdentifier",
            "notation": institution.nip,
            "schemeName": "NIP",
            "spatial": _country(),
        }
    return provider


def _specification(offer: Offer, base: str, lang: str) -> dict[str, Any]:
    row = offer.qualification
    code = row.code if row else offer.qualification_code
    formal = offer.kind in FORMAL_KINDS or bool(code)
    common: dict[str, Any] = {
        "language": _language(lang),
        "learningSetting": _concept(
            *LEARNING_SETTING["formal" if formal else "non-formal"],
            f"{SNB}/learning-setting/25831c2",
        ),
    }
    isced = (
        offer.isced_code
        or offer.isced_narrow
        or offer.isced_broad
        or (row.isced_code if row else None)
    )
    if isced:
        common["thematicArea"] = _concept(f"{ISCED_F}/{isced}", isced, f"{ISCED_F}/25831c2", isced)
    if offer.duration_hours:
        common["volumeOfLearning"] = iso_duration(offer.duration_hours)
    if code:
        level = (row.prk_level if row else None) or offer.prk_level
        qualification: dict[str, Any] = {
            "id": f"{base}/kwalifikacje/{code}#qualification",
            "type": "Qualification",
            "title": _text("pl", (row.name if row and row.name else code)),
            "homepage": _web(f"{base}/kwalifikacje/{code}#homepage", f"{base}/kwalifikacje/{code}"),
            "qualificationCode": _concept(
                f"{base}/kwalifikacje/{code}", code, f"{base}/kwalifikacje", code
            ),
            **common,
        }
        if level:
            qualification["eqfLevel"] = _concept(
                f"{EQF}/{level}", f"Level {level}", f"{EQF}/25831c2", str(level)
            )
            qualification["nqfLevel"] = _concept(
                f"{base}/prk/{level}", f"PRK {level}", f"{base}/prk", str(level)
            )
        return qualification
    return {
        "id": f"{base}/oferty/{offer.id}#specification",
        "type": "LearningAchievementSpecification",
        "title": _text(lang, offer.title),
        **common,
    }


def _editions(offer: Offer, page: str, lang: str) -> dict[str, Any]:
    """Dates, places, prices and deadlines of the offer's editions: ELM has one period of time
    per opportunity, so it spans them all, and each edition is a line of its schedule."""
    editions: list[Edition] = sorted(
        offer.editions, key=lambda e: (e.start_date or date.max, e.id or 0)
    )
    result: dict[str, Any] = {}
    starts = [e.start_date for e in editions if e.start_date]
    ends = [e.end_date or e.start_date for e in editions if e.end_date or e.start_date]
    if starts or ends:
        period: dict[str, Any] = {"id": f"{page}#period", "type": "PeriodOfTime"}
        if starts:
            period["startDate"] = _moment(min(starts))
        if ends:
            period["endDate"] = _moment(max(d for d in ends if d))
        result["temporal"] = period
    towns = sorted({e.town for e in editions if e.town})
    if towns:
        result["location"] = [
            {
                "id": f"{page}#location-{n}",
                "type": "Location",
                "geographicName": _text("pl", town),
                "address": {
                    "id": f"{page}#address-{n}",
                    "type": "Address",
                    "countryCode": _country(),
                    "fullAddress": _note(
                        f"{page}#full-address-{n}", "pl", _full_address(town, editions)
                    ),
                },
            }
            for n, town in enumerate(towns, start=1)
        ]
    prices = [e for e in editions if e.price_grosze is not None]
    if prices:
        result["priceDetail"] = [
            {
                "id": f"{page}#price-{e.id}",
                "type": "PriceDetail",
                "prefLabel": _text("pl", _edition_label(e)),
                "amount": {
                    "id": f"{page}#amount-{e.id}",
                    "type": "Amount",
                    "unit": _concept(CURRENCY, "Polish zloty", f"{AUTHORITY}/currency", "PLN"),
                    "value": str(Decimal(e.price_grosze or 0) / 100),
                },
            }
            for e in prices
        ]
    deadlines = sorted({e.enrolment_end for e in editions if e.enrolment_end})
    if deadlines:
        result["applicationDeadline"] = [_moment(d) for d in deadlines]
    if editions:
        lines = "\n".join(_edition_label(e) for e in editions)
        result["scheduleInformation"] = _note(f"{page}#schedule", "pl", lines)
    return result


def _full_address(town: str, editions: Iterable[Edition]) -> str:
    for edition in editions:
        if edition.town == town and (edition.address or edition.postcode):
            parts = [edition.address, " ".join(p for p in (edition.postcode, town) if p)]
            return ", ".join(p for p in parts if p)
    return town


def _edition_label(edition: Edition) -> str:
    dates = " – ".join(
        d.isoformat() for d in dict.fromkeys((edition.start_date, edition.end_date)) if d
    )
    return ", ".join(p for p in (dates or "termin do ustalenia", edition.town) if p)


def document(nodes: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": CONTEXT, "@graph": list(nodes)}


def stream(nodes: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The JSON-LD document written node by node."""
    yield '{"@context":' + json.dumps(CONTEXT) + ',"@graph":['
    for n, node in enumerate(nodes):
        yield ("," if n else "") + "\n" + json.dumps(node, ensure_ascii=False)
    yield "\n]}\n"
