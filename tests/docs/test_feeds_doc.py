"""docs/feeds.md against `catalogue/feeds/columns.py` and the limits of `catalogue/feeds/files.py`:
the column names, which are required, which belong to the offer and which to an edition, and
the other names the page promises institutions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue.feeds.columns import COLUMNS, REQUIRED, column_for
from catalogue.feeds.files import HEADER_SEARCH, MAX_BYTES, MAX_ROWS
from tests.docs.markdown import code_spans, section, tables

FEEDS = (Path(__file__).resolve().parents[2] / "docs" / "feeds.md").read_text(encoding="utf-8")
REQUIRED_MARK = "**(wymagana)**"
OFFER_COLUMNS = {c.name for c in COLUMNS if c.level in ("key", "offer", "both")}
EDITION_COLUMNS = {c.name for c in COLUMNS if c.level in ("edition", "both")}


def column_table(heading: str) -> dict[str, bool]:
    """The table's columns, each with whether the page marks it required."""
    (rows,) = tables(section(FEEDS, heading))
    cells = [row["kolumna"] for row in rows]
    return {code_spans(cell)[0]: REQUIRED_MARK in cell for cell in cells}


def test_the_offer_table_lists_the_offer_columns():
    assert set(column_table("Kolumny oferty")) == OFFER_COLUMNS


def test_the_edition_table_lists_the_edition_columns():
    assert set(column_table("Kolumny terminu")) == EDITION_COLUMNS


def test_the_page_marks_exactly_the_required_columns():
    marked = {name for name, required in column_table("Kolumny oferty").items() if required}
    assert marked == set(REQUIRED)
    assert not any(column_table("Kolumny terminu").values())
    sentence = re.search(r"Wymagane są [^:]*:(.*?)\.", section(FEEDS, "Kolumny"), re.S)
    assert sentence and code_spans(sentence[1]) == list(REQUIRED)


def documented_aliases() -> list[tuple[str, str]]:
    """("id_oferty", "nr oferty"), … from the list "- `id_oferty`: `id`, `nr oferty`"."""
    pairs = []
    for line in section(FEEDS, "Nazwy kolumn").splitlines():
        for part in line.removeprefix("- ").split(";") if line.startswith("- `") else ():
            name, _, aliases = part.partition(":")
            pairs += [(code_spans(name)[0], alias) for alias in code_spans(aliases)]
    return pairs


def test_the_page_lists_some_other_names():
    assert len(documented_aliases()) > 20


@pytest.mark.parametrize(("name", "alias"), documented_aliases())
def test_each_other_name_the_page_lists_is_read_as_its_column(name, alias):
    column = column_for(alias)
    assert column is not None and column.name == name


@pytest.mark.parametrize("header", ["Data rozpoczęcia", "DATA_ROZPOCZECIA", "data-rozpoczecia"])
def test_headers_are_matched_as_the_page_says(header):
    assert "`" + header + "`" in section(FEEDS, "Nazwy kolumn")
    column = column_for(header)
    assert column is not None and column.name == "data_rozpoczecia"


def summary_list(label: str) -> list[str]:
    """The columns the English summary lists after "Required columns:" and the like."""
    summary = " ".join(section(FEEDS, "English summary").split())
    found = re.search(re.escape(label) + r"(.*?)\.(?: |$)", summary)
    assert found, label
    return code_spans(found[1])


def test_the_english_summary_lists_the_same_columns():
    assert summary_list("Required columns:") == list(REQUIRED)
    assert set(summary_list("Optional offer columns:")) == OFFER_COLUMNS - set(REQUIRED)
    assert set(summary_list("Edition columns:")) == EDITION_COLUMNS


def test_the_page_states_the_limits_the_reader_applies():
    flat = " ".join(FEEDS.split())
    megabytes, rows = f"{MAX_BYTES // 2**20} MB", f"{MAX_ROWS:,}".replace(",", " ")
    assert f"plik do **{megabytes}** i **{rows}** wierszy danych" in flat
    assert f"Limits: {megabytes}, {rows} data rows" in flat
    # The header is looked for in the first five non-empty rows: four title rows above it.
    assert HEADER_SEARCH == 5
    assert "w jednym z pierwszych pięciu niepustych wierszy" in flat
    assert "may sit under up to four title rows" in flat
