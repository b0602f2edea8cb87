"""The normaliser's measured accuracy cannot regress: each field stays at or above its floor.

The floors are the figures `benchmarks/normaliser.py` measured on 2026-11-27, rounded down
to the whole percent. The lead raises them as the normaliser improves (never lowers them to
let a change through: fix the change, or the label if reading shows the label was wrong).
"""

from __future__ import annotations

import pytest

from benchmarks.normaliser import (
    DUPLICATES_CSV,
    OFFERS_CSV,
    FieldScore,
    find_matcher,
    read_rows,
    score_duplicates,
    score_offers,
)

FLOORS = {
    "isced_broad": 0.95,
    "isced_narrow": 0.94,
    "prk_due": 1.00,
    "prk_none": 1.00,
    "zsu": 0.98,
    "kind": 1.00,
    "place": 1.00,
    "online": 1.00,
}
DUPLICATE_FLOORS = {"precision": 1.00, "recall": 0.96}


@pytest.fixture(scope="module")
def scores() -> dict[str, FieldScore]:
    return score_offers(read_rows(OFFERS_CSV))


def test_the_labelled_set_is_large_enough_to_measure() -> None:
    assert len(read_rows(OFFERS_CSV)) >= 320
    assert len(read_rows(DUPLICATES_CSV)) >= 120


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_field_accuracy_stays_at_or_above_its_floor(
    scores: dict[str, FieldScore], name: str
) -> None:
    score = scores[name]
    assert score.total > 0
    misses = "\n".join(f"{m.expected} → {m.got}: {m.title}" for m in score.misses)
    assert score.accuracy >= FLOORS[name], f"{name} {score.accuracy:.1%}\n{misses}"


def test_duplicate_matching_stays_at_or_above_its_floors() -> None:
    matcher = find_matcher()
    assert matcher is not None, "catalogue.dedupe.same_offer is gone"
    score = score_duplicates(read_rows(DUPLICATES_CSV), matcher)
    assert score.precision >= DUPLICATE_FLOORS["precision"], "\n".join(score.errors)
    assert score.recall >= DUPLICATE_FLOORS["recall"], "\n".join(score.errors)
