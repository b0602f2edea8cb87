"""The meaning of query words, read from `search/data/query_words.toml` (`search.understanding`)."""

from __future__ import annotations

import pytest

from search.filters import BY_NAME, TermsFilter
from search.interface import LITERALLY
from search.query_text import analyse_query
from search.spelling import correct
from search.understanding import (
    FIELD_KIND,
    field_keys,
    is_understood_word,
    meanings,
    merged_filters,
    read_words,
    thesaurus,
)


def read(text: str, literal: tuple[str, ...] = ()) -> tuple[str, dict[str, object], list[str]]:
    """The words left to match, the filters meant and the keys of what was understood."""
    reading = read_words(text.split(), literal)
    return reading.text, reading.filters, [u.key for u in reading.understood()]


@pytest.mark.parametrize(
    "text",
    ["darmowe", "za darmo", "bezpłatnie", "bezpłatny", "Darmowych", "nieodpłatnie", "free"],
)
def test_price_words_mean_free_of_charge(text: str) -> None:
    assert read(text) == ("", {"free": True}, ["price.free"])


def test_a_free_word_leaves_the_subject_to_match() -> None:
    assert read("bezpłatny kurs spawania") == ("kurs spawania", {"free": True}, ["price.free"])
    assert read("kurs spawania za darmo")[0] == "kurs spawania"


@pytest.mark.parametrize("text", ["zdalnie", "przez internet", "online", "on-line"])
def test_online_words_mean_the_online_form(text: str) -> None:
    assert read_words(analyse_query(text).reading.words).filters == {"form": ("online",)}


def test_kind_and_level_words_meet_in_what_both_allow() -> None:
    engineer = {"kind": ("studies",), "prk_level": ("6",), "isced_broad": ("05", "06", "07", "08")}
    assert read("studia inżynierskie")[1] == engineer
    assert read("studiów licencjackich")[1] == {"kind": ("studies",), "prk_level": ("6",)}
    assert read("magisterskie")[1] == {"kind": ("studies",), "prk_level": ("7",)}
    assert read("studia podyplomowe")[1] == {"kind": ("postgraduate",)}
    assert read("studia")[1] == {"kind": ("studies",)}  # postgraduate ones always say so


@pytest.mark.parametrize(
    ("word", "code"),
    [("ogrodnik", "0812"), ("księgowa", "0411"), ("księgowej", "0411"), ("budowlane", "0732"),
     ("budowlanych", "0732"), ("spawacz", "0715"), ("techniczne", "07"), ("fryzjerka", "1012")],
)  # fmt: skip
def test_field_words_reach_the_field_the_subject_lexicon_gives(word: str, code: str) -> None:
    (term,) = analyse_query(word).terms
    assert f"f_{code}" in term.keys
    assert read(word) == (word, {}, [f"field.{code}"])  # the word itself still counts


def test_a_title_word_is_not_a_field_word() -> None:
    (term,) = analyse_query("ogrodnictwo").terms
    assert not any(k.startswith("f_") for k in term.keys)


@pytest.mark.parametrize(
    ("text", "key"),
    [("dla bezrobotnych", "audience.unemployed"), ("dla nauczycieli", "audience.teachers"),
     ("dla kobiet", "audience.women"), ("dla młodzieży", "audience.young"),
     ("dla seniorów", "audience.seniors"), ("w weekendy", "schedule.weekend"),
     ("wieczorowo", "schedule.evening")],
)  # fmt: skip
def test_audience_and_timetable_words_widen_their_words(text: str, key: str) -> None:
    words, filters, keys = read(text)
    assert (words, filters, keys) == (text, {}, [key])  # never a filter: no such field
    group = next(m.group for m in meanings() if m.key == key)
    assert group in {getattr(u, "group", None) for u in analyse_query(text).units}


def test_words_taken_literally_mean_only_themselves() -> None:
    assert read("darmowe kursy", ("price.free",)) == ("darmowe kursy", {}, [])
    assert read("darmowe kursy zdalnie", ("price.free",))[2] == ["form.online"]
    assert read("darmowe kursy zdalnie", (LITERALLY,)) == ("darmowe kursy zdalnie", {}, [])
    literal = analyse_query("dla bezrobotnych", (LITERALLY,))
    assert [getattr(u, "surface", None) for u in literal.units] == ["dla", "bezrobotnych"]


def test_a_filter_the_person_chose_wins() -> None:
    reading = read_words(["zdalnie"])
    assert merged_filters({"form": ("on_site",)}, reading.filters) == {"form": ("on_site",)}
    (understood,) = reading.understood({"form": ("on_site",)})
    assert not understood.applied
    assert merged_filters({}, reading.filters) == {"form": ("online",)}


def test_a_place_after_an_online_word_keeps_online_offers() -> None:
    assert analyse_query("kurs zdalnie żary").powiats == ("0811", "online")


def test_every_meaning_is_labelled_in_three_languages_and_filters_with_known_values() -> None:
    for meaning in meanings():
        assert all(meaning.labels.get(lang) for lang in ("pl", "en", "uk")), meaning.key
        assert meaning.phrases, meaning.key
        for name, value in meaning.filters.items():
            spec = BY_NAME[name]
            if isinstance(spec, TermsFilter):
                assert set(value) <= set(spec.labels()), meaning.key
    codes = [m.fields[0] for m in meanings() if m.kind == FIELD_KIND]
    assert {"0812", "0411", "0732", "0715", "07"} <= set(codes)
    assert all("галузь" in m.labels["uk"] for m in meanings() if m.kind == FIELD_KIND)


def test_documents_carry_their_field_keys() -> None:
    document = {"isced_broad": "08", "isced_narrow": "081", "isced_code": "0812"}
    assert field_keys(document) == ["f_08", "f_081", "f_0812"]
    assert field_keys({"isced_broad": "", "isced_narrow": ""}) == []


def test_an_understood_word_is_never_misspelt() -> None:
    assert is_understood_word("darmowe") and is_understood_word("Bezpłatnie")
    assert not is_understood_word("dachowe") and not is_understood_word("za")
    # "darmowe" finds nothing as a word, and "dachowe" is a word offers have: not offered.
    corrected = correct(["darmowe"], lambda w: False, lambda w: ["dachowe"], lambda t: True)
    assert corrected is None


def test_a_thesaurus_synonym_is_matched_as_a_stem_below_the_word_itself() -> None:
    (term,) = analyse_query("golibrodę").terms
    assert "s_fryzjer" in term.keys and "l_fryzjer" not in term.keys  # a stem ranks lower
    (literal,) = analyse_query("golibrodę", (LITERALLY,)).terms
    assert "s_fryzjer" not in literal.keys
    # A word the catalogue uses itself is never widened by the thesaurus.
    assert not thesaurus().get("kurs") and not thesaurus().get("fryzjer")


def test_a_carers_course_is_no_audience_and_a_number_no_age() -> None:
    assert read("opiekun osób starszych")[2] == []
    assert read("kurs 60 godzin")[2] == []


def test_a_meaning_partly_overruled_by_the_persons_filter_still_shows() -> None:
    reading = read_words(["inżynierskie"])
    (understood,) = reading.understood({"kind": ("studies",)})
    assert understood.applied  # its level and fields still apply: the chip says so
    (overruled,) = reading.understood(dict.fromkeys(("kind", "prk_level", "isced_broad"), ()))
    assert not overruled.applied
