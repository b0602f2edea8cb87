"""Signals the catalogue pipeline sends, for progress displays and the crawl runner."""

# item_recorded(source: str, outcome: str, counts: dict[str, int], elapsed: float)
item_recorded = object()
# run_finished(summary: crawlers.summary.RunSummary)
run_finished = object()
