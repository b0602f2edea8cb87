"""Interface text of each area of the site, a module per area (accounts, panel, review...).

Each module holds `MESSAGES = {"pl": {...}, "en": {...}}`; `web.i18n` merges them with its own,
and a key may be defined once only (`merged` refuses a repeated one).
"""

from __future__ import annotations

import importlib
import pkgutil

Messages = dict[str, dict[str, str]]


def merged(base: Messages) -> Messages:
    """`base` with the messages of every module of this package added."""
    result = {lang: dict(texts) for lang, texts in base.items()}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for lang, texts in getattr(module, "MESSAGES", {}).items():
            repeated = result.setdefault(lang, {}).keys() & texts.keys()
            if repeated:
                raise ValueError(f"{module.__name__} defines again: {sorted(repeated)}")
            result[lang].update(texts)
    return result
