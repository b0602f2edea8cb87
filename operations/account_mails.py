"""The e-mails accounts send: each a subject and a plain text, Polish first, then English."""

from __future__ import annotations

SIGNATURE = (
    "\n-- \nKatalog kształcenia ustawicznego – Lubuskie\n"
    "Ta wiadomość została wysłana automatycznie. / This message was sent automatically.\n"
)


def _mail(subject: str, polish: str, english: str) -> tuple[str, str]:
    return subject, f"{polish.strip()}\n\n---\n\n{english.strip()}\n{SIGNATURE}"


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
