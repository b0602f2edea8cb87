"""Relevance benchmark (issue 13): judged queries over a realistic catalogue, nDCG@10 and success@1.

Builds the judged catalogue (`benchmarks.judged_catalogue`: generated offers and what each one
truly is), indexes it in a temporary folder, runs every query of `data/judged_queries.toml`
through the `SearchBackend` interface and scores the first ten results against the judgements:
grade 2 for an offer that is exactly what was asked, 1 for a related one, 0 otherwise. The
judgements are rules over the offers' ground truth (subject, ISCED-F field, kind, level, form,
price, audience, schedule, place), never over what the search code reads.

    .venv/bin/python benchmarks/relevance.py             # embedded (tantivy) backend
    .venv/bin/python benchmarks/relevance.py --verbose   # and the worst queries with their top 5
    MEILI_URL=http://localhost:7700 .venv/bin/python benchmarks/relevance.py --backend meili

Targets: nDCG@10 ≥ 0.90 overall and ≥ 0.80 for every type of query. The exit code is 0 whether
or not they are met (a measurement); 1 when the judgements are invalid (an unknown attribute, a
query without an exactly relevant offer).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import statistics
import sys
import tempfile
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import report
from benchmarks.judged_catalogue import Catalogue, Truth, build
from search.interface import Query, SearchBackend

JUDGED = Path(__file__).resolve().parent / "data" / "judged_queries.toml"
DEPTH = 10  # nDCG@10
OVERALL_TARGET = 0.90
TYPE_TARGET = 0.80
TYPES = ("meaning", "audience", "level", "price_form", "honesty", "place", "typo",
         "no_diacritics", "inflection", "prefix")  # fmt: skip
# rule key -> Truth attribute; a list of values in the rule means any of them
LISTED = {"kind": "kind", "form": "form", "audience": "audience", "town": "towns",
          "powiat": "powiats", "language": "language", "teaches": "teaches",
          "qualification": "qualification", "schedule": "schedule", "degree": "degree",
          "prk": "prk", "level": "level"}  # fmt: skip
PATTERNS = {"subject": "subject", "occupation": "occupation"}  # regular expressions
ONLINE_FORMS = ("online", "blended")


class JudgementError(ValueError):
    """The judged queries are not valid: a rule names an unknown attribute, or finds nothing."""


@dataclass(frozen=True)
class Judged:
    type: str
    text: str
    exact: Any  # a rule (table) or a list of rules, any of which makes an offer grade 2
    related: Any = None  # the same for grade 1
    grades: dict[int, int] = field(default_factory=dict)  # offer id -> 1 or 2


def load(path: Path = JUDGED) -> list[Judged]:
    with path.open("rb") as f:
        data = tomllib.load(f)
    queries = []
    for item in data["query"]:
        unknown = set(item) - {"type", "text", "exact", "related", "note"}
        if unknown or item.get("type") not in TYPES or "exact" not in item:
            raise JudgementError(f"query {item.get('text')!r}: bad entry {sorted(unknown)}")
        queries.append(Judged(item["type"], item["text"], item["exact"], item.get("related")))
    return queries


def matches(truth: Truth, rule: Any) -> bool:
    """Whether the offer satisfies the rule: a table (every condition holds) or a list of tables
    (any of them)."""
    if isinstance(rule, list):
        return any(matches(truth, one) for one in rule)
    return all(_condition(truth, key, wanted) for key, wanted in rule.items())


def _condition(truth: Truth, key: str, wanted: Any) -> bool:
    if key in PATTERNS:
        return bool(re.search(wanted, getattr(truth, PATTERNS[key]) or "", re.IGNORECASE))
    if key == "not_subject":
        return not re.search(wanted, truth.subject, re.IGNORECASE)
    if key in ("isced", "not_isced"):
        prefixes = tuple(wanted) if isinstance(wanted, list) else (wanted,)
        return truth.isced.startswith(prefixes) == (key == "isced")
    if key == "free":
        return truth.free is wanted
    if key == "online":
        return (truth.form in ONLINE_FORMS) is wanted
    if key in LISTED:
        value = getattr(truth, LISTED[key])
        allowed = set(wanted) if isinstance(wanted, list) else {wanted}
        if isinstance(value, frozenset):
            return bool(value & allowed)
        return value in allowed
    raise JudgementError(f"unknown attribute {key!r} in a rule")


def judge(queries: Sequence[Judged], truths: Iterable[Truth]) -> list[Judged]:
    """Each query with the grades of its relevant offers; a query none is exactly relevant to
    is an error."""
    truths = list(truths)
    judged, empty = [], []
    for query in queries:
        grades = {}
        for truth in truths:
            if matches(truth, query.exact):
                grades[truth.id] = 2
            elif query.related is not None and matches(truth, query.related):
                grades[truth.id] = 1
        if 2 not in grades.values():
            empty.append(f"{query.type}: {query.text!r}")
        judged.append(Judged(query.type, query.text, query.exact, query.related, grades))
    if empty:
        raise JudgementError("queries with no exactly relevant offer: " + "; ".join(empty))
    return judged


# -- metrics ----------------------------------------------------------------------------------


def dcg(grades: Sequence[int], depth: int = DEPTH) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades[:depth]))


def ndcg(ranked: Sequence[int], relevant: Iterable[int], depth: int = DEPTH) -> float:
    """nDCG of the grades of the results as ranked, against the ideal order of every relevant
    offer's grade (1.0 when nothing is relevant and nothing is found)."""
    ideal = dcg(sorted(relevant, reverse=True), depth)
    if ideal == 0:
        return 1.0 if not any(ranked[:depth]) else 0.0
    return dcg(ranked, depth) / ideal


