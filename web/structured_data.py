"""schema.org `Course` as JSON-LD for an offer's page (issue 14, part 6).

Google's course info rich result (Search Central, "Course info (Course and CourseInstance)
structured data") asks of a `Course`: `name`, `description`, `provider`, `offers` (an `Offer`
with its `category`: Free / Partially Free / Subscription / Paid) and `hasCourseInstance`; of
each `CourseInstance`: `courseMode` (Online / Onsite / Blended) and `courseSchedule` or
`courseWorkload`. Each edition of an offer is a `CourseInstance` (its dates, place, price); an
offer without editions has one, from the offer's own form and hours. What the catalogue does
not know is left out, never invented: without a known price there is no `Offer`, without
hours no `courseWorkload` (a `courseSchedule` needs a pace no source gives). An offer leading
to a qualification awards an `EducationalOccupationalCredential` with its PRK level (PRK levels
are EQF levels, one for one: the Polish referencing report).

The tests parse the JSON-LD back from the served page and check it against an extract of the
schema.org vocabulary (tests/web/data/).
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup
from starlette.requests import Request

from catalogue.models import DeliveryForm, Edition, Offer
from web.i18n import Translator, negotiate_language
from web.schemas import OfferPage
from web.seo import canonical_url, public_base
from web.templating import http_url

COURSE_MODES = {
    DeliveryForm.on_site: "Onsite",
    DeliveryForm.online: "Online",
    DeliveryForm.blended: "Blended",
}
CURRENCY = "PLN"
REGION = "lubuskie"
COUNTRY = "PL"
EQF_LEVEL = "http://data.europa.eu/snb/eqf/{level}"
PRK_NAME = "Polska Rama Kwalifikacji (PRK), poziom {level} = EQF {level}"
DESCRIPTION_LIMIT = 5000
SUMMARY_LIMIT = 200  # Open Graph and meta descriptions: a sentence or two


def course_json_ld(offer: Offer, url: str, base: str, description: str) -> dict[str, Any]:
    """The offer as a schema.org `Course`: `url` is its canonical address, `base` the
    catalogue's public address, `description` the text to use when the offer has none."""
    course: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": url,
        "url": url,
        "name": offer.title,
        "description": (offer.description or description)[:DESCRIPTION_LIMIT],
        "inLanguage": offer.language,
        "provider": _provider(offer),
        "publisher": {"@type": "Organization", "name": offer.source.title or offer.source.name},
    }
    if offer.qualification_code:
        course["courseCode"] = offer.qualification_code
    credential = _credential(offer, base)
    if credential:
        course["educationalCredentialAwarded"] = credential
    if offer.duration_hours:
        course["timeRequired"] = iso_duration(offer.duration_hours)
    prices = [e.price_grosze for e in offer.editions if e.price_grosze is not None]
    if prices:
        course["offers"] = [_offer(grosze, url) for grosze in sorted(set(prices))]
    editions: list[Edition | None] = [*offer.editions] or [None]
    course["hasCourseInstance"] = [_instance(offer, edition, url) for edition in editions]
    return course


def script_body(data: dict[str, Any]) -> Markup:
    """JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` written as
    JSON escapes, so no text of an offer can close the block (`</script>`) or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # escaped above: safe inside a script data block


def _provider(offer: Offer) -> dict[str, Any]:
    institution = offer.institution
    provider: dict[str, Any] = {
        "@type": "Organization",
        "name": institution.name if institution else offer.provider_name or offer.source.title,
    }
    website = http_url(institution.website) if institution else None
    if website:
        provider["url"] = website
    if institution and institution.town:
        provider["address"] = {
            "@type": "PostalAddress",
            "addressLocality": institution.town,
            "addressCountry": COUNTRY,
        }
    return provider


def _credential(offer: Offer, base: str) -> dict[str, Any] | None:
    row = offer.qualification
    code = row.code if row else offer.qualification_code
    if not code:
        return None
    level = (row.prk_level if row else None) or offer.prk_level
    credential: dict[str, Any] = {
        "@type": "EducationalOccupationalCredential",
        "name": (row.name if row and row.name else code),
        "identifier": code,
        "credentialCategory": "certificate",
        "url": f"{base}/kwalifikacje/{code}",
    }
    if level:
        credential["educationalLevel"] = {
            "@type": "DefinedTerm",
            "termCode": str(level),
            "name": PRK_NAME.format(level=level),
            "url": EQF_LEVEL.format(level=level),
        }
    return credential


def _offer(grosze: int, url: str) -> dict[str, Any]:
    return {
        "@type": "Offer",
        "category": "Free" if grosze == 0 else "Paid",
        "price": round(grosze / 100, 2),
        "priceCurrency": CURRENCY,
        "url": url,
    }


def _instance(offer: Offer, edition: Edition | None, url: str) -> dict[str, Any]:
    form = (edition.form if edition else None) or offer.form
    instance: dict[str, Any] = {"@type": "CourseInstance"}
    if form:
        instance["courseMode"] = COURSE_MODES[DeliveryForm(form)]
    if offer.duration_hours:
        instance["courseWorkload"] = iso_duration(offer.duration_hours)
    if edition is None:
        return instance
    if edition.start_date:
        instance["startDate"] = edition.start_date.isoformat()
    if edition.end_date:
        instance["endDate"] = edition.end_date.isoformat()
    location = _location(edition, form, offer.url)
    if location:
        instance["location"] = location
    if edition.price_grosze is not None:
        instance["offers"] = _offer(edition.price_grosze, url)
    return instance


def _location(
    edition: Edition, form: DeliveryForm | None, source_url: str
) -> dict[str, Any] | None:
    if edition.town:
        address: dict[str, Any] = {"@type": "PostalAddress", "addressLocality": edition.town}
        if edition.address:
            address["streetAddress"] = edition.address
        if edition.postcode:
            address["postalCode"] = edition.postcode
        address |= {"addressRegion": REGION, "addressCountry": COUNTRY}
        place: dict[str, Any] = {"@type": "Place", "name": edition.town, "address": address}
        if edition.lat is not None and edition.lon is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": edition.lat,
                "longitude": edition.lon,
            }
        return place
    online_url = http_url(source_url)
    if form == DeliveryForm.online and online_url:
        return {"@type": "VirtualLocation", "url": online_url}
    return None


def iso_duration(hours: float) -> str:
    """ISO 8601 duration: 146 -> PT146H, 1.5 -> PT1H30M."""
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    return f"PT{whole}H" + (f"{rest}M" if rest else "")


def offer_seo(request: Request, offer: Offer, page: OfferPage) -> dict[str, Any]:
    """The offer page's canonical URL (a duplicate names its canonical offer), its summary for
    Open Graph and its JSON-LD."""
    canonical_id = offer.canonical_id or offer.id
    url = canonical_url(request, f"/oferty/{canonical_id}")
    t = Translator(negotiate_language(request))
    provider = page.provider.name if page.provider else t("offer.unknown")
    summary = t("seo.offer.description", kind=page.kind_label, provider=provider)
    description = " ".join((offer.description or "").split())
    return {
        "canonical_url": url,
        "offer_summary": _shorten(description, SUMMARY_LIMIT) or summary,
        "json_ld": script_body(course_json_ld(offer, url, public_base(request), summary)),
    }


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
