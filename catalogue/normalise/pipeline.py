"""`normalise()`: a RawOffer -> a NormalisedOffer, in small ordered steps that never crash.

Order: storability (the offer's address checked by `urls`), kind, qualification, subject
(ISCED), level (PRK), form, duration, area (ZSU 2030), editions, provider (its website checked),
liveness. Each step fills only what the source left missing,
keeps the source's words when it cannot parse them and records why a value is what it is
(`evidence`) or what it could not do (`problems`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from catalogue.models import DeliveryForm, OfferBase, OfferKind
from catalogue.normalise.areas import AreaInput, resolve_area
from catalogue.normalise.editions import coerce_edition, normalise_edition, seat_edition
from catalogue.normalise.forms import parse_form
from catalogue.normalise.kinds import resolve_kind
from catalogue.normalise.levels import resolve_level
from catalogue.normalise.numbers import parse_hours, parse_language
from catalogue.normalise.qualifications import QualificationFinding, resolve_qualification
from catalogue.normalise.result import NormalisedOffer, NormalisedProvider, Unstorable
from catalogue.normalise.subjects import resolve_subject
from catalogue.normalise.text import any_term, as_text, looks_garbled
from catalogue.normalise.urls import checked_url, explained
from catalogue.raw import RawOffer

NOT_LIVE_TERMS = (
    "odwolan", "anulowan", "zawieszon", "zablokowan", "niezrealizowan", "zrealizowan",
    "zakonczon", "cancelled", "canceled", "eventcancelled", "wycofan",
)  # fmt: skip


def normalise(raw: RawOffer, today: date | None = None) -> NormalisedOffer:
    """Normalise one raw offer; raises `Unstorable` only without a title, an id or a usable URL
    (an offer whose own address is `javascript:…` has no page a person could open), or with a
    title that is mojibake ("ObsĹ‚uga kas fiskalnych")."""
    title, url = _required(raw)
    out = NormalisedOffer(offer=OfferBase(title=title, url=url))
    kind = resolve_kind(_get(raw, "kind"), title)
    out.evidence["kind"] = kind.evidence
    qualification = _qualification(raw, title, out)
    fields = _classify(raw, title, kind.kind, qualification, out)
    offer_form = fields["form"]
    for item in _get(raw, "editions") or []:
        edition = coerce_edition(item)
        if edition is None:
            out.problems.append("editions/unreadable")
            continue
        done = normalise_edition(edition, offer_form, today)
        index = len(out.editions)
        out.editions.append(done.edition)
        out.problems.extend(done.problems)
        out.evidence.update({f"editions[{index}].{k}": v for k, v in done.evidence.items()})
    if not out.editions and offer_form is not DeliveryForm.online:
        # A register lists what a centre teaches, not when: it is held at the centre's seat.
        seat = seat_edition(_get(raw, "provider_town"))
        if seat is not None:
            out.editions.append(seat.edition)
            out.evidence["editions[0].place"] = seat.evidence["place"]
    out.offer = OfferBase(title=title, url=url, kind=kind.kind, **fields)
    out.provider = _provider(raw, out)
    out.live = _live(raw, title, out)
    return out


def _get(raw: Any, name: str) -> Any:
    return getattr(raw, name, None)


def _required(raw: RawOffer) -> tuple[str, str]:
    title, external_id, url = (as_text(_get(raw, n)) for n in ("title", "external_id", "url"))
    missing = [
        n for n, v in (("title", title), ("external_id", external_id), ("url", url)) if not v
    ]
    if missing:
        raise Unstorable("brak pól: " + ", ".join(missing))
    assert title is not None
    if looks_garbled(title):
        # UTF-8 read in another code page ("ObsĹ‚uga kas"): stored, it would never be found.
        raise Unstorable(f"tytuł wygląda na źle odczytane polskie znaki: „{title[:80]}”")
    checked, reason = checked_url(_get(raw, "url"))
    if checked is None:
        raise Unstorable("adres oferty: " + explained(reason or "relative", _get(raw, "url")))
    return title, checked


def _qualification(raw: RawOffer, title: str, out: NormalisedOffer) -> QualificationFinding | None:
    found = resolve_qualification(
        _get(raw, "qualification_code"),
        title,
        _get(raw, "description"),
        _get(raw, "qualification_name"),
        _get(raw, "occupation"),
    )
    if found is not None:
        out.qualification = found.qualification
        out.evidence["qualification_code"] = found.evidence
        if not found.known:
            out.problems.append("qualification/unknown_code")
    return found


def _classify(
    raw: RawOffer,
    title: str,
    kind: OfferKind,
    qualification: QualificationFinding | None,
    out: NormalisedOffer,
) -> dict[str, Any]:
    description = as_text(_get(raw, "description"))
    if looks_garbled(description):
        out.problems.append("description/garbled")
        out.evidence["description"] = "opis wygląda na źle odczytane polskie znaki (mojibake)"
    subject = resolve_subject(
        title,
        description,
        _get(raw, "isced"),
        qualification.isced_code if qualification else None,
        _get(raw, "category"),
        _get(raw, "subcategory"),
        qualification.qualification.code if qualification else None,
    )
    code = qualification.qualification.code if qualification else None
    level_of_code = qualification.qualification.prk_level if qualification else None
    level = resolve_level(
        _get(raw, "level"), level_of_code, code, kind, title, description, _get(raw, "kind")
    )
    if level is None and as_text(_get(raw, "level")):
        out.problems.append("level/unparsed")
    fields: dict[str, Any] = {
        "description": description,
        "provider_name": as_text(_get(raw, "provider_name")),
        "isced_code": subject.isced_code if subject else None,
        "isced_narrow": subject.isced_narrow if subject else None,
        "isced_broad": subject.isced_broad if subject else None,
        "prk_level": level.level if level else None,
        "qualification_code": code,
        "funding": as_text(_get(raw, "funding")),
        "audience": as_text(_get(raw, "audience")),
        "language": parse_language(_get(raw, "language")) or "pl",
        "form": _offer_form(raw, out),
        "duration_hours": _duration(raw, out),
    }
    if subject:
        out.evidence["isced_code"] = subject.evidence
    if level:
        out.evidence["prk_level"] = level.evidence
    area = resolve_area(_area_input(raw, title, kind, fields))
    fields["zsu_area"] = area[0] if area else None
    if area:
        out.evidence["zsu_area"] = area[1]
    return fields


def _offer_form(raw: RawOffer, out: NormalisedOffer) -> Any:
    text = as_text(_get(raw, "form"))
    if text is None:
        return None
    form = parse_form(text)
    out.evidence["form"] = f"forma: {text}" if form else f"nieczytelna forma: {text}"
    if form is None:
        out.problems.append("form/unparsed")
    return form


def _duration(raw: RawOffer, out: NormalisedOffer) -> float | None:
    value = _get(raw, "duration_hours")
    if as_text(value) is None:
        return None
    hours = parse_hours(value)
    if hours is None:
        out.problems.append("duration/unparsed")
        out.evidence["duration_hours"] = f"nieczytelny czas trwania: {as_text(value)}"
    return hours


def _area_input(raw: RawOffer, title: str, kind: OfferKind, fields: dict[str, Any]) -> AreaInput:
    return AreaInput(
        title=title,
        kind=kind,
        source=as_text(_get(raw, "source")) or "",
        description=fields["description"],
        audience=fields["audience"],
        provider=fields["provider_name"],
        funding=fields["funding"],
        kind_word=as_text(_get(raw, "kind")),
        isced_code=fields["isced_code"],
    )


def _provider(raw: RawOffer, out: NormalisedOffer) -> NormalisedProvider | None:
    name = as_text(_get(raw, "provider_name"))
    if name is None:
        return None
    website, reason = checked_url(_get(raw, "provider_url"))
    if reason is not None:
        # The offer is stored without the website: a link is not worth a lost offer.
        out.problems.append(f"provider_url/{reason}")
        out.evidence["provider.website"] = explained(reason, _get(raw, "provider_url"))
    return NormalisedProvider(name=name, town=as_text(_get(raw, "provider_town")), website=website)


def _live(raw: RawOffer, title: str, out: NormalisedOffer) -> bool:
    status = as_text(_get(raw, "status"))
    term = any_term(NOT_LIVE_TERMS, status) or any_term(("odwolan", "anulowan"), title)
    if term:
        out.evidence["live"] = f"status: {status or title}"
        return False
    return True
