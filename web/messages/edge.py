"""Text of the answers the web edge gives before any route (`web/edge.py`)."""

MESSAGES = {
    "pl": {
        "error.413.title": "Za dużo danych",
        "error.413.text": (
            "Wysłano więcej danych, niż serwis przyjmuje (najwięcej 6 MB). Plik z ofertami może "
            "mieć do 5 MB: podziel większy na części."
        ),
    },
    "en": {
        "error.413.title": "Too much data",
        "error.413.text": (
            "More data was sent than the service accepts (6 MB at most). A file of offers may "
            "be up to 5 MB: split a larger one."
        ),
    },
}
