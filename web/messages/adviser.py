"""Text of a career adviser's client shortlists (web/routes/adviser.py, web/templates/adviser/)."""

MESSAGES = {
    "pl": {
        "nav.adviser": "Listy klientów",
        "nav.referral_outcomes": "Wyniki skierowań",
        "adviser.title": "Listy propozycji dla klientów",
        "adviser.intro": (
            "Klienta oznaczasz wyłącznie numerem sprawy lub pseudonimem. Nie wpisuj imienia, "
            "nazwiska, numeru PESEL, adresu e-mail ani telefonu: teczka klienta jest w urzędzie "
            "pracy, nie w tym katalogu."
        ),
        "adviser.new": "Nowa lista",
        "adviser.label": "Numer sprawy lub pseudonim klienta",
        "adviser.label.short": "Numer sprawy lub pseudonim",
        "adviser.label.hint": (
            "Najwyżej {max} znaków, np. CAZ/2026/0153 albo „Klient Zielony”. Bez danych osobowych."
        ),
        "adviser.create": "Utwórz listę",
        "adviser.lists": "Twoje listy",
        "adviser.none": "Nie masz jeszcze żadnej listy.",
        "adviser.items.0": "bez ofert",
        "adviser.items.1": "1 oferta",
        "adviser.items.few": "{n} oferty",
        "adviser.items.many": "{n} ofert",
        "adviser.made": "utworzona {date}",
        "adviser.flash.created": "Utworzono listę.",
        "adviser.flash.added": "Dodano ofertę do listy.",
        "adviser.flash.edition": "Wybrano termin tej oferty.",
        "adviser.flash.already": "Ta oferta jest już na liście.",
        "adviser.flash.removed": "Usunięto.",
        "adviser.flash.moved": "Zmieniono kolejność.",
        "adviser.flash.noted": "Zapisano notatkę.",
        "adviser.flash.outcome": "Zapisano wynik.",
        "adviser.error.label_empty": "Wpisz numer sprawy lub pseudonim klienta.",
        "adviser.error.label_long": "Numer sprawy lub pseudonim może mieć najwyżej {max} znaków.",
        "adviser.error.label_email": (
            "To wygląda na adres e-mail. Wpisz numer sprawy lub pseudonim – bez danych osobowych."
        ),
        "adviser.error.label_pesel": (
            "To wygląda na numer PESEL. Wpisz numer sprawy lub pseudonim – bez danych osobowych."
        ),
        "adviser.error.label_phone": (
            "To wygląda na numer telefonu. Wpisz numer sprawy (z jego oznaczeniem, np. CAZ/…) "
            "lub pseudonim – bez danych osobowych."
        ),
        "adviser.error.unknown_offer": "Nie ma opublikowanej oferty o tym numerze.",
        "adviser.error.unknown_edition": "Ta oferta nie ma takiego terminu.",
        "adviser.error.full": "Lista może mieć najwyżej 50 ofert.",
        "adviser.error.note_long": "Notatka może mieć najwyżej {max} znaków.",
        "adviser.error.unknown_outcome": "Wybierz wynik z listy.",
        "adviser.error.unknown_direction": "Nieznany kierunek.",
        "adviser.back": "Wszystkie listy",
        "adviser.shortlist.title": "Lista dla: {label}",
        "adviser.add": "Dodaj ofertę",
        "adviser.add.hint": (
            "Numer oferty jest w jej adresie (/oferty/123). Możesz też dodać ofertę przyciskiem "
            "„Dodaj do listy klienta” na stronie oferty."
        ),
        "adviser.add.offer": "Numer oferty",
        "adviser.add.button": "Dodaj do listy",
        "adviser.add.from_offer": "Dodaj do listy klienta",
        "adviser.add.edition": "Do listy klienta",
        "adviser.items.heading": "Oferty na liście",
        "adviser.empty": "Lista jest pusta.",
        "adviser.totals": "Koszt razem: {cost}. Godziny razem: {hours}.",
        "adviser.note": "Notatka",
        "adviser.note.hint": "Najwyżej {max} znaków, o ofercie – nie o kliencie.",
        "adviser.outcome": "Wynik",
        "adviser.outcome.none": "nie zapisano",
        "adviser.outcome.enrolled": "zapisał(a) się",
        "adviser.outcome.completed": "ukończył(a)",
        "adviser.outcome.dropped": "zrezygnował(a)",
        "adviser.outcome.record": "Wynik skierowania",
        "adviser.outcome.save": "Zapisz wynik",
        "adviser.referral": "Skierowanie",
        "adviser.referral.intro": (
            "Skierowanie do wydruku ma kod QR prowadzący do kopii tylko do odczytu, ważnej "
            "{days} dni. Nowy link unieważnia poprzedni."
        ),
        "adviser.referral.live": "Obecny link jest ważny do {date}.",
        "adviser.referral.make": "Utwórz link i kod QR skierowania",
        "adviser.referral.open": "Otwórz skierowanie do wydruku",
        "adviser.delete": "Usuń listę",
        "adviser.delete.hint": "Usuwa listę, jej oferty, notatki i wyniki oraz link skierowania.",
        "adviser.delete.button": "Usuń listę {label}",
        "adviser.choose.title": "Dodaj do listy klienta",
        "adviser.choose.offer": "Oferta: {title}",
        "adviser.choose.legend": "Lista klienta",
        "adviser.choose.new": "Utwórz nową listę",
        "adviser.sheet.title": "Propozycje kształcenia",
        "adviser.sheet.back": "Wróć do listy",
        "adviser.sheet.date": "Data",
        "adviser.sheet.intro": (
            "Doradca zawodowy proponuje poniższe oferty. Zapisy i szczegóły – u organizatora, "
            "pod adresem podanym przy ofercie."
        ),
        "adviser.sheet.more": "Szczegóły",
        "adviser.sheet.online": "Wersja w internecie",
        "adviser.sheet.qr": "Kod QR z adresem wersji w internecie",
        "adviser.sheet.expires": "Link jest ważny do {date}.",
        "adviser.sheet.no_link": (
            "Ta strona nie ma jeszcze linku ani kodu QR: utwórz je, zanim wydrukujesz skierowanie."
        ),
        "adviser.sheet.print": "Wydrukuj tę stronę poleceniem drukowania przeglądarki (Ctrl+P).",
        "adviser.sheet.pdf": "Pobierz skierowanie jako PDF",
        "adviser.outcomes.title": "Wyniki skierowań",
        "adviser.outcomes.intro": (
            "Ile skierowań doradców zakończyło się zapisem, ukończeniem lub rezygnacją – dla "
            "każdej oferty. Same liczby: bez oznaczeń klientów i bez nazwisk doradców."
        ),
        "adviser.outcomes.caption": "Wyniki skierowań według oferty",
        "adviser.outcomes.offer": "Oferta",
        "adviser.outcomes.none": "Doradcy nie zapisali jeszcze żadnego wyniku.",
    },
    "en": {
        "nav.adviser": "Client lists",
        "nav.referral_outcomes": "Referral outcomes",
        "adviser.title": "Shortlists for clients",
        "adviser.intro": (
            "Name a client only by a case number or a pseudonym. Do not enter a name, PESEL "
            "number, e-mail address or phone: the client's file is at the labour office, not in "
            "this catalogue."
        ),
        "adviser.new": "New shortlist",
        "adviser.label": "Client's case number or pseudonym",
        "adviser.label.short": "Case number or pseudonym",
        "adviser.label.hint": (
            "At most {max} characters, e.g. CAZ/2026/0153 or “Client Green”. No personal data."
        ),
        "adviser.create": "Create the shortlist",
        "adviser.lists": "Your shortlists",
        "adviser.none": "You have no shortlist yet.",
        "adviser.items.0": "no offers",
        "adviser.items.1": "1 offer",
        "adviser.items.few": "{n} offers",
        "adviser.items.many": "{n} offers",
        "adviser.made": "made {date}",
        "adviser.flash.created": "Shortlist created.",
        "adviser.flash.added": "Offer added to the shortlist.",
        "adviser.flash.edition": "The offer's date was chosen.",
        "adviser.flash.already": "This offer is on the shortlist already.",
        "adviser.flash.removed": "Removed.",
        "adviser.flash.moved": "Order changed.",
        "adviser.flash.noted": "Note saved.",
        "adviser.flash.outcome": "Outcome saved.",
        "adviser.error.label_empty": "Enter the client's case number or pseudonym.",
        "adviser.error.label_long": "A case number or pseudonym has at most {max} characters.",
        "adviser.error.label_email": (
            "This looks like an e-mail address. Enter a case number or pseudonym – "
            "no personal data."
        ),
        "adviser.error.label_pesel": (
            "This looks like a PESEL number. Enter a case number or pseudonym – no personal data."
        ),
        "adviser.error.label_phone": (
            "This looks like a phone number. Enter a case number (with its prefix, e.g. CAZ/…) "
            "or a pseudonym – no personal data."
        ),
        "adviser.error.unknown_offer": "No published offer has this number.",
        "adviser.error.unknown_edition": "This offer has no such date.",
        "adviser.error.full": "A shortlist holds at most 50 offers.",
        "adviser.error.note_long": "A note has at most {max} characters.",
        "adviser.error.unknown_outcome": "Choose an outcome from the list.",
        "adviser.error.unknown_direction": "Unknown direction.",
        "adviser.back": "All shortlists",
        "adviser.shortlist.title": "Shortlist for: {label}",
        "adviser.add": "Add an offer",
        "adviser.add.hint": (
            "An offer's number is in its address (/oferty/123). You can also add an offer with "
            "the “Add to a client's shortlist” button on its page."
        ),
        "adviser.add.offer": "Offer number",
        "adviser.add.button": "Add to the shortlist",
        "adviser.add.from_offer": "Add to a client's shortlist",
        "adviser.add.edition": "To a client's shortlist",
        "adviser.items.heading": "Offers on the shortlist",
        "adviser.empty": "The shortlist is empty.",
        "adviser.totals": "Total cost: {cost}. Total hours: {hours}.",
        "adviser.note": "Note",
        "adviser.note.hint": "At most {max} characters, about the offer – not about the client.",
        "adviser.outcome": "Outcome",
        "adviser.outcome.none": "not recorded",
        "adviser.outcome.enrolled": "enrolled",
        "adviser.outcome.completed": "completed",
        "adviser.outcome.dropped": "dropped out",
        "adviser.outcome.record": "Referral outcome",
        "adviser.outcome.save": "Save the outcome",
        "adviser.referral": "Referral",
        "adviser.referral.intro": (
            "The printable referral has a QR code leading to a read-only copy that works for "
            "{days} days. A new link replaces the previous one."
        ),
        "adviser.referral.live": "The current link works until {date}.",
        "adviser.referral.make": "Create the referral's link and QR code",
        "adviser.referral.open": "Open the printable referral",
        "adviser.delete": "Delete the shortlist",
        "adviser.delete.hint": "Deletes the shortlist, its offers, notes, outcomes and its link.",
        "adviser.delete.button": "Delete the shortlist {label}",
        "adviser.choose.title": "Add to a client's shortlist",
        "adviser.choose.offer": "Offer: {title}",
        "adviser.choose.legend": "Client's shortlist",
        "adviser.choose.new": "Create a new shortlist",
        "adviser.sheet.title": "Suggested courses",
        "adviser.sheet.back": "Back to the shortlist",
        "adviser.sheet.date": "Date",
        "adviser.sheet.intro": (
            "A career adviser suggests the offers below. To enrol and for details, contact the "
            "provider at the address given with each offer."
        ),
        "adviser.sheet.more": "Details",
        "adviser.sheet.online": "Online copy",
        "adviser.sheet.qr": "QR code with the address of the online copy",
        "adviser.sheet.expires": "The link works until {date}.",
        "adviser.sheet.no_link": (
            "This page has no link or QR code yet: create them before printing the referral."
        ),
        "adviser.sheet.print": "Print this page with the browser's print command (Ctrl+P).",
        "adviser.sheet.pdf": "Download the referral as a PDF",
        "adviser.outcomes.title": "Referral outcomes",
        "adviser.outcomes.intro": (
            "How many advisers' referrals ended in enrolment, completion or dropping out – per "
            "offer. Counts only: no client labels and no advisers' names."
        ),
        "adviser.outcomes.caption": "Referral outcomes per offer",
        "adviser.outcomes.offer": "Offer",
        "adviser.outcomes.none": "Advisers have not recorded any outcome yet.",
    },
}
