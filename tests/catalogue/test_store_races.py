"""Two crawls that store into one catalogue at the same moment (the scheduler's run of a source
and one started by hand) both succeed: whichever creates a shared row first, the other uses it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from catalogue.db import get_engine
from catalogue.models import CrawlRun, Institution, Offer, RunStatus, Source
from catalogue.store import CrawlRecorder
from tests.catalogue.test_store import welding

# Each round is one chance for the two writers to collide; in a dozen, they do.
ROUNDS = 12


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = get_engine(database_url)
    yield engine
    engine.dispose()


def at_once(*writers: Callable[[], object]) -> list[BaseException]:
    """Run the writers in threads released together; what they raised."""
    start, failures = threading.Barrier(len(writers)), []

    def run(writer: Callable[[], object]) -> None:
        start.wait()
        try:
            writer()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(writer,)) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_two_runs_of_a_new_source_starting_at_once_both_start(engine):
    for round_ in range(ROUNDS):
        name = f"nowe-zrodlo-{round_}"
        assert at_once(*(CrawlRecorder(engine, name).start for _ in range(2))) == []
        with Session(engine) as session:
            source = session.exec(select(Source).where(Source.name == name)).one()
            runs = session.exec(select(CrawlRun).where(CrawlRun.source_id == source.id)).all()
        assert len(runs) == 2


def test_two_runs_storing_the_same_new_offer_at_once_store_it_once(engine):
    recorders = [CrawlRecorder(engine, "test") for _ in range(2)]
    for recorder in recorders:
        recorder.start()
    for round_ in range(ROUNDS):
        offer = welding(str(round_))  # its provider, a new institution, comes with the first
        assert at_once(*(lambda r=r, o=offer: r.add(o) for r in recorders)) == []
    runs = [recorder.finish(complete=True) for recorder in recorders]
    assert {run.status for run in runs} == {RunStatus.success}
    assert sum(run.new for run in runs) == ROUNDS
    assert count(engine, Offer) == ROUNDS
    assert count(engine, Institution) == 1
