"""schema.org JSON-LD -> RawOffer: Course (with its CourseInstances) and
EducationalOccupationalProgram, with the field names of the schema.org pages of those types.

Values stay in the source's words; only the JSON-LD shapes are undone (a value may be a
string, an object with a `name`, or a list of either).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from extruct.jsonld import JsonLdExtractor

from crawlers.items import RawEdition, RawOffer

WANTED_TYPES = ("Course", "EducationalOccupationalProgram")
QUALIFICATION_CODE = re.compile(r"[A-Z]{3}\.\d{2}")


def parse_block(script: Any) -> list[Any]:
    """The items of one `<script type="application/ld+json">` (a parsel Selector); ValueError
    when its text is not JSON."""
    # extruct reads a block the way search engines do (HTML comments around JSON and such).
    return list(JsonLdExtractor().extract_items(script.root))


def flatten(items: list[Any]) -> Iterator[dict[str, Any]]:
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        elif isinstance(item, dict):
            if isinstance(item.get("@graph"), list):
                yield from flatten(item["@graph"])
            yield item


def types_of(node: dict[str, Any]) -> list[str]:
    value = node.get("@type") or []
    names = value if isinstance(value, list) else [value]
    # "http://schema.org/Course" and "schema:Course" are "Course"
    return [re.split(r"[/:#]", str(name))[-1] for name in names]


def is_offer(node: dict[str, Any]) -> bool:
    return any(t in WANTED_TYPES for t in types_of(node))


def text(value: Any) -> str | None:
    """A readable value: a string, a number, or an object's name / @value."""
    if isinstance(value, list):
        return next((t for t in map(text, value) if t), None)
    if isinstance(value, dict):
        for key in ("name", "@value", "audienceType", "credentialCategory", "identifier"):
            if text(value.get(key)):
                return text(value.get(key))
        return None
    if isinstance(value, bool) or value is None:
        return None
    return str(value).strip() or None


def first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def price(offers: Any) -> str | float | int | None:
    offer = first(offers)
    if not isinstance(offer, dict) or offer.get("price") in (None, ""):
        return None
    amount, currency = offer["price"], text(offer.get("priceCurrency"))
    if isinstance(amount, (int, float)) and currency in (None, "PLN"):
        return amount  # złote, as schema.org numbers are
    return " ".join(str(p) for p in (amount, currency) if p)


def place(location: Any) -> tuple[str | None, str | None, str | None]:
    """(town, street address, postcode) of a Place, a PostalAddress or a plain string."""
    location = first(location)
    if not isinstance(location, dict):
        return text(location), None, None
    if "VirtualLocation" in types_of(location):
        return None, None, None
    address = location.get("address")
    if not isinstance(address, dict):
        return None, text(address) or text(location), None
    return (
        text(address.get("addressLocality")),
        text(address.get("streetAddress")),
        text(address.get("postalCode")),
    )


def edition(location: Any, **values: Any) -> RawEdition:
    town, address, postcode = place(location)
    return RawEdition(town=town, address=address, postcode=postcode, **values)


def instances(node: dict[str, Any]) -> list[RawEdition]:
    raw = node.get("hasCourseInstance") or []
    found = [i for i in (raw if isinstance(raw, list) else [raw]) if isinstance(i, dict)]
    return [
        edition(
            i.get("location"),
            start=text(i.get("startDate")),
            end=text(i.get("endDate")),
            price=own if (own := price(i.get("offers"))) is not None else price(node.get("offers")),
            seats=text(i.get("maximumAttendeeCapacity")),
            form=text(i.get("courseMode")),
        )
        for i in found
    ]


def program_edition(node: dict[str, Any]) -> RawEdition:
    return edition(
        node.get("location"),
        start=text(node.get("startDate")),
        end=text(node.get("endDate")),
        enrolment_end=text(node.get("applicationDeadline")),
        price=price(node.get("offers")),
        seats=text(node.get("maximumEnrollment")),
    )


def qualification_code(node: dict[str, Any]) -> str | None:
    credential = node.get("occupationalCredentialAwarded") or node.get(
        "educationalCredentialAwarded"
    )
    for value in (node.get("courseCode"), first(credential)):
        found = text(value.get("identifier")) if isinstance(value, dict) else text(value)
        if found and QUALIFICATION_CODE.fullmatch(found):
            return found
    return None


def isced_code(node: dict[str, Any]) -> str | None:
    """The code of an `about` DefinedTerm from ISCED-F, as Polish university pages state it."""
    about = node.get("about")
    for term in about if isinstance(about, list) else [about]:
        if isinstance(term, dict) and "ISCED" in (text(term.get("inDefinedTermSet")) or ""):
            return text(term.get("termCode"))
    return None


def workload(node: dict[str, Any]) -> str | None:
    instance = first(node.get("hasCourseInstance"))
    own = text(node.get("timeToComplete"))
    return own or (text(instance.get("courseWorkload")) if isinstance(instance, dict) else None)


def editions_of(node: dict[str, Any], kind: str) -> list[RawEdition]:
    editions = instances(node) if kind == "Course" else [program_edition(node)]
    if kind == "Course" and not editions and price(node.get("offers")) is not None:
        editions = [RawEdition(price=price(node.get("offers")))]
    # An edition with nothing stated (price_in_grosze is only a flag) says nothing.
    # (`is`, not `in`: a price of 0, a free course, is a statement.)
    return [e for e in editions if any(v is not None and v is not False for v in vars(e).values())]


def on_page(page: str, address: str | None) -> str | None:
    """A site-relative address ("/o-nas") made absolute against the page it was read on; any
    other is left as written for the normaliser to check ("www.zdz.pl" is no path of the page,
    and `javascript:` stays what it is, to be dropped)."""
    if address and address.startswith("/") and not address.startswith("//"):
        return urljoin(page, address)
    return address


def to_offer(node: dict[str, Any], *, source: str, url: str, external_id: str) -> RawOffer:
    kind = next(t for t in types_of(node) if t in WANTED_TYPES)
    editions = editions_of(node, kind)
    modes = {e.form for e in editions if e.form}
    provider = first(node.get("provider"))
    provider = provider if isinstance(provider, dict) else {"name": provider}
    credential = first(
        node.get("educationalCredentialAwarded") or node.get("occupationalCredentialAwarded")
    )
    extras = {
        "typ": types_of(node),
        "courseCode": text(node.get("courseCode")),
        "wymagania": text(node.get("coursePrerequisites") or node.get("programPrerequisites")),
        "kwalifikacja": text(credential),
    }
    return RawOffer(
        source=source,
        external_id=external_id,
        url=url,
        title=text(node.get("name")) or "",
        description=text(node.get("description")),
        provider_name=text(provider.get("name")),
        provider_url=on_page(url, text(provider.get("url"))),
        provider_town=place(provider.get("location") or provider)[0],
        kind=text(node.get("programType")) or kind,
        qualification_code=qualification_code(node),
        isced=isced_code(node),
        occupation=text(node.get("occupationalCategory")),
        level=text(node.get("educationalLevel"))
        or (text(credential.get("educationalLevel")) if isinstance(credential, dict) else None),
        form=text(node.get("educationalProgramMode")) or (modes.pop() if len(modes) == 1 else None),
        language=text(node.get("inLanguage") or node.get("availableLanguage")),
        duration_hours=workload(node),
        funding=text(node.get("financialAidEligible")),
        audience=text(node.get("audience")),
        editions=editions,
        extras={k: v for k, v in extras.items() if v},
    )
