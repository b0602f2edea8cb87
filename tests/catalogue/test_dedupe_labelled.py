"""The matcher's precision and recall on the labelled pairs cannot fall below the measured floor."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from catalogue.dedupe import same_offer

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "normaliser.py"
# Measured on tests/data/labelled_duplicates.csv (precision 1.000, recall 0.964), rounded down.
PRECISION_FLOOR = 1.00
RECALL_FLOOR = 0.96


def _benchmark():
    spec = importlib.util.spec_from_file_location("normaliser_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_duplicates_meet_the_measured_floors():
    bench = _benchmark()
    score = bench.score_duplicates(bench.read_rows(bench.DUPLICATES_CSV), same_offer)
    assert score.precision >= PRECISION_FLOOR, score.errors
    assert score.recall >= RECALL_FLOOR, score.errors
