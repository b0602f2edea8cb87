"""An institution's offer as it writes it (form, upload, API), and the check of every field.

`OfferFields` holds the columns of docs/feeds.md in the institution's own words (the form, a
file's row and an API body all fill it); `check_offer` reads them with the normaliser
(`catalogue.normalise`) and says what is wrong, each `Problem` with a stable code, the feeds.md
column, a plain Polish message and an English one, and a severity: an `error` stops the offer
from being saved, a `warning` is shown and saved with it. The reading (ISCED, PRK, ZSU area,
powiat…) is what the catalogue will file the offer as, shown to the institution before it saves.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Any, Literal

from catalogue.models import DeliveryForm
from catalogue.normalise import normalise
from catalogue.normalise.dates import parse_date
from catalogue.normalise.forms import parse_form
from catalogue.normalise.kinds import resolve_kind
from catalogue.normalise.levels import stated_level
from catalogue.normalise.numbers import parse_count, parse_hours, parse_language
from catalogue.normalise.places import resolve_place
from catalogue.normalise.prices import parse_price
from catalogue.normalise.qualifications import find_code
from catalogue.normalise.result import NormalisedOffer, Unstorable
from catalogue.normalise.taxonomy import DATA_DIR, isced_codes, vocational_qualifications
from catalogue.normalise.text import as_text, looks_garbled
from catalogue.normalise.urls import REASONS, checked_url
from catalogue.raw import RawEdition, RawOffer

Severity = Literal["error", "warning"]
Value = str | int | float | date | None


@dataclass
class EditionFields:
    """One edition (termin), in the institution's words: feeds.md's edition columns."""

    external_id: str | None = None  # id_terminu
    start: Value = None  # data_rozpoczecia
    end: Value = None  # data_zakonczenia
    enrolment_end: Value = None  # koniec_zapisow
    town: str | None = None  # miejscowosc
    address: str | None = None  # adres
    postcode: str | None = None  # kod_pocztowy
    price: Value = None  # cena
    seats: Value = None  # liczba_miejsc
    form: str | None = None  # forma (of this edition)

    def is_empty(self) -> bool:
        return all(as_text(v) is None for v in asdict(self).values())


@dataclass
class OfferFields:
    """Every field of an offer, in the institution's words: feeds.md's offer columns."""

    title: str | None = None  # tytul
    url: str | None = None  # url
    description: str | None = None  # opis
    kind: str | None = None  # rodzaj
    category: str | None = None  # kategoria
    qualification_code: str | None = None  # kod_kwalifikacji
    qualification_name: str | None = None  # nazwa_kwalifikacji
    occupation: str | None = None  # zawod
    level: Value = None  # poziom_prk
    isced: str | None = None  # an ISCED-F code the institution states (form's correction)
    form: str | None = None  # forma
    language: str | None = None  # jezyk
    duration_hours: Value = None  # liczba_godzin
    funding: str | None = None  # finansowanie
    audience: str | None = None  # grupa_docelowa
    provider_name: str | None = None  # organizator, when not the institution itself
    provider_url: str | None = None  # organizator_www
    provider_town: str | None = None  # organizator_miejscowosc
    editions: list[EditionFields] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # columns the catalogue does not know

    def to_json(self) -> dict[str, Any]:
        """The fields as JSON values (dates as ISO text), empty editions left out."""
        data = asdict(self)
        data["editions"] = [asdict(e) for e in self.editions if not e.is_empty()]
        return _jsonable(data)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OfferFields:
        data = dict(data)
        editions = [EditionFields(**e) for e in data.pop("editions", [])]
        known = set(cls.__dataclass_fields__)
        return cls(editions=editions, **{k: v for k, v in data.items() if k in known})

    @classmethod
    def from_raw(cls, raw: RawOffer) -> OfferFields:
        """The fields of a RawOffer a file's rows were read into (`catalogue.feeds`)."""
        editions = [
            EditionFields(
                external_id=e.external_id, start=e.start, end=e.end,
                enrolment_end=e.enrolment_end, town=e.town, address=e.address,
                postcode=e.postcode, price=e.price, seats=e.seats, form=e.form,
            )
            for e in raw.editions
        ]  # fmt: skip
        values = {name: getattr(raw, name) for name in _OFFER_NAMES if name != "isced"}
        return cls(**values, isced=raw.isced, editions=editions, extras=dict(raw.extras))

    def to_raw(self, source: str, external_id: str) -> RawOffer:
        values = {name: getattr(self, name) for name in _OFFER_NAMES}
        editions = [
            RawEdition(**{k: v for k, v in asdict(e).items()})
            for e in self.editions
            if not e.is_empty()
        ]
        return RawOffer(
            source=source,
            external_id=external_id,
            url=self.url or "",
            title=as_text(self.title) or "",
            editions=editions,
            extras=dict(self.extras),
            **{k: v for k, v in values.items() if k not in ("url", "title")},
        )


