"""Offers checked in a worker process are read exactly as they are read here."""

from __future__ import annotations

import multiprocessing
from dataclasses import asdict
from datetime import date

from catalogue.offer_fields import EditionFields, OfferFields
from operations.institution_offers import check_for_saving
from operations.parallel_checks import PARALLEL_FROM, CheckJob, checked_in_order

TODAY = date(2026, 12, 7)
TITLES = (
    "Kurs spawania metodą MAG (135)",
    "Operator wózków jezdniowych podnośnikowych z egzaminem UDT",
    "Studia podyplomowe: Rachunkowość i finanse w jednostkach samorządu",
    "Kwalifikacyjny kurs zawodowy MEC.08 Wykonywanie i naprawa elementów maszyn",
    "Język niemiecki dla opiekunek osób starszych – poziom A2",
    "",  # no title: an error, and nothing to read
)
TOWNS = ("Żary", "Zielona Gora", "Gorzów Wlkp.", "Sulechów", "Nowa Wieś", "Zielona Gróra")


def jobs(count: int) -> list[CheckJob]:
    return [CheckJob(offer(n), "panel-1", f" K {n} ", TODAY) for n in range(count)]


def offer(n: int) -> OfferFields:
    price = ("1 200 zł", "bezpłatny", "do uzgodnienia")[n % 3]
    edition = EditionFields(start="2027-03-01", town=TOWNS[n % len(TOWNS)], price=price)
    return OfferFields(
        title=TITLES[n % len(TITLES)],
        url=f"https://szkola.example.pl/oferta/{n}",
        editions=[edition],
    )


def here(job: CheckJob):  # type: ignore[no-untyped-def]
    return check_for_saving(job.fields, job.source_name, job.external_id, job.today)


def reading(checked) -> tuple:  # type: ignore[no-untyped-def]
    normalised = checked.normalised
    read = None
    if normalised is not None:
        read = (
            normalised.offer.model_dump(),
            [e.model_dump() for e in normalised.editions],
            normalised.qualification and asdict(normalised.qualification),
            normalised.evidence,
        )
    return read, [(p.code, p.column, p.severity, p.edition) for p in checked.problems]


def test_a_worker_reads_every_offer_in_order_as_this_process_does():
    many = jobs(PARALLEL_FROM + 7)
    read_here = [reading(here(job)) for job in many]

    read_there = [reading(checked) for checked in checked_in_order(many)]

    assert read_there == read_here
    assert any(read is None for read, _ in read_here) and any(read for read, _ in read_here)
    assert multiprocessing.active_children() == []  # the worker is gone


def test_a_writer_that_stops_early_leaves_no_worker_behind():
    answers = checked_in_order(jobs(PARALLEL_FROM * 4))
    first = next(answers)
    answers.close()  # the writer failed: the remaining chunks are cancelled
    assert first.normalised is not None and first.normalised.offer.title == TITLES[0]
    assert multiprocessing.active_children() == []


def test_few_offers_are_checked_here_without_a_worker():
    few = jobs(3)
    assert [reading(c) for c in checked_in_order(few)] == [reading(here(j)) for j in few]
