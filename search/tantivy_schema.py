"""The tantivy schema of the embedded backend and how a search document fills it.

Text is analysed in Python (`search.polish`) and handed to tantivy already folded and split,
with the whitespace tokenizer: the index and the query then use one and the same analyser, and
no process has to register a custom tokenizer before it can open the index.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import tantivy

from search.filters import BY_NAME, FILTERS
from search.polish import analyse_document, tokens

# Bump when the schema below changes: an index of another version is ignored until rebuilt.
SCHEMA_VERSION = 1

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
# Morph fields: stem and lemma keys (`search.polish`).
TITLE_M = "title_m"
BODY_M = "body_m"  # everything but the title
# Sort keys: the sort value and the id packed into one integer, so that one fast field gives a
# total order with stable ties (`2026-03-01`, id 7 → 20513 * ID_SPACE + 7).
SORT_START = "sort_start"
SORT_PRICE = "sort_price"

ID_SPACE = 10**10  # ids must be below this
NO_START_DAYS = 99_999  # offers without an upcoming edition sort after every date (year 2243)
PRICE_CAP = 10**8  # grosze (1 000 000 zł); dearer prices sort as this, unknown ones after it
_EPOCH = date(1970, 1, 1)


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field(ID, stored=True, indexed=True, fast=True)
    builder.add_bytes_field(STORED, stored=True)
    for name in (*SURFACE_FIELDS, TITLE_M, BODY_M):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    for spec in FILTERS:
        builder.add_text_field(spec.field, tokenizer_name="raw", fast=True)
    builder.add_integer_field(SORT_START, fast=True)
    builder.add_integer_field(SORT_PRICE, fast=True)
    return builder.build()


def to_tantivy(document: dict[str, Any]) -> tantivy.Document:
    """The tantivy document of a search document (see `search.documents.offer_document`)."""
    doc_id = document.get("id")
    if not isinstance(doc_id, int) or not 0 <= doc_id < ID_SPACE:
        raise ValueError(f"a search document needs an integer id below {ID_SPACE}: {doc_id!r}")
    texts = _texts(document)
    doc = tantivy.Document()
    doc.add_integer(ID, doc_id)
    doc.add_bytes(STORED, json.dumps(document, ensure_ascii=False, default=str).encode())
    for name, text in texts.items():
        doc.add_text(name, " ".join(tokens(text)))
    doc.add_text(TITLE_M, analyse_document(texts[TITLE]))
    doc.add_text(BODY_M, analyse_document(" ".join(v for k, v in texts.items() if k != TITLE)))
    for spec in FILTERS:
        for value in spec.values(document):
            doc.add_text(spec.field, value)
    doc.add_integer(SORT_START, start_key(document))
    doc.add_integer(SORT_PRICE, price_key(document))
    return doc


def start_key(document: dict[str, Any]) -> int:
    start = document.get("next_start")
    days = (date.fromisoformat(str(start)) - _EPOCH).days if start else NO_START_DAYS
    return days * ID_SPACE + document["id"]


def price_key(document: dict[str, Any]) -> int:
    price = document.get("price_min_grosze")
    grosze = PRICE_CAP + 1 if price is None else min(max(int(price), 0), PRICE_CAP)
    return grosze * ID_SPACE + document["id"]


def _texts(document: dict[str, Any]) -> dict[str, str]:
    tagged = (BY_NAME["kind"], BY_NAME["form"])
    tags = [spec.display(v) for spec in tagged for v in spec.values(document)]
    return {
        TITLE: _text(document.get("title")),
        DESCRIPTION: _text(document.get("description")),
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
