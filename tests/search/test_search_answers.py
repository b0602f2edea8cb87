"""The embedded backend keeps recent answers: never one the index has moved on from."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from search.conditions import Range
from search.interface import Query
from search.tantivy import EmbeddedBackend
from search.tantivy.answers import Answers, query_key
from tests.search.search_support import OFFERS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SPAWANIE = Query(text="spawanie", facets=("powiat",))


def titles(backend: EmbeddedBackend, query: Query) -> list[str]:
    return [hit.document["title"] for hit in backend.search(query).hits]


def test_an_answer_asked_again_is_the_same(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(OFFERS)
    first, again = backend.search(SPAWANIE), backend.search(SPAWANIE)
    assert [h.id for h in again.hits] == [h.id for h in first.hits] and again.hits
    assert (again.total, again.facets) == (first.total, first.facets)
    assert backend.suggest("spaw") == backend.suggest("spaw") != []


def test_a_commit_in_this_process_replaces_kept_answers(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(OFFERS)
    before = titles(backend, SPAWANIE)
    suggested = backend.suggest("spaw")
    renamed = {**OFFERS[1], "title": "Spawanie TIG dla zaawansowanych"}
    backend.index([renamed])
    assert "Spawanie TIG dla zaawansowanych" in titles(backend, SPAWANIE)
    assert "Spawanie TIG dla zaawansowanych" not in before
    assert backend.suggest("spaw") != suggested
    backend.delete([renamed["id"]])
    assert renamed["id"] not in [h.id for h in backend.search(SPAWANIE).hits]


def test_a_commit_in_another_process_replaces_kept_answers(tmp_path: Path) -> None:
    root = tmp_path / "index"
    reader = EmbeddedBackend(root)
    reader.index(OFFERS)
    assert reader.search(SPAWANIE).total > 0
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from search.tantivy import EmbeddedBackend\n"
        "EmbeddedBackend(Path(sys.argv[1])).delete(\n"
        "    [h.id for h in EmbeddedBackend(Path(sys.argv[1])).search(\n"
        "        __import__('search.interface').interface.Query(text='spawanie', per_page=100)\n"
        "    ).hits]\n"
        ")\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(root)], check=True, cwd=PROJECT_ROOT, timeout=60
    )
    assert reader.search(SPAWANIE).total == 0


def test_a_rebuild_replaces_kept_answers(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(OFFERS)
    assert backend.search(SPAWANIE).total > 0
    backend.rebuild([o for o in OFFERS if "spaw" not in json.dumps(o, ensure_ascii=False)])
    assert backend.search(SPAWANIE).total == 0


def test_the_day_is_part_of_the_question() -> None:
    today = date(2026, 12, 7)
    assert query_key(SPAWANIE, today) != query_key(SPAWANIE, date(2026, 12, 8))
    assert query_key(SPAWANIE, today) == query_key(replace(SPAWANIE), today)
    assert query_key(replace(SPAWANIE, page=2), today) != query_key(SPAWANIE, today)
    priced = Query(filters={"price": Range(0, 1000), "powiat": ("0811",)})
    assert query_key(priced, today) is not None
    # A value that cannot be a key (a list) is answered but not kept.
    assert query_key(Query(filters={"powiat": ["0811"]}), today) is None


def test_answers_are_bounded_and_belong_to_one_version() -> None:
    answers: Answers[str] = Answers(size=2)
    for key in ("a", "b", "c"):
        assert answers.get(1, key) is None  # asked first, as the backend does
        answers.put(1, key, key.upper())
    assert answers.get(1, "a") is None  # the least recently used went first
    assert answers.get(1, "c") == "C"
    assert answers.get(2, "c") is None  # another version: everything kept is dropped
    answers.put(1, "late", "computed on version 1")  # finished after the index moved on
    assert answers.get(2, "late") is None


def test_every_field_of_the_query_is_part_of_the_question() -> None:
    today = date(2026, 12, 7)
    for field in dataclasses.fields(Query):  # a field added to Query later too
        other = replace(SPAWANIE, **{field.name: object()})
        assert query_key(other, today) != query_key(SPAWANIE, today), field.name
    one = Query(filters={"powiat": ("0811",), "free": True})
    other = Query(filters={"free": True, "powiat": ("0811",)})
    assert query_key(one, today) == query_key(other, today)  # the filters' order is no matter


def test_an_offer_indexed_after_a_search_is_found_by_the_same_search(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(OFFERS)
    asked = Query(text="fotowoltaika", facets=("kind",))
    assert backend.search(asked).total == 0  # an answer kept for the next asker
    backend.index([{**OFFERS[0], "id": 9_999, "title": "Fotowoltaika dla instalatorów"}])
    again = backend.search(asked)
    assert [hit.id for hit in again.hits] == [9_999] and again.facets["kind"]
