"""The ranking rules on every backend: exact and title above body, all words above some, fewer
typos above more, then the soonest upcoming edition, then id; pages are one stable order."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from search.interface import MAX_PER_PAGE, Query, SearchBackend
from tests.search.search_support import offer

SOON, LATER, LATEST = "2026-02-01", "2026-06-01", "2026-12-01"


def ids(backend: SearchBackend, text: str, **query: object) -> list[int]:
    query.setdefault("per_page", MAX_PER_PAGE)
    return [hit.id for hit in backend.search(Query(text=text, **query)).hits]


def test_a_title_match_ranks_above_a_description_match(backend: SearchBackend) -> None:
    backend.index(
        [
            offer(1, "Warsztaty rękodzieła", "Ceramika, wikliniarstwo, haft.", next_start=SOON),
            offer(2, "Ceramika artystyczna", "Toczenie na kole.", next_start=LATEST),
        ]
    )
    assert ids(backend, "ceramika") == [2, 1]


def test_an_exact_word_ranks_above_a_misspelt_one(backend: SearchBackend) -> None:
    backend.index(
        [
            offer(1, "Kurs kaligarfii", next_start=SOON),  # the offer itself has a typo
            offer(2, "Kurs kaligrafii", next_start=LATEST),
        ]
    )
    assert ids(backend, "kaligrafii") == [2, 1]


def test_fewer_typos_rank_above_more(backend: SearchBackend) -> None:
    backend.index(
        [
            offer(1, "Kaligarfja dla dorosłych", next_start=SOON),  # 2 edits from the query
            offer(2, "Kaligarfia dla dorosłych", next_start=LATER),  # 1 edit
            offer(3, "Kaligrafia dla dorosłych", next_start=LATEST),  # none
        ]
    )
    assert ids(backend, "kaligrafia dla") == [3, 2, 1]


def test_offers_with_all_words_rank_above_those_with_some(backend: SearchBackend) -> None:
    backend.index(
        [
            offer(1, "Rzeźba w drewnie", next_start=SOON),
            offer(2, "Ceramika i kaligrafia", next_start=LATEST),
            offer(3, "Kaligrafia", next_start=LATER),
        ]
    )
    # No offer has all three words: those with two come before those with one.
    assert ids(backend, "kaligrafia ceramika rzeźba") == [2, 1, 3]
    # A word no offer has changes nothing.
    assert ids(backend, "kaligrafia ceramika rzeźba xylografia") == [2, 1, 3]


def test_equal_matches_start_soonest_first_then_by_id(backend: SearchBackend) -> None:
    backend.index(
        [
            offer(5, "Kurs haftu", next_start=None),
            offer(4, "Kurs haftu", next_start=LATER),
            offer(3, "Kurs haftu", next_start=SOON),
            offer(2, "Kurs haftu", next_start=LATER),
            offer(1, "Kurs haftu", next_start=None),
        ]
    )
    assert ids(backend, "haft") == [3, 2, 4, 1, 5]


def test_a_sooner_edition_never_lifts_a_weaker_match(backend: SearchBackend) -> None:
    backend.index(
        [
            offer(1, "Haft krzyżykowy", "Kurs dla początkujących.", next_start="2025-01-01"),
            offer(2, "Kurs haftu krzyżykowego", next_start="2036-03-01"),
        ]
    )
    # Offer 2 has both words in its title, offer 1 one in its description: 2 wins, however
    # far its edition is.
    assert ids(backend, "kurs haftu") == [2, 1]


@pytest.mark.parametrize("in_title", [True, False], ids=["title", "description"])
def test_pages_of_many_ties_are_one_stable_order(backend: SearchBackend, in_title: bool) -> None:
    rng = random.Random(3)
    first = date(2026, 1, 1)
    starts = {
        i: rng.choice([None, (first + timedelta(days=rng.randrange(40))).isoformat()])
        for i in range(1, 301)
    }
    texts = ("Warsztaty garncarstwa", "") if in_title else ("Warsztaty", "Garncarstwo.")
    documents = [offer(i, *texts, next_start=s) for i, s in starts.items()]
    rng.shuffle(documents)
    for batch in range(0, 300, 60):  # several commits: several segments
        backend.index(documents[batch : batch + 60])
    expected = sorted(starts, key=lambda i: (starts[i] is None, starts[i] or "", i))
    paged = [i for p in range(1, 44) for i in ids(backend, "garncarstwo", page=p, per_page=7)]
    assert paged == expected
    assert ids(backend, "garncarstwo", page=2, per_page=100) == expected[100:200]


@pytest.mark.parametrize(
    "text",
    ["kurs", "kursy księgowej", "spwanie", "progr", "prawo jazdy", "udt", "kurs z", "zielona",
     "opiekunka osób", "kaligrafia xylografia", "w", "bhp egzamin", "mec.08", "szkoła"],
)  # fmt: skip
def test_a_sort_changes_the_order_never_the_offers(catalogue: SearchBackend, text: str) -> None:
    by_relevance = catalogue.search(Query(text=text, per_page=MAX_PER_PAGE))
    by_start = catalogue.search(Query(text=text, per_page=MAX_PER_PAGE, sort="start_date"))
    by_price = catalogue.search(Query(text=text, per_page=MAX_PER_PAGE, sort="price"))
    found = {h.id for h in by_relevance.hits}
    assert found == {h.id for h in by_start.hits} == {h.id for h in by_price.hits}
    assert by_relevance.total == by_start.total == by_price.total == len(found)
