"""Text of a career adviser's request for an account (`/rejestracja/doradca`) and of the
coordinator's list of requests (`/koordynator/doradcy`): web/routes/adviser_accounts.py."""

MESSAGES = {
    "pl": {
        "nav.coordinator_advisers": "Doradcy do zatwierdzenia",
        "accounts.adviser.title": "Konto doradcy zawodowego",
        "accounts.adviser.intro": (
            "Doradcy zawodowi (np. z powiatowego urzędu pracy lub centrum informacji i planowania "
            "kariery) tworzą w katalogu listy propozycji szkoleń dla klientów i drukują "
            "skierowania. Po potwierdzeniu adresu e-mail koordynator katalogu w Wojewódzkim "
            "Urzędzie Pracy rozpatrzy prośbę; do tego czasu nie można się zalogować."
        ),
        "accounts.adviser.person": "Doradca",
        "accounts.adviser.submit": "Poproś o konto",
        "accounts.adviser.register_link": "Jesteś doradcą zawodowym? Poproś o konto doradcy",
        "accounts.field.work_email": "Służbowy adres e-mail",
        "accounts.field.organisation": "Instytucja, w której doradzasz",
        "accounts.field.organisation.hint": (
            "Np. PUP w Żarach albo CIZ OHP w Zielonej Górze. Najwyżej 200 znaków."
        ),
        "accounts.field.adviser_consent": (
            "Oświadczam, że pracuję jako doradca zawodowy we wskazanej instytucji, i zgadzam się "
            "na przetwarzanie podanych danych przez Wojewódzki Urząd Pracy w Zielonej Górze w celu "
            "prowadzenia konta."
        ),
        "accounts.adviser_confirmed.title": "Adres e-mail potwierdzony",
        "accounts.adviser_confirmed.text": (
            "Dziękujemy. Koordynator katalogu rozpatrzy prośbę o konto doradcy; dostaniesz "
            "wiadomość e-mail o decyzji. Zalogować się można po zatwierdzeniu konta."
        ),
        "accounts.signin.awaiting": (
            "Konto doradcy czeka na zatwierdzenie przez koordynatora katalogu. Dostaniesz "
            "wiadomość e-mail, gdy zostanie zatwierdzone."
        ),
        "accounts.error.adviser_unconfirmed": (
            "Doradca nie potwierdził jeszcze adresu e-mail; zatwierdzić można dopiero po "
            "potwierdzeniu."
        ),
        "coord.advisers.title": "Doradcy do zatwierdzenia",
        "coord.advisers.intro": (
            "Prośby doradców zawodowych o konto, najpierw te z potwierdzonym adresem e-mail. "
            "Sprawdź, czy osoba pracuje we wskazanej instytucji, zanim zatwierdzisz konto. "
            "Odmowa usuwa prośbę; doradca otrzyma powód e-mailem."
        ),
        "coord.advisers.none": "Żaden doradca nie czeka na zatwierdzenie.",
        "coord.advisers.email": "Adres e-mail",
        "coord.advisers.requested_at": "Data prośby",
        "coord.advisers.decision": "Decyzja w sprawie: {name}",
        "coord.advisers.reason.hint": "Wymagany przy odmowie; doradca otrzyma go e-mailem.",
        "coord.advisers.approved": "Zatwierdzono konto doradcy; doradca otrzymał wiadomość.",
        "coord.advisers.refused": "Odmówiono; doradca otrzymał wiadomość z powodem.",
    },
    "en": {
        "nav.coordinator_advisers": "Advisers to approve",
        "accounts.adviser.title": "Career adviser's account",
        "accounts.adviser.intro": (
            "Career advisers (e.g. of a district labour office or a careers centre) build "
            "shortlists of courses for their clients in the catalogue and print referrals. Once "
            "you confirm your e-mail address, the catalogue's coordinator at the Regional Labour "
            "Office decides on the request; until then you cannot sign in."
        ),
        "accounts.adviser.person": "Adviser",
        "accounts.adviser.submit": "Ask for an account",
        "accounts.adviser.register_link": "A career adviser? Ask for an adviser's account",
        "accounts.field.work_email": "Work e-mail address",
        "accounts.field.organisation": "The organisation you advise for",
        "accounts.field.organisation.hint": (
            "E.g. PUP w Żarach or CIZ OHP w Zielonej Górze. At most 200 characters."
        ),
        "accounts.field.adviser_consent": (
            "I declare that I work as a career adviser at the organisation named, and I agree to "
            "the Regional Labour Office in Zielona Góra processing these data to keep the account."
        ),
        "accounts.adviser_confirmed.title": "E-mail address confirmed",
        "accounts.adviser_confirmed.text": (
            "Thank you. The catalogue's coordinator will decide on your request for an adviser's "
            "account and tell you by e-mail. You can sign in once it is approved."
        ),
        "accounts.signin.awaiting": (
            "The adviser's account awaits approval by the catalogue's coordinator. You will get "
            "an e-mail once it is approved."
        ),
        "accounts.error.adviser_unconfirmed": (
            "The adviser has not confirmed the e-mail address yet; it can be approved only after."
        ),
        "coord.advisers.title": "Advisers to approve",
        "coord.advisers.intro": (
            "Career advisers' requests for an account, those with a confirmed e-mail address "
            "first. Check that the person works at the organisation named before approving. A "
            "refusal deletes the request; the adviser is sent the reason by e-mail."
        ),
        "coord.advisers.none": "No adviser awaits approval.",
        "coord.advisers.email": "E-mail address",
        "coord.advisers.requested_at": "Requested on",
        "coord.advisers.decision": "Decision on: {name}",
        "coord.advisers.reason.hint": "Required to refuse; the adviser gets it by e-mail.",
        "coord.advisers.approved": "The adviser's account is approved; the adviser was told.",
        "coord.advisers.refused": "Refused; the adviser was sent the reason.",
    },
}
