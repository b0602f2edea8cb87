"""Regenerate the sample source files in `crawlers/samples/data/` from the building blocks.

Usage: `python -m crawlers.samples.build_samples [OUTPUT_DIR]`. The output is deterministic, so
running it twice gives byte-identical files (a test checks the committed files are current).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from crawlers.samples.content import jsonld_odn, jsonld_uz
from crawlers.samples.content.bur_records import build_bur
from crawlers.samples.content.kkz_build import build_kkz

DATA_DIR = Path(__file__).resolve().parent / "data"
JSONLD_SITES = {"uz": jsonld_uz.SITE, "odn": jsonld_odn.SITE}


def build_all() -> dict[str, Any]:
    """File name -> content of every generated sample file."""
    files: dict[str, Any] = {"bur_uslugi.json": build_bur()}
    for slug, site in build_kkz().items():
        files[f"kkz_{slug}.json"] = site
    for slug, site in JSONLD_SITES.items():
        files[f"jsonld_{slug}.json"] = site
    return files


def render(content: Any) -> str:
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def write(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in build_all().items():
        path = out_dir / name
        path.write_text(render(content), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> None:
    out_dir = Path(argv[1]) if len(argv) > 1 else DATA_DIR
    for path in write(out_dir):
        print(path)


if __name__ == "__main__":
    main(sys.argv)
