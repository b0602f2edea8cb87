"""Text of following a search: its Atom feed and e-mail alerts (web/routes/feeds_atom.py,
web/routes/search_alerts.py)."""

MESSAGES = {
    "pl": {
        "follow.feed.title": "nowe oferty – {search}",
        "follow.feed.all": "wszystkie oferty",
        "follow.feed.filters": " (filtry: {n})",
        "follow.feed.subtitle": (
            "Najnowsze oferty tego wyszukiwania, od ostatnio dodanych do katalogu."
        ),
        "follow.heading": "Obserwuj to wyszukiwanie",
        "follow.feed.link": "Obserwuj to wyszukiwanie w czytniku kanałów (Atom)",
        "follow.feed.head": "Nowe oferty tego wyszukiwania (Atom)",
    },
    "en": {
        "follow.feed.title": "new offers – {search}",
        "follow.feed.all": "all offers",
        "follow.feed.filters": " (filters: {n})",
        "follow.feed.subtitle": "The newest offers of this search, the latest added first.",
        "follow.heading": "Follow this search",
        "follow.feed.link": "Follow this search in a feed reader (Atom)",
        "follow.feed.head": "New offers of this search (Atom)",
    },
}
