"""Every check of an institution's offer fields (`catalogue.offer_fields.check_offer`): its code,
column and severity, and the reading the catalogue files the offer as."""

from __future__ import annotations

from datetime import date

import pytest

from catalogue.offer_fields import EditionFields, OfferFields, check_offer, reading_of

TODAY = date(2026, 12, 7)


def good(**changes) -> OfferFields:
    fields = OfferFields(
        title="Kurs spawania MAG", url="https://szkola.example.pl/mag", kind="kurs",
        qualification_code="MEC.08", form="stacjonarna", duration_hours="120",
        editions=[EditionFields(start="2027-03-01", end="2027-04-30", enrolment_end="2027-02-20",
                                town="Żary", price="1 200 zł", seats="12")],
    )  # fmt: skip
    for name, value in changes.items():
        setattr(fields, name, value)
    return fields


def edition(**values) -> list[EditionFields]:
    return [EditionFields(**({"start": "2027-03-01", "town": "Żary"} | values))]


def found(fields: OfferFields) -> set[tuple[str, str, str]]:
    return {(p.code, p.column, p.severity) for p in check_offer(fields, today=TODAY).problems}


def test_a_good_offer_has_no_problems_and_a_full_reading():
    checked = check_offer(good(), today=TODAY)
    assert checked.problems == []
    reading = reading_of(checked.normalised)
    assert reading.isced and reading.isced.startswith("0715")
    assert reading.qualification and reading.qualification.startswith("MEC.08")
    assert reading.powiaty == ("powiat żarski",)
    assert reading.kind == "course" and reading.prk is not None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": " "}, ("missing_title", "tytul", "error")),
        ({"title": "ObsĹ‚uga kas fiskalnych"}, ("garbled_title", "tytul", "error")),
        ({"url": None}, ("missing_url", "url", "error")),
        ({"url": "javascript:alert(1)"}, ("bad_url", "url", "error")),
        ({"url": "szkola/kurs"}, ("bad_url", "url", "error")),
        ({"provider_url": "javascript:x"}, ("bad_provider_url", "organizator_www", "warning")),
        ({"kind": "coś innego"}, ("unknown_kind", "rodzaj", "error")),
        ({"qualification_code": "XYZ.99"},
         ("unknown_qualification", "kod_kwalifikacji", "error")),
        ({"qualification_code": "spawacz"},
         ("bad_qualification_code", "kod_kwalifikacji", "error")),
        ({"level": "9"}, ("bad_level", "poziom_prk", "error")),
        ({"isced": "0755"}, ("unknown_isced", "isced", "error")),
        ({"form": "korespondencyjna"}, ("unknown_form", "forma", "error")),
        ({"language": "klingoński"}, ("unknown_language", "jezyk", "warning")),
        ({"duration_hours": "dużo"}, ("bad_hours", "liczba_godzin", "error")),
        ({"duration_hours": "0"}, ("bad_hours", "liczba_godzin", "error")),
        ({"editions": edition(start="31.02.2027")}, ("bad_date", "data_rozpoczecia", "error")),
        ({"editions": edition(end="2027-02-01")},
         ("end_before_start", "data_zakonczenia", "error")),
        ({"editions": edition(enrolment_end="2027-03-02")},
         ("enrolment_after_start", "koniec_zapisow", "error")),
        ({"editions": edition(start="2026-11-30")},
         ("date_in_past", "data_rozpoczecia", "warning")),
        ({"editions": edition(price="do uzgodnienia")}, ("bad_price", "cena", "error")),
        ({"editions": edition(price="-100")}, ("negative_price", "cena", "error")),
        ({"editions": edition(price=-5)}, ("negative_price", "cena", "error")),
        ({"editions": edition(seats="0")}, ("bad_seats", "liczba_miejsc", "error")),
        ({"editions": edition(form="listowna")}, ("unknown_form", "forma", "error")),
        ({"editions": edition(town="Pcim")}, ("unknown_place", "miejscowosc", "error")),
        ({"editions": edition(town="Poznań", postcode="60-001")},
         ("place_outside_region", "miejscowosc", "warning")),
        ({"editions": edition(external_id="A") + edition(external_id="A", town="Żagań")},
         ("duplicate_edition", "id_terminu", "error")),
    ],
)  # fmt: skip
def test_each_problem_has_its_code_column_and_severity(changes, expected):
    assert expected in found(good(**changes))


def test_edition_problems_say_which_edition():
    fields = good(editions=[*edition(), EditionFields(), *edition(price="drogo")])
    (problem,) = check_offer(fields, today=TODAY).problems
    assert (problem.code, problem.edition) == ("bad_price", 1)  # the empty row is left out


def test_every_problem_speaks_polish_and_english():
    fields = good(title="", url="x", kind="?", editions=edition(end="2020-01-01", price="?"))
    problems = check_offer(fields, today=TODAY).problems
    assert len(problems) >= 4
    assert all(p.message_pl and p.message_en and p.message_pl != p.message_en for p in problems)


def test_free_and_online_editions_need_no_price_or_place():
    fields = good(editions=edition(price="bezpłatny", town="online", form="online"))
    assert found(fields) == set()


def test_the_institutions_isced_code_wins_over_the_guess():
    checked = check_offer(good(isced="0713"), today=TODAY)
    assert checked.normalised.offer.isced_code == "0713"
    assert "instytucję" in checked.normalised.evidence["isced_code"]


def test_fields_survive_json_and_a_raw_offer():
    fields = good(extras={"inne": "x"})
    assert OfferFields.from_json(fields.to_json()) == fields
    raw = fields.to_raw("panel-1", "K-1")
    assert (raw.source, raw.external_id, raw.title) == ("panel-1", "K-1", "Kurs spawania MAG")
    assert OfferFields.from_raw(raw) == fields
