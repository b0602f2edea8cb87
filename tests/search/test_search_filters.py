"""Filter declarations: one per filter, with the labels the site shows."""

from __future__ import annotations

import pytest

from search.filters import BY_NAME, FILTERS, get_filter


def test_each_filter_is_declared_once_with_labels() -> None:
    assert [f.name for f in FILTERS] == ["kind", "isced_broad", "prk_level", "powiat", "form"]
    assert all(f.label_pl and f.label_en for f in FILTERS)
    assert [f.name for f in FILTERS if f.multi_valued] == ["powiat"]


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
    ],
)
def test_values_are_shown_in_polish(name: str, value: str, label: str) -> None:
    assert BY_NAME[name].display(value) == label


def test_every_lubuskie_powiat_and_isced_field_has_a_label() -> None:
    assert len(BY_NAME["powiat"].labels()) == 14 + 1  # 12 land powiats, 2 cities, online
    assert BY_NAME["isced_broad"].display("06", "en").startswith("Information and Communication")


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
