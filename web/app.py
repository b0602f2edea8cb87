"""Build the web application from one settings object (tests pass their own)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from catalogue.db import get_engine
from catalogue.settings import Settings, get_settings
from search.backends import get_backend
from search.sync import IndexSyncer
from web.errors import install_error_handlers
from web.routes import api, pages
from web.templating import make_templates

STATIC_DIR = Path(__file__).resolve().parent / "static"

API_DESCRIPTION = (
    "Learning offers in the Lubuskie region (Poland): courses, vocational qualification courses "
    "(KKZ), training, postgraduate and degree studies, gathered from public sources. Every offer "
    "links to its source and says when it was last verified there."
)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """While serving, keep the index in step with what the catalogue commits."""
    settings: Settings = app.state.settings
    syncer = None
    if settings.index_sync:
        syncer = IndexSyncer(app.state.engine, app.state.search, settings.index_sync_interval)
        syncer.start()
    try:
        yield
    finally:
        if syncer is not None:
            syncer.stop()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        lifespan=lifespan,
        title="Katalog kształcenia ustawicznego – Lubuskie",
        version="0.1.0",
        description=API_DESCRIPTION,
        # The interactive docs load their scripts from a CDN; the schema alone is served.
        docs_url=None,
        redoc_url=None,
        openapi_tags=[
            {"name": "offers", "description": "Search and read learning offers"},
            {"name": "ops", "description": "Service health"},
        ],
    )
    app.state.settings = settings
    app.state.engine = get_engine(settings.database_url)
    app.state.search = get_backend(settings)
    app.state.templates = make_templates(sample_data=settings.sample_data)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_error_handlers(app)
    app.include_router(pages.router)
    app.include_router(api.router)
    return app