def success_at_1(ranked: Sequence[int]) -> bool:
    """The first result is exactly what was asked (grade 2)."""
    return bool(ranked) and ranked[0] == 2


@dataclass(frozen=True)
class Scored:
    query: Judged
    ranked: list[int]  # grades of the results in order
    titles: list[str]  # their titles, for the report
    total: int  # how many offers the search found

    @property
    def ndcg(self) -> float:
        return ndcg(self.ranked, self.query.grades.values())

    @property
    def success(self) -> bool:
        return success_at_1(self.ranked)


def score(backend: SearchBackend, queries: Sequence[Judged]) -> list[Scored]:
    scored = []
    for query in queries:
        results = backend.search(Query(text=query.text, per_page=DEPTH))
        ranked = [query.grades.get(hit.id, 0) for hit in results.hits]
        titles = [hit.document.get("title", "") for hit in results.hits]
        scored.append(Scored(query, ranked, titles, results.total))
    return scored


def summary(scored: Sequence[Scored]) -> dict[str, tuple[int, float, float]]:
    """type (and "overall") -> (queries, mean nDCG@10, success@1 rate)."""
    by_type: dict[str, list[Scored]] = {}
    for one in scored:
        by_type.setdefault(one.query.type, []).append(one)
    rows = {name: by_type[name] for name in TYPES if name in by_type}
    rows["overall"] = list(scored)
    return {
        name: (
            len(ones),
            statistics.fmean(one.ndcg for one in ones),
            statistics.fmean(one.success for one in ones),
        )
        for name, ones in rows.items()
    }


def met(name: str, mean_ndcg: float) -> bool:
    """The target of this row ("overall" or a type) is met, by the figure as printed."""
    target = OVERALL_TARGET if name == "overall" else TYPE_TARGET
    return round(mean_ndcg, 3) >= target


def table(rows: Mapping[str, tuple[int, float, float]]) -> list[str]:
    lines = [f"  {'type':<14} {'queries':>7} {'nDCG@10':>8} {'success@1':>9}  target"]
    for name, (count, mean_ndcg, success) in rows.items():
        verdict = "PASS" if met(name, mean_ndcg) else "FAIL"
        target = OVERALL_TARGET if name == "overall" else TYPE_TARGET
        lines.append(
            f"  {name:<14} {count:>7} {mean_ndcg:>8.3f} {success:>9.3f}  ≥ {target:.2f} {verdict}"
        )
    return lines


