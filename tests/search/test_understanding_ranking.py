"""How the embedded backend ranks what words were understood to mean (`search.understanding`,
`search.tantivy.query.FIELD_MATCH`): Meilisearch ranks any synonym below every exact word, so
these orders are the embedded backend's own."""

from __future__ import annotations

from pathlib import Path

from search.interface import Query
from search.tantivy import EmbeddedBackend
from tests.search.search_support import offer

OFFERS = [
    offer(1, "Kurs murarz-tynkarz", "Murowanie i tynkowanie.", isced_broad="07",
          isced_code="0732", next_start="2026-06-01"),
    offer(2, "BHP dla pracodawców", "Szkolenie dla firm budowlanych i remontowych.",
          isced_broad="10", isced_code="1022", next_start="2026-03-01"),
    offer(3, "Prawo budowlane w praktyce", "Pozwolenia i zgłoszenia.", isced_broad="04",
          isced_code="0421", next_start="2026-09-01"),
    offer(4, "Kurs fryzjerstwa", "Strzyżenie i koloryzacja.", isced_broad="10",
          isced_code="1012", next_start="2026-02-01"),
    offer(5, "Golibroda – strzyżenie brody", "Kurs barberski.", isced_broad="10",
          isced_code="1012", next_start="2026-12-01"),
    offer(6, "Kurs fryzjer męski", "Barber.", isced_broad="10", isced_code="1012",
          next_start="2026-11-01"),
]  # fmt: skip


def ranked(tmp_path: Path, text: str) -> list[int]:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(OFFERS)
    return [hit.id for hit in backend.search(Query(text)).hits]


def test_a_field_ranks_below_the_word_anywhere(tmp_path: Path) -> None:
    # "Prawo budowlane" says the word in its title, the safety course mentions building firms
    # in its description; the bricklayers' course is only filed under construction.
    assert ranked(tmp_path, "budowlane") == [3, 2, 1]


def test_a_field_ranks_below_a_curated_synonym_in_a_title(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(
        [
            offer(9, "Operator obrabiarek CNC", isced_broad="07", isced_code="0715"),
            offer(10, "Kurs spawania MAG", isced_broad="07", next_start="2026-12-01"),
        ]
    )
    assert [hit.id for hit in backend.search(Query("spawacz")).hits] == [10, 9]


def test_a_thesaurus_synonym_ranks_below_the_word_itself(tmp_path: Path) -> None:
    # "golibroda" is in one title; "fryzjer" (its synonym) in another, sooner; the rest of the
    # field does not say either.
    assert ranked(tmp_path, "golibroda") == [5, 6]


def test_an_offer_meant_for_an_audience_ranks_above_one_naming_it(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(
        [
            offer(7, "Wychowawca wypoczynku dzieci i młodzieży", next_start="2026-01-10"),
            offer(8, "Robotyka", "Warsztaty z Arduino.", audience="młodzież w wieku 14–18 lat"),
        ]
    )
    assert [hit.id for hit in backend.search(Query("dla młodzieży")).hits] == [8, 7]
