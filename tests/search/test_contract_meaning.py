"""What query words mean, on every backend: prices, forms, kinds, levels, audiences, timetables
and fields of education (`search.understanding`, issue 13)."""

from __future__ import annotations

import pytest

from search.interface import LITERALLY, MAX_PER_PAGE, Query, Results, SearchBackend
from tests.search.meaning_support import MEANING_OFFERS
from tests.search.search_support import OFFERS

EVERY_OFFER = OFFERS + MEANING_OFFERS
BY_ID = {d["id"]: d for d in EVERY_OFFER}


@pytest.fixture
def meanings(backend: SearchBackend) -> SearchBackend:
    backend.index(EVERY_OFFER)
    return backend


def search(backend: SearchBackend, text: str, **query: object) -> Results:
    """Every hit of the text (one page holds them all)."""
    return backend.search(Query(text, per_page=MAX_PER_PAGE, **query))  # type: ignore[arg-type]


def ids(backend: SearchBackend, text: str, **query: object) -> list[int]:
    return [hit.id for hit in search(backend, text, **query).hits]


def where(test: object) -> set[int]:
    return {i for i, d in BY_ID.items() if test(d)}  # type: ignore[operator]


@pytest.mark.parametrize("text", ["darmowe", "za darmo", "bezpłatnie", "darmowych", "free"])
def test_free_words_find_the_free_offers(meanings: SearchBackend, text: str) -> None:
    results = search(meanings, text)
    assert {h.id for h in results.hits} == where(lambda d: d["is_free"])
    assert results.did_you_mean is None
    (understood,) = results.understood
    assert understood.key == "price.free" and understood.filters == {"free": True}
    assert understood.label("pl") == "tylko bezpłatne" and understood.applied


def test_a_free_word_beside_a_subject_keeps_the_subject(meanings: SearchBackend) -> None:
    assert set(ids(meanings, "bezpłatny kurs ogrodnika")) == {102}
    assert set(ids(meanings, "darmowe wózki widłowe")) == {5}


def test_studia_techniczne_finds_engineering_programmes(meanings: SearchBackend) -> None:
    results = search(meanings, "studia techniczne")
    assert {h.id for h in results.hits} == {104, 105}
    assert [u.key for u in results.understood] == ["kind.studies", "field.07"]


def test_an_agent_noun_finds_its_field_below_the_word_itself(meanings: SearchBackend) -> None:
    # "Kurs ogrodnika" says the word; "Pielęgnacja terenów zielonych" is filed as horticulture
    # (0812); cattle breeding (0811, agriculture) is not.
    assert ids(meanings, "ogrodnik") == [102, 101]
    assert [u.key for u in search(meanings, "ogrodnik").understood] == ["field.0812"]


def test_field_words_reach_their_fields(meanings: SearchBackend) -> None:
    assert {1, 3, 9, 108} <= set(ids(meanings, "księgowa"))
    assert set(ids(meanings, "budowlane")) == {104, 113}
    assert 109 in ids(meanings, "spawacz")


def test_a_field_word_taken_literally_is_only_a_word(meanings: SearchBackend) -> None:
    assert ids(meanings, "ogrodnik", literal=("field.0812",)) == [102]
    assert ids(meanings, "budowlane", literal=(LITERALLY,)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("licencjackie", {104, 105, 106}),
        ("studia I stopnia", {104, 105, 106}),
        ("studia inżynierskie", {104, 105}),  # pedagogy is no engineer's degree
    ],
)
def test_first_cycle_words_find_first_cycle_studies(
    meanings: SearchBackend, text: str, expected: set[int]
) -> None:
    assert set(ids(meanings, text)) == expected


def test_level_and_kind_words(meanings: SearchBackend) -> None:
    assert set(ids(meanings, "studia magisterskie")) == {107}
    assert set(ids(meanings, "podyplomowe")) == {9}
    assert set(ids(meanings, "inżynierskie budownictwo")) == {104}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dla bezrobotnych", {5, 109}),  # the title says it, or the offer's audience
        ("spawanie dla bezrobotnych", {109}),
        ("dla nauczycieli", {110}),
        ("dla kobiet", {111}),
        ("dla młodzieży", {114}),
    ],
)
def test_audience_words_find_the_offers_meant_for_them(
    meanings: SearchBackend, text: str, expected: set[int]
) -> None:
    results = search(meanings, text)
    assert expected <= {h.id for h in results.hits}
    assert results.understood[0].kind == "audience" and results.understood[0].filters == {}


def test_online_words_keep_online_offers(meanings: SearchBackend) -> None:
    online = where(lambda d: d["form"] == "online")  # not blended: it has sessions to attend
    assert set(ids(meanings, "zdalnie")) == online
    assert set(ids(meanings, "przez internet")) == online
    assert set(ids(meanings, "księgowość przez internet")) == {3, 108}


def test_stacjonarnie_keeps_offers_held_on_site(meanings: SearchBackend) -> None:
    found = set(ids(meanings, "spawanie stacjonarnie"))
    assert found and found <= where(lambda d: d["form"] == "on_site")


def test_weekend_words_find_offers_whose_description_says_so(meanings: SearchBackend) -> None:
    results = search(meanings, "angielski w weekendy")
    assert [h.id for h in results.hits] == [112]
    assert results.understood[0].key == "schedule.weekend"


def test_a_filter_the_person_chose_wins_over_an_understood_one(meanings: SearchBackend) -> None:
    results = search(meanings, "księgowość zdalnie", filters={"form": ("on_site",)})
    assert {h.id for h in results.hits} == {1}
    (understood,) = [u for u in results.understood if u.key == "form.online"]
    assert not understood.applied


def test_words_taken_literally_are_matched_as_words(meanings: SearchBackend) -> None:
    results = search(meanings, "darmowe", literal=("price.free",))
    assert results.hits == [] and results.understood == []
    assert ids(meanings, "darmowe kursy", literal=(LITERALLY,)) == []


@pytest.mark.parametrize(("text", "expected"), [("szofer", 115), ("matma", 116)])
def test_a_word_the_catalogue_does_not_use_finds_its_thesaurus_synonym(
    meanings: SearchBackend, text: str, expected: int
) -> None:
    assert ids(meanings, text)[0] == expected  # "matma" also finds "lekcjach matematyki"


def test_a_thesaurus_synonym_is_not_used_when_words_are_taken_literally(
    meanings: SearchBackend,
) -> None:
    assert ids(meanings, "szofer", literal=(LITERALLY,)) == []


def test_a_misspelt_word_beside_an_understood_one_keeps_it(meanings: SearchBackend) -> None:
    # Only the misspelt word is corrected: "darmowe" means free, it is no misspelt "dachowe".
    results = search(meanings, "darmowe ogrdnka")
    assert results.hits == [] and results.did_you_mean == "darmowe ogrodnika"
    assert [h.id for h in search(meanings, results.did_you_mean).hits] == [102]
