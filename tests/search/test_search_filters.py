"""Filter declarations: one per filter, with labels, parameters, parsing and conditions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from search.conditions import AnyOf, Between, Either, IsTrue, Near, Range, Within
from search.filters import BY_NAME, FACETS, FILTERS, conditions, get_filter, near_point

TODAY = date(2026, 11, 27)


def parse(name: str, **params: str | list[str]) -> tuple[object, list[tuple[str, str]]]:
    """Parse raw query parameters with a filter's declaration: (value, [(param, reason)])."""
    lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    value, problems = get_filter(name).parse(lambda param: lists.get(param, []))
    return value, [(p.param, p.reason) for p in problems]


def test_each_filter_is_declared_once_with_labels_and_a_kind() -> None:
    assert [f.name for f in FILTERS] == [
        "kind", "isced_broad", "isced_narrow", "zsu_area", "prk_level", "form", "powiat",
        "funding", "language", "free", "enrolment_open", "price", "hours", "start", "distance",
    ]  # fmt: skip
    assert all(f.label_pl and f.label_en and f.field for f in FILTERS)
    assert {f.kind for f in FILTERS} == {"terms", "boolean", "range", "date_range", "geo_distance"}
    assert tuple(f.name for f in FILTERS if f.kind in ("terms", "boolean")) == FACETS


def test_no_two_filters_share_a_query_parameter() -> None:
    params = [p.name for f in FILTERS for p in f.params()]
    assert len(params) == len(set(params))
    assert {"price_max", "hours_min", "hours_max", "start_from", "start_to", "near"} <= set(params)


@pytest.mark.parametrize(
    ("name", "value", "label"),
    [
        ("kind", "kkz", "kwalifikacyjny kurs zawodowy"),
        ("kind", "postgraduate", "studia podyplomowe"),
        ("form", "blended", "hybrydowo"),
        ("prk_level", "4", "PRK 4"),
        ("powiat", "0862", "Zielona Góra"),
        ("powiat", "0809", "powiat zielonogórski"),
        ("powiat", "online", "online (z dowolnego miejsca)"),
        ("isced_broad", "07", "Technika, przemysł i budownictwo"),
        ("isced_narrow", "071", "071 Inżynieria i zawody techniczne"),
        ("zsu_area", "6", "Doradztwo zawodowe"),
        ("funding", "kfs", "Krajowy Fundusz Szkoleniowy (KFS)"),
        ("language", "de", "niemiecki"),
        ("free", "true", "Tylko bezpłatne"),
    ],
)
def test_values_are_shown_in_polish(name: str, value: str, label: str) -> None:
    assert BY_NAME[name].display(value) == label


def test_every_lubuskie_powiat_isced_field_and_zsu_area_has_a_label() -> None:
    assert len(BY_NAME["powiat"].labels()) == 14 + 1  # 12 land powiats, 2 cities, online
    assert BY_NAME["isced_broad"].display("06", "en").startswith("Information and Communication")
    assert list(BY_NAME["zsu_area"].labels()) == [str(n) for n in range(1, 9)]
    assert all(
        code[:2] in BY_NAME["isced_broad"].labels() for code in BY_NAME["isced_narrow"].labels()
    )


def test_an_unknown_value_is_shown_as_it_is() -> None:
    assert BY_NAME["kind"].display("seminar") == "seminar"


def test_facet_options_follow_the_declared_order() -> None:
    options = BY_NAME["powiat"].options({"0811": 1, "0810": 2, "0862": 3, "online": 4})
    assert [label for _, label, _ in options] == [
        "Zielona Góra",
        "powiat żagański",
        "powiat żarski",
        "online (z dowolnego miejsca)",
    ]


def test_a_document_gives_its_non_empty_values() -> None:
    document = {"powiat": ["0862", "online"], "prk_level": "", "kind": "course"}
    assert BY_NAME["powiat"].values(document) == ["0862", "online"]
    assert BY_NAME["prk_level"].values(document) == []


def test_an_unknown_filter_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="kind, isced_broad"):
        get_filter("city")


def test_terms_are_read_once_each_and_unknown_ones_reported() -> None:
    assert parse("kind", kind=["kkz", "", "kkz", "course"]) == (("kkz", "course"), [])
    assert parse("kind", kind=["kkz", "statek"]) == (("kkz",), [("kind", "unknown_value")])


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("true", True), ("on", True), ("0", None)])
def test_a_yes_no_filter_reads_the_usual_words(raw: str, value: object) -> None:
    assert parse("free", free=raw) == (value, [])


def test_a_yes_no_filter_refuses_other_words() -> None:
    assert parse("enrolment_open", enrolment_open="maybe") == (
        None,
        [("enrolment_open", "not_yes_no")],
    )


