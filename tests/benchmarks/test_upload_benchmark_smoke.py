"""The upload benchmark works end to end, on a tiny file (no timing is asserted)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date

import openpyxl
import pytest

from benchmarks.upload import HEADER, as_csv, as_xlsx, file_rows
from catalogue.settings import PROJECT_ROOT
from catalogue.uploads import check_file, read_upload


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_benchmark_checks_publishes_and_finds_every_offer(kind: str) -> None:
    command = [sys.executable, "benchmarks/upload.py", "--rows", "40", "--format", kind]
    run = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    out = run.stdout
    assert run.returncode == 0, out + run.stderr
    assert re.search(r"Machine: \d+ CPUs .*load average [\d.]+ [\d.]+ [\d.]+", out)
    assert f"File: 40 rows, {kind.upper()}" in out
    assert re.search(r"Check: [\d.]+ s; 40 rows, \d+ errors, \d+ warnings", out)
    published = re.search(r"Publish: [\d.]+ s; ([\d,]+) offers written \(([\d,]+) published", out)
    assert published and int(published.group(1)) > 10
    assert re.search(r"Searchable: all [\d,]+ open offers found [\d.]+ s after the publish", out)
    assert re.search(r"Load average after the run: [\d.]+ [\d.]+ [\d.]+", out)
    for target in ("check", "publish", "searchable after"):
        assert re.search(rf"^  {target} .* (PASS|FAIL)$", out, re.MULTILINE), target


def test_the_generated_file_is_realistic_and_reads_back_in_both_formats() -> None:
    today = date(2026, 12, 7)
    rows = file_rows(300, today)
    assert len(rows) == 300 and all(len(r) == len(HEADER) for r in rows)
    ids = [r[0] for r in rows]
    assert len(set(ids)) < len(ids)  # offers with several editions: several rows
    prices = {str(r[HEADER.index("cena")]) for r in rows}
    assert "bezpłatny" in prices and any(p.endswith(",00 zł") for p in prices)
    assert any("ł" in str(r[1]) or "ó" in str(r[1]) for r in rows)  # Polish titles
    for data in (as_csv(rows), as_xlsx(rows)):
        result = check_file(read_upload(data, "oferta"), today)
        assert len(result.file.rows) == 300
        errors, _ = result.counts()
        assert 0 < errors < 15  # about 1 % of rows have a mistake
        assert len(result.publishable()) > 0.9 * len(result.offers)
    sheet = openpyxl.load_workbook(io.BytesIO(as_xlsx(rows))).active
    assert [c.value for c in sheet[1]] == list(HEADER)
