"""What the Meilisearch backend sends for search quality, round 2 (issue 13): a kind phrase
whose last word is being typed, kinds that conflict, typo tolerance, synonyms."""

from __future__ import annotations

from search.interface import Query
from tests.search.test_meili_meaning import sent


def test_a_kind_phrase_being_typed_is_sent_as_its_filter_without_words() -> None:
    body, results = sent(Query(text="studia podypl"))
    assert body["q"] == ""
    assert body["filter"] == '(kind IN ["postgraduate"])'
    assert [u.key for u in results.understood] == ["kind.postgraduate"]


def test_a_specific_kind_beside_studia_is_sent_alone() -> None:
    body, _ = sent(Query(text="podyplomowe studia"))
    assert body["filter"] == '(kind IN ["postgraduate"])'
