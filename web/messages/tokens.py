"""Text of the panel's API tokens page (`/panel/tokeny`: web/routes/panel_tokens.py)."""

MESSAGES = {
    "pl": {
        "tokens.title": "Tokeny API",
        "tokens.back": "Wróć do panelu",
        "tokens.intro": (
            "Token pozwala programowi Twojej instytucji (np. systemowi zapisów) dodawać, "
            "zmieniać i archiwizować Wasze oferty przez API katalogu, bez logowania. Token "
            "działa tylko dla ofert Twojej instytucji. Jeśli wyciekł albo nie jest już "
            "potrzebny, unieważnij go."
        ),
        "tokens.usage": "Program wysyła token w nagłówku",
        "tokens.docs": "Opis API (OpenAPI, sekcja „institution”):",
        "tokens.docs.link": "/openapi.json",
        "tokens.created.title": "Nowy token",
        "tokens.created.once": (
            "Skopiuj go teraz i przechowuj jak hasło: nie pokażemy go ponownie. Gdy go zgubisz, "
            "utwórz nowy i unieważnij stary."
        ),
        "tokens.created.label": "Token",
        "tokens.revoked.done": (
            "Token unieważniony: programy, które go używają, nie mają już dostępu."
        ),
        "tokens.list": "Tokeny Twojej instytucji",
        "tokens.none": "Twoja instytucja nie ma jeszcze tokenów.",
        "tokens.col.name": "Nazwa",
        "tokens.col.prefix": "Początek tokenu",
        "tokens.col.created": "Utworzony",
        "tokens.col.last_used": "Ostatnio użyty",
        "tokens.col.state": "Stan",
        "tokens.never": "nigdy",
        "tokens.state.revoked": "unieważniony {when}",
        "tokens.revoke": "Unieważnij",
        "tokens.revoke.label": "Unieważnij token „{name}”",
        "tokens.new": "Utwórz token",
        "tokens.name": "Nazwa tokenu",
        "tokens.name.hint": "Po nazwie rozpoznasz, który program go używa, np. „System zapisów”.",
        "tokens.create": "Utwórz token",
        "tokens.error.name": "Podaj nazwę tokenu (najwyżej {max} znaków).",
    },
    "en": {
        "tokens.title": "API tokens",
        "tokens.back": "Back to the panel",
        "tokens.intro": (
            "A token lets your institution's program (an enrolment system, say) add, change "
            "and archive your offers through the catalogue's API without signing in. It works "
            "only for your institution's offers. Revoke it if it leaked or is no longer needed."
        ),
        "tokens.usage": "The program sends the token in the header",
        "tokens.docs": "The API's description (OpenAPI, section “institution”):",
        "tokens.docs.link": "/openapi.json",
        "tokens.created.title": "New token",
        "tokens.created.once": (
            "Copy it now and keep it like a password: it will not be shown again. If you lose "
            "it, make a new one and revoke the old one."
        ),
        "tokens.created.label": "Token",
        "tokens.revoked.done": "Token revoked: programs using it no longer have access.",
        "tokens.list": "Your institution's tokens",
        "tokens.none": "Your institution has no tokens yet.",
        "tokens.col.name": "Name",
        "tokens.col.prefix": "Token begins",
        "tokens.col.created": "Created",
        "tokens.col.last_used": "Last used",
        "tokens.col.state": "State",
        "tokens.never": "never",
        "tokens.state.revoked": "revoked {when}",
        "tokens.revoke": "Revoke",
        "tokens.revoke.label": "Revoke the token “{name}”",
        "tokens.new": "Make a token",
        "tokens.name": "Token name",
        "tokens.name.hint": "The name tells you which program uses it, e.g. “Enrolment system”.",
        "tokens.create": "Make the token",
        "tokens.error.name": "Give the token a name (at most {max} characters).",
    },
}
