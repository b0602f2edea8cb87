"""BUR, the development-services database (PARP): its REST API, read as research/sources.md §1 says.

The registry sets the URLs (the sample server's or the real API's) and the credentials.
"""

from __future__ import annotations

from typing import Any

from crawlers.spiders.base.json_api import JsonApiSpider


def funding(record: dict[str, Any]) -> str | None:
    forms = record.get("formyDofinansowania") or []
    names = [f.get("nazwa") if isinstance(f, dict) else f for f in forms]
    return ", ".join(str(n) for n in names if n) or None


def street(record: dict[str, Any]) -> str | None:
    adres = record.get("adres") or {}
    number = "/".join(str(n) for n in (adres.get("numerBudynku"), adres.get("numerLokalu")) if n)
    return " ".join(p for p in (adres.get("nazwaUlicy"), number) if p) or None


class SampleBurSpider(JsonApiSpider):
    name = "sample_bur"
    offer_fields = {  # noqa: RUF012
        "title": "tytul",
        "description": "celEdukacyjny",
        "provider_name": "dostawcaUslug.nazwa",
        "provider_id": lambda r: str(r["dostawcaUslug"]["id"]) if r.get("dostawcaUslug") else None,
        "kind": "podrodzajUslugi",
        "category": "kategoriaUslugi",
        "subcategory": "podkategoriaUslugi",
        "form": "formaSwiadczenia",
        "duration_hours": "liczbaGodzin",
        "funding": funding,
        "status": "status",
        "audience": "grupaDocelowa",
    }
    edition_fields = {  # noqa: RUF012
        "external_id": "numer",
        "start": "dataRozpoczeciaUslugi",
        "end": "dataZakonczeniaUslugi",
        "enrolment_end": "dataZakonczeniaRekrutacji",
        "town": "adres.nazwaMiejscowosci",
        "address": street,
        "postcode": "adres.kodPocztowy",
        "price": "cenaBruttoZaUczestnika",
        "seats": "maksymalnaLiczbaUczestnikow",
    }
    edition_defaults = {"price_in_grosze": True}  # noqa: RUF012
    extras_fields = (
        "numer", "idKategoriiUslugi", "idPodkategoriiUslugi", "idRodzajuUslugi", "rodzajUslugi",
        "idPodrodzajuUslugi", "idFormySwiadczenia", "idKwalifikacjiKkz", "idKwalifikacjiZrk",
        "kwalifikacjeKuz", "inneKwalifikacje", "efektyUczeniaSie", "programUslugi",
        "warunkiUczestnictwa", "cenaBruttoZaUsluge", "cenaNettoZaUsluge", "cenaNettoZaUczestnika",
        "cenaBruttoZaGodzine", "czyCenaDotyczyCalejUslugi", "czyUslugaDofinansowana",
        "minimalnaLiczbaUczestnikow", "adres.idWojewodztwa", "adres.idMiejscowosci",
        "osobaKontaktowa", "ocena",
    )  # fmt: skip
