"""How the Meilisearch backend reads answers: hits, highlights, facet counts and totals."""

from __future__ import annotations

from typing import Any

from search.conditions import Near
from search.interface import Query, Results
from search.meili import MeiliBackend
from search.meili.documents import to_meili
from search.meili.highlight import POST_TAG, PRE_TAG, formatted_spans, merge
from tests.search.meili_fake import FakeMeili
from tests.search.search_support import OFFERS, offer

WELDING, BHP = OFFERS[1], OFFERS[10]


def marked(text: str, *words: str) -> str:
    """`text` with each of `words` wrapped in the highlight tags asked for."""
    for word in words:
        text = text.replace(word, f"{PRE_TAG}{word}{POST_TAG}")
    return text


def stored(document: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A hit as Meilisearch returns it: the stored document (with its derived fields) + extras."""
    return {**to_meili(document), **extra}


def search(answer: dict[str, Any], query: Query) -> Results:
    with FakeMeili({"offers": 12}, answer=lambda path, body: answer) as fake:
        return MeiliBackend(fake.url, "key").search(query)


def test_a_hit_is_the_search_document_as_it_was_sent_with_its_score() -> None:
    answer = {"hits": [stored(WELDING, _rankingScore=0.93, _formatted={})], "totalHits": 1}
    results = search(answer, Query(text="spawanie"))
    (hit,) = results.hits
    assert (hit.id, hit.score, hit.document) == (2, 0.93, WELDING)
    assert (results.total, results.page, results.per_page, results.pages) == (1, 1, 20, 1)
    assert hit.distance_km is None


def test_a_sorted_search_gives_no_score() -> None:
    answer = {"hits": [stored(WELDING, _rankingScore=0.93)], "totalHits": 1}
    (hit,) = search(answer, Query(text="spawanie", sort="price")).hits
    assert hit.score == 0.0


def test_highlights_are_escaped_with_only_the_marks_as_html() -> None:
    formatted = {
        "title": marked(BHP["title"], "BHP"),
        "description": marked(BHP["description"], "Egzamin"),
    }
    answer = {"hits": [stored(BHP, _formatted=formatted)], "totalHits": 1}
    (hit,) = search(answer, Query(text="bhp egzamin")).hits
    assert hit.highlights["title"] == (
        "Walidacja: Prowadzenie szkoleń &lt;<mark>BHP</mark>&gt; &amp; ochrona ppoż."
    )
    assert hit.highlights["description"].startswith("<mark>Egzamin</mark> potwierdzający")
    assert "<script>" not in hit.highlights["description"]
    assert "&lt;script&gt;" in hit.highlights["description"]


def test_inflected_words_meilisearch_cannot_mark_are_marked_by_the_analyser() -> None:
    forklift = OFFERS[3]
    answer = {"hits": [stored(forklift, _formatted={"title": forklift["title"]})], "totalHits": 1}
    (hit,) = search(answer, Query(text="wozek widlowy")).hits
    assert "<mark>wózków</mark> <mark>widłowych</mark>" in hit.highlights["title"]


def test_words_only_meilisearch_matched_stay_marked() -> None:
    # A synonym ("kat. B" for "prawo jazdy") is marked by Meilisearch, not by the analyser.
    driving = offer(40, "Kurs kat. B w Gorzowie")
    formatted = {"title": marked(driving["title"], "kat", "B")}
    answer = {"hits": [stored(driving, _formatted=formatted)], "totalHits": 1}
    (hit,) = search(answer, Query(text="prawo jazdy")).hits
    assert hit.highlights["title"] == "Kurs <mark>kat</mark>. <mark>B</mark> w Gorzowie"


def test_a_formatted_text_that_is_not_the_text_plus_marks_is_ignored() -> None:
    assert formatted_spans("Kurs BHP", f"Kurs {PRE_TAG}BHP{POST_TAG}") == [(5, 8)]
    assert formatted_spans("Kurs BHP", f"Kurs {PRE_TAG}BHP") == []
    assert formatted_spans("Kurs BHP", f"Kurs <em>{PRE_TAG}BHP{POST_TAG}</em>") == []
    assert formatted_spans(f"Kurs {PRE_TAG}", f"Kurs {PRE_TAG}{PRE_TAG}{POST_TAG}") == []
    assert formatted_spans("Kurs BHP", None) == []


def test_overlapping_marks_merge() -> None:
    assert merge([(0, 4), (10, 12)], [(2, 6), (12, 14), (20, 21)]) == [(0, 6), (10, 14), (20, 21)]


def test_a_long_description_is_cut_around_its_first_mark() -> None:
    long = offer(41, "Kurs", "Wstęp. " * 40 + "Spawanie blach i rur metodą MAG. " + "Koniec. " * 40)
    answer = {"hits": [stored(long, _formatted={})], "totalHits": 1}
    (hit,) = search(answer, Query(text="spawanie")).hits
    snippet = hit.highlights["description"]
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>Spawanie</mark> blach" in snippet
    assert len(snippet) < 260


def test_facet_counts_come_from_the_distribution_without_empty_values() -> None:
    answer = {
        "hits": [],
        "totalHits": 12,
        "facetDistribution": {
            "kind": {"course": 5, "training": 3},
            "isced_broad": {"04": 3, "": 2},
        },
    }
    results = search(answer, Query(facets=("kind", "isced_broad", "prk_level")))
    assert results.facets == {
        "kind": {"course": 5, "training": 3},
        "isced_broad": {"04": 3},
        "prk_level": {},
    }


def test_counts_of_facets_in_use_and_of_yes_no_facets_come_from_their_own_searches() -> None:
    def answer(path: str, body: dict[str, Any]) -> dict[str, Any]:
        _, kind, free = body["queries"]
        assert kind.get("facets") == ["kind"] and "facets" not in free
        return {"results": [
            {"hits": [], "totalHits": 2, "facetDistribution": {}},
            {"hits": [], "totalHits": 6, "facetDistribution": {"kind": {"kkz": 2, "course": 4}}},
            {"hits": [], "totalHits": 1, "facetDistribution": {}},
        ]}  # fmt: skip

    query = Query(filters={"kind": ("kkz",)}, facets=("kind", "free"))
    with FakeMeili({"offers": 12}, answer=answer) as fake:
        results = MeiliBackend(fake.url, "k").search(query)
    assert results.total == 2
    assert results.facets == {"kind": {"kkz": 2, "course": 4}, "free": {"true": 1}}


def test_a_union_of_words_is_read_from_the_federated_answer() -> None:
    def answer(path: str, body: dict[str, Any]) -> dict[str, Any]:
        if not body.get("federation"):
            return {"hits": [], "totalHits": 0, "facetDistribution": {}}
        hits = [stored(d, _federation={"indexUid": "offers", "queriesPosition": i})
                for i, d in enumerate((WELDING, OFFERS[9]))]  # fmt: skip
        facets = {"offers": {"distribution": {"kind": {"training": 1, "workshop": 1}}}}
        return {"hits": hits, "totalHits": 2, "page": 1, "hitsPerPage": 20,
                "facetsByIndex": facets}  # fmt: skip

    results = search_with(answer, Query(text="spawanie angielski", facets=("kind",)))
    assert [h.id for h in results.hits] == [2, 10]
    assert results.hits[0].document == WELDING
    assert results.total == 2 and results.facets == {"kind": {"training": 1, "workshop": 1}}


def search_with(answer: Any, query: Query) -> Results:
    with FakeMeili({"offers": 12}, answer=answer) as fake:
        return MeiliBackend(fake.url, "key").search(query)


def test_the_distance_to_the_nearest_place_is_measured_from_the_documents_points() -> None:
    held_twice = {**offer(42, "Kurs"), "points": [[52.7325, 15.2369], [51.6424, 15.1369]]}
    answer = {"hits": [stored(held_twice)], "totalHits": 1}
    (hit,) = search(answer, Query(filters={"distance": Near(51.9356, 15.5062)})).hits
    assert hit.distance_km is not None and 40 < hit.distance_km < 50  # Żary, not Gorzów


def test_an_index_not_yet_created_answers_with_nothing() -> None:
    with FakeMeili() as fake:
        results = MeiliBackend(fake.url, "key").search(Query(text="kurs", facets=("kind",)))
    assert (results.hits, results.total, results.facets) == ([], 0, {"kind": {}})
    assert results.took_ms >= 0
