"""Facet counts by bitmaps equal tantivy's aggregation, on random words and filters.

The embedded backend counts facets of searches whose words find few documents from per-value
bitmaps (`search.tantivy.facet_bitmaps`), others by aggregation: both must give the very same
counts and totals. A realistic catalogue (the search benchmark's generated offers) is indexed,
then random queries are counted both ways, pass by pass, as `facet_counts` runs them.
"""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import tantivy

from benchmarks.offers import generate_documents
from search.filters import BY_NAME, FACETS
from search.interface import Query
from search.query_text import analyse_query
from search.tantivy import EmbeddedBackend
from search.tantivy.facet_bitmaps import MAX_MATCHES, REGISTRY, Registry, ValueBitmaps
from search.tantivy.facets import _by_bitmaps, _count, by_match_sets
from search.tantivy.find import Finder
from search.tantivy.query import combine, filter_clauses
from search.tantivy.store import IndexStore

OFFERS = 1_500
TODAY = date.today()
WORDS = ("kurs", "spawanie", "angielski", "excel", "szkolenie", "prawo jazdy", "kadry płace",
         "opiekun", "online", "bhp", "księgowość", "wózki widłowe", "studia podyplomowe",
         "kurs żary", "niemiecki b1", "fotowoltaika", "kurs spawania tig",
         "brak takiego")  # fmt: skip


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], Path]:
    documents = generate_documents(OFFERS, seed=3, workers=1)
    root = tmp_path_factory.mktemp("bitmaps") / "index"
    EmbeddedBackend(root).rebuild(documents)
    return documents, root


def random_filters(rng: random.Random, documents: list[dict[str, Any]]) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    for name in rng.sample(FACETS, rng.randint(0, 3)):
        spec = BY_NAME[name]
        if spec.kind != "terms":
            filters[name] = True
            continue
        values = sorted({str(v) for d in documents for v in spec.values(d)})  # type: ignore[attr-defined]
        filters[name] = tuple(rng.sample(values, min(len(values), rng.randint(1, 2))))
    return filters


def test_bitmap_counts_equal_aggregated_counts_on_random_searches(
    catalogue: tuple[list[dict[str, Any]], Path],
) -> None:
    documents, root = catalogue
    store = IndexStore(root)
    searcher = store.searcher()
    assert searcher is not None
    bitmaps = ValueBitmaps(searcher, store.schema)
    bitmaps.build()
    assert not bitmaps.failed and bitmaps.facets["powiat"]
    rng = random.Random(13)
    compared = 0
    for _ in range(120):
        text = rng.choice(WORDS)
        filters = random_filters(rng, documents)
        clauses = filter_clauses(store.schema, filters, searcher=searcher, today=TODAY)
        units = list(analyse_query(text).units)
        matched = Finder(searcher, store.schema, units, list(clauses.values())).matched
        if matched is None:  # no words left (a place alone): aggregated, never by bitmaps
            continue
        size = bitmaps.text_size(matched)
        # Every pass `facet_counts` makes: all clauses (with the total), then each without one.
        passes = [(combine(matched, clauses.values()), [n for n in FACETS if n not in clauses])]
        passes += [
            (combine(matched, [c for other, c in clauses.items() if other != name]), [name])
            for name in clauses
        ]
        for query, names in passes:
            aggregated = _count(searcher, store.schema, query, names, TODAY, with_total=True)
            assert _by_bitmaps(bitmaps, query, names, TODAY, size) == aggregated, (text, filters)
            compared += 1
    assert compared > 150


