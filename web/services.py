"""The services a request may use, built once per app, and the dependencies that hand them out.

    def offer_html(request: Request, offer_id: int, session: SessionDep,
                   templates: TemplatesDep) -> Response: ...

Handlers name what they need as typed parameters; tests replace a service with
`app.dependency_overrides[get_search] = lambda: other_backend`. Only `attach` and `app_services`
know where the app keeps them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.requests import HTTPConnection

from search.interface import SearchBackend
from web.settings import AppSettings


@dataclass(frozen=True)
class Services:
    settings: AppSettings
    engine: Engine
    search: SearchBackend
    templates: Jinja2Templates


def attach(app: FastAPI, services: Services) -> None:
    app.state.services = services


def services_of(connection: HTTPConnection) -> Services:
    return app_services(connection.app)


def app_services(app: FastAPI) -> Services:
    services: Services = app.state.services
    return services


def get_settings(connection: HTTPConnection) -> AppSettings:
    return services_of(connection).settings


def get_search(connection: HTTPConnection) -> SearchBackend:
    return services_of(connection).search


def get_templates(connection: HTTPConnection) -> Jinja2Templates:
    return services_of(connection).templates


def get_engine(connection: HTTPConnection) -> Engine:
    return services_of(connection).engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """One database session per request, closed when the response is sent."""
    with Session(engine) as session:
        yield session


SettingsDep = Annotated[AppSettings, Depends(get_settings)]
SearchDep = Annotated[SearchBackend, Depends(get_search)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
EngineDep = Annotated[Engine, Depends(get_engine)]
SessionDep = Annotated[Session, Depends(get_session)]
