"""Catalogue offers with editions for the filter, facet and sort contract tests.

Dates are days from today, so "upcoming" and "enrolment open" mean the same on any day the
tests run. Each offer goes through `search.documents.offer_document`, the path real offers take.
Road-free distances from Zielona Góra (the place table's coordinates): Sulechów 18 km, Nowa Sól
21 km, Krosno Odrzańskie 30.5 km, Świebodzin 34 km, Żary 42 km, Słubice 79 km, Gorzów 90 km.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from catalogue.models import DeliveryForm, Edition, Offer, OfferKind
from search.conditions import AnyOf, Between, Condition, Either, IsTrue, Within
from search.documents import offer_document
from search.geo import locate

TODAY = date.today()


def run(start: int | None, town: str | None, price: int | None, **more: Any) -> dict[str, Any]:
    """One edition: start and enrolment end in days from today, price in grosze."""
    return {"start": start, "town": town, "price": price, **more}


# fmt: off
SPECS: list[dict[str, Any]] = [
    {"id": 201, "title": "Kurs spawania metodą MAG", "kind": "course", "isced": "0715", "zsu": 1,
     "prk": 3, "hours": 146, "funding": "Możliwe dofinansowanie z KFS",
     "runs": [run(20, "Zielona Góra", 245000, enrol=14), run(75, "Nowa Sól", 245000)]},
    {"id": 202, "title": "Ślusarz – KKZ MEC.08", "kind": "kkz", "isced": "0715", "zsu": 1,
     "prk": 3, "hours": 500, "funding": "Bezpłatny – finansowany z budżetu państwa",
     "runs": [run(30, "Gorzów Wielkopolski", 0)]},
    {"id": 203, "title": "Technik rachunkowości – KKZ EKA.07", "kind": "kkz", "isced": "0411",
     "prk": 4, "form": "blended", "hours": 300,
     "runs": [run(12, "Gorzów Wielkopolski", 0, enrol=-1, form="blended")]},
    {"id": 204, "title": "Język niemiecki w pracy A2", "kind": "course", "isced": "0231",
     "zsu": 1, "form": "online", "language": "de", "hours": 60,
     "funding": "Fundusze Europejskie dla Lubuskiego 2021-2027",
     "runs": [run(10, None, 120000, form="online")]},
    {"id": 205, "title": "Excel dla zaawansowanych", "kind": "training", "isced": "0611",
     "form": "online", "hours": 16, "runs": [run(5, None, 39000, enrol=3, form="online")]},
    {"id": 206, "title": "Programowanie w Pythonie", "kind": "course", "isced": "0613",
     "form": "blended", "hours": 120,
     "runs": [run(40, "Zielona Góra", 320000, form="blended"), run(100, "Żary", 300000)]},
    {"id": 207, "title": "Opiekun osoby starszej", "kind": "course", "isced": "0921", "zsu": 1,
     "hours": 200, "funding": "Dofinansowanie z Powiatowego Urzędu Pracy",
     "runs": [run(25, "Świebodzin", 150000)]},
    {"id": 208, "title": "Kurs kelnerski z baristyką", "kind": "course", "isced": "1013",
     "hours": 80, "runs": [run(18, "Słubice", 110000, enrol=0)]},
    {"id": 209, "title": "Walidacja: prowadzenie szkoleń", "kind": "validation", "isced": "0111",
     "prk": 5, "zsu": 8, "runs": [run(60, "Zielona Góra", 90000, enrol=50)]},
    {"id": 210, "title": "Studia podyplomowe: zarządzanie projektami", "kind": "postgraduate",
     "isced": "0413", "prk": 7, "zsu": 5, "hours": 180,
     "runs": [run(-10, "Zielona Góra", 580000, enrol=-20), run(200, "Sulechów", 580000)]},
    {"id": 211, "title": "Kurs księgowości – termin do ustalenia", "kind": "course",
     "isced": "0411", "runs": [run(None, "Krosno Odrzańskie", None)]},
    {"id": 212, "title": "Pierwsza pomoc przedmedyczna", "kind": "course", "isced": "1022",
     "hours": 8, "funding": "nieodpłatnie", "runs": [run(22, "Krosno Odrzańskie", None)]},
    {"id": 213, "title": "English for business", "kind": "course", "isced": "0231",
     "language": "en", "hours": 30, "runs": [run(15, "Zielona Góra", 60000, enrol=-2)]},
    {"id": 214, "title": "Warsztaty ceramiki", "kind": "workshop", "isced": "0214",
     "zsu": 4, "hours": 12, "funding": "projekt unijny",
     "runs": [run(3, "Żary", 20000, enrol=1), run(45, "Zielona Góra", 20000)]},
]
# fmt: on


def edition(spec: dict[str, Any]) -> Edition:
    place = locate(spec["town"]) if spec["town"] else None
    start, enrol = spec["start"], spec.get("enrol")
    return Edition(
        start_date=None if start is None else TODAY + timedelta(days=start),
        enrolment_end=None if enrol is None else TODAY + timedelta(days=enrol),
        town=spec["town"],
        powiat_teryt=POWIATS.get(spec["town"]),
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        price_grosze=spec["price"],
        form=DeliveryForm(spec["form"]) if "form" in spec else None,
    )


POWIATS = {
    "Zielona Góra": "0862", "Nowa Sól": "0804", "Gorzów Wielkopolski": "0861", "Żary": "0811",
    "Świebodzin": "0808", "Słubice": "0805", "Sulechów": "0809", "Krosno Odrzańskie": "0802",
}  # fmt: skip


def offer(spec: dict[str, Any]) -> Offer:
    return Offer(
        id=spec["id"],
        title=spec["title"],
        kind=OfferKind(spec["kind"]),
        url=f"https://example.org/oferta/{spec['id']}",
        source_id=1,
        external_id=str(spec["id"]),
        content_hash="x",
        isced_code=spec["isced"],
        isced_broad=spec["isced"][:2],
        isced_narrow=spec["isced"][:3],
        zsu_area=spec.get("zsu"),
        prk_level=spec.get("prk"),
        form=DeliveryForm(spec.get("form", "on_site")),
        language=spec.get("language", "pl"),
        duration_hours=spec.get("hours"),
        funding=spec.get("funding"),
        editions=[edition(e) for e in spec["runs"]],
    )


def documents() -> list[dict[str, Any]]:
    return [offer_document(offer(spec), today=TODAY) for spec in SPECS]


def where(predicate: Any) -> set[int]:
    """Ids of the offers whose spec satisfies the predicate: the tests' independent answer."""
    return {spec["id"] for spec in SPECS if predicate(spec)}


