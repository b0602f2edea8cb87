"""A re-user's mirror of the catalogue, kept in step through `GET /api/v1/changes`.

A small client as a re-user would write one: it keeps every current offer (the JSON of shape
version 1) in its own SQLite database, with the cursor to ask from next time. Each run asks for
the changes after the cursor until `more` is false: a created or changed offer is written, a
withdrawn one removed.

    python scripts/mirror_catalogue.py https://katalog.example.org mirror.sqlite3

It needs nothing beyond the standard library (tests/web/test_reuse.py runs it through the app).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

Fetch = Callable[[str], dict[str, Any]]  # path and query -> the JSON answer


def open_mirror(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE IF NOT EXISTS offer (id INTEGER PRIMARY KEY, json TEXT NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.commit()
    return db


def sync(db: sqlite3.Connection, fetch: Fetch, limit: int = 100) -> int:
    """Apply every change after the stored cursor; how many changes were applied."""
    found = db.execute("SELECT value FROM state WHERE name = 'cursor'").fetchone()
    cursor = found[0] if found else None
    applied = 0
    while True:
        query = {"limit": str(limit), **({"cursor": cursor} if cursor else {})}
        answer = fetch("/api/v1/changes?" + urllib.parse.urlencode(query))
        for change in answer["changes"]:
            if change["change"] == "withdrawn":
                db.execute("DELETE FROM offer WHERE id = ?", (change["id"],))
            else:
                db.execute(
                    "INSERT OR REPLACE INTO offer (id, json) VALUES (?, ?)",
                    (change["id"], json.dumps(change["offer"], sort_keys=True)),
                )
            applied += 1
        cursor = answer["cursor"]
        db.execute("INSERT OR REPLACE INTO state (name, value) VALUES ('cursor', ?)", (cursor,))
        db.commit()  # a run stopped half-way goes on from here next time
        if not answer["more"]:
            return applied


def mirrored(db: sqlite3.Connection) -> dict[int, dict[str, Any]]:
    return {row[0]: json.loads(row[1]) for row in db.execute("SELECT id, json FROM offer")}


def http_fetch(base_url: str) -> Fetch:
    def fetch(path: str) -> dict[str, Any]:
        request = urllib.request.Request(base_url.rstrip("/") + path)
        with urllib.request.urlopen(request, timeout=60) as response:
            answer: dict[str, Any] = json.load(response)
            return answer

    return fetch


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    db = open_mirror(argv[2])
    applied = sync(db, http_fetch(argv[1]))
    print(f"{applied} changes applied; {len(mirrored(db))} offers in the mirror")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
