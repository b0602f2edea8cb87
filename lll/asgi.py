"""The web app built from the environment, for servers that start it by name.

`lll serve` with `WEB_WORKERS` above 1 has uvicorn start that many processes, and each builds
its app here (`uvicorn lll.asgi:app --factory` does the same).
"""

from __future__ import annotations

from fastapi import FastAPI

from lll.settings import get_settings
from web.app import create_app
from web.serving import tune_gc


def app() -> FastAPI:
    built = create_app(get_settings())
    tune_gc()
    return built
