"""Writes the BUR recordings of this folder: bodies shaped like the real API's, and exchanges.toml.

    .venv/bin/python tests/crawlers/recorded/bur/build_recordings.py

The content (courses.py, editions.py) is invented; a service has exactly the keys, nesting and
JSON types of a real record (real/usluga-sciezki.json, checked by test_bur_real_shape.py); the
schedule follows what public clients read (see README.md here). The output is deterministic.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from courses import (
    COURSES,
    KINDS,
    PLACES,
    PROVIDERS,
    REMOTE_CONDITIONS,
    REMOTE_FORMS,
    SUBCATEGORIES,
    Course,
)
from editions import EDITIONS, OK

HERE = Path(__file__).resolve().parent
WARSAW = ZoneInfo("Europe/Warsaw")
PAGE_SIZE = 25  # fixed by the API [R]
LOGIN = "katalog.lll@wup-zielonagora.example"
API_KEY = "8f1c2e7a-recorded-api-key-3b9d"
RECORDED_ON = datetime(2026, 11, 20, 9, 12, 44, tzinfo=WARSAW)
BLENDED_REMOTE_PART = {
    4: " (zajęcia zdalne w czasie rzeczywistym)",
    5: " (zajęcia zdalne – platforma e-learningowa)",
    6: " (zajęcia zdalne w czasie rzeczywistym)",
}


def timestamp(day: date) -> str:
    """A day as the API writes it: midnight with the Warsaw offset of that day."""
    return datetime.combine(day, time(), WARSAW).isoformat()


def session_days(start: date, count: int, pattern: str) -> list[date]:
    wanted = {
        "weekdays": {0, 1, 2, 3, 4},
        "evenings": {1, 3},  # Tuesdays and Thursdays
        "saturdays": {5},
        "weekend": {5, 6},  # every other weekend, as postgraduate studies meet
    }[pattern]
    days, day = [], start
    while len(days) < count:
        off_week = pattern == "weekend" and ((day - start).days // 7) % 2 == 1
        if day.weekday() in wanted and not off_week:
            days.append(day)
        day += timedelta(days=1)
    return days


def schedule(course: Course, start: date, form: int, first_id: int) -> list[dict[str, Any]]:
    count, hours, first_hour, pattern = course.sessions
    entries = []
    for n, day in enumerate(session_days(start, count, pattern)):
        topic = course.topics[n * len(course.topics) // count]
        if form in BLENDED_REMOTE_PART and n % 3 == 1:
            topic += BLENDED_REMOTE_PART[form]
        entries.append(
            {
                "id": first_id + n,
                "temat": topic,
                "data": timestamp(day),
                "godzinaRozpoczecia": f"{first_hour:02d}:00:00",
                "godzinaZakonczenia": f"{first_hour + hours:02d}:00:00",
                # ZAJECIA | PRZERWA | WALIDACJA, as a public client documents them
                "typAktywnosci": "WALIDACJA" if course.podrodzaj == 148 else "ZAJECIA",
            }
        )
    return entries


def seats(course: Course) -> tuple[int, int]:
    if course.podrodzaj == 152:
        return 1, 1
    if course.podrodzaj == 147:
        return 15, 30
    if course.podkategoria in (516, 582):
        return 1, 6
    return 4, 12


def address(place: str | None) -> dict[str, Any] | None:
    if place is None:
        return None
    town, town_id, postcode, street, building, flat = PLACES[place]
    # The real record's adres: BUR's own ids (not TERYT); phone and coordinates were null
    # in every real record seen.
    return {
        "idKraju": 209,
        "nazwaKraju": "Polska",
        "idWojewodztwa": 4,
        "nazwaWojewodztwa": "lubuskie",
        "idMiejscowosci": town_id,
        "nazwaMiejscowosci": town,
        "idUlicy": town_id * 10 + len(street),
        "nazwaUlicy": street,
        "kodPocztowy": postcode,
        "numerBudynku": building,
        "numerLokalu": flat,
        "telefon": None,
        "dlugoscGeograficzna": None,
        "szerokoscGeograficzna": None,
    }


def provider(key: str) -> dict[str, Any]:
    p = PROVIDERS[key]
    logo = {"url": f"https://uslugirozwojowe.parp.gov.pl/api/file/preview?token=logo-{p.id}",
            "nazwa": f"logo-{p.id}.png", "rozszerzenie": None} if p.logo else None  # fmt: skip
    return {"id": p.id, "nazwa": p.nazwa, "logo": logo}


def prices(course: Course, hours: int) -> dict[str, Any]:
    gross = course.price_zl * 100
    net = round(gross / 1.23) if course.vat else gross  # training is VAT-exempt when funded
    return {
        "cenaBruttoZaUsluge": gross,
        "cenaNettoZaUsluge": net,
        "cenaBruttoZaUczestnika": gross,
        "cenaNettoZaUczestnika": net,
        "cenaBruttoZaGodzine": round(gross / hours),
        "cenaNettoZaGodzine": round(net / hours),
        "czyCenaDotyczyCalejUslugi": course.podrodzaj == 152,
    }


def service(row: tuple[Any, ...], service_id: int, sessions: list[dict[str, Any]]) -> dict:
    key, published, start, form, place, status, funding = row
    course = COURSES[key]
    count, hours_each = course.sessions[0], course.sessions[1]
    hours = count * hours_each
    rodzaj_id = KINDS[course.podrodzaj][0]
    category_id = SUBCATEGORIES[course.podkategoria][0]
    enrolment_end = start - timedelta(days=7 if course.podrodzaj == 148 else 3)
    minimum, maximum = seats(course)
    contact = PROVIDERS[course.provider]
    return {
        "id": service_id,
        "numer": f"{published:%Y/%m/%d}/{contact.id}/{service_id}",
        "tytul": course.tytul,
        "status": status,
        "dataRozpoczeciaUslugi": timestamp(start),
        "dataZakonczeniaUslugi": sessions[-1]["data"],
        "dataZakonczeniaRekrutacji": timestamp(enrolment_end),
        # Ids only: a real record has no labels (kategoriaUslugi, formaSwiadczenia, …).
        "idKategoriiUslugi": category_id,
        "idPodkategoriiUslugi": course.podkategoria,
        "idRodzajuUslugi": rodzaj_id,
        "idPodrodzajuUslugi": course.podrodzaj,
        "idFormySwiadczenia": form,
        "idKwalifikacjiKkz": None,
        "idKwalifikacjiZrk": None,
        "kwalifikacjeKuz": [],
        "inneKwalifikacje": list(course.inne_kwalifikacje),
        "celBiznesowy": course.cel_biznesowy,
        "celEdukacyjny": course.cel_edukacyjny,
        "efektUslugi": "Uczestnik po zakończeniu usługi: " + " ".join(course.efekty),
        "efektyUczeniaSie": "\n".join(course.efekty),
        "programUslugi": "\n".join(f"{n}. {t}" for n, t in enumerate(course.topics, 1)),
        "grupaDocelowa": course.grupa,
        "warunkiUczestnictwa": course.warunki,
        "warunkiTechniczne": REMOTE_CONDITIONS if form in REMOTE_FORMS else None,
        "informacjeDodatkowe": course.informacje or None,
        "szczegolyMiejscaRealizacji": None if form in REMOTE_FORMS else PLACE_DETAILS,
        **prices(course, hours),
        "czyUslugaDofinansowana": bool(funding),
        "liczbaGodzin": hours,
        "minimalnaLiczbaUczestnikow": minimum,
        "maksymalnaLiczbaUczestnikow": maximum,
        "adres": address(None if form in REMOTE_FORMS else place),
        "dostawcaUslug": provider(course.provider),
        "osobaKontaktowa": {
            "imieNazwisko": contact.contact,
            "email": contact.email,
            "telefon": f"68 555 {contact.id % 10_000:04d}",
            "zdjecie": None,
        },
        "ocena": rating(contact.id, contact.ocena),
        "listaProjektow": [],
        "warunkiLogistyczne": [],
        "formyDofinansowania": list(funding),
        "czyProwadziDoNabyciaKompetencji": bool(course.inne_kwalifikacje),
        **NO_CERTIFICATION,
    }


PLACE_DETAILS = "Sala szkoleniowa na parterze, wejście od dziedzińca."
# Fields of certification and validation by a registered body (ZRK), null or false in the real
# records seen and in these courses.
NO_CERTIFICATION: dict[str, Any] = {
    **dict.fromkeys((
        "idPodstawyPrawnejDlaPodmiotu", "kodyDostepowe", "kosztCertyfikowaniaBrutto",
        "kosztCertyfikowaniaNetto", "kosztWalidacjiBrutto", "kosztWalidacjiNetto",
        "materialyDlaUczestnikow", "metodaOsiagnieciaEfektUslugi", "nazwaPodmiotuCertyfikujacego",
        "nazwaPodmiotuProwadzacegoWalidacje", "podstawaUzyskaniaWpisuCertyfikat",
        "podstawaUzyskaniaWpisuUprawnienie", "sposobOsiagnieciaEfektowUczeniaSie",
        "zakresUprawnien", "zrkNazwaPodmiotuCertyfikujacego",
        "zrkNazwaPodmiotuProwadzacegoWalidacje",
    )),
    **dict.fromkeys((
        "czyZarejestrowanyPodmiotCertyfikujacy", "czyZarejestrowanyPodmiotProwadzacyWalidacje",
        "zrkCzyZarejestrowanyPodmiotCertyfikujacy",
        "zrkCzyZarejestrowanyPodmiotProwadzacyWalidacje",
    ), False),
}  # fmt: skip


def rating(provider_id: int, average: float | None) -> dict[str, Any]:
    """`ocena` as the real record has it: {liczbaOcen, sredniaZOcen}, 0 and 0.0 when unrated."""
    if average is None:
        return {"liczbaOcen": 0, "sredniaZOcen": 0.0}
    return {"liczbaOcen": 3 + provider_id % 40, "sredniaZOcen": average}


def service_ids() -> list[int]:
    """Ids grow with publication: BUR numbers its services as they are published."""
    ids, previous_day, same_day = [], None, 0
    for _, published, *_ in EDITIONS:
        same_day = same_day + 1 if published == previous_day else 0
        previous_day = published
        ids.append(2_930_000 + published.timetuple().tm_yday * 1350 + same_day * 211 + 17)
    return ids


def envelope(items: list[Any], page: int) -> dict[str, Any]:
    chunk = items[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return {"strona": page, "elementyNaStrone": PAGE_SIZE, "wszystkieElementy": len(items),
            "lista": chunk}  # fmt: skip


def token() -> str:
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    issued = int(RECORDED_ON.timestamp())
    header = b64(json.dumps({"alg": "HS512", "typ": "JWT"}, separators=(",", ":")).encode())
    claims = b64(
        json.dumps(
            {"sub": LOGIN, "iat": issued, "exp": issued + 3600}, separators=(",", ":")
        ).encode()
    )
    return f"{header}.{claims}.{b64(hashlib.sha512(b'recorded').digest())}"


def write(name: str, payload: Any) -> str:
    path = HERE / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return name


def main() -> None:
    bearer = f"Bearer {token()}"
    services, schedules, next_entry = [], {}, 61_204_331
    for row, service_id in zip(EDITIONS, service_ids(), strict=True):
        course, start, form = COURSES[row[0]], row[2], row[3]
        sessions = schedule(course, start, form, next_entry)
        next_entry += len(sessions) + 7
        services.append(service(row, service_id, sessions))
        if row[5] == OK:
            schedules[service_id] = sessions
    exchanges = Exchanges(bearer)
    exchanges.logins(write("autoryzacja-logowanie.json", {"token": token()}))
    exchanges.paged("/api/usluga", {"idWojewodztwa": "4"}, services, "usluga-strona-{page}.json")
    for service_id, sessions in schedules.items():
        exchanges.paged(f"/api/usluga/{service_id}/harmonogram", {}, sessions,
                        f"harmonogram/{service_id}-strona-{{page}}.json")  # fmt: skip
    (HERE / "exchanges.toml").write_text(exchanges.text(), encoding="utf-8")


class Exchanges:
    """exchanges.toml: every body with its request, and a 401 for any other token."""

    def __init__(self, bearer: str) -> None:
        self.bearer = bearer
        self.blocks = [HEADER]
        write("blad-401-logowanie.json", {"kod": 401, "komunikat":
              "Nieprawidłowa nazwa użytkownika lub klucz autoryzacyjny."})  # fmt: skip
        write("blad-401-token.json", {"kod": 401, "komunikat":
              "Brak ważnego tokenu. Zaloguj się ponownie."})  # fmt: skip

    def logins(self, body: str) -> None:
        self.blocks.append(
            f'[[exchange]]\nmethod = "POST"\npath = "/api/autoryzacja/logowanie"\n'
            f'request_json = {{ nazwaUzytkownika = "{LOGIN}", kluczAutoryzacyjny = "{API_KEY}" }}\n'
            f'body = "{body}"\n\n'
            "# Any other login or key.\n"
            '[[exchange]]\nmethod = "POST"\npath = "/api/autoryzacja/logowanie"\nstatus = 401\n'
            'body = "blad-401-logowanie.json"\n'
        )

    def paged(self, path: str, query: dict[str, str], items: list[Any], pattern: str) -> None:
        pages = max(1, -(-len(items) // PAGE_SIZE))
        for page in range(1, pages + 1):
            body = write(pattern.format(page=page), envelope(items, page))
            fields = ", ".join(f'{k} = "{v}"' for k, v in {**query, "strona": str(page)}.items())
            self.blocks.append(
                f'[[exchange]]\npath = "{path}"\nquery = {{ {fields} }}\n'
                f'headers = {{ Authorization = "{self.bearer}" }}\nbody = "{body}"\n'
            )
        self.blocks.append(
            "# No token, or one the API did not issue or has expired.\n"
            f'[[exchange]]\npath = "{path}"\nstatus = 401\nbody = "blad-401-token.json"\n'
        )

    def text(self) -> str:
        return "\n".join(self.blocks)


HEADER = f"""# The BUR API as recorded for the crawler tests (by build_recordings.py: do not edit).
# Login {LOGIN} with key {API_KEY}; recorded on {RECORDED_ON:%Y-%m-%d}. See README.md.
"""

if __name__ == "__main__":
    main()
