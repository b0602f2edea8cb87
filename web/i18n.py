"""Interface text in Polish (default), English and Ukrainian, chosen by `?lang=` or
Accept-Language.

All text a person reads in a page goes through `Translator`. The texts live in one gettext
catalogue per language, `web/locale/<lang>/LC_MESSAGES/messages.po`, read with Babel when the
module is imported: a keyed catalogue (msgid is the message key, msgstr its text, `{name}`
placeholders filled by `str.format`). A key a language lacks falls back to Polish. Plurals follow
CLDR's rules (Babel's `Locale.plural_form`). Catalogue data (titles, descriptions) arrives
already worded and is not translated here; filter labels choose their language in
`search.label_language`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter

from babel import Locale
from babel.messages.pofile import read_po
from starlette.requests import Request

from web.messages import Messages, merged

DEFAULT_LANGUAGE = "pl"
LANGUAGES = ("pl", "en", "uk")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# Each language's own name, for the language switcher (in that language, whatever the page's).
LANGUAGE_NAMES = {"pl": "Polski", "en": "English", "uk": "Українська"}
# The CLDR plural categories a count's keys end with, after the optional exact `.0` and `.1`.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

BASE_MESSAGES: Messages = {
    "pl": {
        "site.name": "Katalog kształcenia ustawicznego – Lubuskie",
        "site.tagline": "Kursy, szkolenia i studia w województwie lubuskim w jednym miejscu",
        "skip": "Przejdź do treści",
        "sample.banner": "To są dane przykładowe – oferty nie są prawdziwe.",
        "nav.search": "Wyszukiwarka",
        "nav.api": "API (JSON)",
        "footer.data": "Dane pochodzą z publicznych źródeł; każda oferta ma link do źródła.",
        "robot.title": "Robot katalogu (LubuskieLLLBot)",
        "robot.what": (
            "LubuskieLLLBot zbiera publiczne oferty kształcenia (kursy, szkolenia, kwalifikacyjne"
            " kursy zawodowe, studia podyplomowe, walidację kwalifikacji) do katalogu kształcenia"
            " ustawicznego województwa lubuskiego, prowadzonego przez Wojewódzki Urząd Pracy w "
            "Zielonej Górze. Każda oferta w katalogu prowadzi do strony źródła."
        ),
        "robot.how": (
            "Robot przestrzega pliku robots.txt (User-agent: LubuskieLLLBot), pyta jeden serwis "
            "najwyżej o jedną stronę na sekundę i zwalnia, gdy serwer odpowiada wolniej, czeka po"
            " odpowiedzi 429 tyle, ile serwer prosi, i pyta warunkowo (If-None-Match / "
            "If-Modified-Since), by nie pobierać niezmienionych stron."
        ),
        "robot.agent": "Nagłówek User-Agent robota:",
        "robot.contact": (
            "Jeśli robot sprawia kłopot albo chcesz, by czytał ofertę z pliku CSV lub XLSX, "
            "napisz do koordynatora katalogu w Wojewódzkim Urzędzie Pracy w Zielonej Górze."
        ),
        "footer.robot": "O robocie katalogu",
        "search.title": "Znajdź kurs, szkolenie lub studia",
        "search.label": "Czego chcesz się nauczyć?",
        "search.hint": "Np. spawanie, księgowość, język niemiecki, kod kwalifikacji MEC.08",
        "search.submit": "Szukaj",
        "search.filters": "Zawęź wyniki",
        "search.apply": "Zastosuj filtry",
        "search.clear": "Wyczyść filtry",
        "search.sort": "Sortuj według",
        "search.sort.apply": "Sortuj",
        "sort.relevance": "trafności",
        "sort.start_date": "najbliższego terminu",
        "sort.price": "ceny (od najniższej)",
        "sort.distance": "odległości (od najbliższej)",
        "search.results": "Wyniki wyszukiwania",
        "results.count.0": "Nie znaleziono ofert.",
        "results.count.1": "Znaleziono 1 ofertę.",
        "results.count.few": "Znaleziono {n} oferty.",
        "results.count.many": "Znaleziono {n} ofert.",
        "results.for": "dla zapytania „{q}”",
        "results.none.hint": "Spróbuj innego słowa albo usuń część filtrów.",
        "results.did_you_mean": "Czy chodziło Ci o:",
        "results.places": "Oferty z miejsca podanego w zapytaniu: {places} (cały powiat).",
        "suggest.label": "Podpowiedzi",
        "suggest.kind.title": "oferta",
        "suggest.kind.qualification": "kwalifikacja",
        "suggest.kind.place": "miejsce",
        "results.page": "Strona {page} z {pages}",
        "pagination.label": "Strony wyników",
        "pagination.prev": "Poprzednia",
        "pagination.next": "Następna",
        "hit.provider": "Organizator",
        "hit.place": "Miejsce",
        "hit.start": "Najbliższy termin",
        "hit.start.none": "termin do ustalenia",
        "hit.price": "Cena",
        "hit.prk": "Poziom PRK",
        "hit.distance": "Odległość",
        "hit.distance.km": "{km} km od: {place}",
        "filter.any_distance": "dowolna",
        "filter.km": "{km} km",
        "online": "online",
        "price.free": "bezpłatny",
        "price.unknown": "cena nieznana",
        "price.from": "od {price}",
        "problem.q_too_long": "Zapytanie było za długie; skrócono je do {limit} znaków.",
        "problem.page": "Numer strony musi być liczbą od 1 do {limit}.",
        "problem.per_page": "Liczba wyników na stronie musi być od 1 do {limit}.",
        "problem.sort": "Nieznany sposób sortowania; użyto sortowania według trafności.",
        "problem.filter": "Pominięto nieznaną wartość filtra „{name}”: {value}.",
        "problem.filter.unknown_value": "Pominięto nieznaną wartość filtra „{name}”: {value}.",
        "problem.filter.not_yes_no": (
            "Pole „{name}” przyjmuje tylko tak albo nie; pominięto „{value}”."
        ),
        "problem.filter.not_a_number": "Pole „{name}” wymaga liczby; pominięto „{value}”.",
        "problem.filter.out_of_range": (
            "Pole „{name}” przyjmuje liczby od {min} do {max}; pominięto „{value}”."
        ),
        "problem.filter.not_a_date": (
            "Nie rozpoznano daty w polu „{name}”: „{value}”. "
            "Wpisz ją jako 2027-01-31 albo 31.01.2027."
        ),
        "problem.filter.reversed_range": (
            "Pole „{name}” ma wartość mniejszą niż początek zakresu; pominięto ten filtr."
        ),
        "problem.filter.unknown_place": (
            "Nie znaleziono miejscowości „{value}” w województwie lubuskim; wpisz inną albo "
            "współrzędne, np. 52.73,15.24."
        ),
        "problem.filter.needs_place": "Aby szukać w promieniu, wpisz też miejscowość.",
        "problem.sort_distance": (
            "Sortowanie według odległości wymaga miejscowości; posortowano według trafności."
        ),
        "offer.back": "Wróć do wyszukiwania",
        "offer.withdrawn": (
            "Ta oferta nie jest już dostępna u źródła. Pokazujemy ją, aby link nie przestał "
            "działać, ale nie można się już na nią zapisać."
        ),
        "offer.details": "Informacje o ofercie",
        "offer.description": "Opis",
        "offer.kind": "Rodzaj",
        "offer.provider": "Organizator",
        "offer.qualification": "Kwalifikacja",
        "offer.occupation": "Zawód",
        "offer.isced": "Dziedzina kształcenia (ISCED-F)",
        "offer.prk": "Poziom Polskiej Ramy Kwalifikacji",
        "offer.form": "Forma",
        "offer.language": "Język zajęć",
        "offer.hours": "Liczba godzin",
        "offer.funding": "Finansowanie",
        "offer.audience": "Dla kogo",
        "offer.unknown": "brak informacji",
        "offer.editions": "Terminy i miejsca",
        "offer.editions.caption": "Terminy oferty „{title}”",
        "offer.editions.none": "Źródło nie podało terminów.",
        "edition.dates": "Termin",
        "edition.enrolment": "Zapisy do",
        "edition.place": "Miejsce",
        "edition.price": "Cena",
        "edition.seats": "Liczba miejsc",
        "edition.form": "Forma",
        "edition.powiat": "powiat",
        "offer.source": "Źródło",
        "offer.source.link": "Zobacz u źródła",
        "offer.verified": "Ostatnio sprawdzono: {date}",
        "offer.sources": "Oferta znaleziona w {n} źródłach",
        "offer.sources.verified": "sprawdzono {date}",
        "offer.first_seen": "W katalogu od: {date}",
        "language.pl": "polski",
        "language.en": "angielski",
        "language.de": "niemiecki",
        "error.404.title": "Nie znaleziono strony",
        "error.404.text": "Strona, której szukasz, nie istnieje albo została przeniesiona.",
        "error.title": "Coś poszło nie tak",
        "error.text": "Nie udało się wyświetlić tej strony. Spróbuj ponownie za chwilę.",
        "error.422.title": "Nieprawidłowe dane w adresie",
        "error.503.title": "Wyszukiwarka jest chwilowo niedostępna",
        "error.503.text": "Nie możemy teraz przeszukać katalogu. Spróbuj ponownie za kilka minut.",
        "error.429.title": "Za dużo zapytań",
        "error.429.text": (
            "Z tego adresu przyszło w krótkim czasie zbyt wiele zapytań. "
            "Spróbuj ponownie za chwilę."
        ),
        "error.home": "Przejdź do wyszukiwarki",
    },
    "en": {
        "site.name": "Lifelong learning catalogue – Lubuskie",
        "site.tagline": "Courses, training and studies in the Lubuskie region in one place",
        "skip": "Skip to content",
        "sample.banner": "This is sample data – the offers are not real.",
        "nav.search": "Search",
        "nav.api": "API (JSON)",
        "footer.data": "Data comes from public sources; every offer links to its source.",
        "robot.title": "The catalogue's crawler (LubuskieLLLBot)",
        "robot.what": (
            "LubuskieLLLBot gathers public learning offers (courses, trainings, vocational "
            "qualification courses, postgraduate studies, validation of qualifications) for the "
            "lifelong-learning catalogue of the Lubuskie region, run by the regional labour "
            "office in Zielona Góra. Every offer in the catalogue links to its source."
        ),
        "robot.how": (
            "It obeys robots.txt (User-agent: LubuskieLLLBot), asks one site for at most one page"
            " a second and slows down when the server does, waits after a 429 as long as the "
            "server asks, and sends conditional requests (If-None-Match / If-Modified-Since) so "
            "as not to fetch unchanged pages."
        ),
        "robot.agent": "The crawler's User-Agent header:",
        "robot.contact": (
            "If the crawler causes trouble, or you would like it to read your offer from a CSV or"
            " XLSX file, write to the catalogue's coordinator at the regional labour office in "
            "Zielona Góra."
        ),
        "footer.robot": "About the crawler",
        "search.title": "Find a course, training or studies",
        "search.label": "What do you want to learn?",
        "search.hint": "E.g. welding, accounting, German, qualification code MEC.08",
        "search.submit": "Search",
        "search.filters": "Narrow the results",
        "search.apply": "Apply filters",
        "search.clear": "Clear filters",
        "search.sort": "Sort by",
        "search.sort.apply": "Sort",
        "sort.relevance": "relevance",
        "sort.start_date": "soonest start",
        "sort.price": "price (lowest first)",
        "sort.distance": "distance (nearest first)",
        "search.results": "Search results",
        "results.count.0": "No offers found.",
        "results.count.1": "1 offer found.",
        "results.count.few": "{n} offers found.",
        "results.count.many": "{n} offers found.",
        "results.for": "for “{q}”",
        "results.none.hint": "Try another word or remove some filters.",
        "results.did_you_mean": "Did you mean:",
        "results.places": "Offers held where your query says: {places} (the whole county).",
        "suggest.label": "Suggestions",
        "suggest.kind.title": "offer",
        "suggest.kind.qualification": "qualification",
        "suggest.kind.place": "place",
        "results.page": "Page {page} of {pages}",
        "pagination.label": "Result pages",
        "pagination.prev": "Previous",
        "pagination.next": "Next",
        "hit.provider": "Provider",
        "hit.place": "Place",
        "hit.start": "Next start",
        "hit.start.none": "date to be set",
        "hit.price": "Price",
        "hit.prk": "PQF level",
        "hit.distance": "Distance",
        "hit.distance.km": "{km} km from {place}",
        "filter.any_distance": "any",
        "filter.km": "{km} km",
        "online": "online",
        "price.free": "free",
        "price.unknown": "price unknown",
        "price.from": "from {price}",
        "problem.q_too_long": "The query was too long; it was shortened to {limit} characters.",
        "problem.page": "The page number must be a number from 1 to {limit}.",
        "problem.per_page": "Results per page must be from 1 to {limit}.",
        "problem.sort": "Unknown sort order; sorted by relevance.",
        "problem.filter": "An unknown value of filter “{name}” was ignored: {value}.",
        "problem.filter.unknown_value": "An unknown value of filter “{name}” was ignored: {value}.",
        "problem.filter.not_yes_no": "“{name}” takes yes or no; “{value}” was ignored.",
        "problem.filter.not_a_number": "“{name}” needs a number; “{value}” was ignored.",
        "problem.filter.out_of_range": (
            "“{name}” takes numbers from {min} to {max}; “{value}” was ignored."
        ),
        "problem.filter.not_a_date": (
            "“{name}” is not a date: “{value}”. Write it as 2027-01-31 or 31.01.2027."
        ),
        "problem.filter.reversed_range": (
            "“{name}” is below the start of the range; the filter was ignored."
        ),
        "problem.filter.unknown_place": (
            "No Lubuskie town “{value}” was found; try another or coordinates such as 52.73,15.24."
        ),
        "problem.filter.needs_place": "To search within a radius, also give a town.",
        "problem.sort_distance": "Sorting by distance needs a town; sorted by relevance.",
        "offer.back": "Back to search",
        "offer.withdrawn": (
            "This offer is no longer listed by its source. It is kept so that links keep "
            "working, but you can no longer enrol."
        ),
        "offer.details": "About this offer",
        "offer.description": "Description",
        "offer.kind": "Kind",
        "offer.provider": "Provider",
        "offer.qualification": "Qualification",
        "offer.occupation": "Occupation",
        "offer.isced": "Field of education (ISCED-F)",
        "offer.prk": "Polish Qualifications Framework level",
        "offer.form": "Form",
        "offer.language": "Language of instruction",
        "offer.hours": "Hours",
        "offer.funding": "Funding",
        "offer.audience": "Who it is for",
        "offer.unknown": "not stated",
        "offer.editions": "Dates and places",
        "offer.editions.caption": "Dates of “{title}”",
        "offer.editions.none": "The source gave no dates.",
        "edition.dates": "Dates",
        "edition.enrolment": "Enrol by",
        "edition.place": "Place",
        "edition.price": "Price",
        "edition.seats": "Seats",
        "edition.form": "Form",
        "edition.powiat": "county",
        "offer.source": "Source",
        "offer.source.link": "See at the source",
        "offer.verified": "Last checked: {date}",
        "offer.sources": "Offer found in {n} sources",
        "offer.sources.verified": "checked {date}",
        "offer.first_seen": "In the catalogue since: {date}",
        "language.pl": "Polish",
        "language.en": "English",
        "language.de": "German",
        "error.404.title": "Page not found",
        "error.404.text": "The page you are looking for does not exist or has moved.",
        "error.title": "Something went wrong",
        "error.text": "This page could not be shown. Please try again in a moment.",
        "error.503.title": "Search is temporarily unavailable",
        "error.503.text": "We cannot search the catalogue right now. Please try again shortly.",
        "error.429.title": "Too many requests",
        "error.429.text": (
            "Too many requests came from this address in a short time. Please try again shortly."
        ),
        "error.422.title": "Invalid data in the address",
        "error.home": "Go to the search page",
    },
}


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / "messages.po"


def read_catalogue(lang: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str]:
    """key -> text of one language's .po file; untranslated (empty) and fuzzy entries left out."""
    path = po_path(lang, locale_dir)
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    return {
        str(message.id): str(message.string)
        for message in catalogue
        if message.id and isinstance(message.string, str) and message.string
        if not message.fuzzy
    }


