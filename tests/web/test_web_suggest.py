"""Suggestions (/api/v1/suggest), "did you mean" and places named in the query, through the app."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.web_support import html

# These answers come from the search index, not the database: a PostgreSQL half would only
# repeat the SQLite one (decision 0010).
pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)


def suggestions(client: TestClient, q: str, **params: object) -> list[dict[str, str]]:
    response = client.get("/api/v1/suggest", params={"q": q, **params})
    assert response.status_code == 200
    body = response.json()
    assert body["q"] == " ".join(q.split())
    return body["suggestions"]


def test_typing_suggests_titles_qualifications_and_places(client: TestClient) -> None:
    titles = [s["text"] for s in suggestions(client, "spaw") if s["kind"] == "title"]
    assert titles[0] == "Kurs spawania metodą MAG (135)"
    (mec,) = [s for s in suggestions(client, "mec") if s["kind"] == "qualification"]
    assert mec["text"].startswith("MEC.08 ") and mec["query"] == "MEC.08"
    places = [s for s in suggestions(client, "kurs ża") if s["kind"] == "place"]
    assert {(s["text"], s["query"]) for s in places} == {
        ("Żary", "kurs Żary"),
        ("Żagań", "kurs Żagań"),
    }


def test_suggestions_are_folded_and_forgive_a_typo(client: TestClient) -> None:
    for typed in ("ksiegow", "KSIĘGOW", "ksiegwo"):
        texts = [s["text"] for s in suggestions(client, typed)]
        assert "Podstawy księgowości – kurs e-learningowy" in texts, typed


def test_suggest_input_is_bounded(client: TestClient) -> None:
    assert len(suggestions(client, "kurs", limit=2)) == 2
    assert suggestions(client, "   ") == []
    for params in ({"q": "kurs", "limit": 0}, {"q": "kurs", "limit": 21}, {"q": "k" * 201}):
        assert client.get("/api/v1/suggest", params=params).status_code == 422
    body = client.get("/api/v1/suggest", params={"q": "spaw\x00\x1b"}).json()
    assert body["q"] == "spaw" and body["suggestions"]


def test_the_api_documents_suggestions_and_corrections(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    answer = schema["paths"]["/api/v1/suggest"]["get"]["responses"]["200"]["content"]
    assert answer["application/json"]["schema"]["$ref"].endswith("/SuggestResponse")
    kinds = schema["components"]["schemas"]["Suggestion"]["properties"]["kind"]
    assert set(kinds["enum"]) == {"title", "qualification", "place"}
    search = schema["components"]["schemas"]["SearchResponseV1"]["properties"]
    assert {"did_you_mean", "places"} <= search.keys()


def test_a_query_finding_nothing_says_what_was_meant(client: TestClient) -> None:
    body = client.get("/api/v1/offers", params={"q": "kurz"}).json()
    assert (body["total"], body["did_you_mean"]) == (0, "kurs")
    assert client.get("/api/v1/offers", params={"q": "kurs"}).json()["did_you_mean"] is None

    page = html(client, "/?q=kurz&kind=course")
    link = page.css("#did-you-mean a")
    assert link.css("::text").get() == "kurs"
    href = link.attrib["href"]
    assert "q=kurs" in href and "kind=course" in href  # the filters are kept
    assert page.css("#did-you-mean::text").get().strip() == "Czy chodziło Ci o:"


def test_a_place_in_the_query_is_shown_and_narrows_the_results(client: TestClient) -> None:
    body = client.get("/api/v1/offers", params={"q": "kurs w nowej soli"}).json()
    assert body["places"] == ["Nowa Sól"]
    assert body["total"] >= 1 and all(
        "0804" in [p["code"] for p in hit["powiats"]] for hit in body["hits"]
    )
    page = html(client, "/?q=kurs+w+nowej+soli")
    assert "Nowa Sól" in page.css("#results-places::text").get()


def test_the_search_page_offers_suggestions_without_needing_them(client: TestClient) -> None:
    page = html(client, "/?q=spawanie")
    listbox = page.css("ul#q-suggestions[role=listbox]")
    assert listbox and listbox.attrib.get("hidden") is not None  # empty until the script runs
    assert page.css('script[src="/static/suggest.js"][defer]')
    assert page.css("input#q").attrib.get("role") is None  # the script makes it a combobox
    script = client.get("/static/suggest.js")
    assert script.status_code == 200 and "/api/v1/suggest" in script.text
