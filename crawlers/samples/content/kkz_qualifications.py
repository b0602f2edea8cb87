"""Vocational qualifications (2019 classification) used by the sample KKZ sites.

Every code and name here was checked against a public listing (see data/README.md, "Sources of
the qualification codes"). Only these codes may appear in the sample KKZ pages.
"""

from __future__ import annotations

from typing import NamedTuple


class Qualification(NamedTuple):
    occupation: str
    name: str
    duration: str
    sanitary: bool  # needs a sanitary-epidemiological certificate
    single: bool  # the only qualification in its occupation
    text: str  # two sentences on content and target group


QUALIFICATIONS: dict[str, Qualification] = {
    "OGR.01": Qualification(
        "florysta", "Wykonywanie kompozycji florystycznych", "2 semestry (ok. 520 godzin)",
        False, True,
        "Kurs przygotowuje do projektowania i wykonywania kompozycji florystycznych: "
        "bukietów, wiązanek okolicznościowych, dekoracji ślubnych i aranżacji wnętrz. "
        "Słuchacze poznają materiał roślinny, techniki florystyczne oraz zasady kalkulacji "
        "i sprzedaży usług, a zajęcia praktyczne odbywają się w pracowni florystycznej.",
    ),
    "FRK.01": Qualification(
        "fryzjer", "Wykonywanie zabiegów fryzjerskich", "3 semestry (ok. 780 godzin)",
        True, True,
        "Słuchacze uczą się strzyżenia, koloryzacji, ondulacji i modelowania włosów damskich "
        "i męskich oraz diagnozowania stanu skóry głowy. Zajęcia praktyczne odbywają się "
        "w pracowni fryzjerskiej szkoły i w salonach partnerskich, na modelkach i modelach.",
    ),
    "FRK.03": Qualification(
        "technik usług fryzjerskich", "Projektowanie i wykonywanie fryzur",
        "2 semestry (ok. 560 godzin)", True, False,
        "Kurs jest kontynuacją kształcenia dla osób, które mają już kwalifikację FRK.01. "
        "Uczestnicy projektują fryzury okolicznościowe i wieczorowe, dobierają kolorystykę "
        "do typu urody i uczą się prowadzić salon fryzjerski.",
    ),
    "HAN.01": Qualification(
        "sprzedawca", "Prowadzenie sprzedaży", "2 semestry (ok. 400 godzin)", False, True,
        "Słuchacze poznają organizację pracy sklepu, przyjmowanie i ekspozycję towarów, "
        "obsługę kasy fiskalnej i terminala płatniczego oraz zasady obsługi klienta. Kurs "
        "jest przeznaczony dla osób, które pracują w handlu bez formalnych kwalifikacji "
        "albo chcą podjąć taką pracę.",
    ),
    "EKA.05": Qualification(
        "technik rachunkowości",
        "Prowadzenie spraw kadrowo-płacowych i gospodarki finansowej jednostek organizacyjnych",
        "2 semestry (ok. 560 godzin)", False, False,
        "Kurs uczy prowadzenia dokumentacji kadrowej, naliczania wynagrodzeń i składek "
        "na ubezpieczenia społeczne oraz rozliczania podatków i gospodarki finansowej firmy. "
        "Ćwiczenia odbywają się w pracowni komputerowej z programem kadrowo-płacowym.",
    ),
    "EKA.07": Qualification(
        "technik rachunkowości", "Prowadzenie rachunkowości", "2 semestry (ok. 600 godzin)",
        False, False,
        "Słuchacze uczą się ewidencjonować operacje gospodarcze, prowadzić księgi "
        "rachunkowe, przeprowadzać inwentaryzację i sporządzać sprawozdanie finansowe. "
        "Kurs jest przeznaczony dla osób, które chcą pracować w dziale księgowości lub "
        "w biurze rachunkowym.",
    ),
    "INF.02": Qualification(
        "technik informatyk",
        "Administracja i eksploatacja systemów komputerowych, urządzeń peryferyjnych "
        "i lokalnych sieci komputerowych",
        "2 semestry (ok. 640 godzin)", False, False,
        "Kurs obejmuje montaż i naprawę komputerów, instalację i konfigurację systemów "
        "operacyjnych, administrowanie serwerami oraz projektowanie i konfigurację lokalnych "
        "sieci komputerowych. Zajęcia praktyczne odbywają się w pracowniach sieciowej "
        "i serwisowej.",
    ),
    "INF.03": Qualification(
        "technik programista",
        "Tworzenie i administrowanie stronami i aplikacjami internetowymi oraz bazami danych",
        "2 semestry (ok. 620 godzin)", False, False,
        "Słuchacze tworzą strony internetowe w HTML i CSS, programują w JavaScripcie i PHP, "
        "projektują relacyjne bazy danych i administrują nimi. Kurs jest odpowiedni dla osób, "
        "które chcą rozpocząć pracę przy tworzeniu stron i aplikacji internetowych.",
    ),
    "INF.04": Qualification(
        "technik programista", "Projektowanie, programowanie i testowanie aplikacji",
        "2 semestry (ok. 650 godzin)", False, False,
        "Kurs uczy programowania obiektowego, tworzenia aplikacji desktopowych, mobilnych "
        "i internetowych oraz ich testowania. Uczestnicy pracują w zespołach nad projektami "
        "i korzystają z systemu kontroli wersji.",
    ),
    "BPO.01": Qualification(
        "technik bezpieczeństwa i higieny pracy",
        "Zarządzanie bezpieczeństwem w środowisku pracy", "3 semestry (ok. 760 godzin)",
        False, True,
        "Słuchacze uczą się oceniać ryzyko zawodowe, kontrolować warunki pracy, ustalać "
        "okoliczności i przyczyny wypadków przy pracy oraz prowadzić szkolenia BHP. Kurs "
        "przygotowuje do pracy w służbie bezpieczeństwa i higieny pracy.",
    ),
    "SPL.01": Qualification(
        "technik logistyk", "Obsługa magazynów", "2 semestry (ok. 480 godzin)", False, False,
        "Kurs obejmuje przyjmowanie, składowanie i wydawanie towarów, prowadzenie "
        "dokumentacji magazynowej oraz pracę w systemach informatycznych magazynu. "
        "Słuchacze poznają także zasady bezpiecznej pracy przy urządzeniach transportu "
        "bliskiego.",
    ),
    "SPL.05": Qualification(
        "technik spedytor", "Organizacja transportu oraz obsługa klientów i kontrahentów",
        "2 semestry (ok. 520 godzin)", False, False,
        "Słuchacze uczą się planować przewozy krajowe i międzynarodowe, przygotowywać "
        "dokumenty spedycyjne i celne oraz obsługiwać klientów i przewoźników. Kurs "
        "przygotowuje do pracy w firmach spedycyjnych i działach logistyki.",
    ),
    "MOT.05": Qualification(
        "mechanik pojazdów samochodowych",
        "Obsługa, diagnozowanie oraz naprawa pojazdów samochodowych",
        "3 semestry (ok. 900 godzin)", False, True,
        "Kurs przygotowuje do diagnozowania i naprawy silników, układów napędowych, "
        "hamulcowych i zawieszenia samochodów osobowych i dostawczych. Zajęcia praktyczne "
        "odbywają się w warsztacie szkolnym wyposażonym w stanowiska diagnostyczne.",
    ),
    "BUD.12": Qualification(
        "murarz-tynkarz", "Wykonywanie robót murarskich i tynkarskich",
        "2 semestry (ok. 700 godzin)", False, True,
        "Słuchacze uczą się wznosić ściany i kominy z różnych materiałów, wykonywać tynki "
        "ręczne i maszynowe oraz prowadzić roboty rozbiórkowe i remontowe. Kurs jest "
        "przeznaczony dla osób, które pracują na budowie bez formalnych kwalifikacji.",
    ),
    "BUD.14": Qualification(
        "technik budownictwa",
        "Organizacja i kontrola robót budowlanych oraz sporządzanie kosztorysów",
        "3 semestry (ok. 780 godzin)", False, False,
        "Kurs przygotowuje do organizowania i kontrolowania robót budowlanych, "
        "sporządzania przedmiarów i kosztorysów oraz prowadzenia dokumentacji budowy. "
        "Zajęcia obejmują ćwiczenia w programie kosztorysowym.",
    ),
    "BUD.03": Qualification(
        "dekarz", "Wykonywanie robót dekarsko-blacharskich", "2 semestry (ok. 650 godzin)",
        False, True,
        "Słuchacze uczą się wykonywać pokrycia dachowe z dachówek, blach i papy, montować "
        "obróbki blacharskie, rynny i okna dachowe oraz bezpiecznie pracować na wysokości. "
        "Zajęcia praktyczne odbywają się na makietach dachów w hali szkoleniowej.",
    ),
    "ELE.02": Qualification(
        "elektryk", "Montaż, uruchamianie i konserwacja instalacji, maszyn i urządzeń "
        "elektrycznych", "3 semestry (ok. 850 godzin)", False, True,
        "Kurs obejmuje montaż instalacji elektrycznych w budynkach, podłączanie maszyn "
        "i urządzeń, pomiary ochronne oraz konserwację i naprawy. Po kursie słuchacze mogą "
        "też przystąpić do egzaminu na świadectwo kwalifikacyjne do 1 kV.",
    ),
    "ELE.05": Qualification(
        "technik elektryk", "Eksploatacja maszyn, urządzeń i instalacji elektrycznych",
        "2 semestry (ok. 600 godzin)", False, False,
        "Słuchacze uczą się eksploatować, diagnozować i naprawiać maszyny i urządzenia "
        "elektryczne, a także projektować proste instalacje i układy sterowania. Kurs jest "
        "dla osób, które mają już kwalifikację ELE.02.",
    ),
    "ELM.03": Qualification(
        "technik mechatronik",
        "Montaż, uruchamianie i konserwacja urządzeń i systemów mechatronicznych",
        "2 semestry (ok. 700 godzin)", False, False,
        "Kurs uczy montażu i uruchamiania urządzeń łączących mechanikę, elektrotechnikę "
        "i sterowanie, w tym układów pneumatycznych i hydraulicznych. Słuchacze pracują na "
        "stanowiskach dydaktycznych z przemysłowymi sterownikami.",
    ),
    "ELM.06": Qualification(
        "technik mechatronik",
        "Eksploatacja i programowanie urządzeń i systemów mechatronicznych",
        "2 semestry (ok. 620 godzin)", False, False,
        "Słuchacze programują sterowniki PLC, konfigurują panele operatorskie i napędy "
        "oraz diagnozują systemy mechatroniczne w liniach produkcyjnych. Kurs przygotowuje "
        "do pracy w utrzymaniu ruchu i automatyce przemysłowej.",
    ),
    "HGT.01": Qualification(
        "kelner", "Wykonywanie usług kelnerskich", "2 semestry (ok. 560 godzin)",
        True, True,
        "Kurs przygotowuje do obsługi gości w restauracji, kawiarni i podczas przyjęć "
        "okolicznościowych. Słuchacze uczą się nakrywania stołów, podawania potraw "
        "i napojów, przyjmowania zamówień i rozliczania rachunków.",
    ),
    "HGT.02": Qualification(
        "kucharz", "Przygotowanie i wydawanie dań", "2 semestry (ok. 720 godzin)", True, True,
        "Słuchacze uczą się przygotowywać i wydawać potrawy kuchni polskiej i świata, "
        "stosować zasady HACCP oraz planować pracę w kuchni. Zajęcia praktyczne odbywają się "
        "w pracowni gastronomicznej i w lokalach partnerskich.",
    ),
    "HGT.12": Qualification(
        "technik żywienia i usług gastronomicznych",
        "Organizacja żywienia i usług gastronomicznych", "2 semestry (ok. 650 godzin)",
        True, False,
        "Kurs uczy planowania jadłospisów, oceny wartości odżywczej posiłków, organizacji "
        "usług cateringowych i kalkulacji cen. Jest przeznaczony dla osób z kwalifikacją "
        "HGT.02, które chcą kierować pracą zakładu gastronomicznego.",
    ),
    "HGT.03": Qualification(
        "technik hotelarstwa", "Obsługa gości w obiekcie świadczącym usługi hotelarskie",
        "2 semestry (ok. 600 godzin)", True, False,
        "Słuchacze poznają przygotowanie jednostek mieszkalnych, obsługę gości w części "
        "noclegowej, organizację śniadań i usług dodatkowych w hotelu. Kurs przygotowuje do "
        "pracy w hotelach, pensjonatach i gospodarstwach agroturystycznych.",
    ),
    "MED.14": Qualification(
        "opiekun medyczny",
        "Świadczenie usług medyczno-pielęgnacyjnych i opiekuńczych osobie chorej "
        "i niesamodzielnej",
        "2 semestry (ok. 850 godzin)", True, True,
        "Kurs przygotowuje do opieki nad osobami chorymi i niesamodzielnymi w szpitalach, "
        "zakładach opiekuńczo-leczniczych, hospicjach i w domu pacjenta. Słuchacze uczą się "
        "wykonywać czynności higieniczne i pielęgnacyjne, przemieszczać pacjenta "
        "i współpracować z zespołem terapeutycznym.",
    ),
    "SPO.02": Qualification(
        "opiekun osoby starszej", "Świadczenie usług opiekuńczo-wspierających osobie starszej",
        "3 semestry (ok. 820 godzin)", True, True,
        "Słuchacze uczą się rozpoznawać potrzeby osoby starszej, pomagać jej w codziennych "
        "czynnościach, aktywizować ją i współpracować z rodziną oraz instytucjami pomocy "
        "społecznej. Zajęcia praktyczne odbywają się w domach pomocy społecznej i dziennych "
        "domach seniora.",
    ),
}  # fmt: skip
