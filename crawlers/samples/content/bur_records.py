"""Turn BUR subject blocks into service records with BUR's own field names and a schedule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from crawlers.samples.content import bur_places as places
from crawlers.samples.content.bur_catalogue import (
    CATEGORIES,
    FEL,
    FORMS,
    KFS,
    PODRODZAJE,
    REMOTE_FORMS,
    RODZAJ,
    SUBCATEGORIES,
    Run,
    Subject,
)
from crawlers.samples.content.bur_subjects_office import SUBJECTS as OFFICE
from crawlers.samples.content.bur_subjects_people import SUBJECTS as PEOPLE
from crawlers.samples.content.bur_subjects_tech import SUBJECTS as TECH
from crawlers.samples.content.common import TODAY, bur_datetime, day, rng

FIRST_ID = 3000001
PUBLIC_PROVIDERS = {"uz", "ajp", "zdz"}  # education services exempt from VAT

# pattern: (weekdays with sessions, start hour, hours per session, weeks between cycles)
PATTERNS: dict[str, tuple[tuple[int, ...], int, int, int]] = {
    "dni": ((0, 1, 2, 3, 4), 8, 8, 1),
    "popoludnia": ((), 16, 4, 1),  # the start's weekday and two days later
    "weekendy": ((5, 6), 9, 8, 1),
    "studia": ((5, 6), 8, 8, 2),
    "elearning": ((0, 1, 2, 3, 4), 10, 2, 1),
    "egzamin": ((0, 1, 2, 3, 4), 10, 2, 1),
}

DEFAULT_TERMS = {
    145: (
        "Zgłoszenie przez Bazę Usług Rozwojowych i potwierdzenie udziału przez organizatora. "
        "Warunkiem otrzymania zaświadczenia jest obecność na co najmniej 80% zajęć."
    ),
    146: (
        "Zgłoszenie przez Bazę Usług Rozwojowych. Warunkiem przystąpienia do egzaminu "
        "jest obecność na co najmniej 80% zajęć."
    ),
    148: "Zgłoszenie przez Bazę Usług Rozwojowych najpóźniej w dniu zakończenia rekrutacji.",
}


def sessions(subject: Subject, start: date) -> list[tuple[date, int, int]]:
    """(day, start hour, hours) for every session until the subject's hours are used up."""
    weekdays, hour, per_session, every = PATTERNS[subject.pattern]
    if not weekdays:
        weekdays = (start.weekday(), (start.weekday() + 2) % 7)
    result: list[tuple[date, int, int]] = []
    left, current = subject.hours, start
    while left > 0:
        week = (current - start).days // 7
        if current.weekday() in weekdays and week % every == 0:
            hours = min(per_session, left)
            result.append((current, hour, hours))
            left -= hours
        current += timedelta(days=1)
    return result


