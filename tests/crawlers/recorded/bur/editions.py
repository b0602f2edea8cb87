"""The 61 services of the recorded list (idWojewodztwa=4), in the API's order: oldest first.

Each row: (course, published, start, form id, venue or None for a remote form, status,
funding). The API numbers services in publication order, so ids follow the rows.
"""

from __future__ import annotations

from datetime import date

from courses import FEL, KFS

D = date
OK, DONE, FAILED = "OPUBLIKOWANA", "ZREALIZOWANA", "NIEZREALIZOWANA"
CANCELLED, SUSPENDED, BLOCKED = "ODWOLANA", "ZAWIESZONA", "ZABLOKOWANA"

EDITIONS: list[tuple[str, date, date, int, str | None, str, tuple[str, ...]]] = [
    # page 1: the oldest services, mostly finished
    ("spawanie", D(2026, 2, 10), D(2026, 3, 9), 1, "gorzow", DONE, (KFS,)),
    ("pp-hr", D(2026, 2, 20), D(2026, 3, 7), 4, "gorzow-uczelnia", DONE, ()),
    ("excel", D(2026, 4, 2), D(2026, 5, 11), 1, "zg", DONE, ()),
    ("wozki", D(2026, 5, 15), D(2026, 6, 15), 1, "strzelce", DONE, (KFS,)),
    ("barista", D(2026, 8, 20), D(2026, 9, 21), 1, "zg-gastro", FAILED, ()),
    ("kwalifikacja", D(2026, 9, 1), D(2026, 10, 5), 1, "zary", DONE, (KFS,)),
    ("kadry", D(2026, 9, 15), D(2026, 12, 1), 4, "nowa-sol", OK, (KFS, FEL)),
    ("pp-hr", D(2026, 9, 18), D(2027, 1, 9), 4, "gorzow-uczelnia", OK, (KFS,)),
    ("pp-logistyka", D(2026, 9, 22), D(2027, 2, 20), 1, "gorzow-uczelnia", OK, ()),
    ("wozki", D(2026, 9, 25), D(2026, 12, 7), 1, "gorzow", OK, (KFS,)),
    ("powerbi", D(2026, 9, 29), D(2026, 12, 8), 2, None, OK, (KFS,)),
    ("marketing", D(2026, 10, 1), D(2026, 12, 2), 4, "krosno", CANCELLED, (FEL,)),
    ("opiekun", D(2026, 10, 3), D(2026, 12, 7), 5, "miedzyrzecz", OK, (FEL,)),
    ("spawanie", D(2026, 10, 6), D(2027, 1, 11), 1, "gorzow", OK, (KFS, FEL)),
    ("niemiecki", D(2026, 10, 8), D(2026, 12, 1), 2, None, OK, (KFS,)),
    ("excel", D(2026, 10, 9), D(2026, 12, 14), 2, None, OK, ()),
    ("prawojazdy-c", D(2026, 10, 12), D(2027, 1, 11), 1, "zary", OK, (KFS,)),
    ("kucharz", D(2026, 10, 13), D(2027, 1, 18), 1, "zg-gastro", OK, (FEL,)),
    ("cnc", D(2026, 10, 14), D(2026, 12, 7), 1, "kostrzyn", OK, (KFS,)),
    ("komunikacja", D(2026, 10, 15), D(2026, 12, 9), 3, None, OK, ()),
    ("pierwsza-pomoc", D(2026, 10, 16), D(2026, 12, 10), 1, "miedzyrzecz", OK, ()),
    ("egzamin-sep", D(2026, 10, 19), D(2026, 12, 11), 1, "zagan", OK, ()),
    ("python", D(2026, 10, 20), D(2027, 1, 12), 6, None, OK, (KFS,)),
    ("ksiegowy", D(2026, 10, 21), D(2027, 1, 16), 1, "nowa-sol", OK, ()),
    ("angielski", D(2026, 10, 22), D(2027, 1, 12), 1, "swiebodzin", OK, (KFS,)),
    # page 2
    ("coaching", D(2026, 10, 23), D(2026, 12, 1), 2, None, OK, ()),
    ("barista", D(2026, 10, 26), D(2027, 1, 11), 1, "zg-gastro", OK, (FEL,)),
    ("fotowoltaika", D(2026, 10, 27), D(2027, 1, 18), 1, "drezdenko", OK, (KFS,)),
    ("wozki", D(2026, 10, 28), D(2027, 1, 11), 1, "wschowa", SUSPENDED, (KFS,)),
    ("kwalifikacja", D(2026, 10, 29), D(2027, 1, 18), 1, "zary", OK, (KFS,)),
    ("powerbi", D(2026, 10, 30), D(2027, 1, 19), 1, "zg", OK, ()),
    ("kadry", D(2026, 11, 2), D(2027, 1, 18), 2, None, OK, (KFS,)),
    ("opiekun", D(2026, 11, 3), D(2027, 1, 11), 1, "sulecin", OK, (FEL,)),
    ("excel", D(2026, 11, 3), D(2027, 1, 13), 1, "slubice", OK, (KFS,)),
    ("marketing", D(2026, 11, 4), D(2027, 1, 20), 2, None, OK, (FEL,)),
    ("spawanie", D(2026, 11, 5), D(2027, 2, 8), 1, "kostrzyn", OK, (KFS,)),
    ("niemiecki", D(2026, 11, 5), D(2027, 1, 19), 6, None, CANCELLED, ()),
    ("cnc", D(2026, 11, 6), D(2027, 2, 1), 1, "kostrzyn", OK, (KFS, FEL)),
    ("komunikacja", D(2026, 11, 9), D(2027, 1, 11), 3, None, OK, ()),
    ("pierwsza-pomoc", D(2026, 11, 9), D(2027, 1, 14), 1, "zg", OK, ()),
    ("kucharz", D(2026, 11, 10), D(2027, 2, 15), 1, "zg-gastro", OK, (KFS,)),
    ("python", D(2026, 11, 10), D(2027, 2, 16), 6, None, OK, ()),
    ("angielski", D(2026, 11, 12), D(2027, 2, 2), 2, None, OK, ()),
    ("egzamin-sep", D(2026, 11, 12), D(2027, 1, 15), 1, "zagan", BLOCKED, ()),
    ("wozki", D(2026, 11, 13), D(2027, 2, 8), 1, "gorzow", OK, (KFS,)),
    ("prawojazdy-c", D(2026, 11, 13), D(2027, 2, 15), 1, "zary", OK, (KFS,)),
    ("barista", D(2026, 11, 16), D(2027, 2, 22), 1, "zg-gastro", OK, ()),
    ("fotowoltaika", D(2026, 11, 16), D(2027, 2, 15), 4, "drezdenko", OK, (KFS,)),
    ("ksiegowy", D(2026, 11, 17), D(2027, 2, 20), 5, "nowa-sol", OK, ()),
    ("opiekun", D(2026, 11, 17), D(2027, 2, 8), 1, "miedzyrzecz", OK, (FEL,)),
    # page 3 (partial)
    ("powerbi", D(2026, 11, 17), D(2027, 2, 23), 2, None, OK, (KFS,)),
    ("kadry", D(2026, 11, 18), D(2027, 2, 22), 4, "nowa-sol", OK, (KFS, FEL)),
    ("marketing", D(2026, 11, 18), D(2027, 3, 1), 1, "krosno", OK, (FEL,)),
    ("coaching", D(2026, 11, 18), D(2027, 1, 12), 2, None, OK, ()),
    ("excel", D(2026, 11, 19), D(2027, 3, 1), 1, "gorzow", OK, (KFS,)),
    ("spawanie", D(2026, 11, 19), D(2027, 3, 8), 1, "gorzow", OK, (KFS,)),
    ("komunikacja", D(2026, 11, 19), D(2027, 2, 15), 3, None, OK, ()),
    ("egzamin-sep", D(2026, 11, 19), D(2027, 2, 12), 1, "zagan", OK, ()),
    ("kwalifikacja", D(2026, 11, 19), D(2027, 3, 1), 1, "zary", OK, (KFS,)),
    ("niemiecki", D(2026, 11, 20), D(2027, 2, 9), 2, None, OK, (KFS,)),
    ("wozki", D(2026, 11, 20), D(2027, 3, 8), 1, "strzelce", OK, (KFS,)),
]
