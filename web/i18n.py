"""Interface text in Polish (default), English and Ukrainian, chosen by `?lang=` or
Accept-Language.

All text a person reads in a page goes through `Translator`. The texts live in one gettext
catalogue per language, `web/locale/<lang>/LC_MESSAGES/messages.po`, read with Babel when the
module is imported: a keyed catalogue (msgid is the message key, msgstr its text, `{name}`
placeholders filled by `str.format`). A key a language lacks falls back to Polish. Plurals follow
CLDR's rules (Babel's `Locale.plural_form`). Catalogue data (titles, descriptions) arrives
already worded and is not translated here; filter labels choose their language in
`search.label_language`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter

from babel import Locale
from babel.messages.pofile import read_po
from starlette.requests import Request

from web.messages import Messages, merged

DEFAULT_LANGUAGE = "pl"
LANGUAGES = ("pl", "en", "uk")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# Each language's own name, for the language switcher (in that language, whatever the page's).
LANGUAGE_NAMES = {"pl": "Polski", "en": "English", "uk": "Українська"}
# The CLDR plural categories a count's keys end with, after the optional exact `.0` and `.1`.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / "messages.po"


def read_catalogue(lang: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str]:
    """key -> text of one language's .po file; untranslated (empty) and fuzzy entries left out."""
    path = po_path(lang, locale_dir)
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    return {
        str(message.id): str(message.string)
        for message in catalogue
        if message.id and isinstance(message.string, str) and message.string
        if not message.fuzzy
    }


def load_messages(dict_messages: Messages) -> Messages:
    """The .po catalogues, with any text still held in a Python dict (`web.messages`) on top.

    A translation naming a placeholder its Polish text lacks is left out (it would fail when
    filled): the reader gets the Polish text, and the catalogue test names the translation.
    """
    result = {lang: read_catalogue(lang) for lang in LANGUAGES}
    for lang, texts in dict_messages.items():
        if lang == "uk":  # the Ukrainian catalogue is the translators' word on a key
            result.setdefault(lang, {}).update(
                {k: v for k, v in texts.items() if k not in result[lang]}
            )
        else:
            result.setdefault(lang, {}).update(texts)
    polish = result.get(DEFAULT_LANGUAGE, {})
    for lang, texts in result.items():
        if lang != DEFAULT_LANGUAGE:
            result[lang] = {k: v for k, v in texts.items() if fills(v, k, polish)}
    return result


def counted_prefixes(polish: Iterable[str]) -> set[str]:
    """The messages `Translator.count` words: the prefixes of Polish `.few` or `.many` keys."""
    return {key.rpartition(".")[0] for key in polish if key.endswith((".few", ".many"))}


def form_of(key: str, counted: set[str]) -> str | None:
    """The counted message a key is one form of ("results.count.one" -> "results.count")."""
    prefix, _, form = key.rpartition(".")
    return prefix if prefix in counted and form in ("0", "1", *PLURAL_CATEGORIES) else None


def placeholders(text: str) -> set[str]:
    """The names of a text's `{name}` placeholders."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def fills(text: str, key: str, polish: dict[str, str]) -> bool:
    """Whether a translation's placeholders are among its Polish text's (a count's forms: among
    those of its Polish forms). Text that `str.format` cannot read fills nothing."""
    try:
        names = placeholders(text)
    except ValueError:
        return False
    if key in polish:
        return names <= placeholders(polish[key])
    prefix = key.rpartition(".")[0] + "."
    return names <= {n for k, v in polish.items() if k.startswith(prefix) for n in placeholders(v)}


# Texts still written as Python dicts in `web/messages/<area>.py` (none, normally: a module there
# is merged on top as a fallback until scripts/messages_to_po.py moves it into the catalogues,
# and tests/web/test_message_catalogues.py names it meanwhile).
DICT_MESSAGES = merged({})
MESSAGES = load_messages(DICT_MESSAGES)


@cache
def plural_category(lang: str, n: int) -> str:
    """CLDR's category of `n` in a language: Polish 1 one, 2 few, 5 many; Ukrainian 21 one."""
    return str(Locale.parse(lang).plural_form(n))


@dataclass(frozen=True)
class Translator:
    lang: str = DEFAULT_LANGUAGE

    def __call__(self, key: str, **values: object) -> str:
        text = MESSAGES[self.lang].get(key) or MESSAGES[DEFAULT_LANGUAGE].get(key, key)
        return text.format(**values) if values else text

    def maybe(self, key: str, default: str) -> str:
        """The message, or `default` when no language has one (a language code we cannot name)."""
        return MESSAGES[self.lang].get(key) or MESSAGES[DEFAULT_LANGUAGE].get(key) or default

    def count(self, prefix: str, n: int) -> str:
        """The plural form of `n` by CLDR's rules of the language that words `prefix`.

        `prefix.0` and `prefix.1` (optional) word exactly none and one ("Nie znaleziono ofert.");
        then `prefix.<category>`: Polish 1 ofertę, 2–4 oferty, 5–21 ofert, 22–24 oferty;
        Ukrainian 1 and 21 пропозицію. A language without the prefix falls back to Polish, a
        category a language does not word to `.other`, then `.many`.
        """
        lang = self.lang
        texts = MESSAGES[lang]
        if not any(f"{prefix}.{form}" in texts for form in ("0", "1", *PLURAL_CATEGORIES)):
            lang, texts = DEFAULT_LANGUAGE, MESSAGES[DEFAULT_LANGUAGE]
        exact = [f"{prefix}.{n}"] if n in (0, 1) else []
        category = plural_category(lang, n)
        for key in (*exact, f"{prefix}.{category}", f"{prefix}.other", f"{prefix}.many"):
            if key in texts:
                return texts[key].format(n=n)
        return f"{prefix}.{category}"


def negotiate_language(request: Request) -> str:
    """`?lang=en` wins; otherwise the first supported language in Accept-Language."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES:
        return asked
    header = request.headers.get("accept-language", "")
    ranked: list[tuple[float, str]] = []
    for part in header.split(","):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        ranked.append((weight, tag.split("-")[0].lower()))
    for _, code in sorted(ranked, key=lambda item: -item[0]):
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
