"""A real catalogue (of each kind), a real tantivy index and the app built on them.

Built once per test session: the web tests only read.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from catalogue.db import get_engine
from catalogue.models import (
    DeliveryForm,
    Edition,
    Institution,
    Offer,
    OfferKind,
    OfferStatus,
    Qualification,
    Source,
)
from operations.indexing import rebuild_index
from search.geo import locate
from search.tantivy import EmbeddedBackend
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.web_support import (
    CKZIU_ZG,
    LAST_VERIFIED,
    OFFERS,
    QUALIFICATIONS,
    TODAY,
    UZ,
    Catalogue,
)
from web.app import create_app

INSTITUTIONS = {
    CKZIU_ZG: {"town": "Zielona Góra", "website": "https://ckziu.example.org/"},
    UZ: {"town": "Zielona Góra", "website": "https://uz.example.org/"},
}


def _day(offset: int | None) -> date | None:
    return None if offset is None else TODAY + timedelta(days=offset)


def _edition(spec: dict[str, Any]) -> Edition:
    place = locate(spec["town"]) if spec["town"] else None  # as the normaliser places it
    return Edition(
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        start_date=_day(spec["start"]),
        end_date=_day(spec.get("end")),
        enrolment_end=_day(spec.get("enrol")),
        town=spec["town"],
        address=spec.get("address"),
        postcode=spec.get("postcode"),
        powiat_teryt=spec["powiat"],
        price_grosze=spec["price"],
        seats=spec.get("seats"),
        form=DeliveryForm(spec["form"]) if "form" in spec else None,
    )


def _offer(
    spec: dict[str, Any],
    source: Source,
    qualifications: dict[str, Qualification],
    institutions: dict[str, Institution],
) -> Offer:
    isced = spec["isced"]
    return Offer(
        source=source,
        external_id=spec["key"],
        url=f"https://zrodlo.example.org/oferty/{spec['key']}",
        title=spec["title"],
        description=spec["description"],
        kind=OfferKind(spec["kind"]),
        provider_name=spec["provider"],
        institution=institutions.get(spec["provider"]),
        isced_code=isced,
        isced_broad=isced[:2],
        isced_narrow=isced[:3],
        prk_level=spec.get("prk"),
        form=DeliveryForm(spec["form"]),
        language=spec.get("language", "pl"),
        duration_hours=spec.get("hours"),
        qualification_code=spec.get("qual"),
        qualification=qualifications.get(spec.get("qual", "")),
        funding=spec.get("funding"),
        audience=spec.get("audience"),
        status=OfferStatus.withdrawn if spec.get("withdrawn") else OfferStatus.active,
        content_hash=spec["key"],
        last_verified=LAST_VERIFIED,
        editions=[_edition(e) for e in spec["editions"]],
    )


def fill_catalogue(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        source = Source(
            name="sample-lubuskie",
            title="Przykładowe źródło ofert (Lubuskie)",
            url="https://zrodlo.example.org/",
        )
        qualifications = {q["code"]: Qualification(**q) for q in QUALIFICATIONS}
        institutions = {
            name: Institution(name=name, key=name.lower(), **more)
            for name, more in INSTITUTIONS.items()
        }
        offers = [_offer(spec, source, qualifications, institutions) for spec in OFFERS]
        session.add_all(offers)
        session.commit()
        return {offer.external_id: offer.id for offer in offers}


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> Catalogue:
    root = tmp_path_factory.mktemp("web")
    database_url = databases.create(root)
    engine = get_engine(database_url)
    ids = fill_catalogue(engine)
    rebuild_index(engine, EmbeddedBackend(root / "index"))
    engine.dispose()
    return Catalogue(database_url, root / "index", ids)


@pytest.fixture(scope="session")
def app(catalogue: Catalogue) -> FastAPI:
    return create_app(
        app_settings(
            database_url=catalogue.database_url,
            index_dir=catalogue.index_dir,
            sample_data=True,
        )
    )


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client
