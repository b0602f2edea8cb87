import pytest

from catalogue.normalise.places import find_postcode, resolve_place


@pytest.mark.parametrize(
    "town",
    ["Zielona Góra", "ZIELONA GÓRA", "zielona gora", "Zielona Gora", "ZG", "65-001 Zielona Góra"],
)
def test_zielona_gora_in_any_spelling_is_the_city_with_powiat_rights(town):
    match = resolve_place(town)
    assert match.place is not None
    assert (match.place.gmina_teryt, match.place.powiat_teryt) == ("0862011", "0862")
    assert 51.8 < match.place.lat < 52.1 and 15.3 < match.place.lon < 15.7


@pytest.mark.parametrize(
    "town",
    ["Gorzów Wielkopolski", "Gorzów Wlkp.", "G. Wlkp.", "gorzow wlkp", "66-400 Gorzów Wlkp."],
)
def test_gorzow_abbreviations_are_the_city_with_powiat_rights(town):
    match = resolve_place(town)
    assert match.place.powiat_teryt == "0861"
    assert match.place.gmina_teryt == "0861011"


def test_a_town_inside_an_address_is_found_after_the_postcode():
    match = resolve_place(address="ul. Podgórna 50, 65-246 Zielona Góra")
    assert match.place.gmina_teryt == "0862011"
    assert match.postcode == "65-246"
    assert match.town == "Zielona Góra"


@pytest.mark.parametrize(
    ("town", "gmina", "powiat"),
    [
        ("Deszczno", "0801032", "0801"),
        ("Kłodawa", "0801042", "0801"),
        ("Sulechów", "0809063", "0809"),
        ("Nowa Sól", "0804011", "0804"),
        ("Kostrzyn n. Odrą", "0801011", "0801"),
        ("Świebodzin", "0808053", "0808"),
        ("Zwierzyń", "0806052", "0806"),
        ("Strzelce Kraj.", "0806043", "0806"),
    ],
)
def test_gmina_seats_resolve_to_their_gmina_and_powiat(town, gmina, powiat):
    match = resolve_place(town)
    assert (match.place.gmina_teryt, match.place.powiat_teryt) == (gmina, powiat)


@pytest.mark.parametrize("village", ["Drzonków", "Przylep", "Nowy Kisielin"])
def test_villages_inside_zielona_gora_belong_to_the_city(village):
    match = resolve_place(village)
    assert match.place.gmina_teryt == "0862011"
    assert match.place.kind == "village"
    assert "współrzędne siedziby Zielona Góra" in match.evidence


def test_a_village_with_its_own_coordinates_keeps_them():
    match = resolve_place("Jenin")
    assert match.place.gmina_teryt == "0801022"
    assert match.place.lat != resolve_place("Bogdaniec").place.lat


def test_a_village_followed_by_a_connector_is_found():
    assert resolve_place("Drzonków k. Zielonej Góry").place.name == "Drzonków"


@pytest.mark.parametrize("town", ["Poznań", "Warszawa", "Sucha Beskidzka", "Nieznanowo Małe", ""])
def test_a_town_outside_lubuskie_is_no_place_but_is_kept(town):
    match = resolve_place(town)
    assert match.place is None
    assert match.town == (town or None)


def test_a_postcode_from_another_region_overrides_a_lubuskie_namesake():
    # Świdnica is a gmina in powiat zielonogórski and a city in Lower Silesia (58-100).
    assert resolve_place("Świdnica").place.gmina_teryt == "0809072"
    assert resolve_place("Świdnica", postcode="58-100").place is None


def test_postcodes_are_found_in_any_text():
    assert find_postcode(None, "ul. Wyspiańskiego 1, 65 - 036 Zielona Góra") == "65-036"
    assert find_postcode("brak") is None
