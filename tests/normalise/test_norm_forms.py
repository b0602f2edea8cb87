import pytest

from catalogue.models import DeliveryForm
from catalogue.normalise.forms import parse_form

ON, ONLINE, BLENDED = DeliveryForm.on_site, DeliveryForm.online, DeliveryForm.blended


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("stacjonarna", ON),
        ("zdalna w czasie rzeczywistym", ONLINE),
        ("zdalna", ONLINE),
        ("mieszana (stacjonarna + zdalna w czasie rzeczywistym)", BLENDED),
        ("mieszana (stacjonarna + zdalna)", BLENDED),
        ("mieszana (zdalna + zdalna w czasie rzeczywistym)", ONLINE),
        ("mieszana (stacjonarna połączona z usługą zdalną w czasie rzeczywistym)", BLENDED),
    ],
)
def test_the_six_bur_forms_are_mapped(text, form):
    assert parse_form(text) is form


@pytest.mark.parametrize(
    ("form_id", "form"),
    [
        ("1", ON),
        ("2", ONLINE),
        ("3", ONLINE),
        ("4", BLENDED),
        ("5", BLENDED),
        ("6", ONLINE),
        (4, BLENDED),
    ],
)
def test_bur_form_ids_are_mapped(form_id, form):
    assert parse_form(form_id) is form


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("online", ONLINE),
        ("onsite", ON),
        ("blended", BLENDED),
        ("https://schema.org/OnlineEventAttendanceMode", ONLINE),
        ("MixedEventAttendanceMode", BLENDED),
        ("OfflineEventAttendanceMode", ON),
        ("e-learning", ONLINE),
        ("hybrydowa", BLENDED),
        ("zaoczna", ON),
        ("stacjonarnie", ON),
        ("Zajęcia w siedzibie firmy", ON),
    ],
)
def test_schema_org_and_polish_words_are_mapped(text, form):
    assert parse_form(text) is form


@pytest.mark.parametrize("text", [None, "", "full-time", "do ustalenia"])
def test_words_naming_no_form_give_none(text):
    assert parse_form(text) is None
