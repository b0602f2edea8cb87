"""The same offer in BUR, on the provider's site and in a feed is one; distinct ones are not."""

from __future__ import annotations

from datetime import date

import pytest

from catalogue.dedupe import (
    EditionFacts,
    OfferFacts,
    blocking_key,
    same_offer,
    same_provider,
    stem,
    title_markers,
    title_words,
)

ZIELONA_GORA = "0862011"
GORZOW = "0861011"
ZDZ = "Zakład Doskonalenia Zawodowego w Zielonej Górze"
CKZIU = "Centrum Kształcenia Zawodowego i Ustawicznego w Zielonej Górze"


def offer(
    source: str,
    title: str,
    provider: str | None = ZDZ,
    start: str | None = "2027-01-11",
    place: str | None = ZIELONA_GORA,
    kind: str = "course",
    code: str | None = None,
    price: int | None = None,
) -> OfferFacts:
    day = date.fromisoformat(start) if start else None
    return OfferFacts(
        source=source,
        title=title,
        provider=provider,
        kind=kind,
        qualification_code=code,
        editions=(EditionFacts(day, place, price),),
        towns=("Zielona Góra",),
    )


def test_bur_and_the_providers_site_name_one_welding_course_differently():
    bur = offer("bur", "Kurs spawania metodą MAG (135) – Zielona Góra 2027", price=246000)
    site = offer("site", "Spawanie MAG 135 – zapisy trwają!", provider="ZDZ Zielona Góra")
    match = same_offer(bur, site)
    assert match.same, match.reason
    assert "2027-01-11" in match.reason


def test_a_start_one_day_apart_is_the_same_edition():
    bur = offer("bur", "Kurs operatora wózków jezdniowych", start="2027-03-01", provider=CKZIU)
    feed = offer("feed", "Operator wózków jezdniowych", start="2027-03-02", provider="CKZiU")
    assert same_offer(bur, feed).same


def test_a_decorated_title_contains_the_plain_one():
    bur = offer(
        "bur",
        "Kurs operatora wózków jezdniowych z wymianą butli gazowej – przygotowanie do egzaminu UDT",
    )
    site = offer("site", "Operator wózków jezdniowych")
    match = same_offer(bur, site)
    assert match.same and "zawieranie" in match.reason


def test_records_of_one_source_are_never_merged():
    assert not same_offer(offer("bur", "Spawanie MAG"), offer("bur", "Spawanie MAG")).same


def test_different_qualification_codes_are_different_offers():
    admin = offer("site", "KKZ Technik administracji – EKA.01", kind="kkz", code="EKA.01")
    books = offer("bur", "KKZ Technik administracji – EKA.07", kind="kkz", code="EKA.07")
    assert same_offer(admin, books).reason.startswith("różne kwalifikacje")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Język angielski – poziom A2", "Język angielski B1"),
        ("Prawo jazdy kat. B", "Prawo jazdy kat. C"),
        ("Kwalifikacja wstępna przyspieszona kat. C", "Kwalifikacja wstępna przyspieszona kat. D"),
        ("Excel – poziom podstawowy", "Excel – poziom zaawansowany"),
        ("Spawanie metodą MAG", "Spawanie metodą TIG"),
        ("Spawanie blach metodą 135", "Spawanie blach metodą 141"),
        ("Uprawnienia SEP E do 1 kV", "Uprawnienia SEP D do 1 kV"),
        ("Studia I stopnia – Pedagogika", "Studia II stopnia – Pedagogika"),
    ],
)
def test_different_levels_categories_and_methods_never_merge(one, other):
    match = same_offer(offer("bur", one), offer("site", other))
    assert not match.same
    assert "wyróżniki" in match.reason


def test_a_marker_only_one_title_has_does_not_separate_them():
    assert same_offer(offer("bur", "Język angielski A2"), offer("site", "Język angielski")).same


def test_different_providers_never_merge():
    zdz = offer("bur", "Kurs spawania metodą MAG")
    other = offer("site", "Kurs spawania metodą MAG", provider="Ośrodek Szkolenia Spawaczy Weld")
    assert same_offer(zdz, other).reason.startswith("różni organizatorzy")


