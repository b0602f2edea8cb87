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
    settings = get_settings()
    if not settings.accounts.secret_key:  # `lll serve` makes one for a demo; this cannot
        raise RuntimeError("SECRET_KEY is not set: sign-in could not count failures")
    built = create_app(settings)
    tune_gc()
    return built
