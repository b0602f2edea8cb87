"""What query words mean, as the Meilisearch backend sends it (`search.understanding`): the
filters words mean in the request, the field tokens in documents and synonyms, the audience."""

from __future__ import annotations

from typing import Any

from search.interface import LITERALLY, Query, Results
from search.meili import MeiliBackend
from search.meili.documents import field_token, to_meili
from search.meili.settings import index_settings
from tests.search.meaning_support import MEANING_OFFERS
from tests.search.meili_fake import FakeMeili


def three_found(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if "queries" in body:
        return {"results": [three_found(path, query) for query in body["queries"]]}
    return {"hits": [], "totalHits": 3, "facetDistribution": {}}


def sent(query: Query) -> tuple[dict[str, Any], Results]:
    """The one search body a query sends, and its results."""
    with FakeMeili({"offers": 14}, answer=three_found) as fake:
        results = MeiliBackend(fake.url, "key", "offers").search(query)
    (body,) = [s.body for s in fake.sent]
    return body, results


def test_free_words_are_sent_as_the_free_filter_not_as_words() -> None:
    body, results = sent(Query(text="darmowe kursy spawania"))
    assert body["q"] == "spawanie"  # the filler word `kursy` left out beside a subject
    assert body["filter"] == "(is_free = true)"
    assert [u.key for u in results.understood] == ["price.free"]


def test_level_words_are_sent_as_kind_and_level_filters() -> None:
    body, _ = sent(Query(text="studia licencjackie"))
    assert body["q"] == ""
    assert body["filter"] == '(kind IN ["studies"]) AND (prk_level IN ["6"])'


def test_online_words_are_the_form_filter_and_keep_online_offers_beside_a_place() -> None:
    body, _ = sent(Query(text="informatyka zdalnie żary"))
    assert body["q"] == "informatyka "
    assert body["filter"] == '(form IN ["online"]) AND (powiat IN ["0811", "online"])'


def test_a_chosen_filter_wins_and_literal_words_are_sent_as_words() -> None:
    body, results = sent(Query(text="zdalnie", filters={"form": ("on_site",)}))
    assert body["filter"] == '(form IN ["on_site"])' and body["q"] == ""
    assert [u.applied for u in results.understood] == [False]
    body, results = sent(Query(text="darmowe", literal=(LITERALLY,)))
    assert body["q"] == "darmowy" and "filter" not in body and results.understood == []


def test_a_field_word_reaches_the_field_token_offers_carry_through_a_synonym() -> None:
    assert field_token("f_0812") == "qxqfaibc"
    garden = to_meili(MEANING_OFFERS[0])  # filed under 0812 horticulture
    assert garden["tags_text"].split()[-3:] == ["qxqfai", "qxqfaib", "qxqfaibc"]
    synonyms = index_settings()["synonyms"]
    assert synonyms["ogrodnik"] == ["qxqfaibc"]
    assert synonyms["budowlany"] == ["qxqfahdc"]  # "budowlane" is sent as `budowlany`
    assert synonyms["techniczny"] == ["qxqfah"]  # the broad field 07
    assert "qxqfaebb" in synonyms["ksiegowa"]  # beside księgowość, rachunkowość
    body, results = sent(Query(text="budowlane"))
    assert body["q"] == "budowlany" and [u.key for u in results.understood] == ["field.0732"]


def test_the_audience_is_searched_with_the_description_and_its_words_are_synonyms() -> None:
    welding = to_meili(MEANING_OFFERS[8])
    assert welding["description_text"].endswith("osoby bezrobotne zarejestrowane w pup")
    synonyms = index_settings()["synonyms"]
    assert "bezrobotny" in synonyms and "poszukujacy praca" in synonyms["bezrobotny"]


def test_thesaurus_synonyms_lead_one_way_to_the_catalogues_word() -> None:
    synonyms = index_settings()["synonyms"]
    assert synonyms["szofer"] == ["kierowca"] and "szofer" not in synonyms.get("kierowca", [])
