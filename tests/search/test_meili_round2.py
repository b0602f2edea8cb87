"""What the Meilisearch backend sends for search quality, round 2 (issue 13): a kind phrase
whose last word is being typed, kinds that conflict, typo tolerance, synonyms."""

from __future__ import annotations

from search.interface import Query
from search.meili.documents import field_token
from search.meili.settings import index_settings
from search.meili.text import query_tokens
from tests.search.test_meili_meaning import sent


def test_a_kind_phrase_being_typed_is_sent_as_its_filter_without_words() -> None:
    body, results = sent(Query(text="studia podypl"))
    assert body["q"] == ""
    assert body["filter"] == '(kind IN ["postgraduate"])'
    assert [u.key for u in results.understood] == ["kind.postgraduate"]


def test_a_specific_kind_beside_studia_is_sent_alone() -> None:
    body, _ = sent(Query(text="podyplomowe studia"))
    assert body["filter"] == '(kind IN ["postgraduate"])'


def test_beauty_is_sent_alone_and_reaches_its_field_token_through_a_synonym() -> None:
    body, results = sent(Query(text="branża beauty"))
    assert body["q"] == "beauty"  # "branża" beside a subject names no subject
    assert [u.key for u in results.understood] == ["field.1012"]
    synonyms = index_settings()["synonyms"]
    assert synonyms["beauty"] == [field_token("f_1012")]
    # "make-up" is sent as its words' lemmas, as `q` is (Morfeusz reads "make" as `mąka`)
    assert "wizaz" in synonyms[query_tokens("make-up")] and "make up" in synonyms["makijaz"]
