from datetime import date

import pytest

from catalogue.models import DeliveryForm, OfferKind
from catalogue.normalise import Unstorable, normalise
from catalogue.raw import RawEdition, RawOffer

TODAY = date(2026, 6, 1)


def _raw(**kwargs):
    base = {"source": "test", "external_id": "1", "url": "https://example.org/1", "title": "Kurs"}
    base.update(kwargs)
    return RawOffer(**base)


def bur_offer():
    return _raw(
        source="sample-bur",
        external_id="3000001",
        url="https://uslugirozwojowe.parp.gov.pl/wyszukiwarka/uslugi/podglad?id=3000001",
        title="  Spawanie   metodą MAG (135) – kurs\u00a0podstawowy ",
        kind="Usługa szkoleniowa",
        category="454",
        subcategory="467",
        form="1",
        duration_hours="120 h",
        status="OPUBLIKOWANA",
        provider_name="Zakład Doskonalenia Zawodowego",
        provider_town="Zielona Góra",
        editions=[
            RawEdition(
                external_id="e1",
                start="2026-11-02T00:00:00+01:00",
                end="2026-12-15T00:00:00+01:00",
                enrolment_end="2026-10-30T00:00:00+01:00",
                address="ul. Podgórna 50, 65-246 Zielona Góra",
                price=246000,
                price_in_grosze=True,
                seats="12",
            )
        ],
    )


def test_a_bur_offer_is_normalised_with_evidence():
    result = normalise(bur_offer(), TODAY)
    offer, edition = result.offer, result.editions[0]
    assert offer.title == "Spawanie metodą MAG (135) – kurs podstawowy"
    assert offer.kind is OfferKind.course  # BUR says "Usługa szkoleniowa"; the title says "kurs"
    assert (offer.isced_code, offer.isced_narrow, offer.isced_broad) == ("0715", "071", "07")
    assert offer.zsu_area == 5
    assert offer.form is DeliveryForm.on_site
    assert offer.duration_hours == 120
    assert offer.prk_level is None
    assert (edition.start_date, edition.end_date) == (date(2026, 11, 2), date(2026, 12, 15))
    assert edition.enrolment_end == date(2026, 10, 30)
    assert (edition.gmina_teryt, edition.powiat_teryt, edition.postcode) == (
        "0862011",
        "0862",
        "65-246",
    )
    assert edition.price_grosze == 246000 and edition.seats == 12
    assert edition.form is DeliveryForm.on_site and edition.external_id == "e1"
    assert result.evidence["isced_code"].startswith("podkategoria BUR 467")
    assert result.provider.name == "Zakład Doskonalenia Zawodowego"
    assert result.live and result.problems == []


def test_a_kkz_gets_its_qualification_level_and_field():
    raw = _raw(
        title="ślusarz – MEC.08 Wykonywanie i naprawa elementów maszyn, urządzeń i narzędzi",
        provider_name="CKZiU Żary",
        editions=[RawEdition(start="wrzesień 2026", town="Żary", price="bezpłatny")],
    )
    result = normalise(raw, TODAY)
    assert result.offer.kind is OfferKind.kkz
    assert result.offer.qualification_code == "MEC.08"
    assert result.qualification.occupation == "ślusarz"
    assert result.offer.prk_level == 3 and result.offer.isced_code == "0715"
    assert result.offer.zsu_area == 1
    edition = result.editions[0]
    assert edition.start_date == date(2026, 9, 1)
    assert edition.price_grosze == 0 and edition.gmina_teryt == "0811021"


def test_a_schema_org_postgraduate_offer_keeps_a_stated_level():
    raw = _raw(
        title="Studia podyplomowe: Oligofrenopedagogika",
        kind="EducationalOccupationalProgram / Studia podyplomowe",
        level="PRK 7",
        form="https://schema.org/MixedEventAttendanceMode",
        provider_name="Uniwersytet Zielonogórski",
        audience="nauczyciele",
        duration_hours="3 semestry",
        editions=[RawEdition(start="2026-10-03", town="Zielona Gora", price="4 800,00 zł")],
    )
    result = normalise(raw, TODAY)
    assert result.offer.kind is OfferKind.postgraduate
    assert result.offer.prk_level == 7
    assert result.offer.form is DeliveryForm.blended
    assert result.offer.zsu_area == 3
    assert result.offer.isced_code == "0111"
    assert result.offer.duration_hours is None
    assert "duration/unparsed" in result.problems
    assert result.editions[0].form is DeliveryForm.blended
    assert result.editions[0].price_grosze == 480000


