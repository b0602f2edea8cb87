"""Text of the answers to requests that need someone signed in (`web/auth.py`)."""

MESSAGES = {
    "pl": {
        "error.401.title": "Zaloguj się",
        "error.401.text": "Ta strona jest dostępna tylko po zalogowaniu.",
        "error.403.title": "Brak dostępu",
        "error.403.text": (
            "Nie masz uprawnień do tej strony albo formularz wygasł. Wróć, odśwież stronę i "
            "spróbuj ponownie."
        ),
    },
    "en": {
        "error.401.title": "Please sign in",
        "error.401.text": "This page is available only to signed-in users.",
        "error.403.title": "Access denied",
        "error.403.text": (
            "You may not open this page, or the form has expired. Go back, reload the page and "
            "try again."
        ),
    },
}