def load_messages(dict_messages: Messages) -> Messages:
    """The .po catalogues, with any text still held in a Python dict (`web.messages`) on top.

    A translation naming a placeholder its Polish text lacks is left out (it would fail when
    filled): the reader gets the Polish text, and the catalogue test names the translation.
    """
    result = {lang: read_catalogue(lang) for lang in LANGUAGES}
    for lang, texts in dict_messages.items():
        if lang == "uk":  # the Ukrainian catalogue is the translators' word on a key
            result.setdefault(lang, {}).update(
                {k: v for k, v in texts.items() if k not in result[lang]}
            )
        else:
            result.setdefault(lang, {}).update(texts)
    polish = result.get(DEFAULT_LANGUAGE, {})
    for lang, texts in result.items():
        if lang != DEFAULT_LANGUAGE:
            result[lang] = {k: v for k, v in texts.items() if fills(v, k, polish)}
    return result


def counted_prefixes(polish: Iterable[str]) -> set[str]:
    """The messages `Translator.count` words: the prefixes of Polish `.few` or `.many` keys."""
    return {key.rpartition(".")[0] for key in polish if key.endswith((".few", ".many"))}


def form_of(key: str, counted: set[str]) -> str | None:
    """The counted message a key is one form of ("results.count.one" -> "results.count")."""
    prefix, _, form = key.rpartition(".")
    return prefix if prefix in counted and form in ("0", "1", *PLURAL_CATEGORIES) else None


