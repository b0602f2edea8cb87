"""How long from a committed catalogue change to the change being searchable on the site.

Builds a catalogue of N offers, serves it with the real web app beside the indexer the
scheduler runs (`operations.indexing.IndexSyncer`, on a backend of its own as in another
process), then changes one offer at a time and polls the API until the new title is found.
Prints p50/p95/max against the target of one second.

    .venv/bin/python benchmarks/index_sync.py [--offers 2000] [--changes 50]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.db import create_all, get_engine
from catalogue.models import Offer
from catalogue.raw import RawEdition, RawOffer
from catalogue.settings import CatalogueSettings
from catalogue.store import CrawlRecorder
from lll.settings import Settings
from operations.indexing import IndexSyncer, rebuild_index
from search.backends import get_backend
from search.settings import SearchSettings
from web.app import create_app

TARGET_SECONDS = 1.0
TOWNS = ("Zielona Góra", "Gorzów Wielkopolski", "Żary", "Nowa Sól", "Świebodzin", "Słubice")
SUBJECTS = ("spawania MAG", "księgowości", "kadr i płac", "języka niemieckiego", "florystyki")


def offer(number: int, title: str | None = None) -> RawOffer:
    subject = SUBJECTS[number % len(SUBJECTS)]
    return RawOffer(
        source="bench",
        external_id=str(number),
        url=f"https://example.org/{number}",
        title=title or f"Kurs {subject} nr {number}",
        provider_name=f"Ośrodek szkoleniowy {number % 40}",
        kind="Kurs",
        editions=[RawEdition(start="2027-03-01", town=TOWNS[number % len(TOWNS)], price="900 zł")],
    )


def store(engine, offers: list[RawOffer]) -> None:
    recorder = CrawlRecorder(engine, "bench")
    recorder.start()
    for raw in offers:
        recorder.add(raw)
    recorder.finish(complete=False)  # a partial run withdraws nothing


def retitle(engine, number: int, title: str) -> float:
    """Change one offer's title in its own transaction; returns the moment of the commit."""
    with Session(engine) as session:
        changed = session.exec(select(Offer).where(Offer.external_id == str(number))).one()
        changed.title = title
        session.commit()
        return time.perf_counter()


def searchable(client: TestClient, marker: str, title: str) -> bool:
    hits = client.get("/api/v1/offers", params={"q": marker}).json()["hits"]
    return any(hit["title"] == title for hit in hits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=2000)
    parser.add_argument("--changes", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lll-sync-bench-"))
    settings = Settings(
        catalogue=CatalogueSettings(database_url=f"sqlite:///{folder / 'catalogue.sqlite3'}"),
        search=SearchSettings(index_dir=folder / "index"),
    )
    engine = get_engine(settings.catalogue.database_url)
    create_all(engine)
    started = time.perf_counter()
    store(engine, [offer(n) for n in range(args.offers)])
    rebuild_index(engine, get_backend(settings.search))
    took = time.perf_counter() - started
    print(f"catalogue of {args.offers} offers stored and indexed in {took:.1f} s")
    delays = []
    indexer = IndexSyncer(engine, get_backend(settings.search)).start()
    with TestClient(create_app(settings)) as client:
        for change in range(args.changes):
            # A random word: no earlier change is within typo or prefix reach of it.
            marker = uuid.uuid4().hex
            number = (change * 37) % args.offers
            title = f"Kurs {marker} nr {number}"
            committed = retitle(engine, number, title)
            while not searchable(client, marker, title):
                if time.perf_counter() - committed > 30:
                    raise SystemExit(f"change {change} not searchable after 30 s")
                time.sleep(0.005)
            delays.append(time.perf_counter() - committed)
    indexer.stop()
    delays.sort()
    p95 = delays[max(0, int(len(delays) * 0.95) - 1)]
    verdict = "PASS" if delays[-1] <= TARGET_SECONDS else "FAIL"
    print(
        f"commit → searchable over {len(delays)} changes: "
        f"p50 {statistics.median(delays) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {delays[-1] * 1000:.0f} ms (target ≤ {TARGET_SECONDS * 1000:.0f} ms: {verdict})"
    )


if __name__ == "__main__":
    main()
