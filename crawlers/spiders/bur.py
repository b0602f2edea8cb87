"""BUR, the development-services database (PARP): its REST API, in the shape public clients read.

Login `POST /autoryzacja/logowanie` -> bearer token; services `GET /usluga?idWojewodztwa=4&strona=N`
(4 = lubuskie, 25 a page); the schedule of each live service `GET /usluga/{id}/harmonogram?strona=N`
in the same envelope. Prices are integer grosze. The status word goes to the normaliser as it is
(only OPUBLIKOWANA is live there); remote services (forms 2, 3, 6) come without `adres`.
A real record carries ids only, no labels: kind, form, category and subcategory go to the
normaliser as BUR's ids ("147", "1", "469"), which it knows (tests/crawlers/recorded/bur/real/).

The registry sets the credentials (`login`, `api_key`) and may point the URLs elsewhere
(`start_urls`, `login_url`, `url_template`); `fetch_schedule = false` skips the schedules.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from crawlers.items import RawOffer
from crawlers.settings import OFF_WORDS
from crawlers.spiders.base.json_api import JsonApiSpider

API = "https://uslugirozwojowe.parp.gov.pl/api"
SITE = "https://uslugirozwojowe.parp.gov.pl"
LIVE_STATUSES = ("OPUBLIKOWANA",)


def funding(record: dict[str, Any]) -> str | None:
    forms = record.get("formyDofinansowania") or []
    names = [f.get("nazwa") if isinstance(f, dict) else f for f in forms]
    return ", ".join(str(n) for n in names if n) or None


def street(record: dict[str, Any]) -> str | None:
    adres = record.get("adres") or {}
    number = "/".join(str(n) for n in (adres.get("numerBudynku"), adres.get("numerLokalu")) if n)
    return " ".join(p for p in (adres.get("nazwaUlicy"), number) if p) or None


def bur_id(id_field: str) -> Any:
    """BUR's id as text: `idPodrodzajuUslugi` 147 -> "147" (the normaliser's tables are by id)."""

    def spec(record: dict[str, Any]) -> str | None:
        value = record.get(id_field)
        return str(value) if value not in (None, "") else None

    return spec


def provider_id(record: dict[str, Any]) -> str | None:
    provider = record.get("dostawcaUslug")
    return str(provider["id"]) if provider and provider.get("id") is not None else None


def session(entry: Any) -> dict[str, Any] | None:
    """One schedule entry in the source's own values: {data, od, do, temat, typ}; `typ` is
    ZAJECIA, PRZERWA or WALIDACJA (documented by public clients)."""
    if not isinstance(entry, dict):
        return None
    return {
        "data": entry.get("data"),
        "od": entry.get("godzinaRozpoczecia"),
        "do": entry.get("godzinaZakonczenia"),
        "temat": entry.get("temat"),
        "typ": entry.get("typAktywnosci"),
    }


def schedule_url(list_url: str, service_id: Any) -> str:
    """`.../api/usluga?idWojewodztwa=4` -> `.../api/usluga/{id}/harmonogram`."""
    parts = urlsplit(list_url)
    path = f"{parts.path.rstrip('/')}/{service_id}/harmonogram"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def as_flag(value: Any) -> bool:
    """A spider argument as a boolean: True, "true", "1", "tak"; False, "", and the registry's
    words for off ("false", "0", "nie", …)."""
    if isinstance(value, str):
        return value.strip().lower() not in OFF_WORDS | {""}
    return bool(value)


class BurSpider(JsonApiSpider):
    name = "bur"
    start_urls = [f"{API}/usluga?idWojewodztwa=4"]  # noqa: RUF012
    login_url = f"{API}/autoryzacja/logowanie"
    url_template = f"{SITE}/wyszukiwarka/uslugi/podglad?id={{id}}"
    fetch_schedule: bool | str = True
    offer_fields = {  # noqa: RUF012
        "title": "tytul",
        "description": "celEdukacyjny",
        "provider_name": "dostawcaUslug.nazwa",
        "provider_id": provider_id,
        "kind": bur_id("idPodrodzajuUslugi"),
        "category": bur_id("idKategoriiUslugi"),
        "subcategory": bur_id("idPodkategoriiUslugi"),
        "form": bur_id("idFormySwiadczenia"),
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
        "numer", "idKategoriiUslugi", "idPodkategoriiUslugi", "idRodzajuUslugi",
        "idPodrodzajuUslugi", "idFormySwiadczenia", "idKwalifikacjiKkz", "idKwalifikacjiZrk",
        "kwalifikacjeKuz", "inneKwalifikacje", "celBiznesowy", "efektUslugi", "efektyUczeniaSie",
        "programUslugi", "warunkiUczestnictwa", "warunkiTechniczne", "informacjeDodatkowe",
        "szczegolyMiejscaRealizacji", "cenaBruttoZaUsluge", "cenaNettoZaUsluge",
        "cenaNettoZaUczestnika", "cenaBruttoZaGodzine", "cenaNettoZaGodzine",
        "czyCenaDotyczyCalejUslugi", "czyUslugaDofinansowana", "formyDofinansowania",
        "czyProwadziDoNabyciaKompetencji", "minimalnaLiczbaUczestnikow",
        "adres.idWojewodztwa", "adres.idMiejscowosci", "osobaKontaktowa", "ocena",
        "listaProjektow", "warunkiLogistyczne",
    )  # fmt: skip

    def follow_up_url(self, record: dict[str, Any], item: RawOffer) -> str | None:
        # A cancelled or finished service is withdrawn by the normaliser: its schedule is
        # not worth a request (the API asks for about one a second).
        if not as_flag(self.fetch_schedule) or record.get("status") not in LIVE_STATUSES:
            return None
        return schedule_url(self.start_urls[0], record[self.id_field])

    def with_follow_up(self, item: RawOffer, entries: list[Any]) -> RawOffer:
        sessions = [session(entry) for entry in entries]
        item.extras["harmonogram"] = [s for s in sessions if s is not None]
        return item
