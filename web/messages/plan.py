"""Text of "Mój plan" (web/routes/plan.py, web/templates/plan/page.html) and its buttons on
result cards and offer pages."""

MESSAGES = {
    "pl": {
        "plan.nav": "Mój plan",
        "plan.title": "Mój plan",
        "plan.shared.title": "Plan nauki (tylko do odczytu)",
        "plan.intro": (
            "Plan jest zapisany na serwerze pod losowym kluczem przechowywanym w ciasteczku tej "
            "przeglądarki – bez konta i bez danych osobowych. Plan nieużywany przez {days} dni "
            "jest usuwany."
        ),
        "plan.shared.intro": (
            "Ktoś udostępnił Ci swój plan. Możesz go przeglądać, wydrukować i pobrać do "
            "kalendarza, ale nie możesz go zmieniać."
        ),
        "plan.empty": (
            "Plan jest pusty. Dodaj do niego oferty przyciskiem „Dodaj do planu” na liście "
            "wyników wyszukiwania lub na stronie oferty."
        ),
        "plan.to_search": "Przejdź do wyszukiwarki",
        "plan.back": "Wróć do poprzedniej strony",
        "plan.flash.added": "Dodano do planu.",
        "plan.flash.edition": "Wybrano termin tej oferty w planie.",
        "plan.flash.already": "Ta oferta jest już w planie.",
        "plan.flash.removed": "Usunięto z planu.",
        "plan.flash.moved": "Zmieniono kolejność.",
        "plan.flash.noted": "Zapisano notatkę.",
        "plan.flash.cleared": "Usunięto wybór terminu.",
        "plan.error.unknown_offer": "Tej oferty nie ma w katalogu albo nie jest już opublikowana.",
        "plan.error.unknown_edition": "Ta oferta nie ma takiego terminu.",
        "plan.error.full": "Plan może mieć najwyżej 50 pozycji. Usuń którąś, aby dodać nową.",
        "plan.error.note_long": "Notatka może mieć najwyżej {max} znaków.",
        "plan.error.unknown_item": "Tej pozycji nie ma w Twoim planie.",
        "plan.error.no_plan": "Ta przeglądarka nie ma planu (mógł wygasnąć).",
        "plan.totals": "Podsumowanie",
        "plan.total.items": "Pozycje",
        "plan.total.cost": "Koszt razem",
        "plan.total.hours": "Godziny razem",
        "plan.total.cost.how": (
            "Koszt liczymy z ceny wybranego terminu, a gdy termin nie jest wybrany – z ceny "
            "jedynego terminu albo najtańszego z kilku (przy każdej pozycji piszemy, którą "
            "cenę wzięliśmy)."
        ),
        "plan.total.cost.unknown": "Pozycje bez znanej ceny (nieliczone): {n}.",
        "plan.total.hours.unknown": "Pozycje bez podanej liczby godzin: {n}.",
        "plan.basis.chosen": "wybrany termin",
        "plan.basis.only": "jedyny termin",
        "plan.basis.cheapest": "najtańszy z terminów",
        "plan.basis.unknown": "cena nieznana",
        "plan.warnings": "Uwaga",
        "plan.warning.overlap": "Terminy „{first}” i „{second}” nakładają się.",
        "plan.warning.enrolment_soon": "Zapisy na „{first}” kończą się {date}.",
        "plan.warning.enrolment_past": "Zapisy na „{first}” zakończyły się {date}.",
        "plan.warning.unpublished": "Oferta „{first}” nie jest już opublikowana.",
        "plan.warning.edition_gone": (
            "Wybranego terminu oferty „{first}” nie ma już w źródle – wybierz inny."
        ),
        "plan.item.warning": "Uwaga:",
        "plan.item.warning.overlap": "termin nakłada się z inną pozycją planu.",
        "plan.item.warning.enrolment_soon": "zapisy kończą się {date}.",
        "plan.item.warning.enrolment_past": "zapisy zakończyły się {date}.",
        "plan.item.warning.unpublished": "oferta nie jest już opublikowana.",
        "plan.item.warning.edition_gone": "wybranego terminu nie ma już w źródle.",
        "plan.item.hidden": "Oferta niedostępna",
        "plan.items": "Pozycje planu",
        "plan.item.edition": "Termin",
        "plan.item.edition.gone": "wybrany termin nie jest już podawany",
        "plan.item.editions.0": "brak terminów",
        "plan.item.editions.1": "nie wybrano (oferta ma 1 termin)",
        "plan.item.editions.few": "nie wybrano (oferta ma {n} terminy)",
        "plan.item.editions.many": "nie wybrano (oferta ma {n} terminów)",
        "plan.note": "Notatka",
        "plan.note.hint": "Do {max} znaków, widoczna także pod linkiem do udostępnienia.",
        "plan.note.save": "Zapisz notatkę",
        "plan.up": "Wyżej",
        "plan.down": "Niżej",
        "plan.remove": "Usuń",
        "plan.clear_edition": "Nie wybieraj terminu",
        "plan.choose_edition": "Wybierz termin",
        "plan.choose_edition.submit": "Zapisz termin",
        "plan.export": "Udostępnij, wydrukuj, zapisz",
        "plan.share": (
            "Link do podglądu planu (tylko do odczytu) – możesz go wysłać np. doradcy zawodowemu:"
        ),
        "plan.ics": "Pobierz wybrane terminy do kalendarza (plik .ics)",
        "plan.pdf": "Pobierz plan jako PDF",
        "plan.print": (
            "Aby wydrukować plan, użyj polecenia drukowania w przeglądarce (Ctrl+P): wydruk "
            "nie zawiera przycisków."
        ),
        "plan.expires": "Plan zostanie usunięty, jeśli nie otworzysz go do {date}.",
        "plan.ics.enrolment": "Zapisy do {date}",
        "plan.add": "Dodaj do planu",
        "plan.add.edition": "Dodaj ten termin do planu",
        "plan.js.added": "W planie – zobacz plan",
        "plan.js.failed": "Nie udało się dodać do planu.",
    },
    "en": {
        "plan.nav": "My plan",
        "plan.title": "My plan",
        "plan.shared.title": "Learning plan (read only)",
        "plan.intro": (
            "The plan is kept on the server under a random key stored in a cookie of this "
            "browser – no account and no personal data. A plan unused for {days} days is "
            "deleted."
        ),
        "plan.shared.intro": (
            "Someone shared their plan with you. You can read it, print it and add it to a "
            "calendar, but not change it."
        ),
        "plan.empty": (
            "The plan is empty. Add offers to it with the “Add to plan” button in the search "
            "results or on an offer's page."
        ),
        "plan.to_search": "Go to search",
        "plan.back": "Back to the previous page",
        "plan.flash.added": "Added to the plan.",
        "plan.flash.edition": "This date of the offer is now chosen in the plan.",
        "plan.flash.already": "This offer is already in the plan.",
        "plan.flash.removed": "Removed from the plan.",
        "plan.flash.moved": "Order changed.",
        "plan.flash.noted": "Note saved.",
        "plan.flash.cleared": "The chosen date was cleared.",
        "plan.error.unknown_offer": "This offer is not in the catalogue or no longer published.",
        "plan.error.unknown_edition": "This offer has no such date.",
        "plan.error.full": "A plan holds at most 50 items. Remove one to add another.",
        "plan.error.note_long": "A note may have at most {max} characters.",
        "plan.error.unknown_item": "Your plan has no such item.",
        "plan.error.no_plan": "This browser has no plan (it may have expired).",
        "plan.totals": "Summary",
        "plan.total.items": "Items",
        "plan.total.cost": "Total cost",
        "plan.total.hours": "Total hours",
        "plan.total.cost.how": (
            "The cost is the price of the chosen date; with no date chosen, the price of the "
            "only date or the cheapest of several (each item says which)."
        ),
        "plan.total.cost.unknown": "Items without a known price (not counted): {n}.",
        "plan.total.hours.unknown": "Items without a number of hours: {n}.",
        "plan.basis.chosen": "chosen date",
        "plan.basis.only": "only date",
        "plan.basis.cheapest": "cheapest of the dates",
        "plan.basis.unknown": "price unknown",
        "plan.warnings": "Please note",
        "plan.warning.overlap": "The dates of “{first}” and “{second}” overlap.",
        "plan.warning.enrolment_soon": "Enrolment for “{first}” ends on {date}.",
        "plan.warning.enrolment_past": "Enrolment for “{first}” ended on {date}.",
        "plan.warning.unpublished": "The offer “{first}” is no longer published.",
        "plan.warning.edition_gone": (
            "The chosen date of “{first}” is no longer listed by the source – choose another."
        ),
        "plan.item.warning": "Note:",
        "plan.item.warning.overlap": "its dates overlap another item of the plan.",
        "plan.item.warning.enrolment_soon": "enrolment ends on {date}.",
        "plan.item.warning.enrolment_past": "enrolment ended on {date}.",
        "plan.item.warning.unpublished": "the offer is no longer published.",
        "plan.item.warning.edition_gone": "the chosen date is no longer listed.",
        "plan.item.hidden": "Offer not available",
        "plan.items": "Items of the plan",
        "plan.item.edition": "Date",
        "plan.item.edition.gone": "the chosen date is no longer listed",
        "plan.item.editions.0": "no dates",
        "plan.item.editions.1": "not chosen (the offer has 1 date)",
        "plan.item.editions.few": "not chosen (the offer has {n} dates)",
        "plan.item.editions.many": "not chosen (the offer has {n} dates)",
        "plan.note": "Note",
        "plan.note.hint": "Up to {max} characters, shown under the share link too.",
        "plan.note.save": "Save note",
        "plan.up": "Up",
        "plan.down": "Down",
        "plan.remove": "Remove",
        "plan.clear_edition": "Choose no date",
        "plan.choose_edition": "Choose a date",
        "plan.choose_edition.submit": "Save the date",
        "plan.export": "Share, print, save",
        "plan.share": "A read-only link to the plan – you may send it, e.g. to a career adviser:",
        "plan.ics": "Download the chosen dates for a calendar (.ics file)",
        "plan.pdf": "Download the plan as PDF",
        "plan.print": (
            "To print the plan, use your browser's print command (Ctrl+P): the printout "
            "leaves out the buttons."
        ),
        "plan.expires": "The plan will be deleted unless you open it by {date}.",
        "plan.ics.enrolment": "Enrolment until {date}",
        "plan.add": "Add to plan",
        "plan.add.edition": "Add this date to the plan",
        "plan.js.added": "In the plan – see the plan",
        "plan.js.failed": "Could not add to the plan.",
    },
}