def any_run(spec: dict[str, Any], predicate: Any) -> bool:
    return any(predicate(r) for r in spec["runs"])


def km(a: str, b: str) -> float:
    """Great-circle distance between two towns of the place table, computed here independently."""
    return _haversine(*_coordinates(a), *_coordinates(b))


def _coordinates(town: str) -> tuple[float, float]:
    place = locate(town)
    assert place is not None, town
    return place.lat, place.lon


def nearest_km(spec: dict[str, Any], town: str) -> float | None:
    """The distance to an offer's nearest upcoming (or undated) edition, as the sort means it."""
    placed = [r for r in spec["runs"] if r["town"] and r.get("form") != "online"]
    current = [r for r in placed if r["start"] is None or r["start"] >= 0] or placed
    return min((km(town, r["town"]) for r in current), default=None)


def matches(document: dict[str, Any], condition: Condition) -> bool:
    """A reference reading of `search.conditions` on a search document, for the test oracle."""
    if isinstance(condition, AnyOf):
        value = document.get(condition.field)
        values = value if isinstance(value, list) else [value]
        return bool(set(map(str, values)) & set(condition.values))
    if isinstance(condition, IsTrue):
        return document.get(condition.field) is True
    if isinstance(condition, Between):
        return any(_between(v, condition) for v in _listed(document.get(condition.field)))
    if isinstance(condition, Within):
        return any(
            _haversine(condition.lat, condition.lon, lat, lon) <= condition.km
            for lat, lon in document.get(condition.field) or ()
        )
    if isinstance(condition, Either):
        return any(matches(document, part) for part in condition.parts)
    raise AssertionError(condition)


def _listed(value: Any) -> list[Any]:
    return [v for v in (value if isinstance(value, list) else [value]) if v is not None]


def _between(value: Any, condition: Between) -> bool:
    if isinstance(condition.low or condition.high, date):
        value = date.fromisoformat(value)
    low, high = condition.low, condition.high
    return (low is None or value >= low) and (high is None or value <= high)


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dp, dl = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))