# -- running ----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/relevance.py", description=__doc__)
    parser.add_argument("--backend", choices=("embedded", "meili"), default="embedded")
    parser.add_argument("--verbose", action="store_true", help="the worst queries, top 5 each")
    parser.add_argument("--queries", type=Path, default=JUDGED, help="the judged queries (TOML)")
    parser.add_argument("--save", type=Path, metavar="FILE", help="write the scores (JSON)")
    parser.add_argument("--compare", type=Path, metavar="FILE", help="changes since a saved run")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)
    print(f"Relevance benchmark: backend {args.backend}, judged queries {args.queries.name}")
    print(report.machine())
    if args.backend == "meili" and not os.environ.get("MEILI_URL"):
        print("--backend meili needs MEILI_URL (and MEILI_MASTER_KEY for a keyed server)")
        return 1
    catalogue = build()
    try:
        queries = judge(load(args.queries), catalogue.truths)
    except JudgementError as error:
        print(f"Invalid judgements: {error}")
        return 1
    print(f"Catalogue: {len(catalogue.documents):,} offers; {len(queries)} judged queries")
    with tempfile.TemporaryDirectory(prefix="lll-relevance-") as folder:
        backend = _backend(args.backend, Path(folder), catalogue)
        scored = score(backend, queries)
    print_queries(scored)
    rows = summary(scored)
    print(f"\nnDCG@{DEPTH} and success@1 by type of query ({report.machine()})")
    print("\n".join(table(rows)))
    failing = [name for name, row in rows.items() if not met(name, row[1])]
    print(f"Targets: {'all met' if not failing else 'not met by ' + ', '.join(failing)}")
    if args.verbose:
        print_worst(scored)
    if args.compare:
        print_changes(json.loads(args.compare.read_text(encoding="utf-8")), scored)
    if args.save:
        args.save.write_text(json.dumps(scores(scored), ensure_ascii=False, indent=1), "utf-8")
    return 0


def _backend(name: str, folder: Path, catalogue: Catalogue) -> SearchBackend:
    if name == "meili":
        from search.meili import MeiliBackend

        backend: SearchBackend = MeiliBackend(
            os.environ["MEILI_URL"], os.environ.get("MEILI_MASTER_KEY"), uid="relevance_benchmark"
        )
    else:
        from search.tantivy import EmbeddedBackend

        backend = EmbeddedBackend(folder / "index")
    backend.rebuild(catalogue.documents)
    return backend


def print_queries(scored: Sequence[Scored]) -> None:
    print("\nEach query: exactly relevant / related offers, found, nDCG@10, success@1")
    for one in scored:
        exact = sum(1 for grade in one.query.grades.values() if grade == 2)
        related = len(one.query.grades) - exact
        print(
            f"  {one.query.type:<13} {one.query.text:<42} {exact:>4} / {related:<4} "
            f"found {one.total:>5}  {one.ndcg:.2f}  {'✓' if one.success else '✗'}"
        )


def scores(scored: Sequence[Scored]) -> dict[str, dict[str, Any]]:
    """Each query's figures, by its text, as `--save` writes them."""
    return {
        one.query.text: {
            "type": one.query.type,
            "ndcg": round(one.ndcg, 4),
            "success": one.success,
            "found": one.total,
        }
        for one in scored
    }


def print_changes(before: Mapping[str, Mapping[str, Any]], scored: Sequence[Scored]) -> None:
    """The queries whose nDCG@10 moved by more than 0.02 since the saved run, worst first."""
    now = scores(scored)
    moved = sorted(
        (figures["ndcg"] - before[text]["ndcg"], text)
        for text, figures in now.items()
        if text in before and abs(figures["ndcg"] - before[text]["ndcg"]) > 0.02
    )
    print(f"\nQueries whose nDCG@10 moved by more than 0.02 since the saved run: {len(moved)}")
    for change, text in moved:
        was, is_ = before[text], now[text]
        print(
            f"  {change:+.2f}  [{is_['type']}] {text!r}: {was['ndcg']:.2f} -> {is_['ndcg']:.2f} "
            f"(found {was['found']} -> {is_['found']})"
        )


def print_worst(scored: Sequence[Scored], count: int = 25) -> None:
    print(f"\nThe {count} worst queries (grade of each result: 2 exact, 1 related, 0 not)")
    for one in sorted(scored, key=lambda s: s.ndcg)[:count]:
        print(f"  [{one.query.type}] {one.query.text!r}: nDCG {one.ndcg:.2f}, found {one.total}")
        for grade, title in zip(one.ranked[:5], one.titles[:5], strict=True):
            print(f"      {grade}  {title}")


if __name__ == "__main__":
    sys.exit(main())