def schedule(subject: Subject, service_id: int, start: date) -> list[dict[str, Any]]:
    entries = sessions(subject, start)
    topics = subject.tematy
    rows = []
    for index, (when, hour, hours) in enumerate(entries):
        topic = topics[min(index * len(topics) // len(entries), len(topics) - 1)]
        rows.append(
            {
                "id": service_id * 100 + index + 1,
                "temat": topic,
                "data": when.isoformat(),
                "godzinaRozpoczecia": f"{hour:02d}:00",
                "godzinaZakonczenia": f"{hour + hours:02d}:00",
            }
        )
    return rows


def funding(run: Run, subject: Subject, service_id: int) -> list[str]:
    if run.funding is not None:
        return list(run.funding)
    if subject.price == 0:
        return [FEL]
    options: list[list[str]] = [[], [], [KFS], [KFS], [FEL], [KFS, FEL]]
    return rng("funding", service_id).choice(options)


def prices(subject: Subject, run_funding: list[str], provider: str) -> dict[str, Any]:
    gross = subject.price * 100
    exempt = bool(run_funding) or provider in PUBLIC_PROVIDERS
    net = gross if exempt else round(gross / 1.23)
    group = subject.seats[1] if subject.whole_group_price else 1
    return {
        "cenaBruttoZaUsluge": gross * group,
        "cenaNettoZaUsluge": net * group,
        "cenaBruttoZaUczestnika": gross,
        "cenaNettoZaUczestnika": net,
        "cenaBruttoZaGodzine": round(gross / subject.hours),
        "czyCenaDotyczyCalejUslugi": subject.whole_group_price,
    }


FORM_PHRASES = {
    1: "w formie stacjonarnej",
    2: "zdalnie w czasie rzeczywistym",
    3: "zdalnie, na platformie e-learningowej, we własnym tempie",
    4: "w formie mieszanej: stacjonarnie i zdalnie w czasie rzeczywistym",
    5: "w formie mieszanej: stacjonarnie i na platformie e-learningowej",
    6: "zdalnie: na platformie e-learningowej i na zajęciach online na żywo",
}


def program_text(subject: Subject, form: int) -> str:
    lines = [f"{number}. {topic}" for number, topic in enumerate(subject.tematy, start=1)]
    return (
        "Program usługi:\n" + "\n".join(lines) + f"\nUsługa jest realizowana {FORM_PHRASES[form]}. "
        "Godziny w harmonogramie są godzinami zegarowymi."
    )


def classification(subject: Subject, form: int) -> dict[str, Any]:
    sub_name, category, _isced = SUBCATEGORIES[subject.sub]
    return {
        "idKategoriiUslugi": category,
        "kategoriaUslugi": CATEGORIES[category],
        "idPodkategoriiUslugi": subject.sub,
        "podkategoriaUslugi": sub_name,
        "idRodzajuUslugi": RODZAJ[0],
        "rodzajUslugi": RODZAJ[1],
        "idPodrodzajuUslugi": subject.kind,
        "podrodzajUslugi": PODRODZAJE[subject.kind],
        "idFormySwiadczenia": form,
        "formaSwiadczenia": FORMS[form],
    }


def record(subject: Subject, run: Run, service_id: int) -> dict[str, Any]:
    provider = run.provider or subject.provider
    plan = schedule(subject, service_id, day(run.start))
    first, last = day(plan[0]["data"]), day(plan[-1]["data"])
    random = rng("bur", service_id)
    # A service is published weeks before it starts, and never after the sample's "today".
    published = min(first - timedelta(days=random.randint(35, 80)), TODAY - timedelta(days=2))
    provider_id = places.PROVIDERS[provider][0]
    run_funding = funding(run, subject, service_id)
    remote_without_venue = run.form in REMOTE_FORMS and run.place is None
    return {
        "id": service_id,
        "numer": f"{published:%Y/%m/%d}/{provider_id}/{service_id}",
        "tytul": subject.title,
        "status": run.status,
        "dataRozpoczeciaUslugi": bur_datetime(first),
        "dataZakonczeniaUslugi": bur_datetime(last),
        "dataZakonczeniaRekrutacji": bur_datetime(first - timedelta(days=random.randint(2, 7))),
        **classification(subject, run.form),
        "idKwalifikacjiKkz": None,
        "idKwalifikacjiZrk": None,
        "kwalifikacjeKuz": [],
        "inneKwalifikacje": list(subject.inne),
        "celEdukacyjny": subject.cel,
        "efektyUczeniaSie": list(subject.efekty),
        "programUslugi": program_text(subject, run.form),
        "grupaDocelowa": subject.grupa,
        "warunkiUczestnictwa": subject.warunki or DEFAULT_TERMS[subject.kind],
        **prices(subject, run_funding, provider),
        "czyUslugaDofinansowana": bool(run_funding),
        "formyDofinansowania": run_funding,
        "liczbaGodzin": subject.hours,
        "minimalnaLiczbaUczestnikow": subject.seats[0],
        "maksymalnaLiczbaUczestnikow": subject.seats[1],
        "adres": None if remote_without_venue else places.address(run.place or ""),
        "dostawcaUslug": places.provider(provider),
        "osobaKontaktowa": places.contact(provider),
        "ocena": places.rating(provider),
        "_harmonogram": plan,
    }


def build_bur() -> list[dict[str, Any]]:
    records = []
    service_id = FIRST_ID
    for subject in (*TECH, *OFFICE, *PEOPLE):
        for run in subject.runs:
            records.append(record(subject, run, service_id))
            service_id += 1
    return records
