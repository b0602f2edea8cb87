"""A search document (`search.documents`) as a Meilisearch document, and back.

The search document is sent as it is (`id` is the primary key), plus *derived* fields that only
Meilisearch reads and that are taken off again before a hit reaches `Hit.document`:

- folded text (`title_text` …): Meilisearch folds `ą`→`a` but not `ł`→`l` (charabia has no rule
  for it), so the text is sent folded by our analyser, as queries are; every searched field
  begins with `ANCHOR` (see below);
- `title_lemmas`/`body_lemmas` and `title_keys`/`body_keys`: the analyser's canonical tokens and
  other keys (see `search.meili.text`), since Meilisearch does not stem;
- `<field>_day` for every date field a filter reads (ISO dates become days since 1970, which
  range filters compare as numbers);
- `point_keys` (`search.geo`), so a distance filter is exact for offers held in several
  places, and `_geo`, one point (the first), which only `sort=distance` uses: Meilisearch keeps
  one point per document, so an offer held in several towns sorts by its first one;
- `start_day` and `price_key`, the sort keys of the embedded backend (no date or price sorts
  last), with `id` as the final tie-break.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from search.conditions import day_number
from search.filters import BY_NAME, FILTERS
from search.geo import point_key
from search.meili.text import folded, lemmas_and_keys
from search.understanding import FIELD_PREFIX, field_keys

TITLE_TEXT = "title_text"
TITLE_LEMMAS = "title_lemmas"
TITLE_KEYS = "title_keys"
QUALIFICATION_TEXT = "qualification_text"
PROVIDER_TEXT = "provider_text"
PLACE_TEXT = "place_text"
DESCRIPTION_TEXT = "description_text"
BODY_LEMMAS = "body_lemmas"
BODY_KEYS = "body_keys"
TAGS_TEXT = "tags_text"
START_DAY = "start_day"
PRICE_KEY = "price_key"
POINT_KEYS = "point_keys"
GEO = "_geo"
DAY_SUFFIX = "_day"

# The first word of every searched field. Meilisearch's `exactness` rule first puts documents
# whose field *starts with* the query above the others ("Florystyka: florystyka ślubna" above
# "Kurs florystyki" for `florystyka`), which the embedded ranking does not; behind the anchor no
# field starts with a query, and the rule only ranks exact words above synonyms, as the embedded
# backend does. Nobody searches for it: Polish has no `q` (a query of it would list everything).
ANCHOR = "qxqanchor"
FIELD_TOKEN = "qxqf"  # the start of a field token (`field_token`)
NO_START_DAY = 99_999  # offers without an upcoming edition sort after every date (year 2243)
PRICE_CAP = 10**8  # grosze (1 000 000 zł); dearer prices sort as this, unknown ones after it

DATE_FIELDS = frozenset(f.field for f in FILTERS if f.field_type == "date")
POINT_FIELDS = frozenset(f.field for f in FILTERS if f.field_type == "points")
DERIVED = frozenset(
    {
        TITLE_TEXT, TITLE_LEMMAS, TITLE_KEYS, QUALIFICATION_TEXT, PROVIDER_TEXT, PLACE_TEXT,
        DESCRIPTION_TEXT, BODY_LEMMAS, BODY_KEYS, TAGS_TEXT, START_DAY, PRICE_KEY, POINT_KEYS,
        GEO, *(f + DAY_SUFFIX for f in DATE_FIELDS),
    }
)  # fmt: skip
# What Meilisearch adds to a hit.
RESPONSE_FIELDS = frozenset({"_formatted", "_rankingScore", "_geoDistance", "_federation"})


def field_token(key: str) -> str:
    """A field key (`f_0812`) as one token of letters (`qxqfaibc`): Meilisearch's tokenizer
    would split the key at `_` and letters from digits; nobody types it."""
    code = key.removeprefix(FIELD_PREFIX)
    return FIELD_TOKEN + "".join("abcdefghij"[int(digit)] for digit in code)


def filter_field(field: str) -> str:
    """The Meilisearch attribute a filter on a search-document field reads."""
    return field + DAY_SUFFIX if field in DATE_FIELDS else field


def to_meili(document: Mapping[str, Any]) -> dict[str, Any]:
    """The Meilisearch document of a search document."""
    doc_id = document.get("id")
    if not isinstance(doc_id, int) or isinstance(doc_id, bool) or doc_id < 0:
        raise ValueError(f"a search document needs a non-negative integer id: {doc_id!r}")
    clash = DERIVED & document.keys()
    if clash:
        raise ValueError(f"search document fields clash with Meilisearch fields: {sorted(clash)}")
    texts = _texts(document)
    body = " ".join(text for name, text in texts.items() if name != TITLE_TEXT)
    title_lemmas, title_keys = lemmas_and_keys(texts[TITLE_TEXT])
    body_lemmas, body_keys = lemmas_and_keys(body)
    searched = {name: folded(text) for name, text in texts.items()}
    searched.update({TITLE_LEMMAS: title_lemmas, TITLE_KEYS: title_keys})
    searched.update({BODY_LEMMAS: body_lemmas, BODY_KEYS: body_keys})
    out = dict(document)
    out.update({name: f"{ANCHOR} {text}" for name, text in searched.items()})
    out[START_DAY] = _start_day(document.get("next_start"))
    out[PRICE_KEY] = _price_key(document.get("price_min_grosze"))
    for field in DATE_FIELDS:
        out[field + DAY_SUFFIX] = _days(document.get(field))
    points = [p for field in sorted(POINT_FIELDS) for p in document.get(field) or ()]
    out[POINT_KEYS] = sorted({point_key(float(p[0]), float(p[1])) for p in points})
    if points:
        out[GEO] = {"lat": float(points[0][0]), "lng": float(points[0][1])}
    return out


def from_hit(hit: Mapping[str, Any]) -> dict[str, Any]:
    """The search document of a hit: what was sent, without the derived fields."""
    return {k: v for k, v in hit.items() if k not in DERIVED and k not in RESPONSE_FIELDS}


def _texts(document: Mapping[str, Any]) -> dict[str, str]:
    # The same groups the embedded backend indexes (search.tantivy.schema).
    tagged = [BY_NAME["kind"], BY_NAME["form"]]
    tags = [spec.display(v) for spec in tagged for v in _values(spec.field, document)]
    # The offer's fields of education as tokens a field word of a query reaches through the
    # synonyms (`search.meili.settings.synonyms`; `search.understanding`).
    tags += [field_token(key) for key in field_keys(document)]
    qualification = ("qualification_code", "qualification_name", "occupation")
    return {
        TITLE_TEXT: _text(document.get("title")),
        QUALIFICATION_TEXT: " ".join(_text(document.get(k)) for k in qualification),
        PROVIDER_TEXT: _text(document.get("provider")),
        PLACE_TEXT: " ".join(_text(t) for t in document.get("towns") or ()),
        # Who the offer is for ("Osoby bezrobotne") is searched with its description.
        DESCRIPTION_TEXT: " ".join(
            t for t in (_text(document.get("description")), _text(document.get("audience"))) if t
        ),
        TAGS_TEXT: " ".join(tags),
    }


def _values(field: str, document: Mapping[str, Any]) -> list[str]:
    raw = document.get(field)
    items = raw if isinstance(raw, list | tuple) else [raw]
    return [str(v) for v in items if v not in (None, "")]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _start_day(value: Any) -> int:
    return day_number(date.fromisoformat(str(value))) if value else NO_START_DAY


def _price_key(value: Any) -> int:
    return PRICE_CAP + 1 if value is None else min(max(int(value), 0), PRICE_CAP)


def _days(value: Any) -> list[int] | int | None:
    if value is None or value == "":
        return None
    if isinstance(value, list | tuple):
        return sorted({_day(v) for v in value if v})
    return _day(value)


def _day(value: Any) -> int:
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return day_number(day)
