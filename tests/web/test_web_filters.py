"""The filters on the search page and in the API: controls, notes, 422s and documentation."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from parsel import Selector

from search.filters import FILTERS, TERM_FILTERS
from tests.search.filter_support import km
from tests.web.web_support import TODAY, Catalogue, active, html

# These answers come from the search index, not the database: a PostgreSQL half would only
# repeat the SQLite one (decision 0010).
pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)


def titles(page: Selector) -> list[str]:
    return [" ".join(t.split()) for t in page.css("ol.results .card-title a::text").getall()]


def api_titles(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/v1/offers", params={"per_page": 100, **params})
    assert response.status_code == 200, response.text
    return [hit["title"] for hit in response.json()["hits"]]


def cheapest(offer: dict[str, Any]) -> int | None:
    prices = [e["price"] for e in offer["editions"] if e["price"] is not None]
    return min(prices, default=None)


def nearest(offer: dict[str, Any], town: str) -> float | None:
    towns = [e["town"] for e in offer["editions"] if e["town"]]
    return min((km(town, t) for t in towns), default=None)


def test_every_filter_parameter_has_a_labelled_control(client: TestClient) -> None:
    page = html(client, "/")
    for declaration in FILTERS:
        if declaration.kind == "terms":
            continue  # checkboxes per value, shown when the facet has values (tested below)
        for param in declaration.params():
            control = page.css(f'input[name="{param.name}"], select[name="{param.name}"]')
            assert control, param.name
            label = page.css(f'label[for="{control.attrib["id"]}"]').xpath("string()").get()
            assert label.strip().startswith(param.label_pl), param.name
    assert page.css('input[type=date][name="start_from"]')
    assert page.css('input[type=number][name="price_max"]')
    assert page.css('select[name="radius_km"] option[value="20"]')
    assert "Zielona Góra" in page.css("datalist#f-near-towns option::attr(value)").getall()


def test_a_maximum_price_narrows_the_page(client: TestClient) -> None:
    page = html(client, "/?price_max=1000&per_page=100")
    expected = active(lambda o: cheapest(o) is not None and cheapest(o) <= 100000)
    assert sorted(titles(page)) == sorted(o["title"] for o in expected)
    assert page.css("input#f-price_max::attr(value)").get() == "1000"


def test_free_only_shows_its_count_and_keeps_free_offers(client: TestClient) -> None:
    free = active(lambda o: cheapest(o) == 0 or "bezpłatny" in (o.get("funding") or "").lower())
    count = html(client, "/").css('label[for="f-free"] .count::text').get()
    assert count == f"({len(free)})"
    page = html(client, "/?free=1&per_page=100")
    assert sorted(titles(page)) == sorted(o["title"] for o in free)
    assert page.css("input#f-free::attr(checked)").get() is not None


def test_offers_near_a_town_come_nearest_first_with_their_distance(
    client: TestClient, catalogue: Catalogue
) -> None:
    page = html(client, "/?near=nowa+sol&radius_km=25&sort=distance&per_page=100")
    distance = {o["key"]: nearest(o, "Nowa Sól") for o in active(lambda o: True)}
    close = active(lambda o: distance[o["key"]] is not None and distance[o["key"]] <= 25)
    expected = sorted(close, key=lambda o: (distance[o["key"]], catalogue.ids[o["key"]]))
    assert titles(page) == [o["title"] for o in expected]
    assert len(expected) >= 4
    distances = [distance[o["key"]] for o in expected]
    shown = [d.split(" km")[0] for d in page.css("ol.results dd.distance::text").getall()]
    assert shown == [f"{d:.1f}".replace(".", ",") for d in distances]
    assert page.css("ol.results dd.distance::text").get().endswith("km od: Nowa Sól")
    assert page.css('select#sort option[value="distance"][selected]')


def test_online_offers_are_kept_near_a_town_only_when_asked(client: TestClient) -> None:
    without = set(titles(html(client, "/?near=Żary&radius_km=10&per_page=100")))
    kept = set(titles(html(client, "/?near=Żary&radius_km=10&include_online=1&per_page=100")))
    online = {o["title"] for o in active(lambda o: o["form"] in ("online", "blended"))}
    assert without == {o["title"] for o in active(lambda o: nearest(o, "Żary") == 0)}
    assert kept == without | online


def test_narrow_fields_appear_under_a_chosen_broad_field(client: TestClient) -> None:
    assert not html(client, "/").css('input[name="isced_narrow"]')
    page = html(client, "/?isced_broad=07")
    narrow = page.css('input[name="isced_narrow"]::attr(value)').getall()
    expected = {o["isced"][:3] for o in active(lambda o: o["isced"].startswith("07"))}
    assert set(narrow) == expected


def test_the_form_keeps_what_was_typed(client: TestClient) -> None:
    page = html(client, "/?near=zielona+gora&radius_km=17&start_from=2027-01-01&hours_min=10")
    assert page.css("input#f-near::attr(value)").get() == "zielona gora"
    assert page.css("input#f-start_from::attr(value)").get() == "2027-01-01"
    assert page.css("input#f-hours_min::attr(value)").get() == "10"
    assert page.css("select#f-radius_km option[selected]::attr(value)").get() == "17"


def test_a_start_range_keeps_offers_with_an_edition_starting_in_it(client: TestClient) -> None:
    first, last = (TODAY.fromordinal(TODAY.toordinal() + d).isoformat() for d in (10, 25))
    expected = active(
        lambda o: any(e["start"] is not None and 10 <= e["start"] <= 25 for e in o["editions"])
    )
    assert sorted(api_titles(client, start_from=first, start_to=last)) == sorted(
        o["title"] for o in expected
    )


def test_enrolment_open_now_follows_enrolment_ends_and_starts(client: TestClient) -> None:
    def open_now(edition: dict[str, Any]) -> bool:
        if edition.get("enrol") is not None:
            return edition["enrol"] >= 0
        return edition["start"] is not None and edition["start"] > 0

    expected = active(lambda o: any(open_now(e) for e in o["editions"]))
    assert sorted(api_titles(client, enrolment_open="true")) == sorted(o["title"] for o in expected)


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"price_max": "tanio"}, "wymaga liczby"),
        ({"hours_min": "-1"}, "od 0 do 100000"),
        ({"start_from": "kiedyś"}, "Nie rozpoznano daty"),
        ({"start_from": "2027-03-01", "start_to": "2027-02-01"}, "mniejszą niż początek"),
        ({"near": "Poznań", "radius_km": "10"}, "Nie znaleziono miejscowości „Poznań”"),
        ({"radius_km": "10"}, "wpisz też miejscowość"),
        ({"free": "może"}, "tylko tak albo nie"),
        ({"sort": "distance"}, "Sortowanie według odległości wymaga miejscowości"),
    ],
)
def test_bad_filter_input_gives_a_friendly_note_on_the_page(
    client: TestClient, params: dict[str, str], note: str
) -> None:
    page = html(client, "/", params=params)
    notes = " ".join(page.css(".notice li::text").getall())
    assert note in notes
    assert len(titles(page)) == min(20, len(active(lambda o: True)))  # the input is dropped


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"price_max": "tanio"}, "price_max"),
        ({"hours_max": "1e12"}, "hours_max"),
        ({"start_to": "31.02.2027"}, "start_to"),
        ({"near": "Berlin"}, "near"),
        ({"near": "Żary", "radius_km": "0"}, "radius_km"),
        ({"include_online": "perhaps", "near": "Żary"}, "include_online"),
        ({"enrolment_open": "2"}, "enrolment_open"),
        ({"sort": "distance"}, "sort"),
    ],
)
def test_bad_filter_input_is_refused_by_the_api(
    client: TestClient, params: dict[str, str], param: str
) -> None:
    response = client.get("/api/v1/offers", params=params)
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", param]
    assert problem["msg"] and problem["input"]


def test_the_api_documents_every_parameter_of_every_filter(client: TestClient) -> None:
    search = client.get("/openapi.json").json()["paths"]["/api/v1/offers"]["get"]
    documented = {p["name"]: p for p in search["parameters"]}
    for declaration in FILTERS:
        for param in declaration.params():
            assert documented[param.name]["description"], param.name
            assert documented[param.name]["schema"]["type"], param.name
    for declaration in TERM_FILTERS:
        assert documented[declaration.name]["schema"]["items"]["enum"] == list(declaration.labels())
    assert documented["price_max"]["schema"]["type"] == "number"
    assert documented["start_from"]["schema"]["format"] == "date"
    assert "distance" in documented["sort"]["schema"]["enum"]


def test_api_hits_carry_their_distance_and_facets_their_yes_no_counts(client: TestClient) -> None:
    body = client.get("/api/v1/offers", params={"near": "Gorzów Wlkp.", "sort": "distance"}).json()
    first = body["hits"][0]
    assert first["match"]["distance_km"] == 0.0
    assert "0861" in [p["code"] for p in first["powiats"]]
    distances = [h["match"]["distance_km"] for h in body["hits"]]
    assert [d for d in distances if d is not None] == sorted(d for d in distances if d is not None)
    (free,) = body["facets"]["free"]
    assert free["value"] == "true" and free["count"] == sum(1 for h in body["hits"] if h["is_free"])
