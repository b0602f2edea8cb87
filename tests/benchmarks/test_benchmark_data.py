"""The benchmark's generated offers and query log look like the real catalogue and its use."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from benchmarks.offers import generate_documents
from benchmarks.queries import FOLD, generate_queries, with_typo
from benchmarks.replay import parse, percentile
from benchmarks.search_benchmark import api_parameters
from benchmarks.vocabulary import subjects
from search.filters import BY_NAME, FACETS

TODAY = date(2026, 3, 2)


def test_the_same_seed_makes_the_same_offers_whatever_the_number_of_processes() -> None:
    alone = generate_documents(2_500, seed=3, today=TODAY, workers=1)
    shared = generate_documents(2_500, seed=3, today=TODAY, workers=2)
    assert alone == shared
    assert generate_documents(50, seed=4, today=TODAY) != alone[:50]


def test_offers_cover_every_field_and_powiat_with_upcoming_editions_and_prices() -> None:
    documents = generate_documents(2_000, seed=5, today=TODAY, workers=1)
    assert [d["id"] for d in documents] == list(range(1, 2_001))
    assert {d["isced_broad"] for d in documents} >= {f"{n:02d}" for n in range(11)}
    assert {p for d in documents for p in d["powiat"]} == set(BY_NAME["powiat"].labels())
    assert {d["kind"] for d in documents} >= {"course", "training", "kkz", "postgraduate"}
    starts = [s for d in documents for s in d["starts"]]
    assert all(TODAY.isoformat() <= s <= "2027-12-31" for s in starts)
    free = sum(d["is_free"] for d in documents) / len(documents)
    assert 0.05 < free < 0.3
    assert any(d["qualification_code"] and d["kind"] == "kkz" for d in documents)
    assert any(d["price_min_grosze"] and d["price_min_grosze"] > 100_000 for d in documents)


def test_subjects_span_hundreds_of_topics_with_real_qualification_codes() -> None:
    found = subjects()
    assert len({s.nominative for s in found}) >= 300
    assert {s.broad for s in found} >= {f"{n:02d}" for n in range(11)}
    assert {s.qualification.code for s in found if s.qualification} >= {"MEC.08", "EKA.07"}


def test_the_query_log_is_shaped_like_real_use_and_the_api_accepts_all_of_it(
    tmp_path: Path,
) -> None:
    log = generate_queries(1_000, api_parameters(tmp_path), seed=2, today=TODAY)
    assert all(1 <= len(q.text.split()) <= 3 for q in log)
    folded = [q for q in log if "no diacritics" in q.tags]
    assert len(folded) == 200 and all(q.text == q.text.translate(FOLD) for q in folded)
    assert sum("typo" in q.tags for q in log) == 100
    filtered = [q for q in log if "filtered" in q.tags]
    assert len(filtered) == 333 and all(len(q.params) > 1 for q in filtered)
    assert {"kurs", "online"} <= {q.text for q in log if "broad" in q.tags}
    for logged in log:
        query = parse(logged)  # raises if the API would answer 422
        assert set(query.facets) == set(FACETS)  # every facet is counted


def test_a_typo_is_one_edit_inside_a_word_of_five_or_more_letters() -> None:
    rng = random.Random(1)
    for text in ("spawanie tig", "kurs księgowości", "wózki widłowe zielona góra"):
        for _ in range(50):
            typed = with_typo(rng, text)
            changed = [(a, b) for a, b in zip(text.split(), typed.split(), strict=True) if a != b]
            assert len(changed) == 1
            before, after = changed[0]
            assert len(before) >= 5 and after[0] == before[0]
            assert _one_edit(before, after)


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def test_percentiles_are_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.95) == 95
    assert percentile(values, 0.99) == 99
    assert percentile([7.0], 0.99) == 7.0
