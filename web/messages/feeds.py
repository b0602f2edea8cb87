"""Text of the panel's feeds page (`/panel/zrodla`: web/routes/panel_feeds.py)."""

MESSAGES = {
    "pl": {
        "feeds.title": "Źródła ofert: plik lub strona",
        "feeds.intro": (
            "Podaj adres pliku CSV lub XLSX z Twoimi ofertami (kolumny opisuje instrukcja "
            "formatu pliku) albo adres strony, która opisuje kursy znacznikami schema.org. "
            "Katalog będzie go odczytywać regularnie, a oferty z niego pokażą się jako oferty "
            "Twojej instytucji."
        ),
        "feeds.pending": ("Źródła będą odczytywane, gdy koordynator zatwierdzi Twoją instytucję."),
        "feeds.list": "Twoje źródła",
        "feeds.none": "Nie masz jeszcze zarejestrowanych źródeł.",
        "feeds.col.address": "Adres",
        "feeds.col.kind": "Rodzaj",
        "feeds.col.every": "Jak często",
        "feeds.col.state": "Stan",
        "feeds.col.last": "Ostatni odczyt",
        "feeds.col.actions": "Działania",
        "feeds.caption": "Zarejestrowane źródła ofert i wynik ich ostatniego odczytu",
        "feeds.kind.file": "plik CSV lub XLSX",
        "feeds.kind.site": "strona ze schema.org",
        "feeds.state.on": "odczytywane",
        "feeds.state.off": "wyłączone",
        "feeds.run.none": "jeszcze nie odczytano",
        "feeds.run.running": "trwa",
        "feeds.run.success": "udany",
        "feeds.run.partial": "częściowy",
        "feeds.run.failed": "nieudany",
        "feeds.run.counts": (
            "ofert: {seen}, nowe: {new}, zmienione: {updated}, odrzucone: {rejected}, "
            "wycofane: {withdrawn}"
        ),
        "feeds.run.errors": "Błędy",
        "feeds.every.6h": "co 6 godzin",
        "feeds.every.12h": "co 12 godzin",
        "feeds.every.1d": "raz dziennie",
        "feeds.every.7d": "raz w tygodniu",
        "feeds.disable": "Wyłącz",
        "feeds.enable": "Włącz",
        "feeds.delete": "Usuń",
        "feeds.action.label": "{action}: {address}",
        "feeds.offers": "Oferty z Twoich źródeł",
        "feeds.offers.intro": (
            "Te oferty są opublikowane w wyszukiwarce. Zmieniasz je w swoim pliku lub na "
            "stronie: katalog odczyta zmiany przy następnym odczycie."
        ),
        "feeds.add": "Dodaj źródło",
        "feeds.url": "Adres pliku lub strony",
        "feeds.url.hint": (
            "Zaczyna się od https:// lub http://. Dla strony podaj adres jej mapy witryny "
            "(sitemap.xml) albo stronę główną."
        ),
        "feeds.kind": "Rodzaj źródła",
        "feeds.every": "Jak często odczytywać",
        "feeds.submit": "Zarejestruj źródło",
        "feeds.errors.title": "Popraw formularz",
        "feeds.added": "Źródło zarejestrowane. Pierwszy odczyt nastąpi w ciągu kilku minut.",
        "feeds.disabled": "Źródło wyłączone: nie będzie odczytywane.",
        "feeds.enabled": "Źródło włączone.",
        "feeds.deleted": "Źródło usunięte; jego oferty wycofano z wyszukiwarki.",
        "feeds.delete.title": "Usunąć źródło?",
        "feeds.delete.text": (
            "Źródło {address} przestanie być odczytywane, a jego opublikowane oferty zostaną "
            "wycofane z wyszukiwarki. Tego nie można cofnąć."
        ),
        "feeds.delete.confirm": "Tak, usuń źródło",
        "feeds.delete.cancel": "Nie, wróć do listy źródeł",
        "feeds.error.url_missing": "Podaj adres pliku lub strony.",
        "feeds.error.url_invalid": "To nie jest poprawny adres internetowy.",
        "feeds.error.url_scheme": "Adres musi zaczynać się od https:// lub http://.",
        "feeds.error.url_credentials": "Adres nie może zawierać nazwy użytkownika ani hasła.",
        "feeds.error.url_unresolved": "Nie znaleziono serwera o tej nazwie. Sprawdź adres.",
        "feeds.error.url_private": (
            "Ten adres prowadzi do sieci prywatnej lub wewnętrznej. Podaj adres dostępny "
            "publicznie w internecie."
        ),
        "feeds.error.url_duplicate": "To źródło jest już zarejestrowane.",
        "feeds.error.too_many": "Możesz zarejestrować najwyżej 10 źródeł.",
        "feeds.error.site_path": (
            "Dla strony podaj adres mapy witryny (kończy się na .xml), plik robots.txt albo "
            "stronę główną."
        ),
        "feeds.error.file_is_sitemap": (
            "Ten adres wygląda na mapę witryny. Wybierz rodzaj „strona ze schema.org” albo "
            "podaj adres pliku CSV lub XLSX."
        ),
        "feeds.error.kind_invalid": "Wybierz rodzaj źródła.",
        "feeds.error.every_invalid": "Wybierz, jak często odczytywać źródło.",
    },
    "en": {
        "feeds.title": "Offer sources: a file or a site",
        "feeds.intro": (
            "Give the address of a CSV or XLSX file with your offers (the file format guide "
            "describes its columns) or of a site that describes its courses with schema.org "
            "markup. The catalogue reads it regularly and shows its offers as your "
            "institution's."
        ),
        "feeds.pending": "Sources are read once the coordinator approves your institution.",
        "feeds.list": "Your sources",
        "feeds.none": "You have not registered any sources yet.",
        "feeds.col.address": "Address",
        "feeds.col.kind": "Kind",
        "feeds.col.every": "How often",
        "feeds.col.state": "State",
        "feeds.col.last": "Last reading",
        "feeds.col.actions": "Actions",
        "feeds.caption": "Registered offer sources and the result of their last reading",
        "feeds.kind.file": "CSV or XLSX file",
        "feeds.kind.site": "site with schema.org",
        "feeds.state.on": "read",
        "feeds.state.off": "disabled",
        "feeds.run.none": "not read yet",
        "feeds.run.running": "in progress",
        "feeds.run.success": "succeeded",
        "feeds.run.partial": "partial",
        "feeds.run.failed": "failed",
        "feeds.run.counts": (
            "offers: {seen}, new: {new}, changed: {updated}, rejected: {rejected}, "
            "withdrawn: {withdrawn}"
        ),
        "feeds.run.errors": "Errors",
        "feeds.every.6h": "every 6 hours",
        "feeds.every.12h": "every 12 hours",
        "feeds.every.1d": "once a day",
        "feeds.every.7d": "once a week",
        "feeds.disable": "Disable",
        "feeds.enable": "Enable",
        "feeds.delete": "Delete",
        "feeds.action.label": "{action}: {address}",
        "feeds.offers": "Offers from your sources",
        "feeds.offers.intro": (
            "These offers are published in search. Change them in your file or on your site: "
            "the catalogue reads the changes at its next reading."
        ),
        "feeds.add": "Add a source",
        "feeds.url": "Address of the file or site",
        "feeds.url.hint": (
            "Starts with https:// or http://. For a site give the address of its sitemap "
            "(sitemap.xml) or its home page."
        ),
        "feeds.kind": "Kind of source",
        "feeds.every": "How often to read it",
        "feeds.submit": "Register the source",
        "feeds.errors.title": "Please correct the form",
        "feeds.added": "Source registered. It will first be read within a few minutes.",
        "feeds.disabled": "Source disabled: it will not be read.",
        "feeds.enabled": "Source enabled.",
        "feeds.deleted": "Source deleted; its offers were withdrawn from search.",
        "feeds.delete.title": "Delete the source?",
        "feeds.delete.text": (
            "The source {address} will no longer be read, and its published offers will be "
            "withdrawn from search. This cannot be undone."
        ),
        "feeds.delete.confirm": "Yes, delete the source",
        "feeds.delete.cancel": "No, back to the sources",
        "feeds.error.url_missing": "Give the address of the file or site.",
        "feeds.error.url_invalid": "This is not a valid web address.",
        "feeds.error.url_scheme": "The address must start with https:// or http://.",
        "feeds.error.url_credentials": "The address may not contain a user name or password.",
        "feeds.error.url_unresolved": "No server of this name was found. Check the address.",
        "feeds.error.url_private": (
            "This address leads to a private or internal network. Give an address that is "
            "public on the internet."
        ),
        "feeds.error.url_duplicate": "This source is already registered.",
        "feeds.error.too_many": "You may register at most 10 sources.",
        "feeds.error.site_path": (
            "For a site give the address of its sitemap (ending in .xml), its robots.txt or "
            "its home page."
        ),
        "feeds.error.file_is_sitemap": (
            "This address looks like a sitemap. Choose the kind “site with schema.org” or give "
            "the address of a CSV or XLSX file."
        ),
        "feeds.error.kind_invalid": "Choose the kind of source.",
        "feeds.error.every_invalid": "Choose how often to read the source.",
    },
}
