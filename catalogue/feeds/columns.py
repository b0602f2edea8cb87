"""The column set of an institution's feed (docs/feeds.md), declared once.

Each column names the RawOffer or RawEdition field it fills, whether it belongs to the offer
(read from the offer's first row) or to the edition (read from every row), the kind of value
it holds, and a few other names institutions give it. Header names are matched after
folding: "Data rozpoczęcia", "DATA_ROZPOCZECIA" and "data-rozpoczecia" are one column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from catalogue.feeds.errors import FeedError
from catalogue.normalise.text import fold

Level = Literal["key", "offer", "edition", "both"]
Value = Literal["text", "number", "date", "url"]


@dataclass(frozen=True)
class Column:
    name: str  # the documented name, e.g. "data_rozpoczecia"
    target: str  # the RawOffer / RawEdition field it fills
    level: Level
    value: Value = "text"
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("id_oferty", "external_id", "key", aliases=("id", "identyfikator", "nr_oferty"),
           required=True),
    Column("tytul", "title", "offer", aliases=("tytul_oferty", "nazwa", "nazwa_oferty"),
           required=True),
    Column("url", "url", "offer", "url", aliases=("link", "adres_www", "strona_www"),
           required=True),
    Column("opis", "description", "offer", aliases=("opis_oferty",)),
    Column("rodzaj", "kind", "offer", aliases=("rodzaj_oferty", "typ")),
    Column("kategoria", "category", "offer", aliases=("dziedzina", "branza")),
    Column("kod_kwalifikacji", "qualification_code", "offer", aliases=("symbol_kwalifikacji",)),
    Column("nazwa_kwalifikacji", "qualification_name", "offer", aliases=("kwalifikacja",)),
    Column("zawod", "occupation", "offer", aliases=("nazwa_zawodu",)),
    Column("poziom_prk", "level", "offer", aliases=("prk", "poziom")),
    Column("forma", "form", "both", aliases=("forma_zajec", "forma_realizacji", "tryb")),
    Column("jezyk", "language", "offer", aliases=("jezyk_zajec",)),
    Column("liczba_godzin", "duration_hours", "offer", "number",
           aliases=("godziny", "liczba_godz", "wymiar_godzin")),
    Column("finansowanie", "funding", "offer", aliases=("dofinansowanie",)),
    Column("grupa_docelowa", "audience", "offer", aliases=("adresaci", "dla_kogo")),
    Column("status", "status", "offer"),
    Column("organizator", "provider_name", "offer", aliases=("nazwa_organizatora", "instytucja")),
    Column("organizator_www", "provider_url", "offer", aliases=("strona_organizatora",)),
    Column("organizator_miejscowosc", "provider_town", "offer",
           aliases=("miejscowosc_organizatora",)),
    Column("id_terminu", "external_id", "edition", aliases=("nr_terminu", "id_edycji")),
    Column("data_rozpoczecia", "start", "edition", "date",
           aliases=("data_startu", "rozpoczecie", "termin_rozpoczecia", "data_od")),
    Column("data_zakonczenia", "end", "edition", "date",
           aliases=("zakonczenie", "termin_zakonczenia", "data_do")),
    Column("koniec_zapisow", "enrolment_end", "edition", "date",
           aliases=("zapisy_do", "rekrutacja_do", "koniec_rekrutacji")),
    Column("miejscowosc", "town", "edition", aliases=("miasto",)),
    Column("adres", "address", "edition", aliases=("ulica", "adres_zajec", "miejsce_zajec")),
    Column("kod_pocztowy", "postcode", "edition"),
    Column("cena", "price", "edition", "number",
           aliases=("cena_brutto", "koszt", "odplatnosc", "oplata")),
    Column("liczba_miejsc", "seats", "edition", "number", aliases=("miejsca", "limit_miejsc")),
)  # fmt: skip
BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
_LOOKUP = {key: column for column in COLUMNS for key in (column.name, *column.aliases)}


def header_key(header: object) -> str:
    """The header as a column key: "Data rozpoczęcia" -> "data_rozpoczecia"."""
    return re.sub(r"[^a-z0-9]+", "_", fold(header)).strip("_")


def column_for(header: object) -> Column | None:
    return _LOOKUP.get(header_key(header))


def missing_required(headers: Sequence[object]) -> list[str]:
    """The required columns a candidate header row lacks (empty: it is the header)."""
    found = {column.name for column in map(column_for, headers) if column is not None}
    return [name for name in REQUIRED if name not in found]


def map_header(headers: list[object]) -> list[Column | None]:
    """The column of each header cell (None: not ours); a column named twice is an error."""
    columns = [column_for(h) for h in headers]
    seen: dict[str, object] = {}
    for header, column in zip(headers, columns, strict=True):
        if column is None:
            continue
        if column.name in seen:
            raise FeedError(
                f"kolumna {column.name} występuje w nagłówku dwa razy "
                f"(„{seen[column.name]}” i „{header}”)"
            )
        seen[column.name] = header
    return columns
