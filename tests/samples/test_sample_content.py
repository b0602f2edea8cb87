"""The bundled sample sources cover what the catalogue must show, in the sources' exact shapes."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import pytest

from tests.samples.sample_offers import (
    DATA_DIR,
    TODAY,
    all_offers,
    fold,
    load,
    town_powiats,
)

OFFERS = all_offers()
KINDS = ("course", "training", "kkz", "postgraduate", "studies", "validation", "workshop",
         "elearning")  # fmt: skip
BUR_KEYS = [
    "id",
    "numer",
    "tytul",
    "status",
    "dataRozpoczeciaUslugi",
    "dataZakonczeniaUslugi",
    "dataZakonczeniaRekrutacji",
    "idKategoriiUslugi",
    "kategoriaUslugi",
    "idPodkategoriiUslugi",
    "podkategoriaUslugi",
    "idRodzajuUslugi",
    "rodzajUslugi",
    "idPodrodzajuUslugi",
    "podrodzajUslugi",
    "idFormySwiadczenia",
    "formaSwiadczenia",
    "idKwalifikacjiKkz",
    "idKwalifikacjiZrk",
    "kwalifikacjeKuz",
    "inneKwalifikacje",
    "celEdukacyjny",
    "efektyUczeniaSie",
    "programUslugi",
    "grupaDocelowa",
    "warunkiUczestnictwa",
    "cenaBruttoZaUsluge",
    "cenaNettoZaUsluge",
    "cenaBruttoZaUczestnika",
    "cenaNettoZaUczestnika",
    "cenaBruttoZaGodzine",
    "czyCenaDotyczyCalejUslugi",
    "czyUslugaDofinansowana",
    "formyDofinansowania",
    "liczbaGodzin",
    "minimalnaLiczbaUczestnikow",
    "maksymalnaLiczbaUczestnikow",
    "adres",
    "dostawcaUslug",
    "osobaKontaktowa",
    "ocena",
    "_harmonogram",
]
KKZ_KEYS = [
    "slug",
    "occupation",
    "code",
    "qualification",
    "kind_label",
    "duration",
    "start",
    "recruitment_until",
    "place",
    "price",
    "form",
    "conditions",
    "description",
    "documents",
]
BUR = load("bur_uslugi.json")


def share(predicate) -> float:
    return sum(1 for offer in OFFERS if predicate(offer)) / len(OFFERS)


def test_the_three_shapes_hold_at_least_170_offers_with_about_80_from_bur():
    per_source = Counter(offer.source.split("_")[0] for offer in OFFERS)
    assert len(OFFERS) >= 170
    assert 75 <= per_source["bur"] <= 90
    assert 40 <= per_source["kkz"] <= 50
    assert 40 <= per_source["jsonld"] <= 50


def test_every_offer_kind_appears_several_times():
    kinds = Counter(offer.kind for offer in OFFERS)
    assert all(kinds[kind] >= 3 for kind in KINDS), kinds
    programme_types = {
        page["jsonld"].get("programType") for page in load("jsonld_uz.json")["pages"]
    }
    assert {"studia I stopnia", "studia II stopnia", "studia podyplomowe"} <= programme_types


def test_offers_span_all_eleven_isced_broad_fields():
    # ISCED-F 2013 has eleven broad fields (00-10) besides 99 "unknown".
    fields = {offer.isced for offer in OFFERS if offer.isced}
    assert fields == {f"{number:02d}" for number in range(11)}


def test_every_stated_town_lies_in_lubuskie_and_ten_powiats_are_covered():
    powiats = town_powiats()
    towns = [town for offer in OFFERS for town in offer.towns]
    unknown = {town for town in towns if fold(town) not in powiats}
    assert not unknown
    assert len({powiats[fold(town)] for town in towns}) >= 10
    assert "Gorzów Wlkp." in towns and "Zielona Gora" in towns  # as people type them


def test_about_a_fifth_is_online_or_blended():
    assert 0.15 <= share(lambda offer: offer.online) <= 0.28


def test_about_a_quarter_is_free():
    assert 0.20 <= share(lambda offer: offer.free) <= 0.33


def test_about_fifteen_percent_lie_wholly_in_the_past():
    assert 0.10 <= share(lambda offer: offer.past) <= 0.20


def test_every_other_offer_starts_between_december_2026_and_october_2027():
    upcoming = [offer for offer in OFFERS if not offer.past]
    late = [
        o.title for o in upcoming if not date(2026, 12, 1) <= min(o.starts) <= date(2027, 10, 31)
    ]
    assert not late


@pytest.mark.parametrize(
    "title",
    [
        "Kurs spawania metodą MAG (135)", "Księgowość od podstaw z elementami kadr i płac",
        "Kadry i płace w praktyce", "Operator wózków widłowych z egzaminem UDT",
        "Opiekun osób starszych", "Język angielski B1", "Język niemiecki w pracy opiekuna",
        "Programowanie w Pythonie", "Excel dla zaawansowanych",
        "Prawo jazdy kat. C z kwalifikacją wstępną przyspieszoną",
        "Kwalifikacja wstępna przyspieszona kat. C", "Pierwsza pomoc przedmedyczna",
        "BHP dla pracodawców", "Rachunkowość i audyt wewnętrzny", "Zarządzanie oświatą",
        "Pielęgniarstwo", "Administracja",
    ],
)  # fmt: skip
def test_a_required_offer_is_present(title):
    assert any(offer.title == title or offer.title.startswith(title) for offer in OFFERS)


def test_the_required_themes_are_present():
    mag = [r for r in BUR if r["tytul"] == "Kurs spawania metodą MAG (135)"]
    assert {r["adres"]["nazwaMiejscowosci"] for r in mag} <= {"Zielona Góra", "Nowa Sól"}
    assert sum("spaw" in offer.title.lower() for offer in OFFERS) >= 3
    assert any("OGR.01 Wykonywanie kompozycji florystycznych" in o.title for o in OFFERS)
    assert any(o.kind == "validation" and "Walidacja" in o.title for o in OFFERS)
    assert any(o.kind == "workshop" and "kariery" in o.title for o in OFFERS)
    assert any(o.kind == "workshop" and "trzeciego wieku" in o.text for o in OFFERS)
    providers = {page["jsonld"]["provider"]["name"] for page in load("jsonld_odn.json")["pages"]
                 if isinstance(page["jsonld"], dict)}  # fmt: skip
    assert any("Doskonalenia Nauczycieli" in p for p in providers)
    assert any("Ośrodek Metodyczny" in p for p in providers)


def test_bur_records_use_exactly_the_api_field_names_and_grosze():
    for record in BUR:
        assert list(record) == BUR_KEYS
        prices = [value for key, value in record.items() if key.startswith("cena")]
        assert all(isinstance(price, int) for price in prices)
        assert record["numer"].endswith(f"/{record['id']}")
        assert set(record["dostawcaUslug"]) == {"id", "nazwa", "nip", "logo"}


def test_bur_dates_carry_the_warsaw_offset_of_their_season():
    for record in BUR:
        for key in ("dataRozpoczeciaUslugi", "dataZakonczeniaUslugi", "dataZakonczeniaRekrutacji"):
            value = record[key]
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00\+0[12]:00", value)
            month = int(value[5:7])
            if 4 <= month <= 9:
                assert value.endswith("+02:00")
            if month in (11, 12, 1, 2):
                assert value.endswith("+01:00")


def test_a_bur_schedule_adds_up_to_the_hours_within_the_service_dates():
    for record in BUR:
        plan = record["_harmonogram"]
        hours = sum(
            int(e["godzinaZakonczenia"][:2]) - int(e["godzinaRozpoczecia"][:2]) for e in plan
        )
        assert hours == record["liczbaGodzin"]
        assert plan[0]["data"] == record["dataRozpoczeciaUslugi"][:10]
        assert plan[-1]["data"] == record["dataZakonczeniaUslugi"][:10]


def test_bur_statuses_and_addresses_follow_the_form():
    statuses = Counter(record["status"] for record in BUR)
    assert statuses["ODWOLANA"] == 3 and statuses["ZREALIZOWANA"] == 2
    for record in BUR:
        remote = record["idFormySwiadczenia"] in (2, 3, 6)
        assert remote or record["adres"] is not None
        if record["adres"] is not None and record["adres"]["idWojewodztwa"] != 4:
            assert remote
    elsewhere = [r for r in BUR if r["adres"] and r["adres"]["idWojewodztwa"] != 4]
    assert len(elsewhere) == 2


def test_ids_and_slugs_are_unique_within_each_file():
    assert len({record["id"] for record in BUR}) == len(BUR)
    for path in DATA_DIR.glob("*_*.json"):
        if path.name.startswith(("kkz_", "jsonld_")):
            items = load(path.name).get("courses") or load(path.name)["pages"]
            slugs = [item["slug"] for item in items]
            assert len(set(slugs)) == len(slugs), path.name
    # The same title may run more than once (another town or term), never twice alike.
    runs = [(o.source, o.title, tuple(o.towns), tuple(o.starts)) for o in OFFERS]
    assert len(set(runs)) == len(runs)
    for source in {o.source for o in OFFERS if o.source.startswith("jsonld")}:
        titles = [o.title for o in OFFERS if o.source == source]
        assert len(set(titles)) == len(titles), source


def test_kkz_courses_have_the_agreed_keys_and_only_verified_codes():
    names: dict[str, str] = {}
    for path in sorted(DATA_DIR.glob("kkz_*.json")):
        site = load(path.name)
        assert set(site) == {"institution", "page_title", "intro", "courses"}
        for course in site["courses"]:
            assert list(course) == KKZ_KEYS
            if course["kind_label"] == "Kwalifikacyjny kurs zawodowy":
                assert re.fullmatch(r"[A-Z]{3}\.\d{2}", course["code"])
                # One code, one qualification name, on every site.
                assert (
                    names.setdefault(course["code"], course["qualification"])
                    == (course["qualification"])
                )
            else:
                assert course["kind_label"] == "Kurs" and course["code"] is None


def test_jsonld_pages_are_schema_org_offers_unless_marked_no_offer():
    for path in sorted(DATA_DIR.glob("jsonld_*.json")):
        pages = load(path.name)["pages"]
        no_offer = [page for page in pages if page.get("expect") == "no_offer"]
        assert len(no_offer) == 1
        for page in pages:
            data = page["jsonld"]
            if page in no_offer:
                if isinstance(data, dict):
                    types = {item["@type"] for item in data.get("@graph", [data])}
                    assert not types & {"Course", "EducationalOccupationalProgram"}
                continue
            assert data["@context"] == "https://schema.org"
            assert re.fullmatch(r"\d+\.\d{2}", data["offers"]["price"])
            assert data["offers"]["category"] == (
                "Free" if data["offers"]["price"] == "0.00" else "Paid"
            )
            for run in data.get("hasCourseInstance", []):
                assert run["courseMode"] in ("onsite", "online", "blended")
                assert re.fullmatch(r"PT\d+H", run["courseWorkload"])
                virtual = run["location"]["@type"] == "VirtualLocation"
                assert virtual == (run["courseMode"] == "online")
            if data["@type"] == "EducationalOccupationalProgram":
                assert re.fullmatch(r"P(\d+Y)?(\d+M)?", data["timeToComplete"])


def test_the_malformed_block_really_is_not_json():
    broken = [p for p in load("jsonld_odn.json")["pages"] if isinstance(p["jsonld"], str)]
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken[0]["jsonld"])


def test_the_readme_states_the_counts_the_files_hold():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    stated = dict(re.findall(r"^- ([a-z ]+): (\d+)$", readme, flags=re.MULTILINE))
    counts = {
        "offers": len(OFFERS),
        "bur records": len(BUR),
        "kkz offers": sum(o.source.startswith("kkz") for o in OFFERS),
        "jsonld offers": sum(o.source.startswith("jsonld") for o in OFFERS),
        "online or blended": sum(o.online for o in OFFERS),
        "free": sum(o.free for o in OFFERS),
        "wholly past": sum(o.past for o in OFFERS),
        "powiats": len({town_powiats()[fold(t)] for o in OFFERS for t in o.towns}),
        "broad fields": len({o.isced for o in OFFERS if o.isced}),
    }
    counts.update({f"kind {kind}": sum(o.kind == kind for o in OFFERS) for kind in KINDS})
    assert {key: int(value) for key, value in stated.items()} == counts
    assert TODAY.isoformat() in readme
