"""Build the web application from the settings (tests pass their own).

The web only reads: the catalogue through a session per request, the index through the search
backend. Writes go through the application layer (`operations`), and the scheduler keeps the
index in step with the catalogue (docs/decisions/0008-application-layer-and-the-index-writer.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from catalogue.db import get_engine
from search.backends import get_backend
from web.auth import install_auth
from web.edge import install_edge
from web.errors import install_error_handlers
from web.ratelimit import install_rate_limits
from web.routes import (
    accounts,
    adviser,
    adviser_accounts,
    api,
    api_v1,
    compare,
    coordinator_gaps,
    coordinator_institutions,
    coordinator_offers,
    coordinator_region,
    coordinator_sources,
    discovery,
    elm_export,
    feeds_atom,
    funding,
    institution_api,
    pages,
    panel,
    panel_feed_runs,
    panel_feeds,
    panel_tokens,
    panel_upload,
    plan,
    providers,
    qualifications,
    reuse,
    search_alerts,
)
from web.services import Services, attach
from web.settings import AppSettings
from web.templating import make_templates

STATIC_DIR = Path(__file__).resolve().parent / "static"

API_DESCRIPTION = (
    "Learning offers in the Lubuskie region (Poland): courses, vocational qualification courses "
    "(KKZ), training, postgraduate and degree studies, gathered from public sources. Every offer "
    "links to its source and says when it was last verified there."
)


# Pages for people (HTML forms), not operations of the API: left out of /openapi.json.

PAGE_ROUTERS = (
    accounts.router,
    coordinator_institutions.router,
    panel.router,
    coordinator_offers.router,
    coordinator_region.router,
    coordinator_sources.router,
    coordinator_gaps.router,  # issue 14: the barometer and the gaps per powiat
    panel_feeds.router,
    panel_feed_runs.router,
    panel_upload.router,
    panel_tokens.router,
    compare.router,
    plan.router,
    providers.router,
    feeds_atom.router,
    search_alerts.router,
    reuse.page_router,  # issue 14: the data dictionary page
    discovery.router,  # issue 14: robots.txt and the sitemap
    qualifications.router,
    funding.router,
    adviser.router,
    adviser_accounts.router,
)


def create_app(settings: AppSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Routes are sync functions run in anyio's thread pool, 40 at once by default. A search
        # is CPU work under one GIL: more at once share the core, each takes longer and holds
        # its memory longer (a burst of 40 searches set a worker's peak). The rest wait their
        # turn in arrival order.
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = settings.web.web_threads
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Katalog kształcenia ustawicznego – Lubuskie",
        version="0.1.0",
        description=API_DESCRIPTION,
        # /docs is ours (`web.routes.api_v1`): Swagger UI from a package, no CDN.
        docs_url=None,
        redoc_url=None,
        openapi_tags=[
            {"name": "offers", "description": "Search and read learning offers"},
            {"name": "ops", "description": "Service health"},
            {
                "name": "institution",
                "description": "An institution writes its own offers with a token from its "
                "panel (`Authorization: Bearer lll_…`)",
            },
        ],
    )
    attach(
        app,
        Services(
            settings=settings,
            engine=get_engine(settings.catalogue.database_url),
            search=get_backend(settings.search),
            templates=make_templates(sample_data=settings.web.sample_data),
        ),
    )
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_error_handlers(app)
    install_auth(app)
    install_rate_limits(app, settings.web)
    api_v1.install(app)  # the read API, its CORS (outside the rate limits), /docs
    install_edge(app, settings.catalogue.public_url, settings.web.trusted_proxies)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(institution_api.router)
    app.include_router(elm_export.router)  # issue 14: the ELM 3 export
    app.include_router(reuse.router)  # issue 14: exports and the changes feed
    for router in PAGE_ROUTERS:
        app.include_router(router, include_in_schema=False)
    return app
