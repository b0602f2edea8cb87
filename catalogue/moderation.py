"""When an institution's submitted offer waits for the coordinator's review, in one place.

An offer an institution submits is published at once unless one of these rules holds; each rule
that holds gives a reason the coordinator reads in the queue (and the institution in the
offer's history):

- the institution is not approved yet (`institution_not_approved`);
- it is among the institution's first `FIRST_OFFERS_REVIEWED` offers (`first_offers`);
- compared with the version last published: its lowest price moved by more than
  `PRICE_CHANGE_SHARE` (`price_change`), its title changed (`title_changed`), or its
  qualification code changed (`qualification_changed`).

Pure functions: the caller (`operations.institution_offers`) gathers the facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from catalogue.normalise.text import fold

FIRST_OFFERS_REVIEWED = 3
PRICE_CHANGE_SHARE = 0.5


@dataclass(frozen=True)
class PublishedFacts:
    """What the rules compare between the version last published and the one submitted."""

    title: str
    qualification_code: str | None
    prices: tuple[int, ...]  # the editions' known prices, in grosze

    @property
    def lowest_price(self) -> int | None:
        return min(self.prices) if self.prices else None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "qualification_code": self.qualification_code,
            "prices": list(self.prices),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PublishedFacts | None:
        if not data:
            return None
        return cls(
            title=str(data.get("title") or ""),
            qualification_code=data.get("qualification_code"),
            prices=tuple(int(p) for p in data.get("prices") or ()),
        )


def facts(
    title: str, qualification_code: str | None, prices: Iterable[int | None]
) -> PublishedFacts:
    return PublishedFacts(title, qualification_code, tuple(p for p in prices if p is not None))


@dataclass(frozen=True)
class ReviewReason:
    code: str
    message_pl: str
    message_en: str

    def text(self) -> str:
        return f"{self.code}: {self.message_pl}"


def review_reasons(
    *,
    institution_approved: bool,
    published_before: int,
    last_published: PublishedFacts | None,
    submitted: PublishedFacts,
) -> list[ReviewReason]:
    """Why the submitted offer waits for review (empty: it is published at once).

    `published_before`: how many of the institution's offers have been published, this one
    excluded; `last_published`: this offer's facts when it was last published (None if never)."""
    reasons: list[ReviewReason] = []
    if not institution_approved:
        reasons.append(
            ReviewReason(
                "institution_not_approved",
                "instytucja nie jest jeszcze zatwierdzona przez koordynatora",
                "the institution is not approved yet",
            )
        )
    if last_published is None and published_before < FIRST_OFFERS_REVIEWED:
        reasons.append(
            ReviewReason(
                "first_offers",
                f"jedna z pierwszych {FIRST_OFFERS_REVIEWED} ofert instytucji",
                f"one of the institution's first {FIRST_OFFERS_REVIEWED} offers",
            )
        )
    if last_published is not None:
        reasons.extend(_changes(last_published, submitted))
    return reasons


def _changes(before: PublishedFacts, after: PublishedFacts) -> list[ReviewReason]:
    reasons = []
    if _same_words(before.title) != _same_words(after.title):
        reasons.append(
            ReviewReason(
                "title_changed",
                f"zmieniony tytuł opublikowanej oferty (było: „{before.title}”)",
                f"the published offer's title changed (was “{before.title}”)",
            )
        )
    if (before.qualification_code or None) != (after.qualification_code or None):
        was = before.qualification_code or "brak"
        reasons.append(
            ReviewReason(
                "qualification_changed",
                f"zmieniony kod kwalifikacji opublikowanej oferty (było: {was})",
                f"the published offer's qualification code changed (was {was})",
            )
        )
    if price_changed_much(before.lowest_price, after.lowest_price):
        reasons.append(
            ReviewReason(
                "price_change",
                f"cena zmieniona o ponad {PRICE_CHANGE_SHARE:.0%} "
                f"(było: {_zl(before.lowest_price)}, jest: {_zl(after.lowest_price)})",
                f"the price changed by more than {PRICE_CHANGE_SHARE:.0%} "
                f"(was {_zl(before.lowest_price)}, now {_zl(after.lowest_price)})",
            )
        )
    return reasons


def price_changed_much(before: int | None, after: int | None) -> bool:
    """A change of the lowest price by more than `PRICE_CHANGE_SHARE` of the old one; from
    free to paid counts, and a price appearing or vanishing does not."""
    if before is None or after is None or before == after:
        return False
    if before == 0:
        return True
    return abs(after - before) > PRICE_CHANGE_SHARE * before


def _same_words(title: str) -> str:
    return " ".join(fold(title).split())


def _zl(grosze: int | None) -> str:
    if grosze is None:
        return "—"
    return f"{grosze / 100:.2f} zł".replace(".", ",")
