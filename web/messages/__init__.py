"""Interface text still written as Python dicts: a fallback on the way into the catalogues.

Every interface text lives in the gettext catalogues `web/locale/<lang>/LC_MESSAGES/messages.po`
(see `web.i18n`). A module here holding `MESSAGES = {"pl": {...}, "en": {...}, "uk": {...}}`
is still merged on top of them, so that a text written the old way works at once, but
`tests/web/test_message_catalogues.py` names every such module: move its texts into the
catalogues with `python scripts/messages_to_po.py`, then delete the module. A key may be
defined once only (`merged` refuses a repeated one).
"""

from __future__ import annotations

import importlib
import pkgutil

Messages = dict[str, dict[str, str]]


def dict_modules() -> list[str]:
    """The modules of this package that still hold a `MESSAGES` dict."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__))
    return [
        f"{__name__}.{name}"
        for name in names
        if getattr(importlib.import_module(f"{__name__}.{name}"), "MESSAGES", None)
    ]


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
