"""A feed's rows -> RawOffers, one per `id_oferty`, one edition per row; bad rows set aside.

Rules (docs/feeds.md, "Wiele wierszy jednej oferty"):
- Rows sharing an `id_oferty` are one offer; each row that states a date, place, price, seats
  or an `id_terminu` is one of its editions.
- Offer columns are taken from the first row that states them; a later row may leave them
  empty. A later row that states another value is still used for its edition, and the value
  it was not allowed to change is kept in `extras["rozbiezne_pola"]` for a person to check. A
  later row with another title is refused: one id for two different offers is a mistake to fix.
- A row is used whole or not at all: a bad date or a missing title refuses the row, with its
  number and reason, and the rest of the file is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.feeds.columns import BY_NAME, Column, map_header
from catalogue.feeds.files import Table
from catalogue.feeds.values import BadValue, cell_value, date_value, text
from catalogue.normalise.text import fold
from catalogue.raw import RawEdition, RawOffer

# Offer fields checked for disagreement between rows, by the column that fills them (the form
# may differ from edition to edition, so it is not one of them).
_OFFER_ONLY = {c.target: c.name for c in BY_NAME.values() if c.level == "offer"}
_PROVIDER_FIELDS = ("provider_name", "provider_url", "provider_town")


@dataclass(frozen=True)
class Provider:
    """The institution publishing the feed, for rows that name no `organizator`."""

    name: str | None = None
    url: str | None = None
    town: str | None = None


@dataclass
class BadRow:
    number: int  # as a spreadsheet shows it (the header is usually row 1)
    reason: str  # Polish: "wiersz 7: niepoprawna data w kolumnie data_rozpoczecia: „31.02.2026” …"
    offer_id: str | None
    cells: dict[str, str]  # the row as the institution wrote it: header -> text


@dataclass
class FeedResult:
    offers: list[RawOffer]
    rejected: list[BadRow]
    rows: int  # data rows read, empty ones not counted
    format: str  # "csv" | "xlsx"


@dataclass
class _Row:
    number: int
    offer_id: str | None
    offer: dict[str, Any]  # RawOffer field -> value
    edition: dict[str, Any]  # RawEdition field -> value
    others: dict[str, str]  # columns outside the column set: header -> text


@dataclass
class _Draft:
    first_row: int
    offer: dict[str, Any]
    others: dict[str, str]
    editions: list[RawEdition] = field(default_factory=list)
    edition_rows: dict[str, int] = field(default_factory=dict)  # edition key -> row number
    conflicts: dict[str, list[str]] = field(default_factory=dict)


def offers_from_table(table: Table, source: str, provider: Provider = Provider()) -> FeedResult:
    columns = map_header(table.header)
    headers = [text(h) or f"kolumna {i + 1}" for i, h in enumerate(table.header)]
    drafts: dict[str, _Draft] = {}
    refused_first: dict[str, int] = {}  # offer id -> the row that would have opened it
    rejected: list[BadRow] = []
    for number, cells in table.rows:
        written = _as_written(headers, cells)
        offer_id = text(_cell(cells, columns.index(BY_NAME["id_oferty"])))
        try:
            row = _read_row(number, offer_id, columns, headers, cells)
            _add(drafts, row, refused_first)
        except BadValue as exc:
            if offer_id and offer_id not in drafts:
                refused_first.setdefault(offer_id, number)
            rejected.append(BadRow(number, f"wiersz {number}: {exc}", offer_id, written))
    offers = [_raw_offer(oid, d, source, provider) for oid, d in drafts.items()]
    return FeedResult(offers, rejected, len(table.rows), table.format)


def _cell(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _as_written(headers: list[str], cells: list[Any]) -> dict[str, str]:
    names = headers + [f"kolumna {i + 1}" for i in range(len(headers), len(cells))]
    return {
        name: found
        for name, cell in zip(names, cells, strict=False)
        if (found := text(cell)) is not None
    }


def _read_row(
    number: int,
    offer_id: str | None,
    columns: list[Column | None],
    headers: list[str],
    cells: list[Any],
) -> _Row:
    if not offer_id:
        raise BadValue("brak identyfikatora oferty (kolumna id_oferty)")
    row = _Row(number, offer_id, {}, {}, {})
    for index, column in enumerate(columns):
        value = _cell(cells, index)
        if column is None:
            if (found := text(value)) is not None:
                row.others[headers[index]] = found
            continue
        if column.level == "key":
            continue
        checked = cell_value(column, value)
        if checked is None:
            continue
        if column.level in ("offer", "both"):
            row.offer[column.target] = checked
        if column.level in ("edition", "both"):
            row.edition[column.target] = checked
    _check_dates(columns, cells)
    return row


def _check_dates(columns: list[Column | None], cells: list[Any]) -> None:
    days = {
        c.name: date_value(c, _cell(cells, i))[1]
        for i, c in enumerate(columns)
        if c is not None and c.value == "date"
    }
    start, end = days.get("data_rozpoczecia"), days.get("data_zakonczenia")
    if start and end and end < start:
        raise BadValue(
            f"data zakończenia ({end:%d.%m.%Y}) jest wcześniejsza niż data rozpoczęcia "
            f"({start:%d.%m.%Y})"
        )


def _add(drafts: dict[str, _Draft], row: _Row, refused_first: dict[str, int]) -> None:
    assert row.offer_id is not None
    draft = drafts.get(row.offer_id)
    if draft is None:
        _require_offer_fields(row, refused_first.get(row.offer_id))
        draft = drafts[row.offer_id] = _Draft(row.number, dict(row.offer), dict(row.others))
    else:
        _check_title(draft, row)
    key = _edition_key(row.edition)
    if key is not None and key[1] in draft.edition_rows:
        earlier = draft.edition_rows[key[1]]
        raise BadValue(
            f"id_terminu {row.edition['external_id']} występuje już w wierszu {earlier}"
            if key[0]
            else f"ten sam termin co w wierszu {earlier}"
        )
    if draft.first_row != row.number:
        _merge(draft, row)
    if key is not None:
        draft.edition_rows[key[1]] = row.number
        draft.editions.append(RawEdition(**row.edition))


def _require_offer_fields(row: _Row, refused_row: int | None) -> None:
    hint = f" (pierwszy wiersz tej oferty, nr {refused_row}, odrzucono)" if refused_row else ""
    if not row.offer.get("title"):
        raise BadValue(f"brak tytułu oferty (kolumna tytul){hint}")
    if not row.offer.get("url"):
        raise BadValue(f"brak adresu strony oferty (kolumna url){hint}")


def _check_title(draft: _Draft, row: _Row) -> None:
    title = row.offer.get("title")
    if title and fold(title) != fold(draft.offer["title"]):
        raise BadValue(
            f"id_oferty {row.offer_id} ma w wierszu {draft.first_row} inny tytuł "
            f"(„{draft.offer['title']}”); jeden identyfikator to jedna oferta"
        )


def _edition_key(edition: dict[str, Any]) -> tuple[bool, str] | None:
    """How an edition is told apart: its `id_terminu`, else all it states. None: no edition."""
    if edition.get("external_id"):
        return True, f"id:{edition['external_id']}"
    if not set(edition) - {"form"}:
        return None  # only a form: that describes the offer, not a run of it
    return False, repr(sorted((k, fold(v)) for k, v in edition.items()))


def _merge(draft: _Draft, row: _Row) -> None:
    for name, value in row.offer.items():
        if name not in draft.offer:
            draft.offer[name] = value  # the first row that states a value gives it
        elif name in _OFFER_ONLY and fold(value) != fold(draft.offer[name]):
            seen = draft.conflicts.setdefault(_OFFER_ONLY[name], [])
            if text(value) not in seen:
                seen.append(str(text(value)))


def _raw_offer(offer_id: str, draft: _Draft, source: str, provider: Provider) -> RawOffer:
    values = dict(draft.offer)
    if not values.get("provider_name"):
        # Without an `organizator` the feed's own institution is the provider; a row naming
        # another organiser must not get the feed's web address or town.
        values.update(
            zip(_PROVIDER_FIELDS, (provider.name, provider.url, provider.town), strict=True)
        )
    extras: dict[str, Any] = {}
    if draft.others:
        extras["inne_kolumny"] = draft.others
    if draft.conflicts:
        extras["rozbiezne_pola"] = draft.conflicts
    return RawOffer(
        source=source, external_id=offer_id, editions=draft.editions, extras=extras, **values
    )