_OFFER_NAMES = tuple(
    name for name in OfferFields.__dataclass_fields__ if name not in ("editions", "extras")
)


@dataclass(frozen=True)
class Problem:
    code: str  # stable: "unknown_place", "end_before_start"…
    column: str  # the feeds.md column, e.g. "data_zakonczenia"
    message_pl: str
    message_en: str
    severity: Severity = "error"
    edition: int | None = None  # the edition's index among the non-empty ones

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Checked:
    """What the check found: the normaliser's reading (None when the offer cannot be stored)
    and the problems."""

    normalised: NormalisedOffer | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return of_severity(self.problems, "error")

    @property
    def warnings(self) -> list[Problem]:
        return of_severity(self.problems, "warning")


def of_severity(problems: list[Problem], severity: Severity) -> list[Problem]:
    return [p for p in problems if p.severity == severity]


def check_offer(
    fields: OfferFields, *, source: str = "panel", external_id: str = "x", today: date | None = None
) -> Checked:
    """Check every field and read the offer as the catalogue will file it."""
    today = today or date.today()
    problems = _offer_problems(fields)
    editions = [e for e in fields.editions if not e.is_empty()]
    problems += _duplicate_editions(editions)
    for index, edition in enumerate(editions):
        problems += [
            Problem(p.code, p.column, p.message_pl, p.message_en, p.severity, index)
            for p in _edition_problems(edition, today)
        ]
    normalised = None
    if not any(p.code in _UNSTORABLE for p in problems):
        try:
            normalised = normalise(fields.to_raw(source, external_id), today)
        except Unstorable as exc:  # the checks above should have said why
            problems.append(_problem("unstorable", "tytul", str(exc), str(exc)))
    isced = as_text(fields.isced)
    if normalised is not None and isced:
        _apply_stated_isced(normalised, isced)
    return Checked(normalised, problems)


_UNSTORABLE = {"missing_title", "missing_url", "bad_url", "garbled_title"}


def _problem(code: str, column: str, pl: str, en: str, severity: Severity = "error") -> Problem:
    return Problem(code, column, pl, en, severity)


def _offer_problems(f: OfferFields) -> list[Problem]:
    found: list[Problem] = []
    title = as_text(f.title)
    if title is None:
        found.append(_problem("missing_title", "tytul", "Podaj tytuł oferty.", "Give the title."))
    elif looks_garbled(title):
        found.append(
            _problem(
                "garbled_title", "tytul",
                "Tytuł ma źle zapisane polskie znaki (np. „Ĺ‚” zamiast „ł”).",
                "The title's Polish letters are garbled.",
            )
        )  # fmt: skip
    found += _url_problems(f.url, "url", required=True)
    found += _url_problems(f.provider_url, "organizator_www", required=False)
    if as_text(f.kind) and resolve_kind(f.kind, "").evidence.startswith("brak"):
        found.append(
            _problem(
                "unknown_kind", "rodzaj",
                f"Nieznany rodzaj oferty „{as_text(f.kind)}”: wybierz np. kurs, szkolenie, KKZ.",
                f"Unknown kind of offer “{as_text(f.kind)}”.",
            )
        )  # fmt: skip
    found += _qualification_problems(f)
    if as_text(f.level) is not None and stated_level(f.level) is None:
        found.append(
            _problem(
                "bad_level", "poziom_prk",
                f"Poziom PRK „{as_text(f.level)}” nie jest liczbą od 1 do 8.",
                f"PRK level “{as_text(f.level)}” is not a number from 1 to 8.",
            )
        )  # fmt: skip
    isced = as_text(f.isced)
    if isced and isced not in isced_codes():
        found.append(
            _problem(
                "unknown_isced", "isced",
                f"Kod ISCED-F „{isced}” nie istnieje w klasyfikacji ISCED-F 2013.",
                f"ISCED-F code “{isced}” is not in ISCED-F 2013.",
            )
        )  # fmt: skip
    form = as_text(f.form)
    if form and parse_form(form) is None:
        found.append(_form_problem(form))
    if as_text(f.language) and parse_language(f.language) is None:
        found.append(
            _problem(
                "unknown_language", "jezyk",
                f"Nieznany język zajęć „{f.language}”.", f"Unknown language “{f.language}”.",
                "warning",
            )
        )  # fmt: skip
    hours = f.duration_hours
    if as_text(hours) is not None and (parse_hours(hours) or 0) <= 0:
        found.append(
            _problem(
                "bad_hours", "liczba_godzin",
                f"Liczba godzin „{as_text(hours)}” nie jest liczbą większą od zera.",
                f"Hours “{as_text(hours)}” is not a number above zero.",
            )
        )  # fmt: skip
    return found


