"""The catalogue taken whole and kept in step: exports, their dictionary, the changes feed (and a
re-user's mirror kept by it), the Atom feed of new offers, and an export read back."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import openpyxl
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from catalogue.changes import SETTLE, current_condition
from catalogue.db import create_all, get_engine
from catalogue.feeds.files import read_table
from catalogue.feeds.offers import offers_from_table
from catalogue.models import Institution, Offer, Source
from catalogue.offer_details import with_details
from catalogue.raw import RawEdition, RawOffer
from catalogue.store import CrawlRecorder
from catalogue.uploads import check_file, read_upload
from operations.indexing import rebuild_index
from operations.institution_offers import Actor, set_state
from search.tantivy import EmbeddedBackend
from tests.app_settings import app_settings
from web.api_v1_shape import OfferV1, offer_url_for, offer_v1
from web.app import create_app
from web.reuse_export import HEADER, LICENCE_URL

ROOT = Path(__file__).resolve().parents[2]
START = date.today() + timedelta(days=40)


def _load_mirror_script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "mirror_catalogue", ROOT / "scripts" / "mirror_catalogue.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mirror_script = _load_mirror_script()


def raw(source: str, ext: str, title: str, editions: int = 1, **more: Any) -> RawOffer:
    return RawOffer(
        source=source,
        external_id=ext,
        url=f"https://{source}.example.org/oferta/{ext}",
        title=title,
        description=f"Opis: {title}",
        provider_name=more.pop("provider", "Centrum Kształcenia Lubuskie"),
        kind=more.pop("kind", "kurs"),
        form=more.pop("form", "stacjonarna"),
        duration_hours=more.pop("hours", 40),
        editions=[
            RawEdition(
                start=(START + timedelta(days=30 * i)).isoformat(),
                end=(START + timedelta(days=30 * i + 10)).isoformat(),
                town="Zielona Góra",
                address="ul. Szkolna 1",
                postcode="65-001",
                price=f"{1200 + 100 * i} zł",
                seats=12,
            )
            for i in range(editions)
        ],
        **more,
    )


def crawl(engine: Engine, source: str, offers: list[RawOffer]) -> None:
    recorder = CrawlRecorder(engine, source)
    recorder.start()
    for offer in offers:
        assert recorder.add(offer) != "rejected", offer
    recorder.finish(complete=True)


def current(engine: Engine) -> dict[int, Offer]:
    with Session(engine) as session:
        found = session.exec(with_details(select(Offer).where(current_condition()))).all()
        return {o.id: o for o in found if o.id is not None}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Engine]]:
    root = tmp_path_factory.mktemp("reuse")
    url = f"sqlite:///{root / 'catalogue.sqlite3'}"
    engine = get_engine(url)
    create_all(engine)
    crawl(
        engine,
        "reuse-a",
        [
            raw("reuse-a", "1", "Kurs spawania metodą MAG", editions=2),
            raw("reuse-a", "2", 'Kurs =HYPERLINK("x") obsługi wózków', editions=1),
            raw("reuse-a", "3", "Kurs języka angielskiego online", editions=0, form="online"),
        ],
    )
    rebuild_index(engine, EmbeddedBackend(root / "index"))
    app = create_app(app_settings(url, root / "index"))
    with TestClient(app) as client:
        yield client, engine
    engine.dispose()


def test_the_exports_stream_a_row_per_edition_and_a_line_per_offer(world):
    client, engine = world
    offers = current(engine)
    editions = sum(max(1, len(o.editions)) for o in offers.values())
    answer = client.get("/api/v1/export/offers.csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert f'<{LICENCE_URL}>; rel="license"' in answer.headers["link"]
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == HEADER
    assert len(rows) - 1 == editions == 4
    assert {int(r[0]) for r in rows[1:]} == set(offers)
    titles = {r[1] for r in rows[1:]}
    assert 'Kurs =HYPERLINK("x") obsługi wózków' in titles  # kept: it does not start with =
    answer = client.get("/api/v1/export/offers.jsonl")
    assert answer.headers["content-type"].startswith("application/jsonl")
    assert "license" in answer.headers["link"]
    lines = answer.text.splitlines()
    shaped = [OfferV1.model_validate_json(line) for line in lines]
    assert sorted(o.id for o in shaped) == sorted(offers)
    assert {len(o.editions) for o in shaped} == {0, 1, 2}
    answer = client.get("/api/v1/export/offers.xlsx")
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True)
    sheet = [list(r) for r in workbook["oferty"].iter_rows(values_only=True)]
    assert sheet[0] == HEADER and len(sheet) - 1 == editions
    assert LICENCE_URL in (workbook.properties.description or "")
    assert ["licence_url", LICENCE_URL] in [
        list(r) for r in workbook["licencja"].iter_rows(values_only=True)
    ]


def test_the_dictionary_has_every_column_in_each_language_and_the_licence(world):
    client, _ = world
    answer = client.get("/api/v1/export/dictionary.json")
    data = answer.json()
    assert [c["name"] for c in data["columns"]] == HEADER
    assert data["licence"]["url"] == LICENCE_URL
    for column in data["columns"]:
        assert column["type"] and all(column["meaning"][lang] for lang in ("pl", "en", "uk"))
        assert not column["meaning"]["en"].startswith("reuse.")
    assert set(OfferV1.model_fields) <= set(data["jsonl_schema"]["properties"])
    page = client.get("/dane?lang=en")
    assert page.status_code == 200
    for name in HEADER:
        assert f"<code>{name}</code>" in page.text
    assert 'rel="license"' in page.text and 'href="/kanal.atom"' in page.text


def test_the_atom_feed_of_new_offers_is_linked_from_the_home_page(world):
    client, engine = world
    home = client.get("/")
    assert '<link rel="alternate" type="application/atom+xml"' in home.text
    assert 'href="/kanal.atom"' in home.text
    feed = client.get("/kanal.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert feed.text.count("<entry>") == len(current(engine))
    assert LICENCE_URL in feed.text


def test_an_exported_file_read_back_as_an_institutions_file_gives_the_same_offers(world):
    client, engine = world
    exported = client.get("/api/v1/export/offers.csv").content
    back = offers_from_table(read_table(exported, "text/csv", "oferty.csv"), "re-import")
    assert not back.rejected
    other = get_engine(str(engine.url).replace("catalogue.sqlite3", "reimport.sqlite3"))
    create_all(other)
    crawl(other, "re-import", back.offers)
    originals = {o.id: o for o in current(engine).values()}
    again = {int(o.external_id): o for o in current(other).values()}
    assert set(again) == set(originals)
    for offer_id, offer in originals.items():
        copy = again[offer_id]
        same = ("title", "url", "description", "kind", "form", "language", "duration_hours")
        assert [getattr(copy, f) for f in same] == [getattr(offer, f) for f in same]
        facts = ("start_date", "end_date", "town", "address", "postcode", "price_grosze", "seats")
        assert [[getattr(e, f) for f in facts] for e in copy.editions] == [
            [getattr(e, f) for f in facts] for e in offer.editions
        ]
    other.dispose()
    # The XLSX passes the uploads' check: every offer publishable, none refused.
    workbook = client.get("/api/v1/export/offers.xlsx").content
    checked = check_file(read_upload(workbook, "oferty.xlsx"), date.today())
    assert checked.file.format == "xlsx"
    assert not checked.error_rows
    assert {int(o.external_id) for o in checked.publishable()} == set(originals)


# --- the changes feed -------------------------------------------------------------------------


def _comparable(offer: dict[str, Any]) -> dict[str, Any]:
    """What the mirror must agree on: all but when a crawl last checked it (a check is no
    change, so the feed does not send it)."""
    left_out = {"last_verified", "listings"}
    return {k: v for k, v in offer.items() if k not in left_out}


def test_a_mirror_kept_by_the_changes_feed_matches_the_catalogue(tmp_path):
    url = f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    engine = get_engine(url)
    create_all(engine)
    app = create_app(app_settings(url, tmp_path / "index"))
    client = TestClient(app)
    mirror = mirror_script.open_mirror(str(tmp_path / "mirror.sqlite3"))

    def fetch(path: str) -> dict[str, Any]:
        answer = client.get(path)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def in_step() -> int:
        time.sleep(SETTLE.total_seconds() + 0.1)  # the feed leaves the last moments out
        applied = mirror_script.sync(mirror, fetch, limit=2)  # small pages: several per sync
        offer_url = offer_url_for(app.state.services.settings.catalogue.public_url)
        expected = {
            i: _comparable(json.loads(offer_v1(o, offer_url).model_dump_json()))
            for i, o in current(engine).items()
        }
        got = {i: _comparable(o) for i, o in mirror_script.mirrored(mirror).items()}
        assert got == expected
        return applied

    a = [
        raw("mirror-a", str(i), f"Kurs numer {i} w Zielonej Górze", hours=10 + i) for i in range(5)
    ]
    crawl(engine, "mirror-a", a)
    assert in_step() == 5
    # Changed, withdrawn at its source, and checked again without a change.
    between = datetime.now(UTC)
    a[0] = raw("mirror-a", "0", "Kurs numer 0 – nowa edycja programu", hours=10)
    crawl(engine, "mirror-a", a[:4])
    assert in_step() == 2  # the three only checked again are no change
    since = fetch("/api/v1/changes?" + urlencode({"since": between.isoformat()}))
    said = {c["offer"]["title"] if c["offer"] else c["id"]: c for c in since["changes"]}
    assert [c["change"] for c in said.values()] == ["changed", "withdrawn"]
    assert list(said.values())[1]["reason"] == "withdrawn" and not since["more"]
    assert client.get("/api/v1/changes?cursor=not-ours").status_code == 422
    # An institution's own record of offer 1 arrives: it heads the cluster, and the crawled
    # copy stops being current (a duplicate).
    with Session(engine) as session:
        institution = Institution(name="Centrum Kształcenia Lubuskie", key="ckl")
        session.add(institution)
        session.flush()
        session.add(Source(name="panel-ckl", institution_id=institution.id))
        session.commit()
    own = raw("panel-ckl", "own-1", "Kurs numer 1 w Zielonej Górze", hours=11)
    crawl(engine, "panel-ckl", [own])
    with Session(engine) as session:
        copy = session.exec(select(Offer).where(Offer.external_id == "1")).one()
        assert copy.canonical_id is not None  # the duplicate was found
    assert in_step() >= 2
    assert len(mirror_script.mirrored(mirror)) == 4  # 0, 2, 3 and the institution's own
    # The institution archives its record (its panel's operation): the crawled copy is the
    # offer's record again.
    with Session(engine) as session:
        mine = session.exec(select(Offer).where(Offer.external_id == "own-1")).one()
        set_state(session, mine, Actor(None, None, "form"), "archive")
    assert in_step() >= 2
    assert {o["title"] for o in mirror_script.mirrored(mirror).values()} == {
        "Kurs numer 0 – nowa edycja programu",
        "Kurs numer 1 w Zielonej Górze",
        "Kurs numer 2 w Zielonej Górze",
        "Kurs numer 3 w Zielonej Górze",
    }
    client.close()
    engine.dispose()


def test_head_of_an_export_answers_its_headers_without_reading_the_catalogue(
    tmp_path: Path,
) -> None:
    # A database without the catalogue's tables: any export that reads it fails.
    settings = app_settings(f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path / "index")
    exports = {
        "/api/v1/export/offers.csv": "text/csv",
        "/api/v1/export/offers.jsonl": "application/jsonl",
        "/api/v1/export/offers.xlsx": "application/vnd.openxmlformats",
        "/api/v1/export/elm.jsonld": "application/ld+json",
    }
    with TestClient(create_app(settings)) as client:
        for path, media_type in exports.items():
            head = client.head(path)
            assert head.status_code == 200, path
            assert head.headers["content-type"].startswith(media_type), path
            assert "filename=" in head.headers["content-disposition"]
            assert "content-length" not in head.headers and head.content == b""
            with pytest.raises(OperationalError, match="no such table"):
                client.get(path)  # GET reads it
