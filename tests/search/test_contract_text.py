"""Polish text on every backend: inflection, folding, typos, prefixes, synonyms, places."""

from __future__ import annotations

import pytest

from search.interface import MAX_PER_PAGE, Query, SearchBackend
from tests.search.search_support import offer
from tests.search.text_support import GW, TEXT_OFFERS, ZARY, ZG

TITLES = {d["id"]: d["title"] for d in TEXT_OFFERS}


@pytest.fixture
def texts(backend: SearchBackend) -> SearchBackend:
    backend.index(TEXT_OFFERS)
    return backend


def ids(backend: SearchBackend, text: str, **query: object) -> list[int]:
    query.setdefault("per_page", MAX_PER_PAGE)
    return [hit.id for hit in backend.search(Query(text=text, **query)).hits]


def held_in(*powiats: str) -> set[int]:
    return {d["id"] for d in TEXT_OFFERS if set(powiats) & set(d["powiat"])}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kursy księgowej", 1),  # the example: inflected, and księgowa ~ księgowość
        ("wózków widłowych", 2),
        ("wozkow widlowych", 2),  # and without Polish letters
        ("ksiegowosc", 1),
        ("lodz", 11),  # Łódź: diacritics and ł folded
        ("łodzią żaglową", 11),
        ("zeglarza", 11),
        ("progr", 12),  # the last word is a prefix while typing
        ("PROGRAMOWANIE", 12),
    ],
)
def test_polish_text_finds_its_offer_first(texts: SearchBackend, text: str, expected: int) -> None:
    assert ids(texts, text)[0] == expected


@pytest.mark.parametrize(
    ("typo", "found"),
    [
        ("florystka", True),  # 9 letters, 1 typo
        ("flroystyka", True),  # 10 letters, a swap counts as 1 typo
        ("flrystka", False),  # 8 letters allow 1 typo, this has 2
        ("floyrstka", True),  # 9 letters allow 2 typos
        ("fluorystkaa", False),  # 3 typos are too many even for 11 letters
        ("kadr", True),  # a start of `kadry`: the last word is a prefix
        ("kadyr", True),  # 5 letters, 1 typo
        ("kary", False),  # 4 letters allow no typo (and `kary` begins no word here)
    ],
)
def test_typo_budget_grows_with_the_word(texts: SearchBackend, typo: str, found: bool) -> None:
    expected = {22} if typo.startswith(("flo", "flr", "flu")) else {16}
    assert (set(ids(texts, typo)) & expected == expected) is found


@pytest.mark.parametrize(
    ("typo", "expected", "found"),
    [
        ("ladry", 16, False),  # a typo in the first letter counts as two, as in Meilisearch:
        ("adry", 16, False),  # too many for 5 letters (changed or dropped)
        ("glorystyka", 22, True),  # 10 letters allow two: the first letter changed,
        ("lorystyka", 22, True),  # dropped,
        ("aflorystyka", 22, True),  # one added before it,
        ("lforystyka", 22, True),  # or the first two swapped
        ("glorystyks", 22, False),  # but then nothing else
    ],
)
def test_a_typo_in_the_first_letter_counts_as_two(
    texts: SearchBackend, typo: str, expected: int, found: bool
) -> None:
    assert (expected in ids(texts, typo)) is found


def test_a_word_that_is_not_the_last_is_not_a_prefix(texts: SearchBackend) -> None:
    assert ids(texts, "pythonie progr") == [12]
    # Followed by another word, `progr` must be a whole word: no offer has both words, so
    # those with either are shown (offer 23 for "pythonie").
    assert set(ids(texts, "progr pythonie")) == {12, 23}


@pytest.mark.parametrize(
    ("text", "direct", "through_synonym"),
    [
        ("prawo jazdy", {6}, {5}),  # "kat. B"
        # and back, but a licence category tells offers apart: never category C (issue 13)
        ("kat. B", {5}, set()),
        ("kategoria b", {5}, set()),  # inflected phrase: "kat." is not "kategoria"
        ("wózek widłowy", {2}, {3}),  # "wózki jezdniowe"
        ("operator wózków jezdniowych", {2, 3}, set()),
        ("UDT", {2, 4}, {3}),  # UDT leads to forklifts; cranes mention UDT themselves
        ("spawacz", {7}, {8}),  # "spawalniczy"
        ("spawanie", set(), {7, 8}),
        ("opiekunka", set(), {9}),  # "opiekun osób starszych"
        ("BHP", set(), {10}),  # "bezpieczeństwa i higieny pracy"
        ("rachunkowość", {1, 18}, set()),
        ("księgowość", {1}, {18}),
        ("IT", set(), {13, 20}),  # "informatyka"
        ("KKZ", set(), {14}),  # "kwalifikacyjny kurs zawodowy"
        ("uprawnienia elektryczne", set(), {15}),  # "SEP"
        ("kadry", {16}, set()),
        ("angielski średnio zaawansowany", set(), {17}),  # "poziom B1"
    ],
)
def test_synonyms_residents_use_find_the_same_courses(
    texts: SearchBackend, text: str, direct: set[int], through_synonym: set[int]
) -> None:
    found = ids(texts, text)
    assert set(found) >= direct | through_synonym
    # The words themselves rank above a synonym of them.
    assert found[: len(direct)] == sorted(direct, key=found.index)