def _url_problems(value: Any, column: str, *, required: bool) -> list[Problem]:
    url, reason = checked_url(value)
    if url is None and reason is None:
        if not required:
            return []
        return [_problem("missing_url", column, "Podaj adres strony oferty.", "Give the URL.")]
    if reason is None:
        return []
    code = "bad_url" if required else "bad_provider_url"
    return [
        _problem(
            code, column,
            f"Adres „{as_text(value)}”: {REASONS[reason]}. Podaj pełny adres z https://.",
            f"Address “{as_text(value)}” is not a full http(s) address.",
            "error" if required else "warning",
        )
    ]  # fmt: skip


def _qualification_problems(f: OfferFields) -> list[Problem]:
    stated = as_text(f.qualification_code)
    if stated is None:
        return []
    code = find_code(stated.upper())
    if code is None:
        return [
            _problem(
                "bad_qualification_code", "kod_kwalifikacji",
                f"„{stated}” nie wygląda na kod kwalifikacji (np. MEC.08, ELE.02).",
                f"“{stated}” is not a qualification code (e.g. MEC.08).",
            )
        ]  # fmt: skip
    if code not in vocational_qualifications():
        return [
            _problem(
                "unknown_qualification", "kod_kwalifikacji",
                f"Kwalifikacji {code} nie ma w wykazie kwalifikacji w zawodach.",
                f"Qualification {code} is not in the list of vocational qualifications.",
            )
        ]  # fmt: skip
    return []


def _form_problem(value: str, edition: int | None = None) -> Problem:
    return Problem(
        "unknown_form", "forma",
        f"Nieznana forma zajęć „{value}”: stacjonarna, online albo hybrydowa.",
        f"Unknown delivery form “{value}”: on site, online or blended.",
        "error", edition,
    )  # fmt: skip


def _edition_problems(e: EditionFields, today: date) -> list[Problem]:
    found: list[Problem] = []
    dates: dict[str, date | None] = {}
    for name, column in (("start", "data_rozpoczecia"), ("end", "data_zakonczenia"),
                         ("enrolment_end", "koniec_zapisow")):  # fmt: skip
        value = getattr(e, name)
        dates[name] = value if isinstance(value, date) else parse_date(value, today)
        if as_text(value) is not None and dates[name] is None:
            found.append(
                _problem(
                    "bad_date", column,
                    f"Niepoprawna data „{as_text(value)}”: zapisz ją jako RRRR-MM-DD "
                    "lub DD.MM.RRRR.",
                    f"Unreadable date “{as_text(value)}”: write YYYY-MM-DD or DD.MM.YYYY.",
                )
            )  # fmt: skip
    start, end, enrolment = dates["start"], dates["end"], dates["enrolment_end"]
    if start and end and end < start:
        found.append(
            _problem(
                "end_before_start", "data_zakonczenia",
                "Data zakończenia jest wcześniejsza niż data rozpoczęcia.",
                "The end date is before the start date.",
            )
        )  # fmt: skip
    if start and enrolment and enrolment > start:
        found.append(
            _problem(
                "enrolment_after_start", "koniec_zapisow",
                "Koniec zapisów jest późniejszy niż rozpoczęcie zajęć.",
                "Enrolment ends after the start.",
            )
        )  # fmt: skip
    if start and start < today:
        found.append(
            _problem(
                "date_in_past", "data_rozpoczecia",
                f"Data rozpoczęcia {start:%d.%m.%Y} już minęła.",
                f"The start date {start:%Y-%m-%d} is in the past.", "warning",
            )
        )  # fmt: skip
    found += _price_problems(e.price)
    if as_text(e.seats) is not None and (parse_count(e.seats) or 0) <= 0:
        found.append(
            _problem(
                "bad_seats", "liczba_miejsc",
                f"Liczba miejsc „{as_text(e.seats)}” nie jest liczbą większą od zera.",
                f"Seats “{as_text(e.seats)}” is not a number above zero.",
            )
        )  # fmt: skip
    if as_text(e.form) and parse_form(e.form) is None:
        found.append(_form_problem(str(e.form)))
    found += _place_problems(e)
    return found


