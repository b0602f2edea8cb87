"""When a complete, successful run may withdraw the offers it did not see."""

from __future__ import annotations

import pytest

from catalogue.store import withdrawal_doubt


@pytest.mark.parametrize(
    ("missing", "seen", "unidentified", "allowed"),
    [
        (0, 0, 0, True),  # nothing to withdraw
        (1, 40, 0, True),  # one offer gone from a list of 41
        (4, 1, 0, True),  # a small source dropping most of its few offers
        (20, 20, 0, True),  # half of the offers: allowed, just
        (21, 20, 0, False),  # more than half at once: a list cut short, a filter ignored
        (30, 0, 0, False),  # the source gave no offer at all
        (2, 40, 1, False),  # a record without an id might be one of the missing two
    ],
)
def test_a_run_withdraws_only_what_it_shows_to_be_gone(
    missing: int, seen: int, unidentified: int, allowed: bool
) -> None:
    assert (withdrawal_doubt(missing, seen, unidentified) is None) is allowed


def test_mass_withdrawal_can_be_allowed_when_the_offers_are_really_gone() -> None:
    assert withdrawal_doubt(21, 20, 0, max_share=1.0) is None
