import csv

import pytest

from catalogue.models import DeliveryForm
from catalogue.normalise.editions import normalise_edition, seat_edition
from catalogue.normalise.places import find_postcode, resolve_place
from catalogue.normalise.taxonomy import DATA_DIR
from catalogue.normalise.text import fold
from catalogue.raw import RawEdition


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


# Locatives as Polish writes them ("kurs odbędzie się w …"), one per gmina seat of places.csv.
SEAT_LOCATIVES = {
    "Kostrzyn nad Odrą": "w Kostrzynie nad Odrą", "Bogdaniec": "w Bogdańcu",
    "Deszczno": "w Deszcznie", "Kłodawa": "w Kłodawie", "Lubiszyn": "w Lubiszynie",
    "Santok": "w Santoku", "Witnica": "w Witnicy", "Gubin": "w Gubinie",
    "Bobrowice": "w Bobrowicach", "Bytnica": "w Bytnicy", "Dąbie": "w Dąbiu",
    "Krosno Odrzańskie": "w Krośnie Odrzańskim", "Maszewo": "w Maszewie",
    "Bledzew": "w Bledzewie", "Międzyrzecz": "w Międzyrzeczu", "Przytoczna": "w Przytocznej",
    "Pszczew": "w Pszczewie", "Skwierzyna": "w Skwierzynie", "Trzciel": "w Trzcielu",
    "Nowa Sól": "w Nowej Soli", "Bytom Odrzański": "w Bytomiu Odrzańskim",
    "Kolsko": "w Kolsku", "Kożuchów": "w Kożuchowie", "Nowe Miasteczko": "w Nowym Miasteczku",
    "Otyń": "w Otyniu", "Siedlisko": "w Siedlisku", "Cybinka": "w Cybince",
    "Górzyca": "w Górzycy", "Ośno Lubuskie": "w Ośnie Lubuskim", "Rzepin": "w Rzepinie",
    "Słubice": "w Słubicach", "Dobiegniew": "w Dobiegniewie", "Drezdenko": "w Drezdenku",
    "Stare Kurowo": "w Starym Kurowie", "Strzelce Krajeńskie": "w Strzelcach Krajeńskich",
    "Zwierzyn": "w Zwierzynie", "Krzeszyce": "w Krzeszycach", "Lubniewice": "w Lubniewicach",
    "Słońsk": "w Słońsku", "Sulęcin": "w Sulęcinie", "Torzym": "w Torzymiu",
    "Lubrza": "w Lubrzy", "Łagów": "w Łagowie", "Skąpe": "w Skąpem", "Szczaniec": "w Szczańcu",
    "Świebodzin": "w Świebodzinie", "Zbąszynek": "w Zbąszynku", "Babimost": "w Babimoście",
    "Bojadła": "w Bojadłach", "Czerwieńsk": "w Czerwieńsku", "Kargowa": "w Kargowej",
    "Nowogród Bobrzański": "w Nowogrodzie Bobrzańskim", "Sulechów": "w Sulechowie",
    "Świdnica": "w Świdnicy", "Trzebiechów": "w Trzebiechowie", "Zabór": "w Zaborze",
    "Gozdnica": "w Gozdnicy", "Żagań": "w Żaganiu", "Brzeźnica": "w Brzeźnicy",
    "Iłowa": "w Iłowej", "Małomice": "w Małomicach", "Niegosławice": "w Niegosławicach",
    "Szprotawa": "w Szprotawie", "Wymiarki": "w Wymiarkach", "Łęknica": "w Łęknicy",
    "Żary": "w Żarach", "Brody": "w Brodach", "Jasień": "w Jasieniu",
    "Lipinki Łużyckie": "w Lipinkach Łużyckich", "Lubsko": "w Lubsku", "Przewóz": "w Przewozie",
    "Trzebiel": "w Trzebielu", "Tuplice": "w Tuplicach", "Sława": "w Sławie",
    "Szlichtyngowa": "w Szlichtyngowej", "Wschowa": "we Wschowie",
    "Gorzów Wielkopolski": "w Gorzowie Wielkopolskim", "Zielona Góra": "w Zielonej Górze",
}  # fmt: skip
VILLAGE_LOCATIVES = {
    "Drzonków": "w Drzonkowie", "Przylep": "w Przylepie", "Ochla": "w Ochli",
    "Jenin": "w Jeninie", "Klenica": "w Klenicy", "Konotop": "w Konotopie",
    "Przyborów": "w Przyborowie", "Nowy Kisielin": "w Nowym Kisielinie",
}  # fmt: skip


def _gminy_by_teryt() -> dict[str, str]:
    path = DATA_DIR / "lubuskie_powiaty.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["gmina_teryt"]: row["gmina_name"] for row in csv.DictReader(handle)}


def _seats() -> list[str]:
    path = DATA_DIR / "places.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["name"] for row in csv.DictReader(handle) if row["kind"] == "gmina-seat"]


def test_the_locative_list_covers_every_gmina_seat_and_every_gmina_has_a_seat():
    assert sorted(SEAT_LOCATIVES) == sorted(_seats())
    assert set(_gminy_by_teryt().values()) == set(SEAT_LOCATIVES)