def test_a_record_without_provider_needs_the_same_qualification_code():
    kkz = offer("bur", "Kwalifikacyjny kurs zawodowy florysta – OGR.01", code="OGR.01")
    feed = offer("feed", "Florysta OGR.01", provider=None, code="OGR.01")
    assert same_offer(kkz, feed).same
    no_code = offer("feed", "Florystyka", provider=None)
    assert same_offer(kkz, no_code).reason == "brak organizatora i wspólnego kodu kwalifikacji"


def test_different_courses_starting_the_same_day_stay_apart():
    medical = offer("site", "Kwalifikacyjny kurs zawodowy – opiekun medyczny", kind="kkz")
    care_home = offer("bur", "Kwalifikacyjny kurs zawodowy – opiekun w domu pomocy społecznej")
    assert same_offer(medical, care_home).reason.startswith("różne tytuły")


def test_postgraduate_names_must_agree_not_just_contain_one_another():
    uz = "Uniwersytet Zielonogórski"
    short = offer("bur", "Rachunkowość i audyt", provider=uz, kind="postgraduate")
    longer = offer("site", "Rachunkowość i audyt w administracji", provider=uz, kind="postgraduate")
    assert same_offer(short, longer).reason.startswith("różne tytuły")
    as_courses = offer("bur", "Rachunkowość i audyt", provider=uz)
    assert same_offer(as_courses, offer("site", "Rachunkowość i audyt w administracji", uz)).same


def test_studies_and_a_course_are_different_kinds():
    studies = offer("site", "Logistyka (studia podyplomowe)", kind="postgraduate")
    course = offer("bur", "Logistyka", kind="training")
    assert same_offer(studies, course).reason.startswith("różne rodzaje")


def test_disjoint_dates_across_sources_are_separate_offers():
    january = offer("bur", "Kurs spawania metodą MAG", start="2027-01-11")
    march = offer("site", "Kurs spawania metodą MAG", start="2027-03-08")
    assert same_offer(january, march).reason.startswith("brak wspólnej edycji")


def test_the_same_date_in_another_town_is_another_edition():
    here = offer("bur", "Kurs spawania metodą MAG", place=ZIELONA_GORA)
    there = offer("site", "Kurs spawania metodą MAG", place=GORZOW)
    assert not same_offer(here, there).same


def test_undated_records_at_the_same_place_are_one_offer():
    bur = offer("bur", "Kurs pierwszej pomocy przedmedycznej", start=None)
    site = offer("site", "Pierwsza pomoc przedmedyczna", start=None)
    assert same_offer(bur, site).same
    assert not same_offer(bur, offer("site", "Pierwsza pomoc", start="2027-01-11")).same


def test_price_is_a_weak_signal_only_for_partly_equal_titles():
    cheap = offer("bur", "Kurs operatora wózków jezdniowych z egzaminem UDT", price=90000)
    dear = offer("site", "Operator wózków jezdniowych", price=180000)
    assert same_offer(cheap, dear).reason.startswith("tytuły tylko częściowo zgodne")
    equal_titles = offer("site", "Operator wózków jezdniowych z egzaminem UDT", price=180000)
    assert same_offer(cheap, equal_titles).same


def test_title_words_drop_boilerplate_years_towns_and_markers():
    words = title_words(
        "Kurs spawania metodą MAG (135) – Zielona Góra 2027 – zapisy", ["Zielona Góra"]
    )
    assert words == {"spawa"}
    assert title_markers("Kurs spawania metodą MAG (135) 2027") == {"metoda:mag", "liczba:135"}


def test_stems_agree_across_inflection():
    assert {stem("wozkow"), stem("wozki")} == {"wozk"}
    assert stem("spawania") == stem("spawanie") == stem("spawacz")
    assert stem("rachunkowosci") == stem("rachunkowosc")


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        (CKZIU, "CKZiU Zielona Góra", True),
        (ZDZ, "ZDZ", True),
        ("Akademia Nauk Stosowanych im. Jakuba z Paradyża", "Akademia Nauk Stosowanych", True),
        ("Szkoła Językowa Lingua sp. z o.o.", "SZKOŁA JĘZYKOWA LINGUA", True),
        (ZDZ, CKZIU, False),
        ("Uniwersytet Zielonogórski", "Akademia Nauk Stosowanych", False),
    ],
)
def test_providers_agree_by_words_stems_or_acronym(one, other, same):
    assert same_provider(one, other, ["Zielona Góra"]) is same


