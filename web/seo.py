"""What search engines read (issue 14, part 6): robots.txt, canonical URLs and Open Graph.

- **Canonical URLs** are absolute, on `PUBLIC_URL` (never the request's Host), and carry only
  the parameters that change what a page is: `lang` (each language is its own page) and, on a
  provider's page, `strona`. Everything else — the search an offer was opened from (`wroc`),
  a filter of the qualification list, the parameters of a search — points at the page without
  them. The search page's canonical is the home page: a page of results is a view of the
  catalogue, not content of its own, and the offers it lists are each in the sitemap. An
  offer found again from another source (`Offer.canonical_id`) names its canonical offer.
- **Signed-in areas** (`PRIVATE_PREFIXES`) have neither a canonical URL nor Open Graph tags;
  robots.txt asks crawlers to stay out of them, of parameterised searches and of personal
  pages (the plan, signing in).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.requests import Request

from web.i18n import negotiate_language
from web.search_links import BACK_PARAM

# Areas behind a sign-in, or a person's own: never indexed, never given a canonical URL.
PRIVATE_PREFIXES = (
    "/panel",
    "/koordynator",
    "/konto",
    "/doradca",
    "/skierowanie",
    "/plan",
    "/logowanie",
    "/wyloguj",
    "/rejestracja",
    "/haslo",
    "/login",
    "/alerty",
    "/potwierdz",
    "/api/v1/institution",
)
# Open Graph's locale names (language_TERRITORY) of the interface languages.
OG_LOCALES = {"pl": "pl_PL", "en": "en_GB", "uk": "uk_UA"}
DEFAULT_LANGUAGE = "pl"


def public_base(request: Request) -> str:
    """`PUBLIC_URL` without its trailing slash (the request's own origin outside an app)."""
    services = getattr(request.app.state, "services", None)
    if services is not None:
        return str(services.settings.catalogue.public_url).rstrip("/")
    return f"{request.url.scheme}://{request.url.netloc}"


def is_private(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PRIVATE_PREFIXES)


def kept_parameters(path: str) -> tuple[str, ...]:
    """The query parameters that make a different page at `path` (see the module's text)."""
    return ("lang", "strona") if path.startswith("/instytucje/") else ("lang",)


def canonical_url(request: Request, path: str | None = None) -> str:
    """The page's canonical address: `path` (the request's own by default) on `PUBLIC_URL`,
    with only the kept parameters, in a fixed order; the default language is left out."""
    path = path or request.url.path
    params = request.query_params
    kept = [
        (name, params[name])
        for name in kept_parameters(path)
        if params.get(name) and not (name == "lang" and params[name] == DEFAULT_LANGUAGE)
    ]
    if ("strona", "1") in kept:
        kept.remove(("strona", "1"))
    query = urlencode(kept)
    return f"{public_base(request)}{path}" + (f"?{query}" if query else "")


@dataclass(frozen=True)
class PageSeo:
    """What base.html puts in every public page's head."""

    public: bool
    canonical: str
    og_locale: str
    og_alternate_locales: tuple[str, ...]
    base: str


def page_seo(request: Request) -> PageSeo:
    lang = negotiate_language(request)
    return PageSeo(
        public=not is_private(request.url.path),
        canonical=canonical_url(request),
        og_locale=OG_LOCALES[lang],
        og_alternate_locales=tuple(v for k, v in OG_LOCALES.items() if k != lang),
        base=public_base(request),
    )


def robots_txt(base: str) -> str:
    """Public pages are open; signed-in areas, personal pages, searches with parameters and
    offers opened from a search (`?wroc=`: the same offer again) are not crawled. The language
    versions of the home page stay open (`$` ends the match: Google's and Bing's syntax)."""
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {prefix}" for prefix in PRIVATE_PREFIXES]
    lines += [
        "Disallow: /?",
        *(f"Allow: /?lang={lang}$" for lang in OG_LOCALES),
        f"Disallow: /*?*{BACK_PARAM}=",
        "Disallow: /*.json$",
        "Disallow: /finansowanie?",
        "Disallow: /porownaj",
        "",
        f"Sitemap: {base}/sitemap.xml",
    ]
    return "\n".join(lines) + "\n"
