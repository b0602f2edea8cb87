"""The normaliser benchmark of issue 5: accuracy per field on hand-labelled offers.

Reads `tests/data/labelled_offers.csv` (labelled by reading, never by running the code; see
`tests/data/labelled_offers.md`), builds a RawOffer per row as a spider would, runs
`catalogue.normalise.normalise` and prints, for each field, the share of rows where the
normaliser agrees with the label next to its target, then the misses with their evidence.
With a duplicates matcher present (`catalogue.dedupe.same_offer`) it also prints precision
and recall on `tests/data/labelled_duplicates.csv`. It is a report: it always exits 0.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalogue.normalise import NormalisedOffer, Unstorable, normalise
from catalogue.raw import RawEdition, RawOffer

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
OFFERS_CSV = DATA / "labelled_offers.csv"
DUPLICATES_CSV = DATA / "labelled_duplicates.csv"

# field -> target share of agreeing rows (issue 5, "Measured, not assumed")
TARGETS = {
    "isced_broad": 0.95,
    "isced_narrow": 0.85,
    "prk_due": 0.95,
    "prk_none": 0.95,
    "zsu": 0.90,
    "kind": 0.97,
    "place": 1.00,
    "online": 1.00,
}
DUPLICATE_TARGETS = {"precision": 0.99, "recall": 0.95}
BUR_ID = re.compile(r"\s*\(\d+\)$")  # "Informatyka i telekomunikacja (479)"


@dataclass
class Miss:
    expected: str
    got: str
    title: str
    evidence: str


@dataclass
class FieldScore:
    name: str
    total: int = 0
    hits: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def add(self, expected: str, got: str, title: str, evidence: str) -> None:
        self.total += 1
        if expected == got:
            self.hits += 1
        else:
            self.misses.append(Miss(expected, got, title, evidence))


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def edition_of(town: str, start: str | None = None, price: str | None = None) -> RawEdition:
    """An edition as a source states it: an address with a postcode goes to `address`."""
    if town == "online":
        return RawEdition(start=start, price=price, form="online")
    if any(c.isdigit() for c in town):
        return RawEdition(start=start, price=price, address=town)
    return RawEdition(start=start, price=price, town=town or None)


def raw_offer(row: dict[str, str]) -> RawOffer:
    """The labelled row as a spider would hand it over (BUR category names without ids)."""
    town = row["town"]
    return RawOffer(
        source=row["source_kind"],
        external_id=row["id"],
        url=f"https://example.org/oferta/{row['id']}",
        title=row["title"],
        description=row["description"] or None,
        kind=row["kind_word"] or None,
        category=BUR_ID.sub("", row["category"]) or None,
        subcategory=BUR_ID.sub("", row["subcategory"]) or None,
        qualification_code=row["qualification_code"] or None,
        level=row["stated_level"] or None,
        audience=row["audience"] or None,
        form="online" if town == "online" else None,
        editions=[edition_of(town)] if town else [],
    )


def _value(value: Any) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def score_offers(rows: Iterable[dict[str, str]]) -> dict[str, FieldScore]:
    """Each field's score over the labelled rows (a row that cannot be normalised misses all)."""
    scores = {name: FieldScore(name) for name in TARGETS}
    for row in rows:
        try:
            out: NormalisedOffer | None = normalise(raw_offer(row))
        except Unstorable:
            out = None
        for name, check in CHECKS.items():
            judged = check(row, out)
            if judged is not None:
                scores[name].add(*judged, row["title"], _evidence(out, name))
    return scores


EVIDENCE_KEYS = {
    "isced_broad": "isced_code",
    "isced_narrow": "isced_code",
    "prk_due": "prk_level",
    "prk_none": "prk_level",
    "zsu": "zsu_area",
    "kind": "kind",
    "place": "editions[0].place",
    "online": "editions[0].place",
}


def _evidence(out: NormalisedOffer | None, name: str) -> str:
    if out is None:
        return "nie do zapisania"
    return out.evidence.get(EVIDENCE_KEYS[name], "")


Judged = tuple[str, str] | None


def _isced(row: dict[str, str], out: NormalisedOffer | None, digits: int) -> Judged:
    label = row["isced"]
    if len(label) < digits:
        return None
    got = (out.offer.isced_code or "") if out else ""
    return label[:digits], got[:digits] if len(got) >= digits else got


def _prk(row: dict[str, str], out: NormalisedOffer | None, due: bool) -> Judged:
    if bool(row["prk"]) != due:
        return None
    return row["prk"], _value(out.offer.prk_level) if out else ""


def _place(row: dict[str, str], out: NormalisedOffer | None) -> Judged:
    if not row["gmina_teryt"]:
        return None
    edition = out.editions[0] if out and out.editions else None
    got = f"{_value(edition.gmina_teryt)}/{_value(edition.powiat_teryt)}" if edition else ""
    return f"{row['gmina_teryt']}/{row['powiat_teryt']}", got


def _online(row: dict[str, str], out: NormalisedOffer | None) -> Judged:
    if row["online"] != "1":
        return None
    edition = out.editions[0] if out and out.editions else None
    placed = bool(edition and edition.gmina_teryt)
    online = bool(edition and _value(edition.form) == "online" and not placed)
    return "online, bez miejsca", "online, bez miejsca" if online else "umiejscowiona lub brak"


