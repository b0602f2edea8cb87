"""Kept search answers are packed (documents and facet counts as JSON) and come back equal."""

from __future__ import annotations

from pathlib import Path

from search.conditions import Near
from search.interface import FilterCount, Hit, Query, Results
from search.interface import RelatedQualification as Related
from search.interface import Relaxation as Relaxed
from search.interface import SearchHelp as Help
from search.tantivy import EmbeddedBackend
from search.tantivy.answers import pack, unpack
from tests.search.search_support import OFFERS


def test_an_answer_with_help_comes_back_equal_with_objects_of_its_own() -> None:
    document = {"id": 7, "title": "Spawanie MAG", "points": [[51.9, 15.5]], "price": 12.5}
    nearest = Hit(8, 0.0, {"id": 8, "title": "Spawanie TIG"}, {"title": "x"}, 12.3)
    results = Results(
        [Hit(7, 3.25, document, {"title": "<mark>Spawanie</mark> MAG"}, None)],
        1,
        {"powiat": {"0862": 1, "online": 0}, "kind": {}},
        2,
        20,
        1.5,
        places=["Żary"],
        did_you_mean="spawanie",
        matched_all_words=False,
        relaxed=[Relaxed("words", ("spawanie", "mag"))],
        help=Help(
            [FilterCount("form", 3)],
            [Related("MG.19", "Spawacz", 2)],
            [nearest],
            "Żary",
        ),
    )
    kept = pack(results)
    again = unpack(kept, took_ms=0.25)
    assert again == Results(**{**results.__dict__, "took_ms": 0.25})
    again.hits[0].document["title"] = "changed"
    again.hits[0].highlights["title"] = "changed"
    assert again.help is not None
    again.help.nearest.clear()
    assert unpack(kept, took_ms=1.5) == results


def test_a_search_asked_again_gives_the_same_answer_in_every_field(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(OFFERS)
    for query in (
        Query(text="spawanie", facets=("powiat", "kind", "form")),
        Query(text="spawanie", filters={"distance": Near(51.94, 15.5, 5.0)}, sort="distance"),
        Query(text="kurs spawania nieistniejacywyraz zielona gora", facets=("powiat",)),
    ):
        first, again = backend.search(query), backend.search(query)
        first.took_ms = again.took_ms = 0.0
        assert again == first
