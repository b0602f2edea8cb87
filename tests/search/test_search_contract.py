"""The behaviour every search backend must show, run against each backend in conftest.BACKENDS."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from catalogue.models import DeliveryForm, Edition, Offer, OfferKind
from search.documents import offer_document
from search.filters import FACETS, TERM_FILTERS
from search.interface import MAX_PER_PAGE, Query, SearchBackend
from tests.search.search_support import OFFERS, offer

TITLES = {doc["id"]: doc["title"] for doc in OFFERS}


def ids(backend: SearchBackend, text: str = "", **query: object) -> list[int]:
    query.setdefault("per_page", MAX_PER_PAGE)
    return [hit.id for hit in backend.search(Query(text=text, **query)).hits]


def first_title(backend: SearchBackend, text: str) -> str:
    hits = backend.search(Query(text=text)).hits
    assert hits, f"nothing found for {text!r}"
    return hits[0].document["title"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ksiegowosc", "Księgowość od podstaw – kurs z certyfikatem"),
        ("Księgowości", "Księgowość od podstaw – kurs z certyfikatem"),
        ("spawanie", "Kurs spawania metodą MAG (135)"),
        ("progr", "Programowanie w Pythonie"),
        ("opiekunki", "Opiekunka osoby starszej"),
        ("szkola", "Szkoła fryzjerstwa – kurs dla dorosłych"),
        ("MEC.08", "Technik mechanik – kwalifikacja MEC.08"),
    ],
)
def test_a_word_in_any_form_finds_its_offer_first(
    catalogue: SearchBackend, text: str, expected: str
) -> None:
    assert first_title(catalogue, text) == expected


def test_an_inflected_query_finds_the_base_form(catalogue: SearchBackend) -> None:
    found = ids(catalogue, "kursy księgowej")
    assert found[0] == 3  # "Samodzielna księgowa – kurs kompleksowy"
    assert 2 not in found


def test_forklift_trucks_match_in_every_case(catalogue: SearchBackend) -> None:
    found = ids(catalogue, "wózków widłowych")
    assert set(found[:2]) == {4, 5}  # "wózków widłowych" and "Wózki widłowe"


def test_a_town_typed_without_polish_letters_finds_offers_held_there(
    catalogue: SearchBackend,
) -> None:
    found = set(ids(catalogue, "zielona gora"))
    held_there = {d["id"] for d in OFFERS if "Zielona Góra" in d["towns"]}
    assert held_there <= found
    assert 2 not in found  # Gorzów Wielkopolski


@pytest.mark.parametrize(("typo", "offer_id"), [("spwanie", 2), ("ksiegowsc", 1)])
def test_a_typo_still_finds_the_offer(catalogue: SearchBackend, typo: str, offer_id: int) -> None:
    assert ids(catalogue, typo)[0] == offer_id


def test_a_short_word_is_not_fuzzy(catalogue: SearchBackend) -> None:
    assert ids(catalogue, "kurz tor") == []


def test_words_that_no_offer_has_together_are_relaxed_to_any(catalogue: SearchBackend) -> None:
    found = ids(catalogue, "spawanie angielski")
    assert {2, 10} <= set(found)


def test_a_stop_word_is_not_required(catalogue: SearchBackend) -> None:
    assert ids(catalogue, "kurs w księgowości")[0] == 1


def test_an_empty_query_lists_every_offer_soonest_first(catalogue: SearchBackend) -> None:
    results = catalogue.search(Query(per_page=100))
    assert results.total == len(OFFERS) == catalogue.count()
    assert [h.id for h in results.hits] == ids(catalogue, sort="start_date")


@pytest.mark.parametrize(
    "text",
    [
        '"księgowość',
        "title:spawanie",
        "(kurs OR",
        "*",
        "kurs AND NOT spawanie",
        "a" * 10_000,
        "kurs " * 2_000,
        "\x00\x07\x1b[31m kurs \u202e",
        "?!.,;:-–—…()[]{}<>/\\|'\"`~@#$%^&*+=",
        "𝕜𝕦𝕣𝕤 😀 ﷽",
        "   ",
    ],
)
def test_a_hostile_query_never_raises(catalogue: SearchBackend, text: str) -> None:
    results = catalogue.search(Query(text=text, facets=FACETS))
    assert results.total >= 0
    assert results.took_ms >= 0


def test_punctuation_alone_lists_everything(catalogue: SearchBackend) -> None:
    assert catalogue.search(Query(text="?!*:()")).total == len(OFFERS)


@pytest.mark.parametrize("spec", TERM_FILTERS, ids=lambda spec: spec.name)
def test_every_filter_keeps_only_offers_with_a_chosen_value(
    catalogue: SearchBackend, spec: object
) -> None:
    counts: dict[str, int] = {}
    for doc in OFFERS:
        for value in spec.values(doc):
            counts[value] = counts.get(value, 0) + 1
    first, second = sorted(counts)[:2]
    chosen = {first, second}
    expected = {d["id"] for d in OFFERS if chosen & set(spec.values(d))}
    assert set(ids(catalogue, filters={spec.name: (first, second)})) == expected


def test_filters_combine_with_and_across_and_or_within(catalogue: SearchBackend) -> None:
    found = ids(catalogue, filters={"powiat": ("0862", "online"), "kind": ("training", "kkz")})
    assert set(found) == {5, 7}


def test_a_filter_applies_to_a_text_query(catalogue: SearchBackend) -> None:
    assert set(ids(catalogue, "księgowość", filters={"form": ("online",)})) == {3}


def test_online_offers_match_the_online_place(catalogue: SearchBackend) -> None:
    assert set(ids(catalogue, filters={"powiat": ("online",)})) == {3, 6, 7, 9}


def test_facets_count_every_value_exactly(catalogue: SearchBackend) -> None:
    results = catalogue.search(Query(facets=tuple(f.name for f in TERM_FILTERS)))
    for spec in TERM_FILTERS:
        expected: dict[str, int] = {}
        for doc in OFFERS:
            for value in spec.values(doc):
                expected[value] = expected.get(value, 0) + 1
        assert results.facets[spec.name] == expected, spec.name


def test_facets_ignore_their_own_filter_but_apply_the_others(catalogue: SearchBackend) -> None:
    query = Query(
        filters={"powiat": ("0862",), "kind": ("training",)}, facets=("powiat", "kind", "form")
    )
    results = catalogue.search(query)
    assert results.total == 1  # offer 5
    trainings = [d for d in OFFERS if d["kind"] == "training"]
    assert results.facets["powiat"] == {"0861": 1, "0811": 1, "0862": 1}
    assert sum(results.facets["powiat"].values()) == len(trainings)
    in_zielona_gora = [d for d in OFFERS if "0862" in d["powiat"]]
    assert sum(results.facets["kind"].values()) == len(in_zielona_gora)
    assert results.facets["form"] == {"on_site": 1}  # both filters apply to other facets


def test_facets_follow_the_text_query(catalogue: SearchBackend) -> None:
    results = catalogue.search(Query(text="księgowość", facets=("kind",)))
    assert sum(results.facets["kind"].values()) == results.total


def test_pages_cover_the_results_once(catalogue: SearchBackend) -> None:
    seen: list[int] = []
    for page in (1, 2, 3):
        results = catalogue.search(Query(page=page, per_page=5))
        assert results.pages == 3 and results.total == len(OFFERS)
        seen += [h.id for h in results.hits]
    assert sorted(seen) == sorted(TITLES)


def test_a_page_past_the_end_is_empty(catalogue: SearchBackend) -> None:
    for page in (4, 10**9):
        results = catalogue.search(Query(page=page, per_page=5))
        assert results.hits == [] and results.total == len(OFFERS)


def test_page_size_is_bounded(catalogue: SearchBackend) -> None:
    assert catalogue.search(Query(per_page=10_000)).per_page == MAX_PER_PAGE
    assert len(catalogue.search(Query(per_page=0)).hits) == 1


def test_sort_by_start_date_puts_offers_without_a_date_last(catalogue: SearchBackend) -> None:
    by_id = {d["id"]: d["next_start"] for d in OFFERS}
    found = [by_id[i] for i in ids(catalogue, sort="start_date")]
    dated = [s for s in found if s]
    assert found == dated + [None] * (len(found) - len(dated))
    assert dated == sorted(dated)


def test_sort_by_price_puts_unknown_prices_last(catalogue: SearchBackend) -> None:
    by_id = {d["id"]: d["price_min_grosze"] for d in OFFERS}
    found = [by_id[i] for i in ids(catalogue, sort="price")]
    known = [p for p in found if p is not None]
    assert found[0] == 0
    assert found == known + [None] * (len(found) - len(known))
    assert known == sorted(known)


def test_a_sort_applies_to_a_text_query(catalogue: SearchBackend) -> None:
    found = ids(catalogue, "księgowość", sort="price")
    assert found == [3, 1, 9]


def test_equal_relevance_is_ordered_by_start_then_id(backend: SearchBackend) -> None:
    backend.index(
        [
            offer(31, "Kurs florystyki", next_start="2026-06-01"),
            offer(32, "Kurs florystyki", next_start=None),
            offer(33, "Kurs florystyki", next_start="2026-05-01"),
            offer(34, "Kurs florystyki", next_start="2026-05-01"),
            offer(35, "Florystyka: florystyka ślubna", next_start="2026-12-01"),
            offer(36, "Bukiety i wiązanki", "Elementy florystyki.", next_start="2026-01-01"),
        ]
    )
    # "florystyki" is the same word as "florystyka": every title match ties, the soonest first;
    # a match in the description only comes last whatever its date.
    assert ids(backend, "florystyka") == [33, 34, 31, 35, 32, 36]
    pages = [ids(backend, "florystyka", page=p, per_page=2) for p in (1, 2, 3)]
    assert pages == [[33, 34], [31, 35], [32, 36]]


def test_many_equal_hits_page_in_start_order(backend: SearchBackend) -> None:
    first = date(2026, 1, 1)
    # 120 equally relevant offers over 90 days in shuffled order, some sharing a day.
    starts = {100 + i: (first + timedelta(days=(i * 37) % 90)).isoformat() for i in range(120)}
    backend.index([offer(i, f"Warsztaty ceramiki {i}", next_start=s) for i, s in starts.items()])
    found = [i for p in range(1, 7) for i in ids(backend, "ceramika", page=p, per_page=20)]
    assert found == sorted(starts, key=lambda i: (starts[i], i))


def test_highlights_mark_matches_and_escape_html(catalogue: SearchBackend) -> None:
    hit = catalogue.search(Query(text="bhp egzamin")).hits[0]
    assert hit.highlights["title"] == (
        "Walidacja: Prowadzenie szkoleń &lt;<mark>BHP</mark>&gt; &amp; ochrona ppoż."
    )
    description = hit.highlights["description"]
    assert description.startswith("<mark>Egzamin</mark> potwierdzający")
    assert "<script>" not in description and "&lt;script&gt;" in description


def test_highlights_mark_inflected_and_misspelt_words(catalogue: SearchBackend) -> None:
    hit = catalogue.search(Query(text="wozek widlowy")).hits[0]
    assert "<mark>wózków</mark> <mark>widłowych</mark>" in hit.highlights["title"]
    hit = catalogue.search(Query(text="ksiegowsc")).hits[0]
    assert hit.highlights["title"].startswith("<mark>Księgowość</mark>")


def test_the_hit_carries_the_stored_document(catalogue: SearchBackend) -> None:
    hit = catalogue.search(Query(text="spawanie")).hits[0]
    assert hit.document == OFFERS[1]
    assert hit.score > 0


def test_indexing_an_id_again_replaces_the_offer(catalogue: SearchBackend) -> None:
    catalogue.index([offer(2, "Kurs spawania metodą TIG (141)")])
    assert catalogue.count() == len(OFFERS)
    assert ids(catalogue, "TIG") == [2]
    assert ids(catalogue, "MAG") == []


def test_deleted_offers_are_no_longer_found(catalogue: SearchBackend) -> None:
    catalogue.delete([2, 999])
    assert catalogue.count() == len(OFFERS) - 1
    assert ids(catalogue, "spawanie") == []


def test_an_empty_index_answers_with_nothing(backend: SearchBackend) -> None:
    results = backend.search(Query(text="kurs", facets=("kind",)))
    assert results.total == 0 and results.facets == {"kind": {}}
    backend.delete([1])
    assert backend.count() == 0


def test_another_instance_sees_what_the_first_indexed(
    open_backend: Callable[[], SearchBackend],
) -> None:
    writer, reader = open_backend(), open_backend()
    assert reader.count() == 0
    writer.index(OFFERS[:3])
    assert reader.count() == 3
    writer.index([OFFERS[3]])
    writer.delete([1])
    assert sorted(ids(reader)) == [2, 3, 4]


def test_a_rebuild_replaces_everything(catalogue: SearchBackend) -> None:
    catalogue.rebuild(OFFERS[:2])
    assert sorted(ids(catalogue)) == [1, 2]


def test_readers_see_the_old_or_the_new_index_during_a_rebuild(
    open_backend: Callable[[], SearchBackend],
) -> None:
    writer, reader = open_backend(), open_backend()
    old = [offer(i, f"Stary kurs {i}") for i in range(1, 41)]
    new = [offer(i, f"Nowy kurs {i}") for i in range(100, 160)]
    writer.index(old)
    assert reader.count() == len(old)
    seen: list[frozenset[int]] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            for backend in (reader, writer):  # another process, and the rebuilding one
                seen.append(frozenset(ids(backend)))

    thread = threading.Thread(target=read)
    thread.start()
    try:
        for documents in (new, old, new):
            writer.rebuild(documents)
    finally:
        done.set()
        thread.join()
    allowed = {frozenset(d["id"] for d in old), frozenset(d["id"] for d in new)}
    assert seen and set(seen) <= allowed
    assert set(ids(reader)) == {d["id"] for d in new}


def test_a_catalogue_offer_is_searchable_through_its_document(backend: SearchBackend) -> None:
    welding = Offer(
        id=77,
        title="Spawacz blach i rur – metoda TIG (141)",
        description="Kurs przygotowujący do egzaminu spawalniczego.",
        kind=OfferKind.course,
        form=DeliveryForm.on_site,
        url="https://ckziu.example.org/tig",
        source_id=1,
        external_id="tig-141",
        content_hash="x",
        editions=[
            Edition(start_date=date(2026, 5, 4), town="Nowa Sól", powiat_teryt="0804"),
            Edition(start_date=date(2026, 9, 1), form=DeliveryForm.blended, price_grosze=0),
        ],
    )
    document = offer_document(welding, today=date(2026, 4, 1))
    assert set(document) == set(OFFERS[0])  # the test catalogue has the same shape
    backend.index([document])
    assert ids(backend, "spawacza", filters={"powiat": ("online",)}) == [77]
    assert ids(backend, "nowa sol", sort="price") == [77]
