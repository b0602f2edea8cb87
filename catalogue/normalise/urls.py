"""Web addresses that may reach a page: only absolute http(s) addresses of a real host.

Every address a source gives (the offer's own page, the provider's website) ends up in an
`href` on the offer page, so a crawled `javascript:alert(1)` would run in a reader's browser.
`checked_url` keeps an address only when it is an absolute `http://` or `https://` URL with a
host and nothing a browser would read differently from us (a bare "www.szkola.pl", as
registers often write it, becomes "http://www.szkola.pl"): no credentials
(`https://bank.pl@evil.example/`), no control characters or backslashes (browsers drop tabs
and newlines, so `java\tscript:` is `javascript:`), no overlong address. Spaces inside are
percent-encoded, as a browser would. Anything else gets a reason from `REASONS`.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

MAX_LENGTH = 2048
# reason -> what it means, in Polish, for the evidence a person reads
REASONS = {
    "scheme": "adres nie zaczyna się od http:// ani https://",
    "relative": "adres względny, bez http:// lub https://",
    "credentials": "adres z nazwą użytkownika lub hasłem",
    "characters": "adres ze znakami sterującymi lub ukośnikiem odwrotnym",
    "host": "adres bez poprawnej nazwy serwera",
    "too_long": f"adres dłuższy niż {MAX_LENGTH} znaków",
}
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\\\u2028\u2029]")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_BARE_DOMAIN = re.compile(r"www\.(?:[\w-]+\.)+[^\W\d_]{2,}(?::\d+)?(?:[/?#].*)?")
_HOST_LABEL = re.compile(r"(?!-)[\w-]{1,63}(?<!-)")


def checked_url(value: Any) -> tuple[str | None, str | None]:
    """(the address, None), (None, a reason of `REASONS`), or (None, None) when there is none."""
    if value is None:
        return None, None
    url = str(value).strip(" \t\r\n\u00a0")
    if not url:
        return None, None
    if len(url) > MAX_LENGTH:
        return None, "too_long"
    if _UNSAFE_CHARACTERS.search(url):
        return None, "characters"
    url = url.replace(" ", "%20")
    if _BARE_DOMAIN.fullmatch(url):
        url = "http://" + url
    elif not _SCHEME.match(url):
        return None, "relative"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        return None, "host"
    if parts.scheme.lower() not in ("http", "https"):
        return None, "scheme"
    if parts.username is not None or parts.password is not None:
        return None, "credentials"
    if not _good_host(parts.hostname or ""):
        return None, "host"
    return url, None


def _good_host(host: str) -> bool:
    if host.startswith("[") or ":" in host:  # IPv6, kept as written in brackets by urlsplit
        return bool(re.fullmatch(r"[0-9a-f:.]+", host))
    labels = host.rstrip(".").split(".")
    return bool(host) and all(_HOST_LABEL.fullmatch(label) for label in labels)


def explained(reason: str, value: Any) -> str:
    """The evidence line of a dropped address: "odrzucony adres (…): „javascript:alert(1)”"."""
    shown = repr(value)[1:-1] if isinstance(value, str) else repr(value)
    return f"odrzucony adres ({REASONS[reason]}): „{shown[:120]}”"