def _price_problems(value: Value) -> list[Problem]:
    text = as_text(value)
    if text is None:
        return []
    negative = (isinstance(value, (int, float)) and value < 0) or text.replace(" ", "").startswith(
        "-"
    )
    if negative:
        return [
            _problem(
                "negative_price",
                "cena",
                f"Cena „{text}” jest ujemna.",
                f"Price “{text}” is negative.",
            )
        ]
    price = parse_price(value)
    if price is None or price.grosze is None:
        return [
            _problem(
                "bad_price", "cena",
                f"Nieczytelna cena „{text}”: podaj kwotę w złotych (np. 1200 lub 1 200,00 zł) "
                "albo „bezpłatny”.",
                f"Unreadable price “{text}”: give an amount in złoty, or “bezpłatny” (free).",
            )
        ]  # fmt: skip
    return []


def _place_problems(e: EditionFields) -> list[Problem]:
    town, address, postcode = as_text(e.town), as_text(e.address), as_text(e.postcode)
    if not (town or address or postcode) or parse_form(e.form) is DeliveryForm.online:
        return []
    match = resolve_place(town, address, postcode)
    if match.place is not None or match.form is DeliveryForm.online:
        return []
    where = town or address or postcode
    if match.outside:
        return [
            _problem(
                "place_outside_region", "miejscowosc",
                f"„{where}” leży poza województwem lubuskim.",
                f"“{where}” lies outside Lubuskie.", "warning",
            )
        ]  # fmt: skip
    return [
        _problem(
            "unknown_place", "miejscowosc",
            f"Nie znamy miejscowości „{where}” w województwie lubuskim: sprawdź pisownię "
            "lub podaj kod pocztowy.",
            f"Unknown place “{where}” in Lubuskie: check the spelling or give the postcode.",
        )
    ]  # fmt: skip


def _duplicate_editions(editions: list[EditionFields]) -> list[Problem]:
    found, seen_ids, seen = [], set(), []
    for index, edition in enumerate(editions):
        ident = as_text(edition.external_id)
        data = _jsonable(asdict(edition))
        if (ident and ident in seen_ids) or data in seen:
            found.append(
                Problem(
                    "duplicate_edition", "id_terminu",
                    "Ten termin powtarza wcześniejszy.", "This edition repeats an earlier one.",
                    "error", index,
                )
            )  # fmt: skip
        if ident:
            seen_ids.add(ident)
        seen.append(data)
    return found


def _apply_stated_isced(normalised: NormalisedOffer, code: str) -> None:
    """The institution's own ISCED-F code wins over the normaliser's guess."""
    if code not in isced_codes():
        return
    offer = normalised.offer
    offer.isced_code = code
    offer.isced_broad = code[:2]
    offer.isced_narrow = code[:3] if len(code) >= 3 else None
    normalised.evidence["isced_code"] = f"kod ISCED-F podany przez instytucję: {code}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class Reading:
    """How the catalogue will file the offer, in words a person checks ("ISCED 0715 …")."""

    kind: str
    isced: str | None
    prk: int | None
    zsu_area: int | None
    qualification: str | None
    powiaty: tuple[str, ...]
    evidence: dict[str, str]


def reading_of(normalised: NormalisedOffer) -> Reading:
    offer = normalised.offer
    code = offer.isced_code or offer.isced_narrow or offer.isced_broad
    names = powiat_names()
    powiaty = tuple(
        dict.fromkeys(names.get(e.powiat_teryt, e.powiat_teryt) for e in normalised.editions
                      if e.powiat_teryt)
    )  # fmt: skip
    qualification = normalised.qualification
    return Reading(
        kind=offer.kind.value,
        isced=f"{code} {isced_codes().get(code, '')}".strip() if code else None,
        prk=offer.prk_level,
        zsu_area=offer.zsu_area,
        qualification=(
            f"{qualification.code} {qualification.name}".strip() if qualification else None
        ),
        powiaty=powiaty,
        evidence=dict(normalised.evidence),
    )


@cache
def powiat_names() -> dict[str, str]:
    """Powiat TERYT -> its name ("powiat żarski")."""
    with (DATA_DIR / "lubuskie_powiaty.csv").open(encoding="utf-8", newline="") as handle:
        return {row["powiat_teryt"]: row["powiat_name"] for row in csv.DictReader(handle)}
