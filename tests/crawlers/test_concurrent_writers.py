"""Two writers at once on PostgreSQL: a crawl stores a source's changed offers while the
institution edits the same offers, as its edit form will (there is no such form yet: an ORM
session in a thread does what it would do). Nothing is lost, neither writer fails, the last
committed write of each offer is what stays, and the index hears of every change."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from catalogue.models import IndexChange, Offer
from crawlers.summary import RunSummary
from tests.crawlers.conftest import Catalogue

SOURCE = "fixture-bur"
CHANGED = " (nowa edycja)"  # what the source adds to every title before the second crawl
RAISE = 1000  # and to every price, in grosze

# SQLite lets one writer in at a time; the concurrency worth testing is PostgreSQL's.
pytestmark = pytest.mark.parametrize("databases", ["postgresql"], indirect=True)


PAGE_PAUSE = 0.25  # seconds between the crawl's requests


@dataclass
class Edit:
    offer_id: int
    title: str
    price: int
    # The offer held the crawl's new version when the edit locked it: the crawl wrote it first.
    after_crawl: bool


class InstitutionEditor(threading.Thread):
    """Edits the offers in turn until stopped, each in its own transaction, as the edit form
    will: lock the offer, change its title and its first edition's price, commit."""

    def __init__(self, engine: Engine, hashes_before: dict[int, str]) -> None:
        super().__init__(daemon=True)
        self.engine = engine
        self.hashes_before = hashes_before
        self.edits: list[Edit] = []
        self.failures: list[BaseException] = []
        self.stop = threading.Event()

    def run(self) -> None:
        numbers = itertools.count(1)
        try:
            for offer_id in itertools.cycle(sorted(self.hashes_before)):
                if self.stop.is_set():
                    return
                self.edits.append(self.edit(offer_id, next(numbers)))
        except BaseException as exc:  # reported by the test
            self.failures.append(exc)

    def edit(self, offer_id: int, number: int) -> Edit:
        with Session(self.engine) as session:
            offer = session.exec(select(Offer).where(Offer.id == offer_id).with_for_update()).one()
            edit = Edit(
                offer_id,
                f"Edycja instytucji nr {number}",
                100_000 + number,
                after_crawl=offer.content_hash != self.hashes_before[offer_id],
            )
            offer.title = edit.title
            offer.editions[0].price_grosze = edit.price
            session.commit()
        return edit


def change_every_bur_offer(data: Path) -> None:
    path = data / "bur_uslugi.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    for record in records:
        record["tytul"] += CHANGED
        record["cenaBruttoZaUczestnika"] += RAISE
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def state(catalogue: Catalogue) -> dict[int, tuple[str, str, int | None]]:
    """Each stored offer's content hash, title and first edition's price, by id."""
    with Session(catalogue.engine) as session:
        offers = session.exec(select(Offer)).all()
        return {o.id: (o.content_hash, o.title, o.editions[0].price_grosze) for o in offers}


def outbox_entries(engine: Engine, after: int) -> dict[int, int]:
    """How many outbox entries each offer got after entry `after`."""
    query = (
        select(IndexChange.offer_id, func.count())
        .where(col(IndexChange.id) > after)
        .group_by(IndexChange.offer_id)
    )
    with Session(engine) as session:
        return dict(session.exec(query).all())


def last_outbox_entry(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.max(IndexChange.id))).one() or 0


@pytest.fixture
def editor_during(catalogue: Catalogue) -> Iterator[Callable[..., InstitutionEditor]]:
    editors: list[InstitutionEditor] = []

    def start(hashes_before: dict[int, str]) -> InstitutionEditor:
        editors.append(InstitutionEditor(catalogue.engine, hashes_before))
        editors[-1].start()
        return editors[-1]

    yield start
    for editor in editors:  # a failed test leaves nothing running
        editor.stop.set()
        editor.join()


def test_a_crawl_and_an_institution_editing_the_same_offers_lose_nothing(
    crawl_fixtures: Callable[..., RunSummary],
    fixture_data: Path,
    catalogue: Catalogue,
    editor_during: Callable[..., InstitutionEditor],
):
    assert crawl_fixtures(SOURCE).status == "success"
    before = state(catalogue)
    change_every_bur_offer(fixture_data)
    outbox_mark = last_outbox_entry(catalogue.engine)

    editor = editor_during({offer_id: row[0] for offer_id, row in before.items()})
    # Its pages a quarter of a second apart: the crawl then stores offers while the editor
    # goes round them, however busy the machine (without a pause a loaded test run could see
    # it store every offer between two of the editor's edits, and no overlap).
    summary = crawl_fixtures(SOURCE, DOWNLOAD_DELAY=PAGE_PAUSE)
    editor.stop.set()
    editor.join()

    assert editor.failures == []
    assert (summary.status, summary.errors) == ("success", [])
    assert summary.updated == len(before)  # every offer's new version stored
    # The two really overlapped: an offer edited after the crawl had stored it, and later
    # another edited before the crawl got to it.
    order = [edit.after_crawl for edit in editor.edits]
    assert True in order and False in order[order.index(True) :]

    after = state(catalogue)
    last_edit = {edit.offer_id: edit for edit in editor.edits}
    for offer_id, (_, title, price) in before.items():
        edit = last_edit.get(offer_id)
        if edit is not None and edit.after_crawl:  # the edit came last: it stays
            assert after[offer_id][1:] == (edit.title, edit.price)
        else:  # the crawl came last: the source's new version
            assert after[offer_id][1:] == (title + CHANGED, price + RAISE)

    entries = outbox_entries(catalogue.engine, after=outbox_mark)
    for offer_id in before:
        edits = sum(1 for e in editor.edits if e.offer_id == offer_id)
        assert entries.get(offer_id, 0) >= edits + 1  # each edit, and the crawl's update