def test_the_blocking_key_is_the_code_or_the_first_stem():
    assert blocking_key(offer("bur", "Florysta", code="OGR.01")) == "OGR.01"
    assert blocking_key(offer("bur", "Kurs spawania metodą MAG")) == "spawa"


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Ośrodek Szkolenia Kierowców Auto-Max Sp. z o.o.", "OSK AUTO-MAX", True),
        ("Instytut Kształcenia Ustawicznego Meritum", "IKU Meritum", True),
        ("Lubuski Ośrodek Doradztwa Rolniczego", "LODR Kalsk", True),
        ("Akademia im. Jakuba z Paradyża w Gorzowie Wielkopolskim", "AJP Gorzów", True),
        ("Firma Szkoleniowa Kompetencja Sp. z o.o.", "Kompetencja – szkolenia", True),
        ("Gastro-Szkoła Barista Pro", "Barista Pro", True),
        ("Instytut Kształcenia Ustawicznego Meritum", CKZIU + " „Medyk”", False),
        ("Lubuska Akademia Rozwoju", "Lubuski Ośrodek Doradztwa Rolniczego", False),
    ],
)
def test_generic_words_legal_forms_and_acronyms_of_parts_are_seen_through(one, other, same):
    assert same_provider(one, other, ["Gorzów Wielkopolski"]) is same


def test_names_sharing_one_distinctive_word_need_equal_titles():
    site = offer(
        "site", "Stylizacja paznokci: manicure hybrydowy", provider="Perfect Beauty Akademia"
    )
    bur = offer("bur", "Stylizacja paznokci – manicure hybrydowy", provider="Studio Perfect Zofia")
    assert same_offer(bur, site).same
    longer = offer(
        "bur",
        "Stylizacja paznokci – manicure hybrydowy i żelowy, zdobienia",
        provider="Studio Perfect Zofia",
    )
    assert "tylko podobni" in same_offer(longer, site).reason


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kurs fotografii cyfrowej dla początkujących", "Fotografia cyfrowa dla początkujących"),
        ("Kurs prawa jazdy kat. B", "Kurs prawa jazdy kategorii B"),
        ("Uprawnienia SEP G1 do 1kV (eksploatacja)", "Uprawnienia SEP G1 do 1 kV – eksploatacja"),
        (
            "Operator wózków widłowych z egzaminem UDT",
            "Operator wózków jezdniowych podnośnikowych z egzaminem UDT",
        ),
        (
            "Kwalifikacja wstepna przyspieszona kat. C",
            "Kwalifikacja wstępna przyspieszona – kat. C",
        ),
    ],
)
def test_inflection_abbreviations_units_and_synonyms_agree(one, other):
    assert same_offer(offer("bur", one), offer("site", other)).same


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kwalifikacja wstępna przyspieszona kat. C", "Kwalifikacja wstępna kat. C"),
        ("Szkolenie wstępne BHP", "Szkolenie okresowe BHP"),
        (
            "Szkolenie okresowe BHP dla pracowników biurowych",
            "Szkolenie okresowe BHP dla pracodawców",
        ),
    ],
)
def test_variant_and_audience_words_keep_courses_apart(one, other):
    assert not same_offer(offer("bur", one), offer("site", other)).same


def test_a_kkz_title_naming_only_its_code_matches_the_code_with_its_name():
    short = offer("bur", "Kwalifikacyjny kurs zawodowy MOT.05", code="MOT.05")
    named = offer(
        "site",
        "KKZ MOT.05 Obsługa, diagnozowanie oraz naprawa pojazdów samochodowych",
        code="MOT.05",
    )
    assert same_offer(short, named).same
    other = offer("site", "KKZ MOT.06 Organizacja i prowadzenie obsługi pojazdów", code="MOT.06")
    assert not same_offer(short, other).same
