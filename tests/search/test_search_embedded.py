"""What only the embedded (tantivy) backend promises: its folder, processes and failures."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from search.backends import BackendNotAvailable, get_backend
from search.interface import Query, SearchUnavailable
from search.settings import SearchSettings
from search.tantivy import EmbeddedBackend
from search.tantivy.store import POINTER
from tests.search.search_support import OFFERS, offer

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def generations(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def test_a_commit_in_another_process_is_seen_without_reopening(tmp_path: Path) -> None:
    root = tmp_path / "index"
    reader = EmbeddedBackend(root)
    assert reader.count() == 0
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from search.tantivy import EmbeddedBackend\n"
        "EmbeddedBackend(Path(sys.argv[1])).index(json.loads(sys.stdin.read()))\n"
    )
    for batch, expected in ((OFFERS[:5], 5), (OFFERS[5:], len(OFFERS))):
        subprocess.run(
            [sys.executable, "-c", script, str(root)],
            input=json.dumps(batch),
            text=True,
            check=True,
            cwd=PROJECT_ROOT,
            timeout=60,
        )
        assert reader.count() == expected
    assert reader.search(Query(text="spawanie")).hits[0].id == 2


def test_a_rebuild_leaves_one_generation_and_points_at_it(tmp_path: Path) -> None:
    root = tmp_path / "index"
    backend = EmbeddedBackend(root)
    backend.index(OFFERS)
    backend.rebuild(OFFERS[:3])
    backend.rebuild(OFFERS[:4])
    assert generations(root) == [(root / POINTER).read_text()]
    assert backend.count() == 4


def test_a_failed_rebuild_keeps_the_live_index(tmp_path: Path) -> None:
    root = tmp_path / "index"
    backend = EmbeddedBackend(root)
    backend.index(OFFERS)
    before = generations(root)

    def broken() -> Iterator[dict[str, Any]]:
        yield OFFERS[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(broken())
    assert generations(root) == before
    assert backend.count() == len(OFFERS)
    backend.index([offer(99, "Kurs po awarii")])  # the writer lock was released
    assert backend.count() == len(OFFERS) + 1


def test_a_document_without_an_integer_id_is_refused_before_writing(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(OFFERS[:2])
    bad = dict(OFFERS[2], id=None)
    with pytest.raises(ValueError, match="integer id"):
        backend.index([OFFERS[3], bad])
    assert backend.count() == 2


def test_an_index_of_another_schema_version_is_unavailable_until_rebuilt(tmp_path: Path) -> None:
    root = tmp_path / "index"
    EmbeddedBackend(root).index(OFFERS)
    live = root / (root / POINTER).read_text()
    live.rename(root / ("v0" + live.name[2:]))
    (root / POINTER).write_text("v0" + live.name[2:])
    backend = EmbeddedBackend(root)
    # Unavailable, not empty: health says so and the index writer rebuilds it.
    with pytest.raises(SearchUnavailable, match="another schema version"):
        backend.count()
    with pytest.raises(SearchUnavailable, match="another schema version"):
        backend.index(OFFERS[:1])
    backend.rebuild(OFFERS[:2])
    assert backend.count() == 2


def test_an_unknown_filter_facet_or_sort_is_a_programming_error(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(OFFERS[:1])
    for query in (Query(filters={"city": ("x",)}), Query(facets=("city",)), Query(sort="name")):
        with pytest.raises(ValueError):
            backend.search(query)


def test_the_settings_choose_the_backend(tmp_path: Path) -> None:
    backend = get_backend(SearchSettings(backend="embedded", index_dir=tmp_path / "ix"))
    assert isinstance(backend, EmbeddedBackend)
    with pytest.raises(BackendNotAvailable, match="MEILI_URL"):
        get_backend(SearchSettings(backend="meilisearch", meili_url=None))
    with pytest.raises(BackendNotAvailable, match="unknown"):
        get_backend(SearchSettings(backend="elastic"))
