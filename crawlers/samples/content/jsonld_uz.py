"""Sample site: a university catalogue of postgraduate studies, degree programmes and courses."""

from __future__ import annotations

from typing import Any

from crawlers.samples.content.jsonld_build import (
    course,
    instance,
    isced_term,
    organization,
    place,
    postal,
    program,
)

UZ = organization(
    "CollegeOrUniversity",
    "Uniwersytet Zielonogórski",
    "https://www.uz.zgora.pl",
    postal("ul. Licealna 9", "65-417", "Zielona Góra"),
)
POSTGRAD_CERT = "świadectwo ukończenia studiów podyplomowych"
DURATIONS = {2: "P1Y", 3: "P18M", 4: "P2Y"}


def postgraduate(
    name: str, description: str, isced: str, semesters: int, start: str, deadline: str,
    price: float, mode: str = "niestacjonarne", end: str | None = None,
    level: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    fields: dict[str, Any] = {
        "programType": "studia podyplomowe",
        "educationalProgramMode": mode,
        "timeToComplete": DURATIONS[semesters],
        "termsPerYear": 2,
        "numberOfCredits": 30 if semesters == 2 else 60,
        "startDate": start,
    }
    if end:
        fields["endDate"] = end
    fields["applicationDeadline"] = deadline
    fields["educationalCredentialAwarded"] = POSTGRAD_CERT
    if level:
        fields["educationalLevel"] = level
    fields["about"] = isced_term(isced)
    note = f"Opłata za całe studia; możliwość płatności w {semesters} ratach semestralnych."
    return program(name, description, UZ, price, price_note=note, **fields)


def degree(
    name: str, description: str, isced: str, cycle: int, mode: str, duration: str,
    deadline: str, price_per_term: float, credential: str, occupation: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    fields: dict[str, Any] = {
        "programType": "studia I stopnia" if cycle == 1 else "studia II stopnia",
        "educationalProgramMode": mode,
        "timeToComplete": duration,
        "termsPerYear": 2,
        "startDate": "2027-10-01",
        "applicationDeadline": deadline,
        "educationalCredentialAwarded": credential,
        "educationalLevel": "PRK 6" if cycle == 1 else "PRK 7",
        "about": isced_term(isced),
    }
    if occupation:
        fields["occupationalCategory"] = occupation
    note = "Opłata za jeden semestr studiów." if price_per_term else "Studia bezpłatne."
    return program(name, description, UZ, price_per_term, price_note=note, **fields)


PAGES: list[dict[str, Any]] = [
    {"slug": "studia-podyplomowe/rachunkowosc-i-audyt-wewnetrzny", "jsonld": postgraduate(
        "Rachunkowość i audyt wewnętrzny",
        "Studia przygotowują do pracy w działach finansowo-księgowych i komórkach audytu "
        "wewnętrznego przedsiębiorstw oraz jednostek sektora finansów publicznych. Program "
        "obejmuje rachunkowość finansową i zarządczą, sprawozdawczość, standardy audytu "
        "wewnętrznego, kontrolę zarządczą i zarządzanie ryzykiem. Zajęcia odbywają się "
        "w soboty i niedziele, zwykle co dwa tygodnie.",
        "0411", 2, "2027-10-16", "2027-10-01", 4800, level="PRK 7")},
    {"slug": "studia-podyplomowe/zarzadzanie-oswiata", "jsonld": postgraduate(
        "Zarządzanie oświatą",
        "Studia przygotowują nauczycieli do pełnienia funkcji dyrektora szkoły lub placówki "
        "oświatowej oraz innych stanowisk kierowniczych w oświacie. Słuchacze poznają prawo "
        "oświatowe, zarządzanie finansami i kadrami szkoły, nadzór pedagogiczny i budowanie "
        "relacji ze środowiskiem lokalnym. Ukończenie studiów spełnia wymagania kwalifikacyjne "
        "stawiane kandydatom na dyrektorów szkół i placówek.",
        "0111", 3, "2027-10-09", "2027-09-24", 4500, level="PRK 7")},
    {"slug": "studia-podyplomowe/bezpieczenstwo-i-higiena-pracy", "jsonld": postgraduate(
        "Bezpieczeństwo i higiena pracy",
        "Studia dają kwalifikacje do pracy w służbie bezpieczeństwa i higieny pracy na "
        "stanowiskach od inspektora do specjalisty do spraw BHP. Program obejmuje prawną "
        "ochronę pracy, ocenę ryzyka zawodowego, ergonomię, badanie wypadków przy pracy oraz "
        "metodykę szkoleń BHP. Część zajęć prowadzona jest zdalnie w czasie rzeczywistym.",
        "1022", 2, "2027-02-27", "2027-02-12", 4200, level="PRK 6")},
    {"slug": "studia-podyplomowe/analityka-danych", "jsonld": postgraduate(
        "Analityka danych i statystyka stosowana",
        "Studia online dla osób, które chcą analizować dane w pracy zawodowej: w administracji, "
        "biznesie, ochronie zdrowia i badaniach społecznych. Słuchacze uczą się statystyki, "
        "programowania w Pythonie i R, pracy z bazami danych SQL oraz wizualizacji wyników. "
        "Wszystkie zajęcia odbywają się zdalnie w czasie rzeczywistym.",
        "0542", 2, "2027-10-16", "2027-10-04", 5200, mode="online")},
    {"slug": "studia-podyplomowe/doradztwo-zawodowe-i-personalne", "jsonld": postgraduate(
        "Doradztwo zawodowe i personalne",
        "Studia przygotowują do pracy doradcy zawodowego w szkołach, poradniach "
        "psychologiczno-pedagogicznych, urzędach pracy i działach personalnych. Słuchacze "
        "poznają metody diagnozy predyspozycji zawodowych, prowadzenie rozmowy doradczej, "
        "źródła informacji o rynku pracy i planowanie kariery. Nauczyciele uzyskują "
        "kwalifikacje do prowadzenia zajęć z doradztwa zawodowego.",
        "0319", 3, "2027-02-20", "2027-02-05", 4300)},
    {"slug": "studia-podyplomowe/zarzadzanie-zasobami-ludzkimi", "jsonld": postgraduate(
        "Zarządzanie zasobami ludzkimi",
        "Program obejmuje rekrutację i selekcję, ocenianie pracowników, systemy "
        "wynagradzania, rozwój kompetencji i prawo pracy. Zajęcia prowadzą pracownicy "
        "naukowi i praktycy z działów personalnych firm z regionu. Studia są skierowane do "
        "pracowników działów kadr, kierowników i właścicieli firm.",
        "0413", 2, "2027-10-09", "2027-09-24", 4400)},
    {"slug": "studia-podyplomowe/logopedia-ogolna", "jsonld": postgraduate(
        "Logopedia ogólna",
        "Studia przygotowują do diagnozowania i terapii zaburzeń mowy u dzieci i dorosłych. "
        "Program obejmuje anatomię narządów mowy, fonetykę, rozwój mowy dziecka, metody "
        "terapii logopedycznej oraz praktyki w przedszkolach, szkołach i poradniach. Studia "
        "są przeznaczone przede wszystkim dla nauczycieli z przygotowaniem pedagogicznym.",
        "0915", 4, "2027-10-09", "2027-09-24", 6200, level="PRK 7")},
    {"slug": "studia-podyplomowe/oligofrenopedagogika", "jsonld": postgraduate(
        "Oligofrenopedagogika – edukacja i rehabilitacja osób z niepełnosprawnością "
        "intelektualną",
        "Studia dają kwalifikacje do pracy z uczniami z niepełnosprawnością intelektualną "
        "w szkołach specjalnych, integracyjnych i ogólnodostępnych. Słuchacze poznają diagnozę "
        "funkcjonalną, metody pracy rewalidacyjnej i tworzenie indywidualnych programów "
        "edukacyjno-terapeutycznych. Program obejmuje praktyki w placówkach kształcenia "
        "specjalnego.",
        "0114", 3, "2027-02-27", "2027-02-12", 4100)},
    {"slug": "studia-podyplomowe/przygotowanie-pedagogiczne", "jsonld": postgraduate(
        "Przygotowanie pedagogiczne",
        "Studia dla absolwentów kierunków niepedagogicznych, którzy chcą pracować jako "
        "nauczyciele. Program obejmuje psychologię, pedagogikę, dydaktykę ogólną "
        "i przedmiotową oraz praktyki w szkołach. Zajęcia teoretyczne odbywają się zdalnie, "
        "a warsztaty metodyczne i praktyki – stacjonarnie.",
        "0113", 3, "2027-10-16", "2027-10-01", 3900, mode="niestacjonarne (hybrydowe)")},
    {"slug": "studia-podyplomowe/cyberbezpieczenstwo", "jsonld": postgraduate(
        "Cyberbezpieczeństwo w administracji i biznesie",
        "Studia online dla pracowników działów IT, administratorów systemów i osób "
        "odpowiedzialnych za bezpieczeństwo informacji. Omawiamy zarządzanie ryzykiem, normę "
        "ISO/IEC 27001, ochronę sieci i systemów, reagowanie na incydenty oraz obowiązki "
        "wynikające z przepisów o krajowym systemie cyberbezpieczeństwa. Zajęcia "
        "laboratoryjne odbywają się w środowisku wirtualnym.",
        "0612", 2, "2027-10-09", "2027-09-24", 5400, mode="online")},
    {"slug": "studia-podyplomowe/ochrona-srodowiska-i-gospodarka-odpadami", "jsonld": postgraduate(
        "Ochrona środowiska i gospodarka odpadami",
        "Studia dla pracowników urzędów, przedsiębiorstw i firm komunalnych odpowiedzialnych "
        "za ochronę środowiska. Program obejmuje prawo ochrony środowiska, gospodarkę odpadami "
        "i ściekami, ocenę oddziaływania na środowisko oraz sprawozdawczość środowiskową. "
        "Słuchacze biorą udział w zajęciach terenowych w zakładach gospodarki odpadami.",
        "0521", 2, "2027-02-27", "2027-02-12", 3800)},
    {"slug": "studia-podyplomowe/bibliotekoznawstwo", "jsonld": postgraduate(
        "Bibliotekoznawstwo i informacja naukowa",
        "Studia przygotowują do pracy w bibliotekach publicznych, szkolnych i naukowych oraz "
        "w archiwach zakładowych. Słuchacze poznają katalogowanie, systemy biblioteczne, "
        "informację naukową, promocję czytelnictwa i pracę z czytelnikiem. Nauczyciele "
        "uzyskują kwalifikacje do pracy w bibliotece szkolnej.",
        "0322", 3, "2027-10-16", "2027-10-01", 3600)},
    {"slug": "studia-podyplomowe/angielski-w-edukacji-wczesnoszkolnej", "jsonld": postgraduate(
        "Nauczanie języka angielskiego w edukacji przedszkolnej i wczesnoszkolnej",
        "Studia dla nauczycieli edukacji przedszkolnej i wczesnoszkolnej, którzy znają "
        "angielski co najmniej na poziomie B2. Program obejmuje metodykę nauczania języka "
        "obcego dzieci, praktyczną naukę języka i projektowanie zajęć z wykorzystaniem gier, "
        "piosenek i opowiadań. Absolwenci uzyskują kwalifikacje do nauczania angielskiego "
        "w przedszkolu i w klasach 1–3.",
        "0114", 3, "2027-10-09", "2027-09-24", 4600)},
    {"slug": "studia-podyplomowe/prawo-pracy", "jsonld": postgraduate(
        "Prawo pracy i ubezpieczeń społecznych",
        "Studia przeznaczone dla kadrowych, specjalistów HR, kierowników i przedsiębiorców. "
        "Omawiamy indywidualne i zbiorowe prawo pracy, czas pracy, wynagrodzenia, "
        "ubezpieczenia społeczne i postępowanie przed sądem pracy. Zajęcia prowadzą "
        "sędziowie, radcy prawni i pracownicy naukowi.",
        "0421", 2, "2027-02-27", "2027-02-12", 3900)},
    {"slug": "studia-podyplomowe/pedagogika-opiekunczo-wychowawcza", "jsonld": postgraduate(
        "Pedagogika opiekuńczo-wychowawcza",
        "Studia przygotowują do pracy wychowawcy w świetlicach szkolnych, bursach, internatach "
        "i placówkach opiekuńczo-wychowawczych. Słuchacze poznają metody pracy wychowawczej, "
        "profilaktykę zachowań ryzykownych i współpracę z rodziną ucznia. Edycja rozpoczęta "
        "w lutym 2025 roku zakończyła się w styczniu 2026 roku.",
        "0114", 2, "2025-02-22", "2025-02-07", 3700, end="2026-01-31")},
    {"slug": "studia-podyplomowe/zarzadzanie-projektami", "jsonld": postgraduate(
        "Zarządzanie projektami",
        "Studia uczą planowania, prowadzenia i rozliczania projektów, w tym projektów "
        "finansowanych ze środków Unii Europejskiej. Słuchacze pracują z metodykami "
        "klasycznymi i zwinnymi oraz z narzędziami do harmonogramowania. Nabór na kolejną "
        "edycję zostanie ogłoszony w przyszłym roku akademickim.",
        "0413", 2, "2025-10-11", "2025-09-26", 4700, end="2026-06-27")},
    {"slug": "studia-podyplomowe/opieka-dlugoterminowa-i-geriatryczna", "jsonld": postgraduate(
        "Opieka długoterminowa i geriatryczna",
        "Studia dla pielęgniarek, fizjoterapeutów, opiekunów medycznych i pracowników "
        "socjalnych, którzy pracują z osobami starszymi i przewlekle chorymi. Program "
        "obejmuje geriatrię, pielęgnację osób niesamodzielnych, rehabilitację i organizację "
        "opieki środowiskowej.",
        "0913", 2, "2025-03-01", "2025-02-14", 4300, end="2026-02-28")},
    {"slug": "kierunki/pielegniarstwo", "jsonld": degree(
        "Pielęgniarstwo",
        "Studia pierwszego stopnia przygotowują do wykonywania zawodu pielęgniarki "
        "i pielęgniarza. Program łączy nauki podstawowe i społeczne z naukami w zakresie "
        "opieki pielęgniarskiej, a znaczną część kształcenia stanowią zajęcia praktyczne "
        "i praktyki zawodowe w szpitalach i placówkach podstawowej opieki zdrowotnej. "
        "Absolwent uzyskuje tytuł zawodowy licencjata pielęgniarstwa i może ubiegać się "
        "o prawo wykonywania zawodu.",
        "0913", 1, "stacjonarne", "P3Y", "2027-07-10", 0,
        "dyplom ukończenia studiów pierwszego stopnia – licencjat pielęgniarstwa",
        occupation="pielęgniarka / pielęgniarz")},
    {"slug": "kierunki/administracja", "jsonld": degree(
        "Administracja",
        "Studia niestacjonarne pierwszego stopnia dla osób, które chcą pracować "
        "w administracji rządowej i samorządowej albo w działach administracyjnych firm. "
        "Studenci poznają prawo administracyjne i postępowanie administracyjne, finanse "
        "publiczne, zamówienia publiczne i e-administrację. Zajęcia odbywają się "
        "w weekendy, co dwa tygodnie.",
        "0413", 1, "niestacjonarne", "P3Y", "2027-09-20", 2500,
        "dyplom ukończenia studiów pierwszego stopnia – licencjat")},
    {"slug": "kierunki/zarzadzanie-ii-stopnia", "jsonld": degree(
        "Zarządzanie",
        "Studia drugiego stopnia dla absolwentów studiów licencjackich i inżynierskich, "
        "którzy chcą rozwijać kompetencje menedżerskie. Program obejmuje zarządzanie "
        "strategiczne, finanse przedsiębiorstwa, zarządzanie zmianą i przywództwo. Zajęcia "
        "w trybie niestacjonarnym odbywają się w piątki po południu i w soboty.",
        "0413", 2, "niestacjonarne", "P2Y", "2027-09-20", 2700,
        "dyplom ukończenia studiów drugiego stopnia – magister")},
    {"slug": "kierunki/informatyka", "jsonld": degree(
        "Informatyka",
        "Studia inżynierskie pierwszego stopnia w trybie niestacjonarnym, przeznaczone "
        "również dla osób pracujących. Studenci uczą się programowania, inżynierii "
        "oprogramowania, baz danych, sieci komputerowych i sztucznej inteligencji. "
        "Ostatni semestr poświęcony jest praktyce i pracy dyplomowej.",
        "0613", 1, "niestacjonarne", "P3Y6M", "2027-09-20", 3100,
        "dyplom ukończenia studiów pierwszego stopnia – inżynier")},
    {"slug": "kierunki/biotechnologia-ii-stopnia", "jsonld": degree(
        "Biotechnologia",
        "Studia drugiego stopnia łączą biologię molekularną, biochemię i inżynierię "
        "bioprocesową. Studenci prowadzą badania w laboratoriach uczelni i odbywają praktyki "
        "w firmach z branży spożywczej, farmaceutycznej i ochrony środowiska.",
        "0512", 2, "stacjonarne", "P2Y", "2027-07-10", 0,
        "dyplom ukończenia studiów drugiego stopnia – magister")},
    {"slug": "kierunki/rolnictwo", "jsonld": degree(
        "Rolnictwo",
        "Studia inżynierskie pierwszego stopnia przygotowują do prowadzenia nowoczesnego "
        "gospodarstwa, doradztwa rolniczego i pracy w firmach obsługujących rolnictwo. "
        "Program obejmuje produkcję roślinną i zwierzęcą, agrotechnikę, ekonomikę "
        "gospodarstw oraz uprawę winorośli, z której słynie region.",
        "0811", 1, "stacjonarne", "P3Y6M", "2027-07-10", 0,
        "dyplom ukończenia studiów pierwszego stopnia – inżynier")},
    {"slug": "kursy/warsztaty-obywatelskie-utw", "jsonld": course(
        "Warsztaty obywatelskie dla słuchaczy UTW: e-administracja i bezpieczeństwo w sieci",
        "Cztery spotkania w Bibliotece Uniwersyteckiej dla słuchaczy Uniwersytetu Trzeciego "
        "Wieku i innych seniorów. Uczestnicy uczą się korzystać z e-usług publicznych, "
        "zakładać Profil Zaufany, chronić swoje dane i rozpoznawać oszustwa internetowe. "
        "Udział jest bezpłatny, obowiązują zapisy.",
        UZ, 0,
        [instance("onsite", "2027-03-10", "2027-03-31", 8, place(
            "Biblioteka Uniwersytecka, sala szkoleniowa",
            postal("al. Wojska Polskiego 71", "65-762", "Zielona Góra")))],
        about=isced_term("0611"),
        educationalCredentialAwarded="zaświadczenie o udziale w warsztatach")},
    {"slug": "kursy/jezyk-polski-jako-obcy-b1", "jsonld": course(
        "Kurs języka polskiego jako obcego – poziom B1",
        "Kurs dla cudzoziemców mieszkających i pracujących w województwie lubuskim, którzy "
        "znają polski na poziomie A2. Zajęcia rozwijają wszystkie sprawności językowe "
        "i przygotowują do państwowego egzaminu certyfikatowego z języka polskiego jako "
        "obcego na poziomie B1. Część zajęć odbywa się w sali, a część online.",
        UZ, 1800,
        [instance("blended", "2027-02-22", "2027-06-14", 120, place(
            "Kampus A, Centrum Języków Obcych",
            postal("ul. prof. Zygmunta Szafrana 4", "65-516", "Zielona Góra")))],
        about=isced_term("0231"),
        educationalCredentialAwarded="zaświadczenie o ukończeniu kursu (poziom B1)")},
    {"slug": "kursy/matura-z-matematyki", "jsonld": course(
        "Kurs przygotowawczy do matury z matematyki (poziom rozszerzony)",
        "Sobotni kurs dla uczniów klas maturalnych i absolwentów, którzy chcą poprawić wynik "
        "z matematyki na poziomie rozszerzonym. Zajęcia prowadzą nauczyciele akademiccy, "
        "a każdy blok tematyczny kończy się próbnym zestawem zadań maturalnych.",
        UZ, 950,
        [instance("onsite", "2027-01-09", "2027-04-24", 60, place(
            "Kampus A, budynek A-29",
            postal("ul. prof. Zygmunta Szafrana 4a", "65-516", "Zielona Góra")))],
        about=isced_term("0541"))},
    {"slug": "kontakt", "expect": "no_offer", "jsonld": {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Uniwersytet Zielonogórski – oferta kształcenia",
             "url": "https://www.uz.zgora.pl"},
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Strona główna",
                 "item": "https://www.uz.zgora.pl"},
                {"@type": "ListItem", "position": 2, "name": "Kontakt"},
            ]},
        ],
    }},
]  # fmt: skip

SITE: dict[str, Any] = {
    "site": {
        "name": "Uniwersytet Zielonogórski – studia, studia podyplomowe i kursy",
        "url_path": "/uz/",
        "description": (
            "Katalog kierunków studiów, studiów podyplomowych i kursów Uniwersytetu "
            "Zielonogórskiego."
        ),
    },
    "pages": PAGES,
}
