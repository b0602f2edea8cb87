import csv
import re

from catalogue.normalise.taxonomy import (
    DATA_DIR,
    bur_categories,
    isced_codes,
    places_by_name,
    vocational_qualifications,
)
from catalogue.normalise.text import fold, fold_words


def _gminy():
    with (DATA_DIR / "lubuskie_powiaty.csv").open(encoding="utf-8") as handle:
        return {row["gmina_teryt"]: row for row in csv.DictReader(handle)}


def test_every_place_is_a_lubuskie_gmina_inside_the_voivodeship():
    gminy = _gminy()
    for place in set(places_by_name().values()):
        assert place.gmina_teryt in gminy, place
        assert place.powiat_teryt == gminy[place.gmina_teryt]["powiat_teryt"]
        assert 51.3 < place.lat < 53.2 and 14.5 < place.lon < 16.5, place


def test_every_gmina_has_its_seat_among_the_places():
    seats = {p.gmina_teryt for p in places_by_name().values() if p.kind == "gmina-seat"}
    # Four rural gminy (Gubin, Nowa Sól, Żagań, Żary) have their office in the town of the
    # same name, which is the urban gmina's place.
    rural_with_seat_in_town = {"0802052", "0804052", "0810092", "0811102"}
    assert set(_gminy()) - seats == rural_with_seat_in_town


def test_vocational_codes_are_well_formed_and_point_to_real_isced_fields():
    table = vocational_qualifications()
    assert len(table) >= 50
    for code, item in table.items():
        assert re.fullmatch(r"[A-Z]{3}\.\d{2}", code)
        assert item.isced_code in isced_codes()
        assert item.prk_level in (None, 3, 4, 5)
        if item.prk_level is None:
            assert "poziom pusty" in item.level_basis


def test_bur_categories_map_to_real_isced_fields():
    for item in bur_categories().values():
        assert item.isced_code is None or item.isced_code in isced_codes()
    assert bur_categories()["479"].name == "Informatyka i telekomunikacja"
    assert bur_categories()[fold("Metalurgia i spawalnictwo")].id == "467"


def test_folding_removes_diacritics_including_l_stroke():
    assert fold("  ŁÓDŹ  Żółć ") == "lodz zolc"
    assert fold_words("Gorzów Wlkp.") == ["gorzow", "wlkp"]


def test_every_lexicon_rule_points_to_a_real_isced_field_and_has_terms():
    from catalogue.normalise.taxonomy import lexicon_rules

    for code, terms in lexicon_rules():
        assert code in isced_codes(), code
        assert terms and all(t.strip() == t and t for t in terms), code
