"""Text of registration, sign-in, password reset, the account page and the coordinator's list of
institutions awaiting approval; "accounts.error.<code>" words each code of `operations.accounts`."""

MESSAGES = {
    "pl": {
        "nav.account": "Nawigacja konta",
        "nav.signin": "Zaloguj się",
        "nav.register": "Zarejestruj instytucję",
        "nav.panel": "Panel instytucji",
        "nav.coordinator": "Instytucje do zatwierdzenia",
        "nav.coordinator_offers": "Oferty do przejrzenia",
        "nav.my_account": "Moje konto",
        "nav.signout": "Wyloguj się",
        "accounts.required_note": "Pola oznaczone * są wymagane.",
        "accounts.required_mark": "(wymagane)",
        "accounts.errors.title": "Popraw formularz",
        # registration
        "accounts.register.title": "Rejestracja instytucji",
        "accounts.register.intro": (
            "Zarejestruj instytucję szkoleniową, szkołę lub uczelnię, by dodawać i aktualizować "
            "jej oferty w katalogu. Po potwierdzeniu adresu e-mail koordynator katalogu w "
            "Wojewódzkim Urzędzie Pracy zatwierdzi instytucję; do tego czasu możesz "
            "przygotowywać szkice ofert."
        ),
        "accounts.register.institution": "Instytucja",
        "accounts.register.person": "Osoba zakładająca konto",
        "accounts.field.institution_name": "Pełna nazwa instytucji",
        "accounts.field.nip": "NIP",
        "accounts.field.nip.hint": "10 cyfr, np. 123-456-32-18. Podaj NIP lub REGON.",
        "accounts.field.regon": "REGON",
        "accounts.field.regon.hint": "9 lub 14 cyfr.",
        "accounts.field.ris_number": "Numer w Rejestrze Instytucji Szkoleniowych (RIS)",
        "accounts.field.ris_number.hint": "Jeśli instytucja go ma, np. 2.08/00123/2019.",
        "accounts.field.rspo_number": "Numer RSPO",
        "accounts.field.rspo_number.hint": (
            "Szkoły i placówki: numer w Rejestrze Szkół i Placówek Oświatowych."
        ),
        "accounts.field.person_name": "Imię i nazwisko",
        "accounts.field.email": "Adres e-mail",
        "accounts.field.email.hint": "Na ten adres wyślemy link potwierdzający.",
        "accounts.field.password": "Hasło",
        "accounts.field.password.hint": "Co najmniej 12 znaków; nie może być adresem e-mail.",
        "accounts.field.new_password": "Nowe hasło",
        "accounts.field.consent": (
            "Oświadczam, że jestem upoważniony(-a) do reprezentowania tej instytucji w katalogu i "
            "zgadzam się na przetwarzanie podanych danych przez Wojewódzki Urząd Pracy w Zielonej "
            "Górze w celu prowadzenia konta i publikowania ofert."
        ),
        "accounts.register.submit": "Zarejestruj",
        "accounts.registered.title": "Sprawdź skrzynkę e-mail",
        "accounts.registered.text": (
            "Jeśli podany adres może zostać użyty, wysłaliśmy na niego wiadomość. Otwórz link z "
            "wiadomości w ciągu 48 godzin, aby potwierdzić adres. Jeśli wiadomość nie dotrze, "
            "sprawdź folder spam."
        ),
        "accounts.confirm.title": "Potwierdź adres e-mail",
        "accounts.confirm.text": (
            "Naciśnij przycisk, aby potwierdzić, że ten adres należy do Ciebie."
        ),
        "accounts.confirm.button": "Potwierdzam adres",
        "accounts.confirmed.title": "Adres e-mail potwierdzony",
        "accounts.confirmed.text": (
            "Dziękujemy. Możesz się już zalogować i przygotowywać oferty. Koordynator katalogu "
            "zatwierdzi instytucję; dostaniesz wtedy wiadomość e-mail."
        ),
        "accounts.link_invalid.title": "Link jest nieważny",
        "accounts.link_invalid.text": (
            "Ten link wygasł albo został już użyty. Zaloguj się albo poproś o nowy link do "
            "ustawienia hasła."
        ),
        # sign-in
        "accounts.signin.title": "Logowanie",
        "accounts.signin.submit": "Zaloguj się",
        "accounts.signin.forgot": "Nie pamiętasz hasła?",
        "accounts.signin.register": "Nie masz konta? Zarejestruj instytucję",
        "accounts.signin.wrong": "Nieprawidłowy adres e-mail lub hasło.",
        "accounts.signin.unconfirmed": (
            "Adres e-mail nie został jeszcze potwierdzony. Otwórz link z wiadomości, którą "
            "wysłaliśmy po rejestracji, albo ustaw nowe hasło – link z tej wiadomości także "
            "potwierdza adres."
        ),
        "accounts.signin.throttled": (
            "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za 15 minut albo ustaw nowe "
            "hasło."
        ),
        "accounts.signin.signed_out": "Wylogowano.",
        "accounts.signin.signed_out_everywhere": "Wylogowano na wszystkich urządzeniach.",
        "accounts.signin.password_changed": "Hasło zostało zmienione. Zaloguj się nowym hasłem.",
        # account
        "accounts.account.title": "Moje konto",
        "accounts.account.details": "Dane konta",
        "accounts.account.name": "Imię i nazwisko",
        "accounts.account.email": "Adres e-mail",
        "accounts.account.role": "Rola",
        "accounts.account.institution": "Instytucja",
        "accounts.account.approval": "Stan instytucji",
        "accounts.role.member": "pracownik instytucji",
        "accounts.role.coordinator": "koordynator katalogu",
        "accounts.role.adviser": "doradca zawodowy",
        "accounts.approval.pending": "czeka na zatwierdzenie przez koordynatora",
        "accounts.approval.approved": "zatwierdzona – może publikować oferty",
        "accounts.approval.refused": "niezatwierdzona",
        "accounts.account.security": "Bezpieczeństwo",
        "accounts.account.everywhere.text": (
            "Jeśli logowano się na Twoje konto na cudzym komputerze albo podejrzewasz, że ktoś zna "
            "Twoje hasło, wyloguj wszystkie urządzenia i ustaw nowe hasło."
        ),
        "accounts.account.everywhere": "Wyloguj na wszystkich urządzeniach",
        "accounts.account.change_password": "Ustaw nowe hasło",
        # reset
        "accounts.reset.title": "Ustaw nowe hasło",
        "accounts.reset.intro": (
            "Podaj adres e-mail konta. Wyślemy na niego link do ustawienia nowego hasła, ważny "
            "godzinę."
        ),
        "accounts.reset.submit": "Wyślij link",
        "accounts.reset.sent": (
            "Jeśli konto z tym adresem istnieje, wysłaliśmy na niego link do ustawienia nowego "
            "hasła. Link jest ważny godzinę."
        ),
        "accounts.reset.form_intro": (
            "Wpisz nowe hasło. Po zmianie wszystkie zalogowane urządzenia zostaną wylogowane."
        ),
        "accounts.reset.save": "Zapisz nowe hasło",
        # errors
        "accounts.error.required": "To pole jest wymagane.",
        "accounts.error.too_long": "Ten tekst jest za długi.",
        "accounts.error.email_invalid": "Podaj adres e-mail w formacie nazwa@domena.pl.",
        "accounts.error.email_taken": "Konto z tym adresem już istnieje.",
        "accounts.error.password_short": "Hasło musi mieć co najmniej 12 znaków.",
        "accounts.error.password_long": "Hasło może mieć najwyżej 1000 znaków.",
        "accounts.error.password_is_email": "Hasło nie może być adresem e-mail.",
        "accounts.error.nip_or_regon": "Podaj NIP lub REGON instytucji.",
        "accounts.error.nip_length": "NIP ma 10 cyfr.",
        "accounts.error.nip_format": "NIP składa się z cyfr (mogą być rozdzielone kreskami).",
        "accounts.error.nip_checksum": (
            "To nie jest prawidłowy NIP: nie zgadza się cyfra kontrolna. Sprawdź, czy nie ma "
            "literówki."
        ),
        "accounts.error.nip_registered": (
            "Instytucja z tym numerem NIP jest już zarejestrowana. Poproś osobę, która ją "
            "zarejestrowała, o dostęp, albo napisz do koordynatora katalogu."
        ),
        "accounts.error.regon_length": "REGON ma 9 lub 14 cyfr.",
        "accounts.error.regon_format": "REGON składa się z cyfr.",
        "accounts.error.regon_checksum": (
            "To nie jest prawidłowy REGON: nie zgadza się cyfra kontrolna. Sprawdź, czy nie ma "
            "literówki."
        ),
        "accounts.error.regon_registered": (
            "Instytucja z tym numerem REGON jest już zarejestrowana. Poproś osobę, która ją "
            "zarejestrowała, o dostęp, albo napisz do koordynatora katalogu."
        ),
        "accounts.error.digits_only": "Numer może zawierać tylko cyfry, kropki, ukośniki i kreski.",
        "accounts.error.consent_required": "Potwierdź oświadczenie, aby się zarejestrować.",
        "accounts.error.reason_required": "Podaj powód odmowy – instytucja go otrzyma.",
        "accounts.error.role_staff_only": "Tę rolę nadaje się tylko przez rejestrację instytucji.",
        # coordinator
        "coord.institutions.title": "Instytucje do zatwierdzenia",
        "coord.institutions.none": "Żadna instytucja nie czeka na zatwierdzenie.",
        "coord.institutions.intro": (
            "Sprawdź nazwę i numery instytucji (np. w rejestrze REGON i RIS), zanim ją "
            "zatwierdzisz. Po zatwierdzeniu instytucja publikuje oferty, a zebrane przez robota "
            "rekordy z tym samym numerem NIP, REGON, RIS lub RSPO zostaną z nią połączone."
        ),
        "coord.institutions.numbers": "Numery",
        "coord.institutions.registered_by": "Zarejestrowała",
        "coord.institutions.registered_at": "Data rejestracji",
        "coord.institutions.confirmed": "adres potwierdzony",
        "coord.institutions.unconfirmed": "adres niepotwierdzony",
        "coord.institutions.decision": "Decyzja w sprawie: {name}",
        "coord.institutions.approve": "Zatwierdź",
        "coord.institutions.refuse": "Odmów",
        "coord.institutions.reason": "Powód odmowy",
        "coord.institutions.reason.hint": "Wymagany przy odmowie; instytucja otrzyma go e-mailem.",
        "coord.institutions.approved": (
            "Instytucja została zatwierdzona; jej pracownicy dostali wiadomość."
        ),
        "coord.institutions.refused": (
            "Odmówiono zatwierdzenia; pracownicy instytucji dostali wiadomość z powodem."
        ),
    },
    "en": {
        "nav.account": "Account navigation",
        "nav.signin": "Sign in",
        "nav.register": "Register an institution",
        "nav.panel": "Institution panel",
        "nav.coordinator": "Institutions to approve",
        "nav.coordinator_offers": "Offers to review",
        "nav.my_account": "My account",
        "nav.signout": "Sign out",
        "accounts.required_note": "Fields marked * are required.",
        "accounts.required_mark": "(required)",
        "accounts.errors.title": "Please correct the form",
        "accounts.register.title": "Register an institution",
        "accounts.register.intro": (
            "Register a training institution, school or university to add and keep its offers "
            "in the catalogue. Once you confirm your e-mail address, the catalogue's coordinator "
            "at the Regional Labour Office approves the institution; until then you can prepare "
            "draft offers."
        ),
        "accounts.register.institution": "Institution",
        "accounts.register.person": "Person registering",
        "accounts.field.institution_name": "Full name of the institution",
        "accounts.field.nip": "NIP (tax number)",
        "accounts.field.nip.hint": "10 digits, e.g. 123-456-32-18. Give the NIP or the REGON.",
        "accounts.field.regon": "REGON (statistical number)",
        "accounts.field.regon.hint": "9 or 14 digits.",
        "accounts.field.ris_number": "Number in the Register of Training Institutions (RIS)",
        "accounts.field.ris_number.hint": "If the institution has one, e.g. 2.08/00123/2019.",
        "accounts.field.rspo_number": "RSPO number",
        "accounts.field.rspo_number.hint": "Schools: the number in the register of schools (RSPO).",
        "accounts.field.person_name": "Full name",
        "accounts.field.email": "E-mail address",
        "accounts.field.email.hint": "We will send a confirmation link to this address.",
        "accounts.field.password": "Password",
        "accounts.field.password.hint": "At least 12 characters; not your e-mail address.",
        "accounts.field.new_password": "New password",
        "accounts.field.consent": (
            "I declare that I may represent this institution in the catalogue and agree that the "
            "Regional Labour Office in Zielona Góra processes the data given to run the account "
            "and publish offers."
        ),
        "accounts.register.submit": "Register",
        "accounts.registered.title": "Check your e-mail",
        "accounts.registered.text": (
            "If the address can be used, we have sent a message to it. Open its link within 48 "
            "hours to confirm the address. If it does not arrive, check your spam folder."
        ),
        "accounts.confirm.title": "Confirm your e-mail address",
        "accounts.confirm.text": "Press the button to confirm that this address is yours.",
        "accounts.confirm.button": "Confirm the address",
        "accounts.confirmed.title": "E-mail address confirmed",
        "accounts.confirmed.text": (
            "Thank you. You can sign in now and prepare offers. The catalogue's coordinator will "
            "approve the institution; you will get an e-mail then."
        ),
        "accounts.link_invalid.title": "This link is not valid",
        "accounts.link_invalid.text": (
            "The link has expired or was already used. Sign in, or ask for a new link to set a "
            "password."
        ),
        "accounts.signin.title": "Sign in",
        "accounts.signin.submit": "Sign in",
        "accounts.signin.forgot": "Forgot your password?",
        "accounts.signin.register": "No account? Register an institution",
        "accounts.signin.wrong": "Wrong e-mail address or password.",
        "accounts.signin.unconfirmed": (
            "Your e-mail address is not confirmed yet. Open the link in the message we sent "
            "after registration, or set a new password: that message's link confirms the "
            "address too."
        ),
        "accounts.signin.throttled": (
            "Too many failed attempts to sign in. Try again in 15 minutes or set a new password."
        ),
        "accounts.signin.signed_out": "You are signed out.",
        "accounts.signin.signed_out_everywhere": "You are signed out on every device.",
        "accounts.signin.password_changed": "Your password was changed. Sign in with it.",
        "accounts.account.title": "My account",
        "accounts.account.details": "Account details",
        "accounts.account.name": "Name",
        "accounts.account.email": "E-mail address",
        "accounts.account.role": "Role",
        "accounts.account.institution": "Institution",
        "accounts.account.approval": "Institution status",
        "accounts.role.member": "institution staff",
        "accounts.role.coordinator": "catalogue coordinator",
        "accounts.role.adviser": "career adviser",
        "accounts.approval.pending": "awaiting approval by the coordinator",
        "accounts.approval.approved": "approved – may publish offers",
        "accounts.approval.refused": "not approved",
        "accounts.account.security": "Security",
        "accounts.account.everywhere.text": (
            "If you signed in on someone else's computer or think someone knows your password, "
            "sign out every device and set a new password."
        ),
        "accounts.account.everywhere": "Sign out on every device",
        "accounts.account.change_password": "Set a new password",
        "accounts.reset.title": "Set a new password",
        "accounts.reset.intro": (
            "Enter your account's e-mail address. We will send it a link to set a new password, "
            "valid for one hour."
        ),
        "accounts.reset.submit": "Send the link",
        "accounts.reset.sent": (
            "If an account with this address exists, we have sent it a link to set a new "
            "password. The link is valid for one hour."
        ),
        "accounts.reset.form_intro": (
            "Enter a new password. Every signed-in device is then signed out."
        ),
        "accounts.reset.save": "Save the new password",
        "accounts.error.required": "This field is required.",
        "accounts.error.too_long": "This text is too long.",
        "accounts.error.email_invalid": "Enter an e-mail address like name@example.org.",
        "accounts.error.email_taken": "An account with this address already exists.",
        "accounts.error.password_short": "The password must have at least 12 characters.",
        "accounts.error.password_long": "The password may have at most 1000 characters.",
        "accounts.error.password_is_email": "The password may not be your e-mail address.",
        "accounts.error.nip_or_regon": "Give the institution's NIP or REGON.",
        "accounts.error.nip_length": "A NIP has 10 digits.",
        "accounts.error.nip_format": "A NIP is made of digits (dashes may separate them).",
        "accounts.error.nip_checksum": (
            "This is not a valid NIP: its check digit does not match. Check for a typo."
        ),
        "accounts.error.nip_registered": (
            "An institution with this NIP is already registered. Ask the person who registered "
            "it for access, or write to the catalogue's coordinator."
        ),
        "accounts.error.regon_length": "A REGON has 9 or 14 digits.",
        "accounts.error.regon_format": "A REGON is made of digits.",
        "accounts.error.regon_checksum": (
            "This is not a valid REGON: its check digit does not match. Check for a typo."
        ),
        "accounts.error.regon_registered": (
            "An institution with this REGON is already registered. Ask the person who registered "
            "it for access, or write to the catalogue's coordinator."
        ),
        "accounts.error.digits_only": "The number may hold only digits, dots, slashes and dashes.",
        "accounts.error.consent_required": "Confirm the declaration to register.",
        "accounts.error.reason_required": "Give the reason for refusing: the institution gets it.",
        "accounts.error.role_staff_only": "This role is given only by registering an institution.",
        "coord.institutions.title": "Institutions to approve",
        "coord.institutions.none": "No institution is awaiting approval.",
        "coord.institutions.intro": (
            "Check the institution's name and numbers (e.g. in the REGON and RIS registers) "
            "before approving it. Once approved, it publishes offers, and the records the crawler "
            "holds with the same NIP, REGON, RIS or RSPO number are linked to it."
        ),
        "coord.institutions.numbers": "Numbers",
        "coord.institutions.registered_by": "Registered by",
        "coord.institutions.registered_at": "Registered on",
        "coord.institutions.confirmed": "address confirmed",
        "coord.institutions.unconfirmed": "address not confirmed",
        "coord.institutions.decision": "Decision on: {name}",
        "coord.institutions.approve": "Approve",
        "coord.institutions.refuse": "Refuse",
        "coord.institutions.reason": "Reason for refusing",
        "coord.institutions.reason.hint": "Required to refuse; the institution gets it by e-mail.",
        "coord.institutions.approved": "The institution was approved; its staff got an e-mail.",
        "coord.institutions.refused": (
            "Approval was refused; the institution's staff got an e-mail with the reason."
        ),
    },
}