CHECKS: dict[str, Callable[[dict[str, str], NormalisedOffer | None], Judged]] = {
    "isced_broad": lambda row, out: _isced(row, out, 2),
    "isced_narrow": lambda row, out: _isced(row, out, 3),
    "prk_due": lambda row, out: _prk(row, out, due=True),
    "prk_none": lambda row, out: _prk(row, out, due=False),
    "zsu": lambda row, out: (row["zsu"], _value(out.offer.zsu_area) if out else ""),
    "kind": lambda row, out: (row["kind"], _value(out.offer.kind) if out else ""),
    "place": _place,
    "online": _online,
}
LABELS = {
    "isced_broad": "ISCED-F broad (2 digits)",
    "isced_narrow": "ISCED-F narrow (3 digits)",
    "prk_due": "PRK exact, level due",
    "prk_none": "PRK none where none due",
    "zsu": "ZSU 2030 area",
    "kind": "kind",
    "place": "place (gmina+powiat)",
    "online": "online, not placed",
}


@dataclass
class DuplicateScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def find_matcher() -> Callable[[Any, Any], Any] | None:
    try:
        from catalogue.dedupe import same_offer
    except ImportError:
        return None
    return same_offer


def side_facts(row: dict[str, str], side: str) -> Any:
    """One side of a labelled pair, normalised, as the matcher's facts."""
    from catalogue.dedupe import EditionFacts, OfferFacts, place_key

    get = {k: row[f"{side}_{k}"] for k in ("source_kind", "external_id", "provider", "title")}
    edition = edition_of(row[f"{side}_town"], row[f"{side}_start"], row[f"{side}_price"] or None)
    raw = RawOffer(
        source=get["source_kind"],
        external_id=get["external_id"],
        url=f"https://example.org/{get['external_id']}",
        title=get["title"],
        provider_name=get["provider"] or None,
        form="online" if row[f"{side}_town"] == "online" else None,
        editions=[edition],
    )
    out = normalise(raw)
    editions = tuple(
        EditionFacts(
            e.start_date,
            place_key(e.gmina_teryt, e.town, _value(e.form) == "online"),
            e.price_grosze,
        )
        for e in out.editions
    )
    towns = tuple(sorted({e.town for e in out.editions if e.town}))
    return OfferFacts(
        source=get["source_kind"],
        title=out.offer.title,
        provider=out.offer.provider_name,
        kind=_value(out.offer.kind),
        qualification_code=out.offer.qualification_code,
        editions=editions,
        towns=towns,
    )


def score_duplicates(
    rows: Iterable[dict[str, str]], matcher: Callable[[Any, Any], Any]
) -> DuplicateScore:
    score = DuplicateScore()
    for row in rows:
        match = matcher(side_facts(row, "a"), side_facts(row, "b"))
        said, truth = bool(match.same), row["same_offer"] == "1"
        if said and truth:
            score.tp += 1
        elif said:
            score.fp += 1
            score.errors.append(_pair_line("false merge", row, match.reason))
        elif truth:
            score.fn += 1
            score.errors.append(_pair_line("missed", row, match.reason))
        else:
            score.tn += 1
    return score


def _pair_line(what: str, row: dict[str, str], reason: str) -> str:
    return f"  {what} {row['pair_id']}: {row['a_title']!r} / {row['b_title']!r} ({reason})"


def _verdict(value: float, target: float) -> str:
    return "ok" if value >= target else "BELOW"


def report_offers(scores: dict[str, FieldScore]) -> list[str]:
    lines = ["Normaliser accuracy per field (labelled_offers.csv):"]
    for name, score in scores.items():
        target = TARGETS[name]
        lines.append(
            f"  {LABELS[name]:<28} {score.accuracy:7.1%}  ({score.hits:>3}/{score.total:<3})"
            f"  target ≥{target:.0%}  {_verdict(score.accuracy, target)}"
        )
    lines.append("")
    lines.append("Misses (expected → got | title | evidence):")
    for name, score in scores.items():
        if not score.misses:
            continue
        lines.append(f"[{LABELS[name]}] {len(score.misses)}")
        for miss in score.misses:
            lines.append(
                f"  {miss.expected or '∅'} → {miss.got or '∅'} | {miss.title} | {miss.evidence}"
            )
    return lines


def report_duplicates(score: DuplicateScore | None) -> list[str]:
    if score is None:
        return ["duplicates: no matcher yet"]
    lines = [
        "Duplicates (labelled_duplicates.csv): "
        f"tp {score.tp}, fp {score.fp}, fn {score.fn}, tn {score.tn}",
        f"  precision {score.precision:.3f}  target ≥{DUPLICATE_TARGETS['precision']}"
        f"  {_verdict(score.precision, DUPLICATE_TARGETS['precision'])}",
        f"  recall    {score.recall:.3f}  target ≥{DUPLICATE_TARGETS['recall']}"
        f"  {_verdict(score.recall, DUPLICATE_TARGETS['recall'])}",
    ]
    return lines + score.errors


def main() -> int:
    rows = read_rows(OFFERS_CSV)
    print(f"{len(rows)} labelled offers")
    print("\n".join(report_offers(score_offers(rows))))
    print()
    matcher = find_matcher()
    dupes = score_duplicates(read_rows(DUPLICATES_CSV), matcher) if matcher else None
    print("\n".join(report_duplicates(dupes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