def test_a_search_finding_few_offers_counts_by_bitmaps_and_agrees(
    catalogue: tuple[list[dict[str, Any]], Path],
) -> None:
    _, root = catalogue
    backend = EmbeddedBackend(root)
    query = Query(text="spawanie", filters={"form": ("on_site",)}, facets=FACETS)
    results = backend.search(query)
    searcher = backend._store.searcher()
    assert searcher is not None
    bitmaps = REGISTRY.get(searcher, backend._store.schema)  # a small index: built at once
    assert bitmaps is not None and 0 < results.total <= MAX_MATCHES
    # The same facets counted by hand over the stored documents the search finds.
    found = backend.search(Query(text="spawanie", filters=query.filters, per_page=100))
    kinds: dict[str, int] = {}
    for hit in found.hits:
        kinds[hit.document["kind"]] = kinds.get(hit.document["kind"], 0) + 1
    assert found.total <= 100 and results.facets["kind"] == kinds


def test_a_large_index_builds_its_bitmaps_in_the_background_one_commit_at_a_time(
    catalogue: tuple[list[dict[str, Any]], Path], tmp_path: Path
) -> None:
    documents, _ = catalogue
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(documents[:300])
    registry = Registry(build_at_once=0, spacing=1_000)  # every index is "large" here
    first = backend._store.searcher()
    assert first is not None
    assert registry.get(first, backend._store.schema) is None  # being built: aggregate
    deadline = time.monotonic() + 30
    while (built := registry.get(first, backend._store.schema)) is None:
        assert time.monotonic() < deadline, "the bitmaps were never built"
        time.sleep(0.01)
    assert built.facets["kind"] and sum(map(len, built.facets["kind"].values())) == 300
    backend.index(documents[300:301])  # a commit: another searcher
    second = backend._store.searcher()
    assert second is not None and second is not first
    time.sleep(0.2)
    # Too soon after the last build (a thousand times its duration): no build, aggregation.
    assert registry.get(second, backend._store.schema) is None
    assert registry.get(first, backend._store.schema) is built


def test_counts_from_kept_match_sets_equal_aggregated_counts(
    catalogue: tuple[list[dict[str, Any]], Path],
) -> None:
    documents, root = catalogue
    store = IndexStore(root)
    searcher = store.searcher()
    assert searcher is not None
    bitmaps = ValueBitmaps(searcher, store.schema)
    bitmaps.build()

    def fetch_at_once(kept: ValueBitmaps, query: tantivy.Query) -> None:
        kept.fetch(query)  # (in the background in a search)

    bitmaps.fetch_later = fetch_at_once
    rng = random.Random(29)
    compared = 0
    for _ in range(80):
        text = rng.choice(WORDS)
        filters = random_filters(rng, documents)
        clauses = filter_clauses(store.schema, filters, searcher=searcher, today=TODAY)
        units = list(analyse_query(text).units)
        matched = Finder(searcher, store.schema, units, list(clauses.values())).matched
        names = list(FACETS)
        shared = [n for n in names if n not in clauses]
        expected, total = _count(
            searcher, store.schema, combine(matched, clauses.values()), shared, TODAY, True
        )
        for name in clauses:
            others = combine(matched, [c for other, c in clauses.items() if other != name])
            expected.update(_count(searcher, store.schema, others, [name], TODAY)[0])
        # Asked twice, a set is fetched (at once here); the third time every set is kept.
        by_match_sets(bitmaps, matched, clauses, names, TODAY)
        by_match_sets(bitmaps, matched, clauses, names, TODAY)
        counted = by_match_sets(bitmaps, matched, clauses, names, TODAY)
        assert counted == (expected, total), (text, filters)
        compared += 1
    assert compared == 80
    for _ in range(2):  # no words: every document's set
        by_match_sets(bitmaps, None, {}, list(FACETS), TODAY)
    everything = by_match_sets(bitmaps, None, {}, list(FACETS), TODAY)
    assert everything is not None and everything[1] == OFFERS
    # Words asked once only: nothing kept, so the search aggregates.
    units = list(analyse_query("zupełnie nowe słowa").units)
    unasked = Finder(searcher, store.schema, units, []).matched
    assert by_match_sets(bitmaps, unasked, {}, list(FACETS), TODAY) is None
