"""The funding rules (`catalogue.funding`) as pure functions over the data file."""

from __future__ import annotations

import re

import pytest

from catalogue.funding import (
    NAMED,
    NOT_NAMED,
    OfferFacts,
    Situation,
    funding_rules,
    parse_rules,
    parse_situation,
    routes_for,
)


def keys(situation: Situation, offer: OfferFacts | None = None) -> list[str]:
    return [match.route.key for match in routes_for(situation, offer)]


def test_a_worker_with_an_employer_may_have_kfs_bur_and_free_courses() -> None:
    assert keys(Situation("working", True, "25_49")) == ["kfs", "bur", "free"]


def test_kfs_needs_an_employer() -> None:
    assert "kfs" not in keys(Situation("working", False, "25_49"))
    assert "kfs" not in keys(Situation("other", True, "50_plus"))


def test_the_labour_office_route_is_for_the_registered_unemployed_only() -> None:
    assert keys(Situation("unemployed", False, "under_25")) == ["pup", "bur", "free"]
    assert "pup" not in keys(Situation("working", True, "under_25"))
    assert "pup" not in keys(Situation("other", False, "under_25"))


def test_an_offer_says_which_routes_it_names_itself() -> None:
    kkz = OfferFacts("kkz", frozenset())
    by_key = {m.route.key: m.offer for m in routes_for(Situation("working", True, "25_49"), kkz)}
    assert by_key == {"kfs": NOT_NAMED, "bur": NOT_NAMED, "free": NAMED}
    kfs_course = OfferFacts("course", frozenset({"kfs"}))
    by_key = {
        m.route.key: m.offer for m in routes_for(Situation("working", True, "25_49"), kfs_course)
    }
    assert by_key == {"kfs": NAMED, "bur": NOT_NAMED, "free": NOT_NAMED}
    assert all(m.offer is None for m in routes_for(Situation("other", False, "50_plus")))


def test_every_route_has_its_legal_source_and_how_it_was_checked_in_both_languages() -> None:
    for route in funding_rules().routes:
        for lang in ("pl", "en"):
            for field in ("name", "what", "next", "ask", "legal"):
                assert route.text(field, lang).strip(), (route.key, field, lang)
        # how it was checked names the public page it was checked against
        assert re.search(r"\b[\w.-]+\.(pl|eu)\b", route.checked), (route.key, route.checked)


def test_the_texts_never_promise() -> None:
    words = " ".join(
        route.text(field, "pl") for route in funding_rules().routes for field in ("what", "next")
    ).lower()
    for promise in ("przysługuje ci", "otrzymasz", "dostaniesz", "gwarant"):
        assert promise not in words


def test_the_answers_are_read_only_when_known() -> None:
    assert parse_situation("working", "tak", "50_plus") == Situation("working", True, "50_plus")
    assert parse_situation("working", None, "50_plus") == Situation("working", False, "50_plus")
    assert parse_situation("retired", "tak", "50_plus") is None
    assert parse_situation("working", "tak", "100") is None
    assert parse_situation(None, None, None) is None


def test_a_route_with_an_unknown_status_is_refused() -> None:
    route = {
        f"{f}_{lang}": "x"
        for f in ("name", "what", "next", "ask", "legal")
        for lang in ("pl", "en")
    }
    data = {
        "age_note_pl": "",
        "age_note_en": "",
        "route": [
            {"key": "x", "statuses": ["student"], "needs_employer": False, "checked": "", **route}
        ],
    }
    with pytest.raises(ValueError, match="student"):
        parse_rules(data)
