"""The sample content, read from the data files and re-read when they change.

`data/bur_uslugi.json` holds BUR service records, `data/kkz_<slug>.json` one KKZ institution's
site, `data/jsonld_<slug>.json` one schema.org site. Tests point the server at their own copies
and edit them between crawls, so the files are re-read whenever one of them changes.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class SampleData:
    bur: list[dict[str, Any]] = field(default_factory=list)
    kkz: dict[str, dict[str, Any]] = field(default_factory=dict)  # slug -> site
    jsonld: dict[str, dict[str, Any]] = field(default_factory=dict)  # slug -> site

    def bur_record(self, record_id: str) -> dict[str, Any] | None:
        for record in self.bur:
            if isinstance(record, dict) and str(record.get("id")) == record_id:
                return record
        return None

    def jsonld_site_for(self, path: str) -> tuple[str, dict[str, Any], str] | None:
        """The site whose `url_path` prefixes `path`, and the rest of the path."""
        for slug, site in self.jsonld.items():
            prefix = "/" + site_path(site) + "/"
            if path == prefix[:-1] or path.startswith(prefix):
                return slug, site, path[len(prefix) :]
        return None


def site_path(site: dict[str, Any]) -> str:
    return str(site["site"]["url_path"]).strip("/")


def read_data(data_dir: Path) -> SampleData:
    data = SampleData()
    bur_file = data_dir / "bur_uslugi.json"
    if bur_file.exists():
        data.bur = json.loads(bur_file.read_text(encoding="utf-8"))
    for path in sorted(data_dir.glob("kkz_*.json")):
        data.kkz[path.stem.removeprefix("kkz_")] = json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(data_dir.glob("jsonld_*.json")):
        data.jsonld[path.stem.removeprefix("jsonld_")] = json.loads(
            path.read_text(encoding="utf-8")
        )
    return data


class DataStore:
    """Thread-safe access to the sample data, reloaded when a file is added, removed or edited."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._lock = threading.Lock()
        self._stamp: tuple[tuple[str, int, int], ...] | None = None
        self._data = SampleData()

    def get(self) -> SampleData:
        with self._lock:
            stamp = self._current_stamp()
            if stamp != self._stamp:
                self._data = read_data(self.data_dir)
                self._stamp = stamp
            return self._data

    def _current_stamp(self) -> tuple[tuple[str, int, int], ...]:
        files = sorted(self.data_dir.glob("*.json"))
        stats = [(path.name, path.stat()) for path in files]
        return tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)
