"""Index generated offers and print search latency (query + highlights + all five facets).

    .venv/bin/python benchmarks/search_smoke.py [--docs 20000]

The text is generated from a few dozen course templates, so it measures engine overhead rather
than a realistic vocabulary. The first round warms the analyser's per-word cache.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from search.embedded import EmbeddedBackend
from search.filters import BY_NAME, FILTERS
from search.interface import Query

SUBJECTS = [
    ("Kurs spawania metodą {x}", "Spawanie blach i rur, egzamin przed komisją."),
    ("Księgowość od podstaw {x}", "Ewidencja księgowa, podatki, kadry i płace."),
    ("Operator wózków widłowych {x}", "Przygotowanie do egzaminu UDT na wózki jezdniowe."),
    ("Programowanie w Pythonie {x}", "Zmienne, pętle, funkcje, praca z plikami i bazami danych."),
    ("Opiekunka osoby starszej {x}", "Pielęgnacja, pierwsza pomoc, komunikacja z podopiecznym."),
    ("Język angielski w pracy {x}", "Konwersacje w małych grupach, słownictwo biurowe."),
    ("Kwalifikacja MEC.08 {x}", "Organizacja i nadzorowanie procesów produkcji maszyn."),
    ("Kucharz – kurs zawodowy {x}", "Technologia gastronomiczna, HACCP, praktyki w restauracji."),
    ("Prawo jazdy kategorii C {x}", "Kurs dla przyszłych kierowców zawodowych, przewóz rzeczy."),
    ("Grafika komputerowa {x}", "Photoshop, Illustrator, przygotowanie do druku."),
    ("Fryzjerstwo dla dorosłych {x}", "Strzyżenie, koloryzacja i stylizacja włosów."),
    ("Marketing internetowy {x}", "Reklama w mediach społecznościowych, analityka, SEO."),
]
EXTRAS = [
    "dla bezrobotnych", "z certyfikatem", "online", "weekendowy", "dla początkujących",
    "zaawansowany", "z egzaminem", "II stopnia", "intensywny", "w Zielonej Górze",
]  # fmt: skip
TOWNS = {
    "0862": "Zielona Góra", "0861": "Gorzów Wielkopolski", "0811": "Żary", "0804": "Nowa Sól",
    "0810": "Żagań", "0808": "Świebodzin", "0802": "Gubin", "0805": "Słubice",
}  # fmt: skip
FILTERED = {"powiat": ("0862", "online"), "kind": ("course",)}
QUERIES = ["spawanie", "ksiegowosc", "kursy księgowej", "wózków widłowych", "zielona gora",
           "spwanie", "ksiegowsc", "progr", "angielski", "kucharza", "prawa jazdy", "grafika",
           "opiekunki", "kurs", "k", "", "fryzjerstwa online", "marketing seo"]  # fmt: skip


def generate(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    kinds, forms = list(BY_NAME["kind"].labels()), list(BY_NAME["form"].labels())
    documents = []
    for i in range(1, count + 1):
        title, description = rng.choice(SUBJECTS)
        powiat = rng.choice(list(TOWNS))
        form = rng.choice(forms)
        documents.append({
            "id": i, "title": title.format(x=rng.choice(EXTRAS)),
            "description": f"{description} {rng.choice(EXTRAS)}.", "provider": f"Ośrodek {i % 97}",
            "qualification_code": "", "qualification_name": "", "occupation": "",
            "kind": rng.choice(kinds), "isced_broad": f"{rng.randint(1, 10):02d}",
            "isced_narrow": "", "prk_level": str(rng.randint(2, 7)), "form": form,
            "powiat": [powiat] + (["online"] if form != "on_site" else []),
            "towns": [TOWNS[powiat]], "is_free": False,
            "price_min_grosze": rng.choice([None, 0, rng.randint(100, 9000) * 100]),
            "next_start": rng.choice([None, f"2026-{rng.randint(1, 12):02d}-{i % 28 + 1:02d}"]),
            "last_verified": "2026-01-01T00:00:00", "url": f"https://example.org/{i}",
        })  # fmt: skip
    return documents


def summary(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95)]
    return f"p50 {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms, max {ordered[-1]:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    documents = generate(args.docs)
    facets = tuple(f.name for f in FILTERS)
    with tempfile.TemporaryDirectory() as folder:
        backend = EmbeddedBackend(Path(folder) / "index")
        started = time.perf_counter()
        backend.rebuild(documents)
        print(f"rebuild of {backend.count()} documents: {time.perf_counter() - started:.1f} s")
        for label, filters in (("no filter", {}), ("2 filters", FILTERED)):
            for text in QUERIES:  # warm-up round
                backend.search(Query(text=text, facets=facets, filters=filters))
            wall, cpu, per_query = [], [], {}
            for _ in range(args.rounds):
                for text in QUERIES:
                    started, started_cpu = time.perf_counter(), time.thread_time()
                    backend.search(Query(text=text, facets=facets, filters=filters))
                    wall.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.thread_time() - started_cpu) * 1000)
                    per_query.setdefault(text, []).append(wall[-1])
            print(f"{label}: {len(wall)} searches; wall {summary(wall)}; CPU {summary(cpu)}")
            slowest = sorted(per_query, key=lambda t: -statistics.median(per_query[t]))[:3]
            print("  slowest (median wall): " + ", ".join(
                f"{t!r} {statistics.median(per_query[t]):.2f} ms" for t in slowest))  # fmt: skip
        for text in ("kurs", "k", ""):
            started = time.perf_counter()
            backend.search(Query(text=text, facets=facets, page=50))
            print(f"{text!r} page 50: {(time.perf_counter() - started) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
