"""A BUR-like API (`/bur/api`) and the public service page people open (`/bur/wyszukiwarka`).

Behaviour copied from what public clients of the real API show or report: a login with
`nazwaUzytkownika` + `kluczAutoryzacyjny` returning a bearer token, 25 records per page in a
`{"strona", "elementyNaStrone", "wszystkieElementy", "lista"}` envelope, pages numbered from 1,
a 500 for an unknown query parameter, a 401 for a missing or expired token.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Mapping
from html import escape
from typing import Any

from samples.dataset import SampleData
from samples.replies import Reply, frame, html_reply, json_reply, not_found

PAGE_SIZE = 25
API_PREFIX = "/bur/api"
PUBLIC_PAGE = "/bur/wyszukiwarka/uslugi/podglad"
LIST_FILTERS = {
    "idWojewodztwa": ("adres", "idWojewodztwa"),
    "idKategoriiUslugi": ("idKategoriiUslugi",),
    "idPodkategoriiUslugi": ("idPodkategoriiUslugi",),
    "id": ("id",),
    "nipDostawcyUslug": ("dostawcaUslug", "nip"),
}
PRIVATE_PREFIX = "_"  # keys of the data file that the API never shows, e.g. "_harmonogram"


def error(status: int, message: str) -> Reply:
    return json_reply({"kod": status, "komunikat": message}, status=status)


class BurApi:
    """The API's state: accepted credentials and the tokens issued, with their expiry."""

    def __init__(self, credentials: Mapping[str, str], token_ttl: float = 3600.0) -> None:
        self.credentials = dict(credentials)
        self.token_ttl = token_ttl
        self._tokens: dict[str, float] = {}
        self._lock = threading.Lock()

    def expire_tokens(self) -> None:
        with self._lock:
            self._tokens.clear()

    def login(self, body: bytes) -> Reply:
        try:
            payload = json.loads(body or b"{}")
            user, key = payload["nazwaUzytkownika"], payload["kluczAutoryzacyjny"]
        except (ValueError, KeyError, TypeError):
            return error(400, "Wymagane pola: nazwaUzytkownika, kluczAutoryzacyjny.")
        if self.credentials.get(str(user)) != key:
            return error(401, "Nieprawidłowa nazwa użytkownika lub klucz autoryzacyjny.")
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = time.monotonic() + self.token_ttl
        return json_reply({"token": token})

    def authorised(self, authorization: str | None) -> bool:
        scheme, _, token = (authorization or "").partition(" ")
        with self._lock:
            expiry = self._tokens.get(token.strip())
        return scheme.lower() == "bearer" and expiry is not None and expiry > time.monotonic()

    def handle_get(self, data: SampleData, path: str, query: dict[str, str]) -> Reply:
        rest = path[len(API_PREFIX) :].strip("/").split("/")
        if rest == ["usluga"]:
            return list_services(data, query)
        if len(rest) == 3 and rest[0] == "usluga" and rest[2] == "harmonogram":
            return schedule(data, rest[1], query)
        return error(404, "Nie znaleziono zasobu.")


def page_number(query: dict[str, str]) -> int | None:
    try:
        number = int(query.get("strona", "1"))
    except ValueError:
        return None
    return number if number >= 1 else None


def envelope(items: list[Any], page: int) -> dict[str, Any]:
    chunk = items[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return {
        "strona": page,
        "elementyNaStrone": PAGE_SIZE,
        "wszystkieElementy": len(items),
        "lista": chunk,
    }


def list_services(data: SampleData, query: dict[str, str]) -> Reply:
    unknown = set(query) - set(LIST_FILTERS) - {"strona"}
    if unknown:
        # The real API answers an unknown parameter with a bare 500.
        return error(500, "Wewnętrzny błąd serwera.")
    page = page_number(query)
    if page is None:
        return error(400, "Parametr strona musi być liczbą całkowitą od 1.")
    records = [public_record(r) for r in data.bur if matches(r, query)]
    return json_reply(envelope(records, page))


def schedule(data: SampleData, record_id: str, query: dict[str, str]) -> Reply:
    record = data.bur_record(record_id)
    page = page_number(query)
    if record is None:
        return error(404, f"Nie znaleziono usługi o id {record_id}.")
    if page is None:
        return error(400, "Parametr strona musi być liczbą całkowitą od 1.")
    return json_reply(envelope(list(record.get("_harmonogram") or []), page))


def public_record(record: Any) -> Any:
    if not isinstance(record, dict):
        return record
    return {k: v for k, v in record.items() if not k.startswith(PRIVATE_PREFIX)}


def matches(record: Any, query: dict[str, str]) -> bool:
    if not isinstance(record, dict):
        return True  # a malformed record is served as it is, for the crawler to cope with
    for name, keys in LIST_FILTERS.items():
        if name not in query:
            continue
        value: Any = record
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        # Assumption: a remote service has no address and is listed in every voivodeship.
        if name == "idWojewodztwa" and record.get("adres") is None:
            continue
        if str(value) != query[name]:
            return False
    return True


def zloty(grosze: Any) -> str:
    if not isinstance(grosze, int):
        return "—"
    whole, cents = divmod(grosze, 100)
    return f"{whole:,}".replace(",", " ") + f",{cents:02d} zł"


def public_page(data: SampleData, query: dict[str, str]) -> Reply:
    record = data.bur_record(query.get("id", ""))
    if record is None:
        return not_found("Nie znaleziono usługi.")
    adres = record.get("adres") or {}
    provider = (record.get("dostawcaUslug") or {}).get("nazwa", "")
    rows = [
        ("Numer usługi", record.get("numer")),
        ("Dostawca usług", provider),
        ("Rodzaj", record.get("podrodzajUslugi")),
        ("Forma", record.get("formaSwiadczenia")),
        (
            "Termin",
            f"{record.get('dataRozpoczeciaUslugi')} – {record.get('dataZakonczeniaUslugi')}",
        ),
        ("Miejsce", adres.get("nazwaMiejscowosci") or "usługa zdalna"),
        ("Cena za uczestnika (brutto)", zloty(record.get("cenaBruttoZaUczestnika"))),
        ("Liczba godzin", record.get("liczbaGodzin")),
    ]
    table = "".join(
        f"<tr><th>{escape(label)}</th><td>{escape(str(value or '—'))}</td></tr>"
        for label, value in rows
    )
    body = (
        f"<h1 class='service-name'>{escape(str(record.get('tytul') or ''))}</h1>"
        f"<table class='service-details'>{table}</table>"
        f"<section><h2>Cel edukacyjny</h2><p>{escape(str(record.get('celEdukacyjny') or ''))}</p>"
        f"<h2>Program</h2><p>{escape(str(record.get('programUslugi') or ''))}</p></section>"
    )
    return html_reply(
        frame(
            str(record.get("tytul") or "Usługa"), body, site_name="Baza Usług Rozwojowych (próbka)"
        )
    )
