"""Search benchmark: 100,000 generated offers, 1,000 real-looking queries, in process and HTTP.

    .venv/bin/python benchmarks/search.py [--offers 100000] [--queries 1000] [--clients 16]

Smoke run (a few seconds): `--offers 2000 --queries 100`. What it measures and the latest
figures: benchmarks/README.md. The work is done in `benchmarks.search_benchmark`.
"""

import sys
from pathlib import Path

if __name__ == "search":
    # A script run beside this file (`python benchmarks/index_sync.py`) has this folder first on
    # sys.path, so its `import search` found this file instead of the project's `search`
    # package: load the package and let it take this module's place.
    import importlib

    _here = Path(__file__).resolve().parent
    _saved = sys.path[:]
    del sys.modules["search"]
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _here]
    try:
        importlib.import_module("search")
    finally:
        sys.path[:] = _saved

if __name__ == "__main__":
    # Put the project first, not this folder: `search` must be the package, not this file.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    from benchmarks.search_benchmark import main

    sys.exit(main())
