"""The interface's gettext catalogues (web/locale/<lang>/LC_MESSAGES/messages.po): every key has
a Polish and an English text, Ukrainian covers them (the missing ones are listed), every
translation has the placeholders of the Polish text, the Plural-Forms headers are right and
counts follow CLDR's plural rules (Polish exactly as before)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from web.i18n import (
    DICT_MESSAGES,
    LANGUAGES,
    LOCALE_DIR,
    MESSAGES,
    Translator,
    counted_prefixes,
    form_of,
    load_messages,
    placeholders,
    po_path,
    read_catalogue,
)
from web.messages import dict_modules

ROOT = Path(__file__).resolve().parent.parent.parent
CONVERTER = ROOT / "scripts" / "messages_to_po.py"
PLURAL_FORMS = {
    "pl": "nplurals=3; plural=n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;",  # noqa: E501
    "en": "nplurals=2; plural=(n != 1);",
    "uk": "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;",  # noqa: E501
}


def converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("messages_to_po", CONVERTER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def catalogue(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_catalogue_with_its_plural_forms(lang: str) -> None:
    found = catalogue(lang)
    assert str(found.locale) == lang
    assert found.plural_forms == PLURAL_FORMS[lang]
    assert not [m.id for m in found if m.id and m.fuzzy]


def test_every_key_has_a_polish_and_an_english_text() -> None:
    polish, english = MESSAGES["pl"], MESSAGES["en"]
    assert len(polish) > 500
    assert sorted(k for k in polish if not polish[k].strip()) == []
    assert converter().missing(english, polish) == []
    counted = counted_prefixes(polish)
    assert sorted(k for k in english if k not in polish and not form_of(k, counted)) == []


def test_ukrainian_covers_the_interface() -> None:
    polish, ukrainian = MESSAGES["pl"], MESSAGES["uk"]
    missing = converter().missing(ukrainian, polish)
    coverage = 1 - len(missing) / len(polish)
    print(f"Ukrainian: {len(polish) - len(missing)}/{len(polish)} keys ({coverage:.1%})")
    for key in missing:
        print(f"  missing uk: {key}: {polish[key]}")
    assert missing == []


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_translation_has_the_placeholders_of_the_polish_text(lang: str) -> None:
    polish = MESSAGES["pl"]
    counted = counted_prefixes(polish)
    wrong = []
    for key, text in MESSAGES[lang].items():
        prefix = form_of(key, counted)
        if prefix is not None:
            family = converter().family_placeholders(polish, prefix)
            if not placeholders(text) <= family:
                wrong.append((key, text))
        elif key not in polish or placeholders(text) != placeholders(polish[key]):
            wrong.append((key, text))
    assert wrong == []


def test_a_translation_with_a_placeholder_polish_lacks_is_not_used() -> None:
    texts = load_messages({"pl": {"a.b": "Szukaj {q}"}, "en": {"a.b": "Search {query}"}})
    assert "a.b" not in texts["en"]
    assert texts["pl"]["a.b"] == "Szukaj {q}"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "Nie znaleziono ofert."),
        (1, "Znaleziono 1 ofertę."),
        (2, "Znaleziono 2 oferty."),
        (5, "Znaleziono 5 ofert."),
        (12, "Znaleziono 12 ofert."),
        (21, "Znaleziono 21 ofert."),
        (22, "Znaleziono 22 oferty."),
        (25, "Znaleziono 25 ofert."),
        (111, "Znaleziono 111 ofert."),
        (1002, "Znaleziono 1002 oferty."),
    ],
)
def test_polish_counts_are_as_before(n: int, text: str) -> None:
    assert Translator("pl").count("results.count", n) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "Знайдено 1 пропозицію."),
        (2, "Знайдено 2 пропозиції."),
        (5, "Знайдено 5 пропозицій."),
        (11, "Знайдено 11 пропозицій."),
        (21, "Знайдено 21 пропозицію."),
        (22, "Знайдено 22 пропозиції."),
        (25, "Знайдено 25 пропозицій."),
        (111, "Знайдено 111 пропозицій."),
    ],
)
def test_ukrainian_counts_follow_cldr(n: int, text: str) -> None:
    assert Translator("uk").count("results.count", n) == text


def test_english_counts_are_one_and_other() -> None:
    t = Translator("en")
    assert [t.count("results.count", n) for n in (0, 1, 2, 21)] == [
        "No offers found.",
        "1 offer found.",
        "2 offers found.",
        "21 offers found.",
    ]


def test_every_counted_message_has_the_forms_its_language_needs() -> None:
    counted = counted_prefixes(MESSAGES["pl"])
    assert {"results.count", "adviser.items", "plan.item.editions"} <= counted
    for prefix in counted:
        for lang in LANGUAGES:
            t = Translator(lang)
            for n in (0, 1, 2, 5, 21, 22, 25, 111):
                text = t.count(prefix, n)
                assert not text.startswith(prefix), (lang, prefix, n)
                assert str(n) in text or n in (0, 1), (lang, prefix, n, text)
            if lang == "uk":  # 21 takes the "one" form, not the "many" of 25
                assert t.count(prefix, 21).replace("21", "N") != t.count(prefix, 25).replace(
                    "25", "N"
                )


def test_an_untranslated_key_falls_back_to_polish() -> None:
    key = "search.title"
    assert Translator("uk")("no.such.key") == "no.such.key"
    assert Translator("uk").maybe("no.such.key", "x") == "x"
    assert Translator("uk")(key) != Translator("pl")(key)


def test_the_converter_writes_keyed_catalogues_and_refuses_bad_translations(
    tmp_path: Path,
) -> None:
    for lang in LANGUAGES:  # start from the site's own catalogues
        target = po_path(lang, tmp_path)
        target.parent.mkdir(parents=True)
        target.write_bytes(po_path(lang).read_bytes())
    translations = tmp_path / "out.json"
    translations.write_text(
        json.dumps(
            {
                "search.title": "Знайдіть курс (новий переклад)",
                "results.for": "для запиту",  # {q} lost: refused
                "results.count.one": "Знайдено {n} пропозицію!",
                "no.such.key": "щось",  # refused
            }
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(CONVERTER), "--uk", str(translations), "--locale-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "refused: " + str(translations) + ": results.for: placeholders" in result.stdout
    assert "no.such.key: no such key" in result.stdout
    ukrainian = read_catalogue("uk", tmp_path)
    assert ukrainian["search.title"] == "Знайдіть курс (новий переклад)"
    assert ukrainian["results.count.one"] == "Знайдено {n} пропозицію!"
    assert ukrainian["results.for"] == MESSAGES["uk"]["results.for"]
    assert "no.such.key" not in ukrainian
    for lang in ("pl", "en"):  # the catalogues, with any text still in a dict on top
        on_top = DICT_MESSAGES.get(lang, {})
        assert read_catalogue(lang, tmp_path) == {**read_catalogue(lang), **on_top}
    with po_path("uk", tmp_path).open("rb") as handle:
        assert read_po(handle).plural_forms == PLURAL_FORMS["uk"]
    assert LOCALE_DIR.is_dir()


def test_every_text_lives_in_the_catalogues() -> None:
    """A module of web/messages/ still holding a `MESSAGES` dict works (it is merged on top of
    the catalogues) but is named here: move its texts into the catalogues with
    `python scripts/messages_to_po.py`, then delete the module."""
    assert dict_modules() == []
