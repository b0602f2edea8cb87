"""Text of the provider pages (`/instytucje/{id}`: web/routes/providers.py) and of the offer
page's "Kontakt i zapisy" (web/templates/_contact.html)."""

MESSAGES = {
    "pl": {
        "contact.heading": "Kontakt i zapisy",
        "contact.how": (
            "Zapisy prowadzi organizator, nie katalog. Otwórz ofertę na stronie źródła i zapisz "
            "się tam albo zapytaj organizatora o wolne miejsca, koszt i dofinansowanie."
        ),
        "contact.deadline": "Zapisy na najbliższą edycję trwają do",
        "contact.deadline.none": "Źródło nie podaje terminu zapisów – zapytaj organizatora.",
        "contact.conditions": "Warunki udziału (według źródła):",
        "contact.person": "Osoba do kontaktu",
        "contact.phone": "Telefon",
        "contact.email": "E-mail",
        "contact.address": "Adres",
        "contact.website": "Strona internetowa",
        "contact.none": (
            "Źródło nie podało danych kontaktowych – skorzystaj ze strony oferty u źródła."
        ),
        "contact.enrol": "Zapisz się lub zapytaj na stronie źródła",
        "contact.provider": "Więcej o organizatorze:",
        "provider.back": "Wróć do wyszukiwania",
        "provider.kind": "Organizator kształcenia",
        "provider.offers": "Aktualne oferty",
        "provider.offers.count": "Oferty opublikowane w katalogu: {n}.",
        "provider.pages": "Strony ofert organizatora",
        "provider.offers.none": "Ten organizator nie ma teraz opublikowanych ofert w katalogu.",
        "provider.registers": "Rejestry",
        "provider.registers.none": "Źródła nie podały numerów rejestrowych tego organizatora.",
        "provider.ris": "Rejestr Instytucji Szkoleniowych (RIS)",
        "provider.rspo": "Rejestr szkół i placówek oświatowych (RSPO)",
        "provider.nip": "NIP",
        "provider.regon": "REGON",
        "provider.bur": "Baza Usług Rozwojowych (BUR)",
        "provider.bur.count": "usługi w BUR w katalogu: {n}",
        "provider.contact": "Kontakt",
        "provider.contact.none": (
            "Źródła nie podały danych kontaktowych organizatora – skorzystaj ze strony "
            "oferty u źródła."
        ),
        "provider.town": "Miejscowość",
    },
    "en": {
        "contact.heading": "Contact and enrolment",
        "contact.how": (
            "The provider, not this catalogue, takes enrolments. Open the offer at its source "
            "and enrol there, or ask the provider about free places, cost and funding."
        ),
        "contact.deadline": "Enrolment for the next run is open until",
        "contact.deadline.none": "The source gives no enrolment deadline – ask the provider.",
        "contact.conditions": "Conditions (as the source states them):",
        "contact.person": "Contact person",
        "contact.phone": "Phone",
        "contact.email": "E-mail",
        "contact.address": "Address",
        "contact.website": "Website",
        "contact.none": "The source gave no contact details – use the offer's page at the source.",
        "contact.enrol": "Enrol or ask at the source's page",
        "contact.provider": "More about the provider:",
        "provider.back": "Back to search",
        "provider.kind": "Learning provider",
        "provider.offers": "Current offers",
        "provider.offers.count": "Offers published in the catalogue: {n}.",
        "provider.pages": "Pages of the provider's offers",
        "provider.offers.none": "This provider has no offers published in the catalogue now.",
        "provider.registers": "Registers",
        "provider.registers.none": "The sources gave no register numbers for this provider.",
        "provider.ris": "Register of Training Institutions (RIS)",
        "provider.rspo": "Register of Schools and Educational Institutions (RSPO)",
        "provider.nip": "Tax number (NIP)",
        "provider.regon": "Business register number (REGON)",
        "provider.bur": "Development Services Database (BUR)",
        "provider.bur.count": "BUR services in the catalogue: {n}",
        "provider.contact": "Contact",
        "provider.contact.none": (
            "The sources gave no contact details for this provider – use an offer's page at "
            "its source."
        ),
        "provider.town": "Town",
    },
    # The rest of the Ukrainian texts come with the message catalogue (issue 13, part 4).
    "uk": {"provider.pages": "Сторінки пропозицій організатора"},
}