@pytest.mark.parametrize("town", sorted(SEAT_LOCATIVES))
def test_every_gmina_seat_resolves_to_its_own_gmina_in_every_spelling(town):
    match = resolve_place(town)
    # The gmina named like the seat, per TERC (lubuskie_powiaty.csv), not per places.csv.
    assert _gminy_by_teryt()[match.place.gmina_teryt] == town
    assert match.place.gmina_teryt.startswith(match.place.powiat_teryt)
    assert 51.3 < match.place.lat < 53.2 and 14.5 < match.place.lon < 16.5
    for spelling in (SEAT_LOCATIVES[town], fold(town), fold(SEAT_LOCATIVES[town]), town.upper()):
        assert resolve_place(spelling).place == match.place, spelling


@pytest.mark.parametrize(("village", "locative"), sorted(VILLAGE_LOCATIVES.items()))
def test_villages_resolve_from_their_locative(village, locative):
    assert resolve_place(locative).place.name == village


@pytest.mark.parametrize(
    ("text", "gmina"),
    [
        ("w Gorzowie Wlkp.", "0861011"),
        ("Gorzów Wlkp", "0861011"),
        ("z Gorzowa Wielkopolskiego", "0861011"),
        ("ZG", "0862011"),
        ("w ZG", "0862011"),
        ("Kostrzyn n/O", "0801011"),
        ("Kostrzynie n/Odrą", "0801011"),
        ("Krosno Odrz.", "0802063"),
        ("Strzelce Kr.", "0806043"),
    ],
)
def test_abbreviations_and_inflected_abbreviations(text, gmina):
    assert resolve_place(text).place.gmina_teryt == gmina


def test_an_address_with_the_postcode_before_the_town():
    match = resolve_place("66-400 Gorzów Wielkopolski, ul. Łokietka 1")
    assert match.place.gmina_teryt == "0861011"
    assert match.postcode == "66-400"


@pytest.mark.parametrize(
    ("town", "postcode", "name"),
    [
        ("Gorzw Wlkp", "66-400", "Gorzów Wielkopolski"),
        ("Zielona Gra", "65-417", "Zielona Góra"),
        ("Żray", "68-200", "Żary"),
        ("Sulchów", "66-100", "Sulechów"),
    ],
)
def test_a_misspelt_town_is_placed_by_its_postcode(town, postcode, name):
    match = resolve_place(town, postcode=postcode)
    assert match.place.name == name
    assert f"kod pocztowy {postcode}" in match.evidence and town in match.evidence


def test_an_unknown_postcode_places_nothing():
    assert resolve_place("Gorzw Wlkp", postcode="66-999").place is None


def test_glogow_postcodes_are_outside_though_they_start_with_67():
    match = resolve_place("Głogów", postcode="67-200")
    assert match.place is None and match.outside
    assert resolve_place("Szprotawa", postcode="67-300").place.name == "Szprotawa"


@pytest.mark.parametrize(
    "town", ["Poznań", "w Poznaniu", "Berlin", "Frankfurt (Oder)", "we Wrocławiu", "Głogów"]
)
def test_big_towns_outside_lubuskie_are_recognised_as_outside(town):
    match = resolve_place(town)
    assert match.place is None and match.outside
    assert "poza województwem lubuskim" in match.evidence


@pytest.mark.parametrize("town", ["Poznańska", "Guben Str.", "Janów", "Brodnica", "Sławno"])
def test_no_lubuskie_place_is_forced_onto_a_similar_name(town):
    assert resolve_place(town).place is None


@pytest.mark.parametrize("text", ["online", "On-line", "zdalnie", "e-learning", "platforma Zoom"])
def test_online_words_mark_an_online_place_without_a_town(text):
    match = resolve_place(text)
    assert match.place is None and match.form is DeliveryForm.online
    assert "online" in match.evidence


@pytest.mark.parametrize("text", ["Zielona Góra / online", "Zielona Góra + online (MS Teams)"])
def test_a_town_with_online_is_blended_and_placed(text):
    match = resolve_place(text)
    assert match.place.gmina_teryt == "0862011"
    assert match.form is DeliveryForm.blended


def test_an_edition_whose_place_is_online_is_online_and_unplaced():
    result = normalise_edition(RawEdition(town="platforma Zoom"), None, None)
    assert result.edition.form is DeliveryForm.online and result.edition.gmina_teryt is None
    assert result.problems == []


def test_an_edition_in_a_town_and_online_is_blended_and_placed():
    result = normalise_edition(RawEdition(town="Zielona Góra / online"), None, None)
    assert result.edition.form is DeliveryForm.blended
    assert result.edition.powiat_teryt == "0862"


def test_the_providers_seat_places_an_offer_with_no_place_of_its_own():
    found = seat_edition("Słubice")
    assert found.edition.gmina_teryt == "0805053"
    assert found.evidence["place"].startswith("siedziba organizatora")
    assert seat_edition("Poznań") is None and seat_edition("online") is None
