"""The sources watched: the two alarms of `catalogue.source_health` (a last good run too old for
the source's schedule, a jump in rejections) as pure rules, then on real crawl runs recorded by
`CrawlRecorder` in a small catalogue (SQLite and PostgreSQL: the runs are read with a window
query), and the coordinator's list of `operations.source_watch` built from them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select, update

from catalogue.db import get_engine
from catalogue.models import CrawlRun, Rejection, RunStatus, Source
from catalogue.raw import RawOffer
from catalogue.source_health import (
    STALE_FLOOR,
    is_stale,
    rejected_share,
    rejections_jump,
    run_rejections,
    source_health,
    source_runs,
    stale_after,
)
from catalogue.store import CrawlRecorder
from crawlers.registry import SourceConfig
from operations.source_watch import run_of, watched_source, watched_sources
from tests.postgres_support import Databases

NOW = datetime.now(UTC)


# --- the rules, pure ----------------------------------------------------------------------


def test_a_source_may_go_twice_its_interval_without_a_good_run_but_never_less_than_a_day():
    assert stale_after(timedelta(days=1)) == timedelta(days=2)
    assert stale_after(timedelta(days=7)) == timedelta(days=14)
    assert stale_after(timedelta(hours=6)) == STALE_FLOOR == timedelta(days=1)


@pytest.mark.parametrize(
    ("every", "last_good_ago", "known_ago", "enabled", "stale"),
    [
        (timedelta(days=1), timedelta(hours=47), None, True, False),
        (timedelta(days=1), timedelta(hours=49), None, True, True),
        (timedelta(hours=6), timedelta(hours=20), None, True, False),  # the floor: a day
        (timedelta(hours=6), timedelta(hours=25), None, True, True),
        (timedelta(days=1), timedelta(days=30), None, False, False),  # disabled: not expected
        (timedelta(days=1), None, None, True, True),  # never crawled, never stored
        (timedelta(days=1), None, timedelta(hours=1), True, False),  # registered an hour ago
        (timedelta(days=1), None, timedelta(days=3), True, True),  # three days, nothing good
    ],
)
def test_too_old_is_measured_from_the_last_good_run_or_else_from_the_sources_start(
    every, last_good_ago, known_ago, enabled, stale
):
    assert (
        is_stale(
            every=every,
            last_good=NOW - last_good_ago if last_good_ago else None,
            known_since=NOW - known_ago if known_ago else None,
            now=NOW,
            enabled=enabled,
        )
        is stale
    )


def run(seen: int, rejected: int, status: RunStatus = RunStatus.success, id: int = 0) -> CrawlRun:
    return CrawlRun(id=id or None, source_id=1, seen=seen, rejected=rejected, status=status)


def newest_first(*shares: tuple[int, int]) -> list[CrawlRun]:
    return [run(seen, rejected, id=100 - i) for i, (seen, rejected) in enumerate(shares)]


def test_a_jump_is_well_above_the_median_of_the_runs_before():
    jump = rejections_jump(newest_first((20, 10), (20, 1), (20, 0), (20, 2), (20, 1)))
    assert jump is not None
    assert (jump.share, jump.usual, jump.run_id) == (0.5, 0.05, 100)


@pytest.mark.parametrize(
    "runs",
    [
        # too little history: three runs before the last are needed
        [(20, 10), (20, 0), (20, 0)],
        # as many rejected as usual, high as that is
        [(20, 10), (20, 9), (20, 10), (20, 11)],
        # above the median, but by less than 10 points
        [(20, 3), (20, 1), (20, 0), (20, 1)],
        # a large share of very little: under 5 items
        [(4, 4), (20, 0), (20, 0), (20, 0)],
        # 10 points more, but not twice the usual
        [(100, 35), (100, 25), (100, 25), (100, 25)],
    ],
)
def test_no_jump_without_history_a_clear_margin_and_enough_items(runs):
    assert rejections_jump(newest_first(*runs)) is None


def test_runs_still_running_or_that_saw_nothing_neither_jump_nor_make_the_median():
    runs = [
        run(0, 0, RunStatus.running, id=9),
        run(0, 0, RunStatus.failed, id=8),
        run(20, 10, id=7),
        run(0, 0, RunStatus.failed, id=6),
        run(20, 0, id=5),
        run(20, 0, id=4),
        run(20, 0, id=3),
    ]
    jump = rejections_jump(runs)
    assert jump is not None and jump.run_id == 7 and jump.usual == 0
    assert rejected_share(runs[0]) is None
    # Only the 10 runs before the last make the median: older high shares are forgotten.
    old_trouble = newest_first((20, 10), *[(20, 0)] * 10, *[(20, 15)] * 20)
    assert rejections_jump(old_trouble) is not None


# --- real runs in a small catalogue -------------------------------------------------------


def offer(source: str, n: int) -> RawOffer:
    return RawOffer(
        source=source,
        external_id=f"{source}-{n}",
        url=f"https://example.org/{source}/{n}",
        title=f"Kurs spawania metodą MAG, grupa {n}",
        provider_name="Zakład Doskonalenia Zawodowego w Zielonej Górze",
        kind="kurs",
    )


def record(
    engine: Engine,
    source: str,
    offers: int,
    rejected: int,
    *,
    ago: timedelta = timedelta(0),
    failed: bool = False,
) -> int:
    """A real crawl run of `source`: `offers` offers read, `rejected` items rejected, ended
    `ago` before now (its times moved back after it ran)."""
    recorder = CrawlRecorder(engine, source, f"Źródło {source}")
    run_id = recorder.start()
    for n in range(offers):
        recorder.add(offer(source, n))
    for n in range(rejected):
        recorder.reject("brak tytułu", {"id": f"odrzucona-{n}", "tytul": ""}, f"odrzucona-{n}")
    if failed:
        recorder.error("serwer źródła odpowiedział 503")
    recorder.finish(complete=not failed, failed=failed)
    if ago:
        with Session(engine) as db:
            stored = db.get(CrawlRun, run_id)
            assert stored is not None and stored.finished_at is not None
            db.exec(
                update(CrawlRun)
                .where(col(CrawlRun.id) == run_id)
                .values(started_at=stored.started_at - ago, finished_at=stored.finished_at - ago)
            )
            db.commit()
    return run_id


@dataclass
class Small:
    engine: Engine
    ids: dict[str, int]  # source name -> id
    jump_run: int
    registry: dict[str, SourceConfig]


def config(name: str, every: timedelta, enabled: bool = True) -> SourceConfig:
    return SourceConfig(name, f"Źródło {name}", "feed", "https://example.org", [], enabled,
                        every=every)  # fmt: skip


@pytest.fixture(scope="module")
def small(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Small]:
    url = databases.create(tmp_path_factory.mktemp("source-watch"))
    engine = get_engine(url)
    for i in range(5):  # 1 in 10 rejected, every time
        record(engine, "steady", 9, 1, ago=timedelta(hours=5 - i))
    for i, rejected in enumerate((0, 1, 0, 1)):  # then half of them
        record(engine, "jumped", 9, rejected, ago=timedelta(hours=5 - i))
    jump_run = record(engine, "jumped", 9, 9)
    record(engine, "stale", 3, 0, ago=timedelta(days=3))  # good three days ago, failing since
    record(engine, "stale", 0, 0, ago=timedelta(days=1), failed=True)
    record(engine, "stale", 0, 0, failed=True)
    record(engine, "six-hourly", 2, 0, ago=timedelta(hours=20))  # late, within a day
    record(engine, "gone", 1, 0, ago=timedelta(days=40))  # no longer in the registry
    with Session(engine) as db:
        ids = {s.name: s.id or 0 for s in db.exec(select(Source)).all()}
    registry = {
        "steady": config("steady", timedelta(days=1)),
        "jumped": config("jumped", timedelta(days=1)),
        "stale": config("stale", timedelta(days=1)),
        "six-hourly": config("six-hourly", timedelta(hours=6)),
        "never": config("never", timedelta(days=7)),  # in the registry, never crawled
        "off": config("off", timedelta(days=1), enabled=False),
    }
    yield Small(engine, ids, jump_run, registry)
    engine.dispose()
    databases.drop(url)


def test_each_sources_newest_and_last_good_run_and_jump_are_read_from_its_runs(small: Small):
    with Session(small.engine) as db:
        health = source_health(db, small.ids.values())
    steady, jumped, stale = (health[small.ids[n]] for n in ("steady", "jumped", "stale"))
    assert steady.jump is None and steady.last_run is steady.last_good
    assert steady.last_run is not None and steady.last_run.rejected == 1
    assert jumped.jump is not None
    assert (jumped.jump.run_id, jumped.jump.share, jumped.jump.usual) == (small.jump_run, 0.5, 0.05)
    assert stale.last_run is not None and stale.last_run.status == RunStatus.failed
    assert stale.last_good is not None and stale.last_good.seen == 3
    assert NOW - stale.last_good_at > timedelta(days=2, hours=23)  # type: ignore[operator]


def test_the_list_puts_the_alarmed_first_and_says_why(small: Small):
    with Session(small.engine) as db:
        listed = watched_sources(db, small.registry, NOW)
    names = [watched.name for watched in listed]
    alarmed = {watched.name for watched in listed if watched.alarmed}
    assert alarmed == {"jumped", "stale", "never"}
    assert set(names[:3]) == alarmed
    # then the registry's order, and last the stored source no longer in it
    assert names[3:] == ["steady", "six-hourly", "off", "gone"]
    by_name = {watched.name: watched for watched in listed}
    assert by_name["stale"].stale and by_name["stale"].jump is None
    assert by_name["jumped"].jump is not None and not by_name["jumped"].stale
    assert by_name["never"].source is None and by_name["never"].stale
    assert not by_name["off"].alarmed and not by_name["off"].enabled
    assert by_name["gone"].config is None and not by_name["gone"].alarmed
    assert by_name["six-hourly"].schedule == "6h"


def test_a_sources_runs_and_a_runs_rejections_are_paged_and_kept_to_their_own(small: Small):
    with Session(small.engine) as db:
        runs, pages = source_runs(db, small.ids["jumped"], 1, per_page=2)
        assert pages == 3 and [r.id for r in runs] == [small.jump_run, small.jump_run - 1]
        last, pages = source_runs(db, small.ids["jumped"], 3, per_page=2)
        assert pages == 3 and len(last) == 1
        rejections, pages, count = run_rejections(db, small.jump_run, 2, per_page=4)
        assert (pages, count) == (3, 9)
        assert [r.external_id for r in rejections] == [f"odrzucona-{n}" for n in range(4, 8)]
        assert all(isinstance(r, Rejection) and r.reason == "brak tytułu" for r in rejections)
        jumped = db.get(Source, small.ids["jumped"])
        steady = db.get(Source, small.ids["steady"])
        assert jumped is not None and steady is not None
        assert run_of(db, jumped, small.jump_run) is not None
        assert run_of(db, steady, small.jump_run) is None  # another source's run
        assert watched_source(db, small.registry, small.ids["jumped"], NOW) is not None
        # an institution asks only for its own feeds: these are none of them
        mine = watched_source(db, small.registry, small.ids["jumped"], NOW, institution_id=1)
        assert mine is None
        assert watched_source(db, small.registry, 2**40, NOW) is None
