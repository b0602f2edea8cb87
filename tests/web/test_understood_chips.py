"""The chips saying what the words of a query were understood to mean, and their links that
take the words literally again (issue 13; `web.understood`, `search.understanding`)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from tests.web.web_support import html

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)


def chips(client: TestClient, url: str) -> list[tuple[str, str]]:
    """(accessible name, link) of each understood chip of a search page."""
    page = html(client, url)
    return [
        (" ".join(a.xpath("string()").get().split()), a.attrib["href"])
        for a in page.css("#understood a.chip")
    ]


def titles(client: TestClient, url: str) -> list[str]:
    page = html(client, url)
    return [" ".join(a.xpath("string()").get().split()) for a in page.css("h3.card-title a")]


def test_a_free_word_is_a_chip_whose_link_takes_it_literally(client: TestClient) -> None:
    ((name, href),) = chips(client, "/?q=darmowe&page=1")
    assert name == "Szukaj tych słów dosłownie: „darmowe”: tylko bezpłatne ✕"
    assert "Ślusarz – kwalifikacyjny kurs zawodowy MEC.08" in titles(client, "/?q=darmowe")
    page = html(client, "/?q=darmowe")
    assert not page.css("#did-you-mean")  # "darmowe" is not a misspelt "dachowe"
    link = urlsplit(href)
    assert link.path == "/" and parse_qs(link.query) == {"q": ["darmowe"], "dosl": ["price.free"]}
    assert chips(client, href) == []  # taken literally: a word no offer has
    assert "Ślusarz – kwalifikacyjny kurs zawodowy MEC.08" not in titles(client, href)


def test_a_field_word_is_a_chip_and_finds_its_field(client: TestClient) -> None:
    ((name, href),) = chips(client, "/?q=budowlane")
    assert "także dziedzina: Budownictwo i inżynieria lądowa" in name
    assert "Murarz-tynkarz – KKZ BUD.12" in titles(client, "/?q=budowlane")
    assert "Murarz-tynkarz – KKZ BUD.12" not in titles(client, href)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "“darmowe”: free of charge only"), ("uk", "«darmowe»: лише безкоштовні")],
)
def test_the_chip_speaks_the_readers_language(client: TestClient, lang: str, expected: str) -> None:
    ((name, _),) = chips(client, f"/?q=darmowe&lang={lang}")
    assert expected in name


def test_the_api_says_what_was_understood_and_how_to_take_it_back(client: TestClient) -> None:
    found = client.get("/api/v1/offers", params={"q": "darmowe zdalnie"}).json()
    assert [(u["key"], u["filters"], u["literal"]) for u in found["understood"]] == [
        ("price.free", {"free": True}, "dosl=price.free"),
        ("form.online", {"form": ["online"]}, "dosl=form.online"),
    ]
    literal = client.get("/api/v1/offers", params={"q": "darmowe", "dosl": "1"}).json()
    assert literal["understood"] == [] and literal["total"] == 0


def test_an_unknown_literal_value_changes_nothing(client: TestClient) -> None:
    found = client.get("/api/v1/offers", params={"q": "darmowe", "dosl": "price.nothing"}).json()
    assert [u["key"] for u in found["understood"]] == ["price.free"] and found["total"] > 0
