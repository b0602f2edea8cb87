"""One raw edition -> `EditionBase`: dates, place, price, seats and form, each step on its own."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from catalogue.models import DeliveryForm, EditionBase
from catalogue.normalise.dates import parse_date
from catalogue.normalise.forms import parse_form
from catalogue.normalise.numbers import parse_count
from catalogue.normalise.places import resolve_place
from catalogue.normalise.prices import parse_price
from catalogue.normalise.taxonomy import Place
from catalogue.normalise.text import as_text
from catalogue.raw import RawEdition


@dataclass
class EditionResult:
    edition: EditionBase
    evidence: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def coerce_edition(value: Any) -> RawEdition | None:
    """A RawEdition from what a spider put in the list (a RawEdition or a dict); else None."""
    if isinstance(value, RawEdition):
        return value
    if isinstance(value, dict):
        known = {f.name for f in fields(RawEdition)}
        return RawEdition(**{k: v for k, v in value.items() if k in known})
    return None


def normalise_edition(
    raw: RawEdition, offer_form: DeliveryForm | None, today: date | None
) -> EditionResult:
    result = EditionResult(EditionBase())
    values: dict[str, Any] = {"external_id": as_text(raw.external_id)}
    for name in ("start", "end", "enrolment_end"):
        values[_DATE_FIELDS[name]] = _date(getattr(raw, name, None), name, today, result)
    values["form"] = _form(raw.form, offer_form, result)
    values.update(_place(raw, values["form"], result))
    in_grosze = raw.price_in_grosze is True or as_text(raw.price_in_grosze) in ("1", "true", "True")
    values.update(_price(raw.price, in_grosze, result))
    values["seats"] = _seats(raw.seats, result)
    result.edition = EditionBase(**values)
    return result


_DATE_FIELDS = {"start": "start_date", "end": "end_date", "enrolment_end": "enrolment_end"}


def _date(value: Any, name: str, today: date | None, result: EditionResult) -> date | None:
    if as_text(value) is None and not isinstance(value, date):
        return None
    found = parse_date(value, today)
    if found is None:
        result.problems.append("dates/unparsed")
        result.evidence[name] = f"nieczytelna data: {as_text(value)}"
    return found


def _form(
    value: Any, offer_form: DeliveryForm | None, result: EditionResult
) -> DeliveryForm | None:
    if as_text(value) is None:
        return offer_form
    form = parse_form(value)
    if form is None:
        result.problems.append("form/unparsed")
        result.evidence["form"] = f"nieczytelna forma: {as_text(value)}"
        return offer_form
    result.evidence["form"] = f"forma: {as_text(value)}"
    return form


def _place(raw: RawEdition, form: DeliveryForm | None, result: EditionResult) -> dict[str, Any]:
    town, address, postcode = as_text(raw.town), as_text(raw.address), as_text(raw.postcode)
    values: dict[str, Any] = {"town": town, "address": address, "postcode": postcode}
    if not (town or address or postcode):
        return values
    if form is DeliveryForm.online:
        result.evidence["place"] = "edycja online: bez miejsca"
        return values
    match = resolve_place(town, address, postcode)
    values.update(town=match.town, postcode=match.postcode or postcode)
    result.evidence["place"] = match.evidence
    if match.form is not None and form is None:
        # "online", "Zielona Góra / online": the place says how the edition is held.
        values["form"] = match.form
        result.evidence["form"] = f"miejsce: {town or address}"
    if match.place is None:
        if match.form is not DeliveryForm.online:
            # Outside Lubuskie too: no place in the table (the evidence tells the two apart).
            result.problems.append("place/unknown_town")
        return values
    return values | _placed(match.place)


def _placed(place: Place) -> dict[str, Any]:
    return {
        "gmina_teryt": place.gmina_teryt,
        "powiat_teryt": place.powiat_teryt,
        "lat": place.lat,
        "lon": place.lon,
    }


def seat_edition(provider_town: Any) -> EditionResult | None:
    """An edition placed at the provider's seat, for an offer whose editions name no place;
    None when the town is not a Lubuskie place (or is online)."""
    town = as_text(provider_town)
    match = resolve_place(town)
    if match.place is None or match.form is not None:
        return None
    edition = EditionBase(town=match.town, postcode=match.postcode, **_placed(match.place))
    return EditionResult(edition, {"place": f"siedziba organizatora: {match.evidence}"})


def _price(value: Any, in_grosze: bool, result: EditionResult) -> dict[str, Any]:
    price = parse_price(value, in_grosze)
    if price is None:
        return {}
    result.evidence["price"] = price.evidence
    if price.grosze is None:
        result.problems.append("price/unparsed")
    return {"price_grosze": price.grosze, "price_text": price.text}


def _seats(value: Any, result: EditionResult) -> int | None:
    if as_text(value) is None:
        return None
    seats = parse_count(value)
    if seats is None:
        result.problems.append("seats/unparsed")
        result.evidence["seats"] = f"nieczytelna liczba miejsc: {as_text(value)}"
    return seats
