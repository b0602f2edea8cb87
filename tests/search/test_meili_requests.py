"""The exact requests the Meilisearch backend sends when it writes, and how it reads errors.

The backend talks through the official client to `FakeMeili`, a server on a local socket
that records what arrives.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest

from search.backends import BackendNotAvailable, get_backend
from search.filters import FILTERS
from search.meili import MeiliBackend, MeiliError, SearchUnavailable
from search.meili.documents import ANCHOR
from search.meili.settings import index_settings
from search.settings import SearchSettings
from tests.search.meili_fake import FakeMeili
from tests.search.search_support import OFFERS, offer


def backend_on(fake: FakeMeili, key: str | None = "master-key") -> MeiliBackend:
    return MeiliBackend(fake.url, key, "offers")


def test_every_request_carries_the_master_key_as_a_bearer_token() -> None:
    with FakeMeili(master_key="master-key") as fake:
        backend_on(fake).index(OFFERS[:2])
    assert fake.sent
    assert {s.headers["authorization"] for s in fake.sent} == {"Bearer master-key"}


def test_without_a_key_an_open_server_is_used_as_it_is() -> None:
    with FakeMeili({"offers": 3}) as fake:
        assert backend_on(fake, key=None).count() == 3
    # The official client always sends the header; a server without a master key ignores it.
    assert fake.sent[0].headers["authorization"] == "Bearer None"


def test_the_first_write_creates_the_index_and_its_settings_then_adds_and_waits() -> None:
    with FakeMeili() as fake:
        backend_on(fake).index(OFFERS)
    assert fake.lines() == [
        "GET /indexes/offers",
        "POST /indexes",
        "GET /tasks/0",
        "PATCH /indexes/offers/settings",
        "GET /tasks/1",
        "POST /indexes/offers/documents",
        "GET /tasks/2",
    ]
    assert fake.sent[1].body == {"uid": "offers", "primaryKey": "id"}
    assert fake.sent[5].params == {"primaryKey": "id"}
    assert [doc["id"] for doc in fake.sent[5].body] == [doc["id"] for doc in OFFERS]


def test_later_writes_of_the_same_backend_only_add_documents() -> None:
    with FakeMeili({"offers": 0}) as fake:
        backend = backend_on(fake)
        backend.index(OFFERS[:1])
        backend.index(OFFERS[1:2])
    assert fake.lines(without_tasks=True) == [
        "GET /indexes/offers",
        "PATCH /indexes/offers/settings",
        "POST /indexes/offers/documents",
        "POST /indexes/offers/documents",
    ]


def test_an_id_indexed_twice_in_one_call_is_sent_once_with_its_last_version() -> None:
    with FakeMeili({"offers": 0}) as fake:
        backend_on(fake).index([offer(1, "Stary tytuł"), offer(1, "Nowy tytuł")])
    (sent,) = fake.bodies("POST", "/indexes/offers/documents")
    assert [(d["id"], d["title"]) for d in sent] == [(1, "Nowy tytuł")]


def test_a_document_without_an_integer_id_is_refused_before_anything_is_sent() -> None:
    with FakeMeili() as fake, pytest.raises(ValueError, match="integer id"):
        backend_on(fake).index([OFFERS[0], {**OFFERS[1], "id": "2"}])
    assert fake.sent == []


def sent_settings() -> dict[str, Any]:
    with FakeMeili() as fake:
        backend_on(fake).index(OFFERS[:1])
    (settings,) = fake.bodies("PATCH", "/indexes/offers/settings")
    return settings


def test_settings_declare_the_fields_the_ranking_and_the_limits() -> None:
    settings = sent_settings()
    assert settings["searchableAttributes"] == [
        "title_lemmas", "title_text", "qualification_text", "provider_text", "place_text",
        "description_text", "body_lemmas", "tags_text", "title_keys", "body_keys",
    ]  # fmt: skip
    assert settings["rankingRules"] == [
        "sort", "words", "typo", "exactness", "attributeRank", "start_day:asc", "id:asc",
    ]  # fmt: skip
    assert settings["sortableAttributes"] == ["start_day", "price_key", "id", "_geo"]
    assert settings["typoTolerance"]["minWordSizeForTypos"] == {"oneTypo": 5, "twoTypos": 9}
    assert settings["faceting"]["maxValuesPerFacet"] >= 1000
    assert settings["pagination"]["maxTotalHits"] >= 100_000
    assert settings["localizedAttributes"] == [{"attributePatterns": ["*"], "locales": ["pol"]}]
    # Synonyms in the tokens `q` is sent in: "prawo jazdy" is sent as `prawo jazda`.
    assert "kat b" in settings["synonyms"]["prawo jazda"]
    assert "wozek widlowy" in settings["synonyms"]["udt"]  # a query-only phrase, one way
    assert "udt" not in settings["synonyms"]["wozek widlowy"]


def test_every_filter_field_is_filterable_and_so_is_the_id() -> None:
    filterable = sent_settings()["filterableAttributes"]
    for spec in FILTERS:
        expected = {"date": f"{spec.field}_day", "points": "point_keys"}.get(
            spec.field_type, spec.field
        )
        assert expected in filterable, spec.name
    assert "id" in filterable  # deletions select documents by id


def test_documents_carry_folded_text_the_analysers_tokens_and_sort_keys() -> None:
    document = {
        **offer(4, "Operator wózków widłowych", "Szkoła Łucji w Żarach.", next_start="2026-03-02",
                price_min_grosze=70000, towns=("Żary",)),
        "starts": ["2026-03-02", "2026-04-01"],
        "enrolment_until": "2026-02-28",
        "points": [[51.64, 15.14], [52.1, 15.2]],
    }  # fmt: skip
    with FakeMeili({"offers": 0}) as fake:
        backend_on(fake).index([document])
    (sent,) = fake.bodies("POST", "/indexes/offers/documents")[0:1]
    meili = sent[0]
    assert {k: meili[k] for k in document} == document  # the search document, unchanged
    searched = {
        name: meili[name].removeprefix(ANCHOR + " ")
        for name in index_settings()["searchableAttributes"]
        if meili[name].startswith(ANCHOR + " ")  # no field starts with what a query asks
    }
    assert searched["title_text"] == "operator wozkow widlowych"
    assert searched["title_lemmas"] == "operator wozek widlowy"
    assert "wozk" in searched["title_keys"].split()
    assert searched["description_text"] == "szkola lucji w zarach"  # ł folded, unlike Meili
    assert "szkola" in searched["body_lemmas"].split()
    assert not any(w.startswith(("l_", "s_")) for w in searched["body_keys"].split())
    assert searched["place_text"] == "zary"
    assert searched["tags_text"] == "kurs stacjonarnie"
    assert len(searched) == len(index_settings()["searchableAttributes"])
    assert meili["starts_day"] == [20514, 20544]  # days since 1970
    assert meili["enrolment_until_day"] == 20512
    assert meili["start_day"] == 20514 and meili["price_key"] == 70000
    assert meili["_geo"] == {"lat": 51.64, "lng": 15.14}  # the first place only
    assert meili["point_keys"] == ["141.64000:195.14000", "142.10000:195.20000"]


def test_an_offer_without_date_price_or_place_sorts_last_and_has_no_geo_point() -> None:
    with FakeMeili({"offers": 0}) as fake:
        backend_on(fake).index([offer(9, "Kurs bez terminu")])
    (meili,) = fake.bodies("POST", "/indexes/offers/documents")[0]
    assert meili["start_day"] == 99_999 and meili["price_key"] == 10**8 + 1
    assert "_geo" not in meili and meili["point_keys"] == []


def test_delete_sends_the_unique_ids_in_one_filter_and_waits() -> None:
    with FakeMeili({"offers": 5}) as fake:
        backend_on(fake).delete([3, 1, 3, 2])
    assert fake.lines() == ["POST /indexes/offers/documents/delete", "GET /tasks/0"]
    assert fake.sent[0].body == {"filter": "id IN [1, 2, 3]"}
    assert fake.indexes == {"offers": 2}


def test_deleting_from_an_index_that_does_not_exist_is_not_an_error() -> None:
    with FakeMeili() as fake:
        backend_on(fake).delete([1])
    assert fake.tasks[0]["status"] == "failed"


def test_deleting_nothing_sends_nothing() -> None:
    with FakeMeili() as fake:
        backend_on(fake).delete([])
        backend_on(fake).index([])
    assert fake.sent == []


def test_a_rebuild_fills_a_fresh_index_and_swaps_it_with_the_live_one() -> None:
    with FakeMeili({"offers": 7}) as fake:
        backend_on(fake).rebuild(OFFERS)
    fresh = fake.sent[0].body["uid"]
    assert fresh.startswith("offers_new_")
    assert fake.lines() == [
        "POST /indexes", "GET /tasks/0",
        f"PATCH /indexes/{fresh}/settings", "GET /tasks/1",
        f"POST /indexes/{fresh}/documents", "GET /tasks/2",
        "GET /indexes/offers",
        "POST /swap-indexes", "GET /tasks/3",
        f"DELETE /indexes/{fresh}", "GET /tasks/4",
    ]  # fmt: skip
    assert fake.bodies("POST", "/swap-indexes") == [[{"indexes": ["offers", fresh]}]]
    assert fake.indexes == {"offers": len(OFFERS)}  # the old 7 went with the deleted index


def test_the_first_rebuild_creates_the_live_index_to_swap_with() -> None:
    with FakeMeili() as fake:
        backend_on(fake).rebuild(OFFERS[:3])
    assert "POST /swap-indexes" in fake.lines()
    assert [b["uid"] for b in fake.bodies("POST", "/indexes")][1] == "offers"
    assert fake.indexes == {"offers": 3}


def test_a_failed_rebuild_removes_its_unfinished_index_and_keeps_the_live_one() -> None:
    message = "The `_geo` field in the document with the id: `1` is not an object."
    failing = {
        "documentAdditionOrUpdate": {"code": "invalid_document_geo_field", "message": message}
    }
    with FakeMeili({"offers": 7}, failing=failing) as fake, pytest.raises(MeiliError, match="_geo"):
        backend_on(fake).rebuild(OFFERS)
    assert "POST /swap-indexes" not in fake.lines()
    assert fake.lines()[-2].startswith("DELETE /indexes/offers_new_")
    assert fake.indexes == {"offers": 7}


def test_a_failed_task_raises_search_unavailable_with_meilisearchs_message() -> None:
    error = {"code": "invalid_settings_ranking_rules", "message": "`x:up` ranking rule is invalid."}
    expected = r"settingsUpdate.*ranking rule is invalid"
    with (
        FakeMeili({"offers": 0}, failing={"settingsUpdate": error}) as fake,
        pytest.raises(SearchUnavailable, match=expected) as info,
    ):
        backend_on(fake).index(OFFERS[:1])
    assert isinstance(info.value, MeiliError)
    assert info.value.code == "invalid_settings_ranking_rules"


def test_a_refused_request_raises_with_the_status_and_error_code() -> None:
    with (
        FakeMeili({"offers": 3}, master_key="master-key") as fake,
        pytest.raises(MeiliError, match=r"403.*API key is invalid") as info,
    ):
        backend_on(fake, key="wrong").count()
    assert info.value.code == "invalid_api_key" and info.value.status == 403


def test_an_unreachable_server_raises_search_unavailable() -> None:
    with socket.socket() as probe:  # a local port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(SearchUnavailable, match="unreachable"):
        MeiliBackend(f"http://127.0.0.1:{port}", "key").count()


def test_a_server_that_does_not_answer_in_time_raises_search_unavailable() -> None:
    with (
        FakeMeili({"offers": 3}, delay=2.0) as fake,
        pytest.raises(SearchUnavailable, match="did not answer in time"),
    ):
        MeiliBackend(fake.url, "key", timeout=1).count()


def test_a_task_still_processing_after_the_timeout_raises() -> None:
    with FakeMeili({"offers": 3}, stuck=True) as fake:
        backend = MeiliBackend(fake.url, "key", task_timeout=0.05)
        with pytest.raises(SearchUnavailable, match=r"task 0 \(documentDeletion\) did not finish"):
            backend.delete([1])


def test_count_reads_the_index_stats_and_a_missing_index_counts_nothing() -> None:
    with FakeMeili({"offers": 12}) as fake:
        assert backend_on(fake).count() == 12
    assert fake.lines() == ["GET /indexes/offers/stats"]
    with FakeMeili() as fake:
        assert backend_on(fake).count() == 0


def test_the_settings_choose_meilisearch_with_its_url_and_key() -> None:
    url = "http://meili.test:7700"
    settings = SearchSettings(backend="meilisearch", meili_url=url, meili_master_key="k")
    backend = get_backend(settings)
    assert isinstance(backend, MeiliBackend)
    assert backend.client.config.url == url and backend.client.config.api_key == "k"
    assert backend.uid == "offers"


def test_meilisearch_without_a_url_is_a_clear_error() -> None:
    with pytest.raises(BackendNotAvailable, match="MEILI_URL"):
        get_backend(SearchSettings(backend="meilisearch", meili_url=None))