def test_an_online_edition_is_not_placed():
    raw = _raw(form="zdalna", editions=[RawEdition(town="Zielona Góra")])
    edition = normalise(raw, TODAY).editions[0]
    assert edition.town == "Zielona Góra"
    assert edition.gmina_teryt is None and edition.lat is None


def test_an_unknown_town_is_kept_and_counted():
    result = normalise(_raw(editions=[RawEdition(town="Poznań")]), TODAY)
    assert result.editions[0].town == "Poznań" and result.editions[0].gmina_teryt is None
    assert result.problems == ["place/unknown_town"]


def test_unparsed_values_keep_the_sources_words():
    raw = _raw(editions=[RawEdition(start="wkrótce", price="do uzgodnienia", seats="dużo")])
    result = normalise(raw, TODAY)
    edition = result.editions[0]
    assert edition.price_text == "do uzgodnienia" and edition.price_grosze is None
    assert sorted(result.problems) == ["dates/unparsed", "price/unparsed", "seats/unparsed"]
    assert "wkrótce" in result.evidence["editions[0].start"]


@pytest.mark.parametrize(
    "status",
    [
        "ODWOLANA",
        "ZAWIESZONA",
        "ZABLOKOWANA",
        "NIEZREALIZOWANA",
        "ZREALIZOWANA",
        "odwołany",
        "Anulowany",
    ],
)
def test_cancelled_or_finished_offers_are_not_live(status):
    assert normalise(_raw(status=status), TODAY).live is False


def test_published_offers_are_live():
    assert normalise(_raw(status="OPUBLIKOWANA"), TODAY).live is True


def test_an_offer_without_editions_is_fine():
    result = normalise(_raw(title="Excel dla księgowych", form="online"), TODAY)
    assert result.editions == [] and result.offer.isced_code in ("0611", "0411")


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", ""), ("title", "   "), ("title", None), ("external_id", None), ("url", "")],
)
def test_an_offer_without_title_id_or_url_cannot_be_stored(field, value):
    with pytest.raises(Unstorable):
        normalise(_raw(**{field: value}), TODAY)


UNUSABLE_URLS = [
    ("javascript:alert(1)", "scheme"), (" JaVaScRiPt:alert(1)", "scheme"),
    ("java\tscript:alert(1)", "characters"), ("data:text/html,<script>alert(1)</script>", "scheme"),
    ("vbscript:msgbox(1)", "scheme"), ("/oferty/1", "relative"), ("//evil.example/", "relative"),
    ("oferta-1.html", "relative"), ("https://bank.pl@evil.example/", "credentials"),
    ("https://jan:haslo@example.org/", "credentials"), ("https:\\\\evil.example", "characters"),
    ("https://example.org/\x00", "characters"), ("http:///oferta", "host"),
    ("https://example.org:port/", "host"), ("https://" + "a" * 2100 + ".pl", "too_long"),
    ("ftp://example.org/plik", "scheme"), (1, "relative"),
]  # fmt: skip


@pytest.mark.parametrize(("url", "reason"), UNUSABLE_URLS)
def test_a_provider_website_that_is_no_http_address_is_dropped_with_its_reason(url, reason):
    result = normalise(_raw(provider_name="ZDZ", provider_url=url), TODAY)
    assert result.provider is not None and result.provider.name == "ZDZ"
    assert result.provider.website is None
    assert f"provider_url/{reason}" in result.problems
    assert result.evidence["provider.website"].startswith("odrzucony adres (")


