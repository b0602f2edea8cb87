"""The soonest-edition tie-break of the embedded backend, folded into the score.

Text scores are sums of constant points (`search.tantivy.query`), all multiples of
`SCORE_STEP`, so many offers tie; the ranking rules order ties by their soonest upcoming
edition, then by id. Sorting every tied hit after the search is slow for broad queries (`kurs`
ties thousands), so each document carries a `start_weight`, and tantivy's top-k collector
multiplies the text score by `log2(2 + start_weight)` (`Searcher.search(weight_by_field=…)`).
The weight is chosen so that the multiplier is

    1 + EPSILON * (HORIZON_DAYS + 1 - k) / (HORIZON_DAYS + 1)   for an edition on day BASE_DATE + k
    1                                                            without an upcoming edition

with k clamped to 0…HORIZON_DAYS. The multiplier is at most 1 + EPSILON, and EPSILON times the
highest text score is less than the smallest difference between text scores, so it never lifts
a document over a better text score; it only orders equal text scores by day. Example: two
title matches of `spawanie`, 440 points each, starting on 2026-03-02 (k = 425) and 2026-04-10
(k = 464), score 440 × 1.000896… = 440.394 and 440 × 1.000886… = 440.390: the sooner one first.
Within one day (or past the horizon, or without a date) the weighted scores are equal and
`search.tantivy.find` orders that small group by start key and id, so pages stay a stable
total order.

Measured with tantivy-py 0.27: 4,097 consecutive days give 4,097 distinct weighted scores for
text scores from 5 to 4,400, so only offers starting on the same day tie.
"""

from __future__ import annotations

from datetime import date
from typing import Any

START_WEIGHT = "start_weight"  # the fast field holding the weight
BASE_DATE = date(2025, 1, 1)  # earlier editions (stale documents) count as this day
HORIZON_DAYS = 4095  # later editions (after 2036-03-18) share the last day's weight
EPSILON = 1e-3
# `search.tantivy.query` checks that EPSILON times its highest score stays below its step.


def start_weight(document: dict[str, Any]) -> float:
    """The `start_weight` of a search document (see the module's docstring)."""
    start = document.get("next_start")
    if not start:
        return 0.0
    k = min(max((date.fromisoformat(str(start)) - BASE_DATE).days, 0), HORIZON_DAYS)
    multiplier = 1.0 + EPSILON * (HORIZON_DAYS + 1 - k) / (HORIZON_DAYS + 1)
    return float(2.0**multiplier - 2.0)
