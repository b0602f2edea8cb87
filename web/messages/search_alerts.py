"""Text of a search's e-mail alerts (web/routes/search_alerts.py, web/templates/alerts/)."""

MESSAGES = {
    "pl": {
        "alerts.heading": "Powiadomienia e-mail",
        "alerts.intro": (
            "Dostaniesz e-mail, gdy w tym wyszukiwaniu pojawią się nowe oferty. Najpierw "
            "potwierdzisz adres linkiem z wiadomości; w każdej wiadomości jest link do wypisania."
        ),
        "alerts.email.hint": "Tylko do tych powiadomień.",
        "alerts.frequency": "Jak często",
        "alerts.frequency.daily": "raz dziennie",
        "alerts.frequency.weekly": "raz w tygodniu",
        "alerts.subscribe": "Zapisz się na powiadomienia",
        "alerts.new.title": "Powiadomienia o nowych ofertach",
        "alerts.new.intro": "Wyszukiwanie: {search}.",
        "alerts.new.see_search": "Zobacz wyniki",
        "alerts.privacy": (
            "Przechowujemy tylko adres e-mail, wyszukiwanie i częstotliwość – do czasu "
            "wypisania się. Niepotwierdzona prośba jest usuwana po tygodniu."
        ),
        "alerts.sent.title": "Sprawdź skrzynkę",
        "alerts.sent.text": (
            "Wysłaliśmy link do potwierdzenia powiadomień. Dopóki go nie otworzysz i nie "
            "potwierdzisz, nie wyślemy żadnych powiadomień."
        ),
        "alerts.throttled.title": "Zbyt wiele prób",
        "alerts.throttled.text": "Zbyt wiele próśb o powiadomienia. Spróbuj za kwadrans.",
        "alerts.confirm.title": "Potwierdź powiadomienia",
        "alerts.confirm.text": "Włączyć powiadomienia o nowych ofertach wyszukiwania {search}?",
        "alerts.confirm.button": "Potwierdzam",
        "alerts.confirmed.title": "Powiadomienia włączone",
        "alerts.confirmed.text": (
            "Gdy w wyszukiwaniu pojawią się nowe oferty, wyślemy Ci e-mail. W każdej wiadomości "
            "jest link do wypisania się."
        ),
        "alerts.unsubscribe.title": "Wypisz się z powiadomień",
        "alerts.unsubscribe.text": (
            "Wyłączyć powiadomienia o nowych ofertach wyszukiwania {search}? Usuniemy Twój "
            "adres z tych powiadomień."
        ),
        "alerts.unsubscribe.button": "Wypisz mnie",
        "alerts.unsubscribed.title": "Wypisano",
        "alerts.unsubscribed.text": "Nie wyślemy więcej powiadomień o tym wyszukiwaniu.",
        "alerts.back_to_search": "Wróć do wyszukiwania",
        "accounts.error.frequency_invalid": "Wybierz: raz dziennie albo raz w tygodniu.",
    },
    "en": {
        "alerts.heading": "E-mail alerts",
        "alerts.intro": (
            "Get an e-mail when this search has new offers. You first confirm the address by a "
            "link in a message; every message has a link to unsubscribe."
        ),
        "alerts.email.hint": "Only for these alerts.",
        "alerts.frequency": "How often",
        "alerts.frequency.daily": "daily",
        "alerts.frequency.weekly": "weekly",
        "alerts.subscribe": "Subscribe to alerts",
        "alerts.new.title": "Alerts of new offers",
        "alerts.new.intro": "Search: {search}.",
        "alerts.new.see_search": "See the results",
        "alerts.privacy": (
            "We keep only the e-mail address, the search and how often, until you unsubscribe. "
            "A request not confirmed is deleted after a week."
        ),
        "alerts.sent.title": "Check your mailbox",
        "alerts.sent.text": (
            "We sent a link to confirm the alerts. Until you open it and confirm, no alert is sent."
        ),
        "alerts.throttled.title": "Too many attempts",
        "alerts.throttled.text": "Too many alert requests. Try again in a quarter of an hour.",
        "alerts.confirm.title": "Confirm the alerts",
        "alerts.confirm.text": "Turn on alerts of new offers of the search {search}?",
        "alerts.confirm.button": "Confirm",
        "alerts.confirmed.title": "Alerts on",
        "alerts.confirmed.text": (
            "When the search has new offers, we will e-mail you. Every message has a link to "
            "unsubscribe."
        ),
        "alerts.unsubscribe.title": "Unsubscribe from alerts",
        "alerts.unsubscribe.text": (
            "Turn off alerts of new offers of the search {search}? Your address is deleted "
            "from these alerts."
        ),
        "alerts.unsubscribe.button": "Unsubscribe me",
        "alerts.unsubscribed.title": "Unsubscribed",
        "alerts.unsubscribed.text": "No more alerts of this search will be sent.",
        "alerts.back_to_search": "Back to the search",
        "accounts.error.frequency_invalid": "Choose daily or weekly.",
    },
}
