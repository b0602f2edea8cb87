"""The tantivy schema of the embedded backend and how a search document fills it.

Text is analysed in Python (`catalogue.polish`) and handed to tantivy already folded and split,
with the whitespace tokenizer: the index and the query then use one and the same analyser, and
no process has to register a custom tokenizer before it can open the index.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache
from typing import Any

import tantivy

from catalogue.polish import tokens, word_keys, words
from search.conditions import day_number
from search.filters import BY_NAME, FILTERS, TERM_FILTERS, FlagFilter
from search.geo import point_key
from search.synonyms import document_synonym_keys
from search.tantivy.rank import START_WEIGHT, start_weight
from search.understanding import audience_marks, field_keys

# Bump when the schema below changes: an index of another version is ignored until rebuilt.
# 2: fields of every filter kind (numbers, dates as days, point keys), value sets of facets.
# 3: `start_weight` (search.tantivy.rank), synonym keys in the morph fields (search.synonyms).
# 4: `words` (search.tantivy.query.match_query).
# 5: facet columns are dense (`MISSING`, `NO_DAY`).
# 6: field keys in `body_m`, the audience with the description (search.understanding).
# 7: audience marks in `body_m` (search.understanding.audience_marks).
SCHEMA_VERSION = 7

ID = "id"
STORED = "doc"  # the whole search document as JSON, returned as `Hit.document`
# Surface fields: folded words, for exact, fuzzy and prefix matching.
TITLE = "title"
DESCRIPTION = "description"
PROVIDER = "provider"
QUALIFICATION = "qualification"  # code, name and occupation of the qualification
PLACE = "place"  # towns, so that `zielona gora` finds offers held there
TAGS = "tags"  # the Polish names of the kind and form, so that `kurs online` means something
SURFACE_FIELDS = (TITLE, DESCRIPTION, PROVIDER, QUALIFICATION, PLACE, TAGS)
# Morph fields: stem and lemma keys (`catalogue.polish`) and synonym keys (`analyse_document`).
TITLE_M = "title_m"
BODY_M = "body_m"  # everything but the title
# Every surface word but the tags, once more: one fuzzy or prefix query finds a word anywhere
# (`search.tantivy.query.match_query`), where ranking needs one per field.
WORDS = "words"
# Sort keys: the sort value and the id packed into one integer, so that one fast field gives a
# total order with stable ties (`2026-03-01`, id 7 → 20513 * ID_SPACE + 7).
SORT_START = "sort_start"
SORT_PRICE = "sort_price"

ID_SPACE = 10**10  # ids must be below this
NO_START_DAYS = 99_999  # offers without an upcoming edition sort after every date (year 2243)
PRICE_CAP = 10**8  # grosze (1 000 000 zł); dearer prices sort as this, unknown ones after it


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field(ID, stored=True, indexed=True, fast=True)
    builder.add_bytes_field(STORED, stored=True)
    for name in (*SURFACE_FIELDS, TITLE_M, BODY_M, WORDS):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    for name, field_type in filter_fields().items():
        FIELD_BUILDERS[field_type](builder, name)
    for name in VALUE_SETS.values():
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    builder.add_integer_field(SORT_START, fast=True)
    builder.add_integer_field(SORT_PRICE, fast=True)
    builder.add_float_field(START_WEIGHT, fast=True)
    return builder.build()


@cache
def shared_schema() -> tantivy.Schema:
    """One schema object for query building where no index is at hand (all are alike)."""
    return build_schema()


def to_tantivy(document: dict[str, Any]) -> tantivy.Document:
    """The tantivy document of a search document (see `search.documents.offer_document`)."""
    doc_id = document.get("id")
    if not isinstance(doc_id, int) or not 0 <= doc_id < ID_SPACE:
        raise ValueError(f"a search document needs an integer id below {ID_SPACE}: {doc_id!r}")
    texts = _texts(document)
    doc = tantivy.Document()
    doc.add_integer(ID, doc_id)
    doc.add_bytes(STORED, json.dumps(document, ensure_ascii=False, default=str).encode())
    surface = {name: " ".join(tokens(text)) for name, text in texts.items()}
    for name, folded in surface.items():
        doc.add_text(name, folded)
    doc.add_text(WORDS, " ".join(v for k, v in surface.items() if k != TAGS))
    doc.add_text(TITLE_M, analyse_document(texts[TITLE]))
    body = analyse_document(" ".join(v for k, v in texts.items() if k != TITLE))
    # The offer's fields of education, which a field word of a query also matches, and the
    # audiences its "who it is for" names (search.understanding).
    marks = [*field_keys(document), *audience_marks(document.get("audience"))]
    doc.add_text(BODY_M, " ".join([body, *marks]))
    for name, field_type in filter_fields().items():
        add_value = VALUE_ADDERS[field_type]
        values = _listed(document.get(name))
        for value in values:
            add_value(doc, name, value)
        if not values and name in DENSE_FIELDS:
            DENSE_FIELDS[name](doc, name)
    for name, set_name in VALUE_SETS.items():
        values = sorted({str(value) for value in _listed(document.get(name))})
        doc.add_text(set_name, VALUE_SEPARATOR.join(values) if values else MISSING)
    doc.add_integer(SORT_START, start_key(document))
    doc.add_integer(SORT_PRICE, price_key(document))
    doc.add_float(START_WEIGHT, start_weight(document))
    return doc


def analyse_document(text: str) -> str:
    """The space-joined keys of every word, for the morph fields, and the key of each synonym
    group whose phrase the text contains (`search.synonyms`)."""
    found = [m.group() for m in words(text)]
    return " ".join([*map(_keys_text, found), *document_synonym_keys(found)])


@lru_cache(maxsize=200_000)
def _keys_text(word: str) -> str:
    return " ".join(sorted(word_keys(word)))


def filter_fields() -> dict[str, str]:
    """Document field -> type, of every field a filter reads (see `search.filters`)."""
    return {spec.field: spec.field_type for spec in FILTERS}


# A multi-valued facet is counted on the set of values each document has, one string per
# document ("0804\x1f0862"), then spread over the values: a terms aggregation over a
# single-valued column is about 3.5 times faster than over a multi-valued one (100k offers,
# 15 powiats: 1.5 ms against 5 ms), and few distinct sets exist.
VALUE_SETS = {f.field: f"{f.field}_set" for f in TERM_FILTERS if f.multi_valued}
VALUE_SEPARATOR = "\x1f"

# Every column a facet aggregates has a value in every document: tantivy aggregates a column
# with gaps about five times slower (100,000 offers, a terms facet: 1.6 ms against 0.3 ms; a
# range: 1.9 against 0.8). A missing string is `MISSING`, which no filter asks for and the
# facets skip; a missing date is `NO_DAY`, before every day a flag compares with.
MISSING = "\x00"
NO_DAY = 0
DENSE_FIELDS: dict[str, Callable[[tantivy.Document, str], object]] = {
    **{
        f.field: lambda d, name: d.add_text(name, MISSING)
        for f in TERM_FILTERS
        if not f.multi_valued
    },
    **{
        f.field: lambda d, name: d.add_integer(name, NO_DAY)
        for f in FILTERS
        if isinstance(f, FlagFilter) and f.field_type == "date"
    },
}

# Each filter field is a fast field: filters and facets read columns, not stored documents.
# Strings keep their exact value (the `raw` tokenizer); dates are days since 1970; points are
# indexed as their keys (`search.geo.point_key`), one term per place.
FIELD_BUILDERS: dict[str, Callable[[tantivy.SchemaBuilder, str], object]] = {
    "string": lambda b, name: b.add_text_field(name, tokenizer_name="raw", fast=True),
    "points": lambda b, name: b.add_text_field(name, tokenizer_name="raw", fast=True),
    "bool": lambda b, name: b.add_boolean_field(name, indexed=True, fast=True),
    "int": lambda b, name: b.add_integer_field(name, indexed=True, fast=True),
    "date": lambda b, name: b.add_integer_field(name, indexed=True, fast=True),
    "float": lambda b, name: b.add_float_field(name, indexed=True, fast=True),
}
VALUE_ADDERS: dict[str, Callable[[tantivy.Document, str, Any], object]] = {
    "string": lambda d, name, v: d.add_text(name, str(v)),
    "points": lambda d, name, v: d.add_text(name, point_key(float(v[0]), float(v[1]))),
    "bool": lambda d, name, v: d.add_boolean(name, bool(v)),
    "int": lambda d, name, v: d.add_integer(name, int(v)),
    "date": lambda d, name, v: d.add_integer(name, day_number(date.fromisoformat(str(v)))),
    "float": lambda d, name, v: d.add_float(name, float(v)),
}


def _listed(value: Any) -> list[Any]:
    """The non-empty values of a document field (a list or a single value)."""
    items = value if isinstance(value, list | tuple) else [value]
    return [item for item in items if item not in (None, "")]


def start_key(document: dict[str, Any]) -> int:
    start = document.get("next_start")
    days = day_number(date.fromisoformat(str(start))) if start else NO_START_DAYS
    return days * ID_SPACE + document["id"]


def price_key(document: dict[str, Any]) -> int:
    price = document.get("price_min_grosze")
    grosze = PRICE_CAP + 1 if price is None else min(max(int(price), 0), PRICE_CAP)
    return grosze * ID_SPACE + document["id"]


def _texts(document: dict[str, Any]) -> dict[str, str]:
    tagged = (BY_NAME["kind"], BY_NAME["form"])
    tags = [spec.display(str(v)) for spec in tagged for v in _listed(document.get(spec.field))]
    return {
        TITLE: _text(document.get("title")),
        # Who the offer is for ("Osoby bezrobotne"): the offer's description says it too.
        DESCRIPTION: " ".join(
            t for t in (_text(document.get("description")), _text(document.get("audience"))) if t
        ),
        PROVIDER: _text(document.get("provider")),
        QUALIFICATION: " ".join(
            _text(document.get(k))
            for k in ("qualification_code", "qualification_name", "occupation")
        ),
        PLACE: " ".join(_text(t) for t in document.get("towns") or ()),
        TAGS: " ".join(tags),
    }


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
