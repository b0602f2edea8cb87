"""The e-mails accounts send: each a subject and a plain text, Polish first, then English."""

from __future__ import annotations

SIGNATURE = (
    "\n-- \nKatalog kształcenia ustawicznego – Lubuskie\n"
    "Ta wiadomość została wysłana automatycznie. / This message was sent automatically.\n"
)


def _mail(subject: str, polish: str, english: str, *others: str) -> tuple[str, str]:
    """A subject and a body: Polish, then English, then any other language, each after a rule."""
    body = "\n\n---\n\n".join(text.strip() for text in (polish, english, *others))
    return subject, f"{body}\n{SIGNATURE}"


def confirm(institution: str, url: str) -> tuple[str, str]:
    return _mail(
        "Potwierdź adres e-mail / Confirm your e-mail address",
        f"""Dzień dobry,

zarejestrowano konto instytucji „{institution}” w katalogu kształcenia ustawicznego.
Aby potwierdzić adres e-mail, otwórz link (ważny 48 godzin):

{url}

Potem koordynator katalogu zatwierdzi instytucję. Jeśli to nie Ty zakładasz konto,
zignoruj tę wiadomość.""",
        f"""Hello,

an account of the institution "{institution}" was registered in the lifelong learning
catalogue. To confirm your e-mail address, open this link (valid for 48 hours):

{url}

The catalogue's coordinator then approves the institution. If it was not you, ignore this
message.""",
    )


def already_registered(reset_url: str) -> tuple[str, str]:
    return _mail(
        "Próba rejestracji na Twój adres / A registration with your address",
        f"""Dzień dobry,

ktoś próbował zarejestrować w katalogu kształcenia ustawicznego nowe konto na ten adres
e-mail, ale konto z tym adresem już istnieje. Nie utworzyliśmy drugiego.
Jeśli nie pamiętasz hasła, ustaw nowe: {reset_url}
Jeśli to nie Ty, zignoruj tę wiadomość.""",
        f"""Hello,

someone tried to register a new account in the lifelong learning catalogue with this
e-mail address, but an account with it already exists; no second one was made.
If you forgot your password, set a new one: {reset_url}
If it was not you, ignore this message.""",
    )


def reset(url: str) -> tuple[str, str]:
    return _mail(
        "Ustaw nowe hasło / Set a new password",
        f"""Dzień dobry,

aby ustawić nowe hasło do katalogu kształcenia ustawicznego, otwórz link (ważny godzinę,
jednorazowy):

{url}

Po zmianie hasła wszystkie zalogowane urządzenia zostaną wylogowane. Jeśli to nie Ty prosisz
o zmianę, zignoruj tę wiadomość – hasło się nie zmieni.""",
        f"""Hello,

to set a new password for the lifelong learning catalogue, open this link (valid for one
hour, single use):

{url}

Changing the password signs out every device. If you did not ask for it, ignore this message:
the password stays as it is.""",
    )


def approved(institution: str, url: str) -> tuple[str, str]:
    return _mail(
        "Instytucja zatwierdzona / Institution approved",
        f"""Dzień dobry,

koordynator katalogu zatwierdził instytucję „{institution}”. Oferty zapisane w panelu można
teraz publikować: {url}""",
        f"""Hello,

the catalogue's coordinator approved the institution "{institution}". Offers saved in the
panel can now be published: {url}""",
    )


def refused(institution: str, reason: str) -> tuple[str, str]:
    return _mail(
        "Instytucja niezatwierdzona / Institution not approved",
        f"""Dzień dobry,

koordynator katalogu nie zatwierdził instytucji „{institution}”. Powód:

{reason}

W razie pytań odpowiedz koordynatorowi katalogu w Wojewódzkim Urzędzie Pracy w Zielonej
Górze.""",
        f"""Hello,

the catalogue's coordinator did not approve the institution "{institution}". The reason:

{reason}

With questions, write to the catalogue's coordinator at the Regional Labour Office in
Zielona Góra.""",
    )


def awaiting(institution: str, url: str) -> tuple[str, str]:
    return _mail(
        "Instytucja czeka na zatwierdzenie / An institution awaits approval",
        f"""Dzień dobry,

instytucja „{institution}” zarejestrowała się w katalogu i potwierdziła adres e-mail.
Czeka na zatwierdzenie: {url}""",
        f"""Hello,

the institution "{institution}" registered in the catalogue and confirmed its e-mail
address. It awaits approval: {url}""",
    )


# --- a career adviser's request (operations.adviser_accounts) -----------------------------


def adviser_confirm(url: str) -> tuple[str, str]:
    return _mail(
        "Potwierdź adres e-mail / Confirm your e-mail address",
        f"""Dzień dobry,

w katalogu kształcenia ustawicznego złożono prośbę o konto doradcy zawodowego na ten adres.
Aby potwierdzić adres e-mail, otwórz link (ważny 48 godzin):

{url}

Potem koordynator katalogu rozpatrzy prośbę; dostaniesz wiadomość o decyzji. Jeśli to nie Ty
prosisz o konto, zignoruj tę wiadomość.""",
        f"""Hello,

a career adviser's account was requested in the lifelong learning catalogue with this
address. To confirm your e-mail address, open this link (valid for 48 hours):

{url}

The catalogue's coordinator then decides on the request and you will be told by e-mail. If it
was not you, ignore this message.""",
    )


def adviser_awaiting(name: str, url: str) -> tuple[str, str]:
    return _mail(
        "Doradca czeka na zatwierdzenie / An adviser awaits approval",
        f"""Dzień dobry,

{name} prosi o konto doradcy zawodowego w katalogu i potwierdził(a) adres e-mail.
Prośba czeka na decyzję: {url}""",
        f"""Hello,

{name} asks for a career adviser's account in the catalogue and confirmed the e-mail
address. The request awaits a decision: {url}""",
    )


def adviser_approved(url: str) -> tuple[str, str]:
    return _mail(
        "Konto doradcy zatwierdzone / Adviser's account approved",
        f"""Dzień dobry,

koordynator katalogu zatwierdził Twoje konto doradcy zawodowego. Możesz się zalogować
i tworzyć listy ofert dla klientów: {url}""",
        f"""Hello,

the catalogue's coordinator approved your career adviser's account. You can sign in and
build shortlists of offers for clients: {url}""",
    )


def adviser_refused(reason: str) -> tuple[str, str]:
    return _mail(
        "Konto doradcy niezatwierdzone / Adviser's account not approved",
        f"""Dzień dobry,

koordynator katalogu nie zatwierdził prośby o konto doradcy zawodowego. Powód:

{reason}

Prośba i podane w niej dane zostały usunięte; możesz złożyć ją ponownie. W razie pytań
napisz do koordynatora katalogu w Wojewódzkim Urzędzie Pracy w Zielonej Górze.""",
        f"""Hello,

the catalogue's coordinator did not approve the request for a career adviser's account.
The reason:

{reason}

The request and the data in it were deleted; you may ask again. With questions, write to the
catalogue's coordinator at the Regional Labour Office in Zielona Góra.""",
    )