@pytest.mark.parametrize(("url", "reason"), UNUSABLE_URLS)
def test_an_offer_whose_own_address_is_no_http_address_cannot_be_stored(url, reason):
    with pytest.raises(Unstorable, match="adres oferty: odrzucony adres"):
        normalise(_raw(url=url), TODAY)


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/kurs?id=1#terminy", "https://example.org/kurs?id=1#terminy"),
        ("  HTTP://Example.org/a  ", "HTTP://Example.org/a"),
        ("https://example.org/kurs spawania", "https://example.org/kurs%20spawania"),
        ("https://łódź.pl/", "https://łódź.pl/"), ("http://localhost:8000/o/1", None),
        ("www.ckziu.zgora.pl/kursy", "http://www.ckziu.zgora.pl/kursy"),
    ],
)  # fmt: skip
def test_absolute_http_addresses_are_kept(url, kept):
    result = normalise(_raw(url=url, provider_name="ZDZ", provider_url=url), TODAY)
    assert result.offer.url == result.provider.website == (kept or url)
    assert not [p for p in result.problems if p.startswith("provider_url/")]


def test_an_offer_whose_title_is_mojibake_cannot_be_stored():
    with pytest.raises(Unstorable, match="tytuł wygląda na źle odczytane polskie znaki"):
        normalise(_raw(title="ObsĹ‚uga kas fiskalnych"), TODAY)


def test_a_mojibake_description_is_counted_and_explained():
    result = normalise(_raw(description="Kurs dla poczÄ…tkujÄ…cych, GÃ³ra"), TODAY)
    assert "description/garbled" in result.problems
    assert "mojibake" in result.evidence["description"]


HOSTILE = [
    {"description": 12345, "provider_name": 7, "kind": 147, "category": 479.0, "level": 6.0},
    {"duration_hours": "dwa dni", "language": "klingoński", "form": 99, "isced": "abc"},
    {"duration_hours": float("nan"), "level": "PRK 42", "status": None, "qualification_code": 8},
    {"editions": None},
    {"editions": [None, "bzdura", {"start": 20261102, "price": "1e9 zł", "seats": -3}]},
    {"editions": [{"town": 12, "address": ["ul. Długa", 5], "postcode": 65246, "price": True}]},
    {"editions": [{"start": "2026-02-30", "end": "31.13.2026", "price": -5.0, "form": "???"}]},
    {"editions": [RawEdition(price="0,00 zł", price_in_grosze="true", town="ZG", form="6")]},
    {"title": 2026, "external_id": 0.5},
    {"audience": {"a": 1}, "funding": ["KFS"], "subcategory": {"x": 1}},
]


@pytest.mark.parametrize("fields", HOSTILE)
def test_hostile_input_never_crashes(fields):
    result = normalise(_raw(**fields), TODAY)
    assert result.offer.title
    assert all(isinstance(p, str) for p in result.problems)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in result.evidence.items())


def test_numbers_as_strings_and_strings_as_numbers_are_understood():
    raw = _raw(
        kind="147",
        category=479,
        level=6,
        duration_hours="16",
        editions=[{"seats": 20.0, "price": "1200"}],
    )
    result = normalise(raw, TODAY)
    assert result.offer.kind is OfferKind.postgraduate
    assert result.offer.prk_level == 6 and result.offer.duration_hours == 16
    assert result.editions[0].seats == 20 and result.editions[0].price_grosze == 120000


def test_an_offer_a_register_lists_without_editions_is_placed_at_the_providers_seat():
    from catalogue.normalise.pipeline import normalise
    from catalogue.raw import RawOffer

    raw = RawOffer(
        source="rspo",
        external_id="1-343404",
        url="https://rspo.gov.pl/placowka/1",
        title="Kształcenie w zawodzie technik logistyk",
        kind="kształcenie zawodowe",
        provider_name="Centrum Kształcenia Zawodowego i Ustawicznego w Żarach",
        provider_town="Żary",
    )
    (edition,) = normalise(raw).editions
    assert (edition.powiat_teryt, edition.start_date) == ("0811", None)
    assert normalise(raw).evidence["editions[0].place"].startswith("siedziba organizatora")
    online = RawOffer(**{**raw.to_dict(), "form": "online", "editions": []})
    assert normalise(online).editions == []  # followed online: not placed anywhere
