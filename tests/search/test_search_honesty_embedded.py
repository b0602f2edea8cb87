"""The embedded backend's any-word fallback ranks the rare word first (issue 13): the subject
is the word few offers have, not the one hundreds have."""

from __future__ import annotations

from pathlib import Path

from search.interface import Query
from search.tantivy import EmbeddedBackend
from tests.search.search_support import offer


def test_the_rare_word_of_an_any_word_search_ranks_first(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    common = [offer(i, f"Archiwizacja dokumentów w firmie {i}") for i in range(1, 7)]
    rare = offer(10, "Ochrona danych osobowych", "Szkolenie z RODO w praktyce.")
    backend.index([*common, rare])
    found = backend.search(Query(text="szkolenie RODO firma"))
    assert not found.matched_all_words
    # "RODO" (1 offer) in a description above "firma" (6 offers) in titles
    assert found.hits[0].id == 10
    assert found.total == 7
