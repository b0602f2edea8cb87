"""Checking many offers in a worker process while this one writes them.

    for checked in checked_in_order(jobs):    # jobs: [CheckJob(fields, source, id, today)]
        save_offer(..., checked=checked)

Publishing an upload runs the normaliser over every offer (about 3 ms each) and writes each to
the database (about as long again). On two cores the two halves overlap: one worker process
reads the offers, in order, a chunk ahead of the writer. Few offers are checked here, in this
process: starting a worker (a fresh interpreter that imports the normaliser) costs half a
second. The worker is started by "spawn", never by fork: the web server's process has threads
and open database connections a forked child must not inherit.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date

from catalogue.offer_fields import Checked, OfferFields
from operations.institution_offers import check_for_saving

# Fewer offers than this are checked in this process.
PARALLEL_FROM = 300
CHUNK = 25  # offers per message to and from the worker


@dataclass(frozen=True)
class CheckJob:
    fields: OfferFields
    source_name: str
    external_id: str
    today: date


def checked_in_order(jobs: Sequence[CheckJob]) -> Iterator[Checked]:
    """`check_for_saving`'s answer for each job, in the jobs' order. When the caller stops
    early (an error while writing), the worker's remaining chunks are cancelled."""
    if len(jobs) < PARALLEL_FROM:
        yield from map(_check, jobs)
        return
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield from pool.map(_check, jobs, chunksize=CHUNK)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _check(job: CheckJob) -> Checked:
    return check_for_saving(job.fields, job.source_name, job.external_id, job.today)