def placeholders(text: str) -> set[str]:
    """The names of a text's `{name}` placeholders."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def fills(text: str, key: str, polish: dict[str, str]) -> bool:
    """Whether a translation's placeholders are among its Polish text's (a count's forms: among
    those of its Polish forms). Text that `str.format` cannot read fills nothing."""
    try:
        names = placeholders(text)
    except ValueError:
        return False
    if key in polish:
        return names <= placeholders(polish[key])
    prefix = key.rpartition(".")[0] + "."
    return names <= {n for k, v in polish.items() if k.startswith(prefix) for n in placeholders(v)}


# Texts still written as Python dicts: this module's and each area's in `web/messages/`.
DICT_MESSAGES = merged(BASE_MESSAGES)
MESSAGES = load_messages(DICT_MESSAGES)


@cache
def plural_category(lang: str, n: int) -> str:
    """CLDR's category of `n` in a language: Polish 1 one, 2 few, 5 many; Ukrainian 21 one."""
    return str(Locale.parse(lang).plural_form(n))


@dataclass(frozen=True)
class Translator:
    lang: str = DEFAULT_LANGUAGE

    def __call__(self, key: str, **values: object) -> str:
        text = MESSAGES[self.lang].get(key) or MESSAGES[DEFAULT_LANGUAGE].get(key, key)
        return text.format(**values) if values else text

    def maybe(self, key: str, default: str) -> str:
        """The message, or `default` when no language has one (a language code we cannot name)."""
        return MESSAGES[self.lang].get(key) or MESSAGES[DEFAULT_LANGUAGE].get(key) or default

    def count(self, prefix: str, n: int) -> str:
        """The plural form of `n` by CLDR's rules of the language that words `prefix`.

        `prefix.0` and `prefix.1` (optional) word exactly none and one ("Nie znaleziono ofert.");
        then `prefix.<category>`: Polish 1 ofertę, 2–4 oferty, 5–21 ofert, 22–24 oferty;
        Ukrainian 1 and 21 пропозицію. A language without the prefix falls back to Polish, a
        category a language does not word to `.other`, then `.many`.
        """
        lang = self.lang
        texts = MESSAGES[lang]
        if not any(f"{prefix}.{form}" in texts for form in ("0", "1", *PLURAL_CATEGORIES)):
            lang, texts = DEFAULT_LANGUAGE, MESSAGES[DEFAULT_LANGUAGE]
        exact = [f"{prefix}.{n}"] if n in (0, 1) else []
        category = plural_category(lang, n)
        for key in (*exact, f"{prefix}.{category}", f"{prefix}.other", f"{prefix}.many"):
            if key in texts:
                return texts[key].format(n=n)
        return f"{prefix}.{category}"


def negotiate_language(request: Request) -> str:
    """`?lang=en` wins; otherwise the first supported language in Accept-Language."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES:
        return asked
    header = request.headers.get("accept-language", "")
    ranked: list[tuple[float, str]] = []
    for part in header.split(","):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        ranked.append((weight, tag.split("-")[0].lower()))
    for _, code in sorted(ranked, key=lambda item: -item[0]):
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
