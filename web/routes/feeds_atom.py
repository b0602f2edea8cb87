"""Every search's Atom feed: `/kanal.atom?<the search's own parameters>`.

Its newest offers (`operations.followed_searches`), newest first by when the catalogue first
saw each, at most 50: a feed reader shows what a search finds that is new. The feed's id and
its self link are the normal form of the search, so the same search asked in another order is
one feed. Atom 1.0 (RFC 4287), written with ElementTree (every text escaped).

Finding a broad search's newest offers reads all its hits (0.1-0.5 s for 3,000), and feed readers
ask again and again: each app keeps a feed's offers for `KEPT_SECONDS` (at most `KEPT_FEEDS`
searches), and tells caches the same (`Cache-Control`).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl
from xml.etree import ElementTree as ET

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from operations.followed_searches import NewOffer, newest_offers, normal_search
from web.formatting import format_date
from web.i18n import Translator, negotiate_language
from web.reuse_export import LICENCE_NAME, LICENCE_URL
from web.services import EngineDep, SearchDep, SettingsDep
from web.templating import _price as price_text

router = APIRouter(include_in_schema=False)
ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
FEED_PATH = "/kanal.atom"
KEPT_SECONDS = 300
KEPT_FEEDS = 256


class KeptFeeds:
    """The newest offers of the searches asked lately, each for `KEPT_SECONDS`; thread-safe."""

    def __init__(self) -> None:
        self._kept: OrderedDict[str, tuple[float, list[NewOffer]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, normal: str) -> list[NewOffer] | None:
        with self._lock:
            found = self._kept.get(normal)
            if found is None or time.monotonic() - found[0] > KEPT_SECONDS:
                return None
            return found[1]

    def put(self, normal: str, offers: list[NewOffer]) -> None:
        with self._lock:
            self._kept[normal] = (time.monotonic(), offers)
            self._kept.move_to_end(normal)
            while len(self._kept) > KEPT_FEEDS:
                self._kept.popitem(last=False)


def _kept_feeds(request: Request) -> KeptFeeds:
    state = request.app.state
    if not hasattr(state, "kept_feeds"):
        state.kept_feeds = KeptFeeds()
    kept: KeptFeeds = state.kept_feeds
    return kept


def feed_path(normal: str) -> str:
    return f"{FEED_PATH}?{normal}" if normal else FEED_PATH


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def start_text(document: dict[str, Any], t: Translator, lang: str) -> str:
    """The next start; a running edition's start as past ("rozpoczęte …"); else "to be
    arranged", which only an offer without dates is (issue 13)."""
    if document.get("next_start"):
        return format_date(document["next_start"], lang)
    if document.get("last_start"):
        return t("honesty.started", date=format_date(document["last_start"], lang))
    return t("hit.start.none")


def describe(offer: NewOffer, t: Translator, lang: str) -> str:
    """One line: provider, place, next start and price (what a reader decides by)."""
    document = offer.document
    places = list(document.get("towns") or [])
    if "online" in (document.get("powiat") or []):
        places.append(t("online"))
    price = 0 if document.get("is_free") else document.get("price_min_grosze")
    parts = [
        (t("hit.provider"), document.get("provider") or ""),
        (t("hit.place"), ", ".join(places)),
        (t("hit.start"), start_text(document, t, lang)),
        (t("hit.price"), price_text(price, t, lang)),
    ]
    return " · ".join(f"{label}: {value}" for label, value in parts if value)


def feed_title(normal: str, t: Translator) -> str:
    return f"{t('site.name')}: {t('follow.feed.title', search=_summary(normal, t))}"


def _summary(normal: str, t: Translator) -> str:
    pairs = parse_qsl(normal)
    text = " ".join(value for name, value in pairs if name == "q")
    filters = len([name for name, _ in pairs if name != "q"])
    if not pairs:
        return t("follow.feed.all")
    summary = f"„{text}”" if text else t("follow.feed.all")
    return summary + (t("follow.feed.filters", n=filters) if filters else "")


@router.get(FEED_PATH, name="search_feed")
def search_feed(
    request: Request, engine: EngineDep, search: SearchDep, settings: SettingsDep
) -> Response:
    lang = negotiate_language(request)
    t = Translator(lang)
    normal = normal_search(request.query_params.multi_items())
    kept = _kept_feeds(request)
    offers = kept.get(normal)
    if offers is None:
        offers = newest_offers(engine, search, normal)
        kept.put(normal, offers)
    base = settings.catalogue.public_url.rstrip("/")
    self_url = base + feed_path(normal)
    search_url = f"{base}/?{normal}" if normal else f"{base}/"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    _add(feed, "id", self_url)
    _add(feed, "title", feed_title(normal, t))
    _add(feed, "subtitle", t("follow.feed.subtitle"))
    newest = max((offer.first_seen for offer in offers), default=datetime(2024, 1, 1, tzinfo=UTC))
    _add(feed, "updated", _stamp(newest))
    _add(feed, "link", rel="self", type=MEDIA_TYPE, href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=search_url)
    author = _add(feed, "author")
    _add(author, "name", t("site.name"))
    _add(author, "uri", f"{base}/")
    _add(feed, "generator", t("site.name"))
    # The data's licence (issue 14; web/reuse_export.py, docs/reuse.md).
    _add(feed, "rights", f"{LICENCE_NAME} {LICENCE_URL}")
    _add(feed, "link", rel="license", href=LICENCE_URL)
    for offer in offers:
        url = f"{base}/oferty/{offer.id}"
        entry = _add(feed, "entry")
        _add(entry, "id", url)
        _add(entry, "title", str(offer.document.get("title") or url))
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "published", _stamp(offer.first_seen))
        _add(entry, "updated", _stamp(offer.first_seen))
        _add(entry, "summary", describe(offer, t, lang), type="text")
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    headers = {"Cache-Control": f"public, max-age={KEPT_SECONDS}"}
    return Response(body, media_type=f"{MEDIA_TYPE}; charset=utf-8", headers=headers)
