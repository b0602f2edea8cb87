"""Ranked pages of tied offers are the same whatever the first window around the page
(search.tantivy.find.TIE_MARGIN): the window widens while a score is tied past its edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.interface import Query
from search.tantivy import EmbeddedBackend, find
from tests.search.search_support import offer

OFFERS = 150
PER_PAGE = 20


def _pages(backend: EmbeddedBackend) -> list[list[int]]:
    pages = []
    for page in range(1, OFFERS // PER_PAGE + 2):
        results = backend.search(Query(text="spawanie", page=page, per_page=PER_PAGE))
        assert results.total == OFFERS
        pages.append([hit.id for hit in results.hits])
    return pages


@pytest.mark.parametrize("margin", [1, 7, 32])
def test_tied_pages_do_not_depend_on_the_margin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, margin: int
) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    # Several commits, the later ones first: tantivy's own order is not the ids'.
    for first in (100, 50, 0):
        backend.index(
            offer(i + 1, "Kurs spawania", next_start="2027-03-01") for i in range(first, first + 50)
        )
    monkeypatch.setattr(find, "TIE_MARGIN", 1_000)
    whole = _pages(backend)
    assert [i for page in whole for i in page] == list(range(1, OFFERS + 1))
    monkeypatch.setattr(find, "TIE_MARGIN", margin)
    backend = EmbeddedBackend(tmp_path / "index")  # no answers kept from the pages above
    assert _pages(backend) == whole
