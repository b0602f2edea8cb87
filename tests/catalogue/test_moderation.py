"""The review rules of `catalogue.moderation`, each on its own."""

from __future__ import annotations

import pytest

from catalogue.moderation import (
    FIRST_OFFERS_REVIEWED,
    PublishedFacts,
    facts,
    price_changed_much,
    review_reasons,
)

OFFER = facts("Kurs spawania MAG", "MEC.08", [120000, None, 150000])


def codes(**overrides) -> list[str]:
    arguments = {
        "institution_approved": True,
        "published_before": FIRST_OFFERS_REVIEWED,
        "last_published": OFFER,
        "submitted": OFFER,
    } | overrides
    return [r.code for r in review_reasons(**arguments)]


def test_an_approved_institutions_unchanged_offer_is_published_at_once():
    assert codes() == []


def test_an_institution_not_approved_is_reviewed():
    assert codes(institution_approved=False) == ["institution_not_approved"]


@pytest.mark.parametrize(
    ("published_before", "expected"),
    [(0, ["first_offers"]), (FIRST_OFFERS_REVIEWED - 1, ["first_offers"]),
     (FIRST_OFFERS_REVIEWED, [])],
)  # fmt: skip
def test_the_first_offers_of_an_institution_are_reviewed(published_before, expected):
    assert codes(published_before=published_before, last_published=None) == expected


def test_an_offer_published_before_is_not_a_first_offer_again():
    assert codes(published_before=0) == []


def test_a_changed_title_is_reviewed_but_not_a_change_of_case_or_spaces():
    assert codes(submitted=facts("Kurs spawania TIG", "MEC.08", [120000])) == ["title_changed"]
    assert codes(submitted=facts("kurs  SPAWANIA mag", "MEC.08", [120000])) == []


def test_a_changed_or_removed_qualification_code_is_reviewed():
    assert codes(submitted=facts("Kurs spawania MAG", "MEC.09", [120000])) == [
        "qualification_changed"
    ]
    assert codes(submitted=facts("Kurs spawania MAG", None, [120000])) == ["qualification_changed"]


@pytest.mark.parametrize(
    ("before", "after", "much"),
    [
        (100000, 150000, False),  # exactly half: not more than half
        (100000, 150001, True),
        (100000, 49999, True),
        (100000, 60000, False),
        (0, 100, True),  # free to paid
        (None, 100000, False),  # a price appearing
        (100000, None, False),
    ],
)
def test_price_change_over_half_of_the_old_price(before, after, much):
    assert price_changed_much(before, after) is much


def test_the_lowest_price_is_compared():
    dearer = facts("Kurs spawania MAG", "MEC.08", [300000])
    assert codes(submitted=dearer) == ["price_change"]


def test_facts_survive_json():
    assert PublishedFacts.from_json(OFFER.to_json()) == OFFER
    assert PublishedFacts.from_json(None) is None


def test_every_reason_has_both_languages():
    reasons = review_reasons(
        institution_approved=False,
        published_before=0,
        last_published=OFFER,
        submitted=facts("Inny", None, [999999]),
    )
    assert {r.code for r in reasons} == {
        "institution_not_approved", "title_changed", "qualification_changed", "price_change",
    }  # fmt: skip
    assert all(r.message_pl and r.message_en for r in reasons)