def test_a_price_in_zloty_becomes_grosze() -> None:
    assert parse("price", price_max="150") == (Range(None, 15000), [])
    assert parse("price", price_max="99,50") == (Range(None, 9950), [])
    assert parse("price", price_max="1 200") == (Range(None, 120000), [])


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"price_max": "tanio"}, ("price_max", "not_a_number")),
        ({"price_max": "-5"}, ("price_max", "out_of_range")),
        ({"price_max": "nan"}, ("price_max", "out_of_range")),
        ({"hours_min": "40", "hours_max": "8"}, ("hours_max", "reversed_range")),
    ],
)
def test_bad_numbers_are_reported(params: dict[str, str], problem: tuple[str, str]) -> None:
    name = "price" if "price_max" in params else "hours"
    value, problems = parse(name, **params)
    assert value is None and problems == [problem]


def test_dates_are_read_in_iso_or_polish_form() -> None:
    value, problems = parse("start", start_from="2027-01-10", start_to="31.01.2027")
    assert (value, problems) == (Range(date(2027, 1, 10), date(2027, 1, 31)), [])
    assert parse("start", start_from="jutro")[1] == [("start_from", "not_a_date")]
    reversed_range = parse("start", start_from="2027-02-01", start_to="2027-01-01")
    assert reversed_range == (None, [("start_to", "reversed_range")])


def test_a_town_is_found_through_the_place_table() -> None:
    value, problems = parse("distance", near="zielona gora", radius_km="20")
    assert problems == []
    assert isinstance(value, Near) and value.place == "Zielona Góra" and value.radius_km == 20
    assert (round(value.lat, 2), round(value.lon, 2)) == (51.94, 15.5)


def test_a_point_can_be_given_as_coordinates() -> None:
    value, _ = parse("distance", near="52.73, 15.24", include_online="1")
    assert value == Near(52.73, 15.24, None, True, "52.73, 15.24")


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"near": "Poznań", "radius_km": "10"}, ("near", "unknown_place")),
        ({"radius_km": "10"}, ("radius_km", "needs_place")),
        ({"near": "Żary", "radius_km": "0"}, ("radius_km", "out_of_range")),
        ({"near": "Żary", "radius_km": "daleko"}, ("radius_km", "not_a_number")),
    ],
)
def test_bad_distance_input_is_reported(params: dict[str, str], problem: tuple[str, str]) -> None:
    assert problem in parse("distance", **params)[1]


def test_each_value_means_one_condition() -> None:
    near = Near(52.0, 15.0, 25.0, include_online=True)
    found = conditions(
        {
            "powiat": ("0862", "0861"),
            "free": True,
            "enrolment_open": True,
            "price": Range(None, 15000),
            "start": Range(date(2020, 1, 1), date(2027, 1, 31)),
            "distance": near,
        },
        TODAY,
    )
    assert found == {
        "powiat": AnyOf("powiat", ("0861", "0862")),
        "free": IsTrue("is_free"),
        "enrolment_open": Between("enrolment_until", TODAY, None),
        "price": Between("price_min_grosze", None, 15000),
        # Only upcoming editions count: a range reaching into the past starts today.
        "start": Between("starts", TODAY, date(2027, 1, 31)),
        "distance": Either((Within("points", 52.0, 15.0, 25.0), AnyOf("powiat", ("online",)))),
    }


def test_a_point_without_radius_filters_nothing_but_is_the_point_to_sort_by() -> None:
    near = Near(52.0, 15.0)
    assert conditions({"distance": near, "free": False}, TODAY) == {}
    assert near_point({"kind": ("kkz",), "distance": near}) == near


def test_a_value_of_the_wrong_type_is_refused() -> None:
    for name, value in (("kind", "kkz"), ("free", "yes"), ("price", 100), ("distance", (1, 2))):
        with pytest.raises(ValueError, match=name):
            conditions({name: value}, TODAY)


def test_the_api_parameters_come_from_the_declarations() -> None:
    documented = {p.name: p for f in FILTERS for p in f.api_params()}
    assert documented["kind"].schema["items"]["enum"] == list(BY_NAME["kind"].labels())
    assert documented["price_max"].schema["type"] == "number"
    assert documented["start_from"].schema == {"type": "string", "format": "date"}
    assert documented["include_online"].schema["type"] == "boolean"
    assert set(documented) == {p.name for f in FILTERS for p in f.params()}


def test_a_date_range_ending_before_today_matches_nothing_upcoming() -> None:
    past = Range(TODAY - timedelta(days=30), TODAY - timedelta(days=1))
    condition = conditions({"start": past}, TODAY)["start"]
    assert isinstance(condition, Between) and condition.low > condition.high  # type: ignore[operator]
