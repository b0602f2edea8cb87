"""What the words of a query were understood to mean, for the page and the API (issue 13).

`search.understanding` reads "darmowe" as the free-of-charge filter, "zdalnie" as online,
"ogrodnik" as also the field of horticulture. The page repeats each understanding above the
results as a chip ("„darmowe” → tylko bezpłatne ✕") whose link is the same search with that
meaning taken literally: `dosl=<key>` (`LITERAL_PARAM`, repeatable; `dosl=1` takes every word
literally), without the page number. An understanding the person's own filter overruled has no
chip: their chip already shows what applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from starlette.datastructures import QueryParams

from search.interface import LITERALLY, Understanding
from search.understanding import meanings
from web.i18n import Translator
from web.schemas import UnderstoodWords
from web.search_links import SEARCH_PATH, filled, url_with

LITERAL_PARAM = "dosl"  # "dosłownie": take these words literally
ALL_LITERALLY = "1"  # `dosl=1`: every word


@dataclass(frozen=True)
class UnderstoodChip:
    """A chip of `templates/_chips.html`: its link takes the words literally."""

    label: str
    remove_url: str
    remove_label: str
    kind: str = "understood"


def literal_keys(values: Iterable[str]) -> tuple[str, ...]:
    """`Query.literal` from the `dosl` values: known meaning keys, or everything for `1`;
    unknown values are left out (a link from an older table names nothing now)."""
    known = {m.key for m in meanings()}
    wanted = {v.strip() for v in values}
    if wanted & {ALL_LITERALLY, LITERALLY}:
        return (LITERALLY,)
    return tuple(sorted(wanted & known))


def literal_url(params: QueryParams, key: str) -> str:
    """The same search with the meaning `key` taken literally, from its first page."""
    items = [(k, v) for k, v in filled(params.multi_items()) if k != "page"]
    if (LITERAL_PARAM, key) not in items:
        items.append((LITERAL_PARAM, key))
    return url_with(SEARCH_PATH, items)


def understood_chips(
    understood: Sequence[Understanding], params: QueryParams, lang: str
) -> list[UnderstoodChip]:
    t = Translator(lang)
    return [
        UnderstoodChip(
            t("understood.chip", words=u.words, meaning=u.label(lang)),
            literal_url(params, u.key),
            t("understood.remove"),
        )
        for u in understood
        if u.applied
    ]


def understood_words(understood: Sequence[Understanding], lang: str) -> list[UnderstoodWords]:
    """The API's account of what was understood."""
    return [
        UnderstoodWords(
            key=u.key,
            kind=u.kind,
            words=u.words,
            label=u.label(lang),
            filters={name: list(v) if isinstance(v, tuple) else v for name, v in u.filters.items()},
            fields=list(u.fields),
            applied=u.applied,
            literal=f"{LITERAL_PARAM}={u.key}",
        )
        for u in understood
    ]
