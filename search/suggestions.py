"""What search-as-you-type suggests, the same for every backend.

A backend finds the qualifications and titles the typed words match in its index; what it
suggests is then put together here: places whose name the last words begin (`place_suggestions`,
which needs no index, only where offers are held), a qualification from a document's fields
(`qualification_suggestion`), and the order of the list (`chosen`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from catalogue.polish import fold, words
from search.filters import get_filter
from search.interface import Suggestion
from search.query_places import known_places
from search.spelling import edit_distance

MAX_PLACES = 2
MAX_QUALIFICATIONS = 3
_LONGEST_PLACE = 3  # words of the longest place name a prefix may span ("kostrzyn nad o")


def place_suggestions(text: str, held: Callable[[str], bool], limit: int) -> list[Suggestion]:
    """Places whose name the last words of `text` begin (`kurs ża` → Żary, Żagań), with one
    typo allowed from 5 letters; only places in powiats where `held(powiat)`."""
    typed = [m.group() for m in words(text)]
    held_powiats: dict[str, bool] = {}
    for size in range(min(_LONGEST_PLACE, len(typed)), 0, -1):  # "zielona g" is not Gorzów
        head, tail = typed[:-size], " ".join(w.lower() for w in typed[-size:])
        # Typed Polish letters count ("ża" is Żary, not Zabór); typed without them, all fold.
        by_letters = tail != fold(tail)
        found: dict[str, tuple[tuple[int, int, str], Suggestion]] = {}
        for place in known_places():
            typos = _prefix_typos(tail, place.name.lower() if by_letters else place.folded)
            if typos is None:
                continue
            if place.powiat not in held_powiats:
                held_powiats[place.powiat] = held(place.powiat)
            if not held_powiats[place.powiat]:
                continue
            powiat = get_filter("powiat").display(place.powiat)
            detail = "" if place.name == powiat else powiat
            suggestion = Suggestion("place", place.name, " ".join([*head, place.name]), detail)
            found[place.name] = ((typos, place.rank, place.folded), suggestion)
        if found:
            return [s for _, s in sorted(found.values(), key=lambda item: item[0])][:limit]
    return []


def _prefix_typos(typed: str, name: str) -> int | None:
    """0 when `name` begins with `typed`, 1 when it does with one typo, else None."""
    if name.startswith(typed):
        return 0
    if len(typed) < 5:
        return None
    lengths = (len(typed) - 1, len(typed), len(typed) + 1)
    near = any(edit_distance(typed, name[:n], 1) <= 1 for n in lengths if n <= len(name))
    return 1 if near else None


def qualification_suggestion(document: Mapping[str, Any]) -> Suggestion | None:
    """The qualification of a search document (code and name, the occupation beside them);
    None when it names none."""
    code, name = document.get("qualification_code") or "", document.get("qualification_name") or ""
    if not (code or name):
        return None
    text = f"{code} {name}".strip()
    return Suggestion("qualification", text, code or name, document.get("occupation") or "")


def chosen(suggestions: Iterable[Suggestion], limit: int) -> list[Suggestion]:
    """The first `limit` suggestions in the given order (places, qualifications, titles), no
    text twice: `Żary` the place and a title `żary` are one suggestion, the place."""
    first: dict[str, Suggestion] = {}
    for suggestion in suggestions:
        first.setdefault(fold(suggestion.text), suggestion)
    return list(first.values())[:limit]
