"""The JSON API: shapes, bounds, errors and the OpenAPI schema."""

from __future__ import annotations

from fastapi.testclient import TestClient

from search.filters import FACETS, TERM_FILTERS
from tests.web.web_support import Catalogue, active

DOCUMENT_FIELDS = {
    "description",
    "provider",
    "qualification",
    "kind",
    "isced",
    "prk_level",
    "form",
    "powiats",
    "towns",
    "is_free",
    "price_min_grosze",
    "next_start",
    "last_verified",
}


def test_search_answers_with_hits_facets_and_paging(
    client: TestClient, catalogue: Catalogue
) -> None:
    response = client.get("/api/v1/offers", params={"q": "spawanie"})
    assert response.status_code == 200
    body = response.json()
    assert {"total", "page", "per_page", "pages", "took_ms", "hits", "facets"} <= body.keys()
    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (2, 1, 20, 1)
    first = body["hits"][0]
    assert {"id", "title", "url", "source_url", "match"} | DOCUMENT_FIELDS <= first.keys()
    assert first["title"] == "Kurs spawania metodą MAG (135)"
    assert first["id"] == catalogue.ids["mag"]
    assert first["url"].endswith(f"/oferty/{catalogue.ids['mag']}")
    assert first["source_url"] == "https://zrodlo.example.org/oferty/mag"
    assert "<mark>spawania</mark>" in first["match"]["highlights"]["title"]
    assert set(body["facets"]) == set(FACETS)
    assert {"value": "kkz", "label": "kwalifikacyjny kurs zawodowy", "count": 1} in body["facets"][
        "kind"
    ]


def test_filters_are_repeated_parameters(client: TestClient) -> None:
    response = client.get("/api/v1/offers?powiat=0862&powiat=online&per_page=100")
    assert response.status_code == 200
    wanted = active(
        lambda o: (
            o["form"] in ("online", "blended") or any(e["powiat"] == "0862" for e in o["editions"])
        )
    )
    assert sorted(h["title"] for h in response.json()["hits"]) == sorted(o["title"] for o in wanted)


def test_facet_labels_follow_the_language(client: TestClient) -> None:
    body = client.get("/api/v1/offers", params={"lang": "en"}).json()
    labels = {f["value"]: f["label"] for f in body["facets"]["form"]}
    assert labels["on_site"] == "on site"


def test_paging_splits_the_results_without_overlap(client: TestClient) -> None:
    pages = [
        client.get("/api/v1/offers", params={"per_page": 4, "page": n}).json() for n in (1, 2, 3, 4)
    ]
    ids = [hit["id"] for page in pages for hit in page["hits"]]
    assert len(ids) == len(set(ids)) == pages[0]["total"] == len(active(lambda o: True))
    assert pages[0]["pages"] == 4


def test_one_offer_answers_with_its_editions(client: TestClient, catalogue: Catalogue) -> None:
    response = client.get(f"/api/v1/offers/{catalogue.ids['mag']}")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Kurs spawania metodą MAG (135)"
    assert body["source"]["name"] == "sample-lubuskie"
    assert body["status"] == "active"
    assert body["last_verified"]
    assert [e["price_grosze"] for e in body["editions"]] == [245000, 245000]
    assert [e["town"] for e in body["editions"]] == ["Zielona Góra", "Nowa Sól"]


def test_an_unknown_offer_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/v1/offers/987654")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": "Offer 987654 does not exist"}


def test_a_query_longer_than_200_characters_is_refused(client: TestClient) -> None:
    response = client.get("/api/v1/offers", params={"q": "a" * 10_000})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "q"]
    assert client.get("/api/v1/offers", params={"q": "a" * 200}).status_code == 200


def test_page_and_page_size_are_bounded(client: TestClient) -> None:
    for params in ({"page": 0}, {"page": 1001}, {"page": "x"}, {"per_page": 0}, {"per_page": 101}):
        response = client.get("/api/v1/offers", params=params)
        assert response.status_code == 422, params
        assert response.json()["detail"][0]["loc"] == ["query", next(iter(params))]
    assert client.get("/api/v1/offers", params={"page": 1, "per_page": 100}).status_code == 200
    # 1000 is a page number it reads, but these results end before it (issue 13).
    beyond = client.get("/api/v1/offers", params={"page": 1000, "per_page": 100})
    assert beyond.status_code == 422
    assert beyond.json()["detail"][0]["type"] == "page_beyond"


def test_an_unknown_filter_value_or_sort_is_refused(client: TestClient) -> None:
    response = client.get("/api/v1/offers", params={"kind": ["kkz", "statek"], "sort": "losowo"})
    assert response.status_code == 422
    problems = {p["loc"][1]: p for p in response.json()["detail"]}
    assert problems.keys() == {"kind", "sort"}
    assert problems["kind"]["input"] == "statek"


def test_the_openapi_schema_documents_both_endpoints_and_the_filters(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/v1/offers" in schema["paths"]
    assert "/api/v1/offers/{offer_id}" in schema["paths"]
    search = schema["paths"]["/api/v1/offers"]["get"]
    parameters = {p["name"]: p for p in search["parameters"]}
    for declaration in TERM_FILTERS:
        enum = parameters[declaration.name]["schema"]["items"]["enum"]
        assert enum == list(declaration.labels())
    assert parameters["q"]["schema"]["maxLength"] == 200
    assert "SearchResponseV1" in str(search["responses"]["200"])
    assert "OfferV1" in str(schema["paths"]["/api/v1/offers/{offer_id}"]["get"]["responses"])
    assert not any(path.startswith("/oferty") for path in schema["paths"])


def test_health_reports_the_database_and_the_index(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "index_documents": len(active(lambda o: True)),
        "expected_documents": len(active(lambda o: True)),
        "reason": None,
    }


def test_the_search_pages_json_twin_is_the_api(client: TestClient) -> None:
    twin = client.get("/", params={"q": "spawanie", "format": "json"})
    assert twin.headers["content-type"] == "application/json"
    assert twin.url.path == "/api/v1/offers"
    api = client.get("/api/v1/offers", params={"q": "spawanie"}).json()
    assert [h["id"] for h in twin.json()["hits"]] == [h["id"] for h in api["hits"]]
