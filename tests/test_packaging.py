"""The wheel ships the code and the reference data, and none of the sample sites' content."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_code_and_reference_data_but_no_sample_content(tmp_path: Path):
    # setuptools builds in the checkout's build/, and would reuse what a stale one holds.
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
         str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "operations/crawling.py" in names and "samples/server.py" in names
    assert "catalogue/data/isced_f_2013.csv" in names
    assert "catalogue/migrations/versions/0001_initial_catalogue_schema.py" in names
    assert "web/templates/search.html" in names
    assert not [name for name in names if name.startswith("samples/data/")]
    assert not [name for name in names if name.startswith(("tests/", "benchmarks/"))]