def test_a_forklift_query_does_not_find_cranes_that_mention_udt(texts: SearchBackend) -> None:
    assert 4 not in ids(texts, "wózek widłowy")


def test_a_multi_word_synonym_is_a_phrase(texts: SearchBackend) -> None:
    # Offer 19 has "Kat" and "B" but not next to each other: it is not a driving course.
    assert 19 not in ids(texts, "prawo jazdy")
    assert 19 in ids(texts, "kat")


def test_a_synonym_ranks_below_the_words_even_when_sooner(texts: SearchBackend) -> None:
    # "Kurs na kat. B" starts months before "Prawo jazdy kategorii C".
    assert ids(texts, "prawo jazdy")[:2] == [6, 5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spawacz żary", {7}),
        ("kurs spawania w żarach", {7}),
        ("spawanie zary", {7}),
        ("księgowość gorzow", {18}),
        ("rachunkowość w gorzowie wlkp", {18}),
        ("informatyka zielona góra", {13}),  # the online course (20) is not held there
        ("informatyka w zielonej gorze", {13}),
        ("spawanie powiat żarski", {7}),
        ("zielona gora kadry", {16}),  # a place first
    ],
)
def test_a_place_in_the_query_narrows_to_offers_held_there(
    texts: SearchBackend, text: str, expected: set[int]
) -> None:
    assert set(ids(texts, text)) == expected


@pytest.mark.parametrize("text", ["zielona gora", "Zielona Góra", "w zielonej górze", "ZG"])
def test_a_query_that_is_only_a_place_lists_offers_held_there(
    texts: SearchBackend, text: str
) -> None:
    results = texts.search(Query(text=text, per_page=MAX_PER_PAGE))
    assert {h.id for h in results.hits} == held_in(ZG)
    assert results.places == ["Zielona Góra"]


def test_a_query_asking_for_online_keeps_online_offers_beside_the_place(
    texts: SearchBackend,
) -> None:
    assert set(ids(texts, "informatyka online zielona góra")) == {20}
    assert set(ids(texts, "informatyka zdalnie zielona góra")) == {20}


def test_a_place_name_that_is_an_ordinary_word_is_not_a_place(texts: SearchBackend) -> None:
    # Przewóz is a village in powiat żarski; "przewóz osób" is passenger transport.
    results = texts.search(Query(text="przewóz osób"))
    assert [h.id for h in results.hits] == [21] and results.places == []


def test_the_place_narrows_the_facets_too(texts: SearchBackend) -> None:
    results = texts.search(Query(text="spawanie gorzów", facets=("powiat",)))
    assert [h.id for h in results.hits] == [8]
    assert results.facets["powiat"] == {GW: 1}


def test_a_place_and_a_powiat_filter_both_apply(texts: SearchBackend) -> None:
    assert ids(texts, "spawanie żary", filters={"powiat": (ZARY,)}) == [7]
    # Nothing in Żary within the filter: the nearest outside it, saying so (issue 13).
    found = texts.search(Query(text="spawanie żary", filters={"powiat": (GW,)}))
    assert [hit.id for hit in found.hits] == [8]
    assert [(r.kind, r.values) for r in found.relaxed] == [("place", ("Żary",))]


def test_a_place_does_not_need_to_be_in_the_offer_text(backend: SearchBackend) -> None:
    # The narrowing reads the offer's powiat, not its words: the town may be missing.
    backend.index([offer(41, "Kurs florystyki", powiat=(ZARY,)), offer(42, "Kurs florystyki")])
    assert ids(backend, "florystyka żary") == [41]


def test_a_phrase_found_through_a_synonym_is_highlighted(texts: SearchBackend) -> None:
    found = texts.search(Query(text="prawo jazdy", per_page=MAX_PER_PAGE))
    title = next(hit.highlights["title"] for hit in found.hits if hit.id == 5)
    # "Kurs na kat. B" answers "prawo jazdy": its phrase is what matched, so it is marked.
    assert "<mark>kat" in title and "Kurs na " in title and "<mark>Kurs" not in title
