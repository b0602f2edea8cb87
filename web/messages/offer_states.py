"""Text of the public offer page about an institution's offer taken out of search."""

MESSAGES = {
    "pl": {
        "offer.archived": (
            "Instytucja przeniosła tę ofertę do archiwum: nie ma jej w wyszukiwarce, a zapisy "
            "mogą być zamknięte. Sprawdź aktualną ofertę instytucji."
        ),
    },
    "en": {
        "offer.archived": (
            "The institution has archived this offer: it is no longer in search and enrolment "
            "may be closed. Check the institution's current offer."
        ),
    },
}
