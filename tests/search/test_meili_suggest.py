"""Search-as-you-type on Meilisearch: the request sent and how suggestions are read."""

from __future__ import annotations

from typing import Any

from search.interface import Suggestion
from search.meili import MeiliBackend
from tests.search.meili_fake import FakeMeili


def answer(path: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "results": [
            {"hits": [], "totalHits": 9, "facetDistribution": {"powiat": {"0811": 2, "0862": 7}}},
            {"hits": [
                {"qualification_code": "MEC.08", "qualification_name": "Organizacja produkcji",
                 "occupation": "technik mechanik"},
                {"qualification_code": "", "qualification_name": ""},
            ], "totalHits": 2},
            {"hits": [{"title": "Kurs spawania MAG"}, {"title": "Kurs spawania MAG"},
                      {"title": "Kurs żeglarski"}], "totalHits": 3},
        ]
    }  # fmt: skip


def suggest(fake: FakeMeili, text: str, limit: int = 8) -> list[Suggestion]:
    with fake:
        return MeiliBackend(fake.url, "key").suggest(text, limit)


def test_suggestions_are_three_small_queries_in_one_multi_search() -> None:
    fake = FakeMeili({"offers": 9}, answer=answer)
    suggest(fake, "kurs spaw", limit=5)
    assert fake.lines() == ["POST /multi-search"]
    held, qualifications, titles = fake.sent[0].body["queries"]
    assert fake.sent[0].body["federation"] is None  # the client's way of saying "not federated"
    assert held == {"indexUid": "offers", "q": "", "hitsPerPage": 0, "facets": ["powiat"]}
    assert qualifications["q"] == titles["q"] == "kurs spaw"  # the last word as typed: a prefix
    assert qualifications["attributesToSearchOn"] == ["qualification_text"]
    assert qualifications["attributesToRetrieve"] == [
        "qualification_code", "qualification_name", "occupation",
    ]  # fmt: skip
    assert titles["attributesToSearchOn"] == ["title_lemmas", "title_text"]
    assert titles["attributesToRetrieve"] == ["title"] and titles["limit"] == 15


def test_places_where_offers_are_held_come_first_then_qualifications_then_titles() -> None:
    fake = FakeMeili({"offers": 9}, answer=answer)
    found = suggest(fake, "kurs ża")
    assert found[0] == Suggestion("place", "Żary", "kurs Żary", "powiat żarski")
    # A typed Polish letter narrows: "ża" is Żary, not Zawada (powiat 0862).
    assert [s.kind for s in found].count("place") == 1
    assert [s.kind for s in suggest(fake, "kurs za")].count("place") == 2  # at most two places
    kinds = [s.kind for s in found]
    assert kinds == sorted(kinds, key=["place", "qualification", "title"].index)
    assert Suggestion("qualification", "MEC.08 Organizacja produkcji", "MEC.08",
                      "technik mechanik") in found  # fmt: skip
    assert [s.text for s in found if s.kind == "title"] == ["Kurs spawania MAG", "Kurs żeglarski"]


def test_a_place_without_offers_is_not_suggested() -> None:
    fake = FakeMeili({"offers": 9}, answer=answer)
    assert all(s.text != "Żagań" for s in suggest(fake, "kurs ża"))  # powiat 0810: no offers


def test_at_most_limit_suggestions() -> None:
    fake = FakeMeili({"offers": 9}, answer=answer)
    assert len(suggest(fake, "kurs", limit=2)) == 2


def test_nothing_typed_asks_nothing_and_a_missing_index_suggests_nothing() -> None:
    fake = FakeMeili({"offers": 9}, answer=answer)
    assert suggest(fake, " ?! ") == [] and fake.sent == []
    assert suggest(FakeMeili(), "kurs") == []
