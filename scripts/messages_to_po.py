"""Write the interface's gettext catalogues, `web/locale/<lang>/LC_MESSAGES/messages.po`.

Usage: `python scripts/messages_to_po.py [--uk FILE.json ...] [--prune] [--locale-dir DIR]`.

A keyed catalogue: msgid is the message key ("site.name"), msgstr its text. Sources, in order:
- the .po files already there, the source of every text;
- texts still written as Python dicts in `web/messages/<area>.py` (`web.i18n.DICT_MESSAGES`;
  delete the module once moved), which win for Polish and English;
- Ukrainian texts from translators' JSON files (`{key: text}`), which win for Ukrainian; a dict's
  Ukrainian text only fills a key the catalogue lacks.
Every Polish key gets an entry in each language's file: an untranslated one has an empty msgstr
(the site falls back to Polish). A Ukrainian text whose placeholders ({n}, {q}...) differ from
the Polish ones, or whose key is unknown, is refused and listed. `--prune` drops catalogue keys
no dict defines (only while dicts held every text). Prints what it wrote and what
Ukrainian texts are missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from web import i18n  # noqa: E402

Messages = dict[str, dict[str, str]]
DEFAULT_UK: list[Path] = []
# Fixed dates keep a rewrite without changes from changing the files.
DATE = datetime(2026, 12, 7, tzinfo=UTC)
NAMES = {"pl": "Polish", "en": "English", "uk": "Ukrainian"}


def plural_prefixes(keys: set[str]) -> set[str]:
    """Prefixes counted by `Translator.count`: those with a Polish `.few` or `.many` form."""
    return i18n.counted_prefixes(keys)


def is_form(key: str, counted: set[str]) -> bool:
    """Whether a key is one form of a counted message ("results.count.one")."""
    return i18n.form_of(key, counted) is not None


def family_placeholders(texts: dict[str, str], prefix: str) -> set[str]:
    return {
        name
        for key, text in texts.items()
        if key.startswith(prefix + ".")
        for name in i18n.placeholders(text)
    }


def missing(texts: dict[str, str], polish: dict[str, str]) -> list[str]:
    """Polish keys a language has no text for; a count is missing only when it has no form."""
    counted = plural_prefixes(set(polish))
    worded = {i18n.form_of(key, counted) for key, text in texts.items() if text}
    return sorted(
        key
        for key in polish
        if not texts.get(key) and (i18n.form_of(key, counted) or key) not in worded
    )


def allowed_uk(key: str, text: str, polish: dict[str, str], counted: set[str]) -> str | None:
    """Why a Ukrainian text is refused, or None when it fits its Polish key."""
    placeholders = i18n.placeholders
    prefix = i18n.form_of(key, counted)
    if prefix is not None:
        extra = placeholders(text) - family_placeholders(polish, prefix)
        return f"placeholders {sorted(extra)} not in Polish" if extra else None
    if key not in polish:
        return "no such key"
    if placeholders(text) != placeholders(polish[key]):
        return f"placeholders {sorted(placeholders(text))} != {sorted(placeholders(polish[key]))}"
    return None


def combine(
    existing: Messages, dicts: Messages, uk_files: list[Path], prune: bool
) -> tuple[Messages, list[str]]:
    """The texts of each language, and the Ukrainian texts refused (with why)."""
    result: Messages = {}
    for lang in ("pl", "en"):
        texts = dict(existing.get(lang, {}))
        if prune:
            if not dicts.get(lang):
                raise SystemExit("--prune: no message dicts left to prune against")
            texts = {k: v for k, v in texts.items() if k in dicts[lang]}
        texts.update(dicts.get(lang, {}))
        result[lang] = texts
    polish = result["pl"]
    counted = plural_prefixes(set(polish))
    refused: list[str] = []
    uk: dict[str, str] = {}
    sources = [("dict", dicts.get("uk", {})), ("catalogue", existing.get("uk", {}))]
    sources += [(str(path), json.loads(path.read_text(encoding="utf-8"))) for path in uk_files]
    for source, texts in sources:  # later sources win
        for key, text in texts.items():
            if not isinstance(text, str) or not text.strip():
                continue
            why = allowed_uk(key, text, polish, counted)
            if why is None:
                uk[key] = text
            else:
                refused.append(f"{source}: {key}: {why}")
    result["uk"] = uk
    return result, refused


def write_catalogue(lang: str, texts: dict[str, str], keys: list[str], locale_dir: Path) -> Path:
    catalogue = Catalog(
        locale=lang,
        header_comment=(
            f"# Interface text of the Lubuskie lifelong-learning catalogue, in {NAMES[lang]}.\n"
            "# A keyed catalogue: msgid is the message key, msgstr its text ({name} placeholders\n"
            "# are filled by str.format). An empty msgstr falls back to Polish. Written by\n"
            "# scripts/messages_to_po.py; read by web/i18n.py."
        ),
        project="lll-lubuskie",
        version="0.1.0",
        creation_date=DATE,
        revision_date=DATE,
        language_team=NAMES[lang],
        fuzzy=False,
    )
    for key in keys:
        catalogue.add(key, texts.get(key, ""))
    path = i18n.po_path(lang, locale_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=0, sort_output=True, include_lineno=False)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uk", type=Path, nargs="*", default=DEFAULT_UK)
    parser.add_argument("--prune", action="store_true")
    parser.add_argument("--locale-dir", type=Path, default=i18n.LOCALE_DIR)
    args = parser.parse_args(argv)
    existing = {lang: i18n.read_catalogue(lang, args.locale_dir) for lang in i18n.LANGUAGES}
    texts, refused = combine(existing, i18n.DICT_MESSAGES, list(args.uk), args.prune)
    keys = sorted(texts["pl"])
    counted = plural_prefixes(set(keys))
    for lang in i18n.LANGUAGES:
        # A count's forms are the language's own (English "other", Ukrainian "one"...).
        own = [k for k in texts[lang] if k not in texts["pl"] and is_form(k, counted)]
        path = write_catalogue(lang, texts[lang], sorted(keys + own), args.locale_dir)
        print(f"{path}: {sum(1 for k in keys if texts[lang].get(k))}/{len(keys)}")
    for lang in ("en", "uk"):
        absent = missing(texts[lang], texts["pl"])
        print(f"{lang}: {len(keys) - len(absent)}/{len(keys)} keys have a text")
        for key in absent:
            print(f"  missing {lang}: {key}")
    print(f"counted messages: {', '.join(sorted(counted))}")
    for line in refused:
        print(f"  refused: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
