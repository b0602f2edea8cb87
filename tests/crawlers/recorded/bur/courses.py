"""The invented content of the BUR recordings: providers, venues and the courses they run.

Read by `build_recordings.py`. Every name, address, person, price and date here is invented;
only the BUR dictionaries (category, subcategory, kind and form ids with their labels) are real,
as public clients of the API list them. E-mail addresses use the reserved `.example` domain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# BUR dictionaries (as a public scraper's `bur_code_labels.json` has them): id -> label.
CATEGORIES = {
    444: "Języki", 454: "Techniczne", 469: "Finanse i bankowość",
    479: "Informatyka i telekomunikacja", 505: "Inne", 506: "Prawo jazdy",
    546: "Zdrowie i medycyna", 559: "Biznes",
}  # fmt: skip
SUBCATEGORIES = {
    445: (444, "Angielski"), 448: (444, "Niemiecki"),
    466: (454, "Mechanika i mechatronika"), 467: (454, "Metalurgia i spawalnictwo"),
    572: (454, "Energetyka i gazownictwo"), 573: (454, "Obsługa maszyn i urządzeń"),
    471: (469, "Rachunkowość/księgowość"),
    481: (479, "Aplikacje biznesowe"), 485: (479, "Programowanie"), 544: (479, "Bazy danych"),
    577: (505, "Gastronomia"),
    516: (506, "Kurs prawa jazdy kat.C"), 582: (506, "Kwalifikacje na przewóz osób lub rzeczy"),
    550: (546, "Medycyna"), 554: (546, "Zdrowie publiczne"),
    560: (559, "Marketing"), 563: (559, "Logistyka"), 566: (559, "Zarządzanie zasobami ludzkimi"),
}  # fmt: skip
KINDS = {  # podrodzaj -> (rodzaj id, rodzaj, podrodzaj)
    145: (144, "Usługa szkoleniowa", "Usługa szkoleniowa"),
    146: (144, "Usługa szkoleniowa", "Usługa o charakterze zawodowym"),
    147: (144, "Usługa szkoleniowa", "Studia podyplomowe"),
    148: (144, "Usługa szkoleniowa", "Egzamin"),
    152: (150, "Usługa doradcza", "Coaching"),
}
FORMS = {
    1: "stacjonarna",
    2: "zdalna w czasie rzeczywistym",
    3: "zdalna",
    4: "mieszana (stacjonarna połączona z usługą zdalną w czasie rzeczywistym)",
    5: "mieszana (stacjonarna połączona z usługą zdalną)",
    6: "mieszana (zdalna połączona z usługą zdalną w czasie rzeczywistym)",
}
REMOTE_FORMS = (2, 3, 6)  # no address in the record
KFS = "Krajowy Fundusz Szkoleniowy (KFS)"
FEL = "Fundusze Europejskie dla Lubuskiego 2021-2027"

# key: (town, idMiejscowosci, postcode, street, building, flat)
PLACES = {
    "gorzow": ("Gorzów Wielkopolski", 954367, "66-400", "ul. Kostrzyńska", "51", None),
    "gorzow-uczelnia": ("Gorzów Wielkopolski", 954367, "66-400", "ul. Chopina", "52", None),
    "zg": ("Zielona Góra", 986283, "65-048", "ul. Wrocławska", "12", "105"),
    "zg-gastro": ("Zielona Góra", 986283, "65-119", "ul. Ptasia", "4", None),
    "zary": ("Żary", 939672, "68-200", "ul. Okrzei", "27", None),
    "nowa-sol": ("Nowa Sól", 942104, "67-100", "ul. Piłsudskiego", "9", "3"),
    "swiebodzin": ("Świebodzin", 982517, "66-200", "ul. Głowackiego", "5", None),
    "miedzyrzecz": ("Międzyrzecz", 911935, "66-300", "ul. Rynek", "14", "2"),
    "slubice": ("Słubice", 978861, "69-100", "ul. Jedności Robotniczej", "17", None),
    "krosno": ("Krosno Odrzańskie", 918317, "66-600", "ul. Parkowa", "3", None),
    "zagan": ("Żagań", 941805, "68-100", "ul. Żelazna", "8", None),
    "sulecin": ("Sulęcin", 980844, "69-200", "ul. Żeromskiego", "21", None),
    "wschowa": ("Wschowa", 939144, "67-400", "ul. Daszyńskiego", "10", None),
    "strzelce": ("Strzelce Krajeńskie", 930427, "66-500", "ul. Przemysłowa", "6", None),
    "drezdenko": ("Drezdenko", 930380, "66-530", "ul. Kościuszki", "40", None),
    "kostrzyn": ("Kostrzyn nad Odrą", 955180, "66-470", "ul. Fabryczna", "2", None),
}


@dataclass(frozen=True)
class Provider:
    id: int
    nazwa: str
    contact: str
    email: str
    ocena: float | None
    logo: bool = False


PROVIDERS = {
    "kadra": Provider(20731, "Lubuskie Centrum Szkoleń Zawodowych KADRA sp. z o.o.",
                      "Marek Sobczak", "szkolenia@kadra-gorzow.example", 4.8, logo=True),
    "cyfrolab": Provider(31208, "Akademia Kompetencji Cyfrowych CYFROLAB Anna Wójcik",
                         "Anna Wójcik", "biuro@cyfrolab.example", 4.9),
    "mototrans": Provider(18455, "Ośrodek Szkolenia Kierowców MOTO-TRANS Paweł Kaczmarek",
                          "Paweł Kaczmarek", "osk@moto-trans-zary.example", 4.6),
    "ncer": Provider(26517, "Nadodrzańskie Centrum Edukacji i Rozwoju sp. z o.o.",
                     "Beata Górecka", "rekrutacja@ncer-nowasol.example", 4.7, logo=True),
    "nsw": Provider(40112, "Nadwarciańska Szkoła Wyższa w Gorzowie Wielkopolskim",
                    "Joanna Pietrzak", "podyplomowe@nsw-gorzow.example", 4.5),
    "polyglot": Provider(35590, "Instytut Języków Obcych POLYGLOT s.c. Marta i Jan Zielińscy",
                         "Marta Zielińska", "kursy@polyglot-swiebodzin.example", 5.0),
    "vitamed": Provider(22941, "Centrum Szkoleń Medycznych i Opiekuńczych VITA-MED",
                        "Ewa Malinowska", "szkolenia@vitamed-miedzyrzecz.example", 4.8),
    "kompas": Provider(29876, "Pracownia Rozwoju Kompetencji KOMPAS Katarzyna Lis",
                       "Katarzyna Lis", "kontakt@kompas-slubice.example", None),
    "frpzl": Provider(44203, "Fundacja Rozwoju Przedsiębiorczości Ziemi Lubuskiej",
                      "Grzegorz Wawrzyniak", "fundacja@frpzl.example", 4.4),
    "smak": Provider(38067, "Zielonogórska Akademia Gastronomiczna SMAK sp. z o.o.",
                     "Dorota Kwiatkowska", "akademia@smak-zg.example", 4.9, logo=True),
    "technikcert": Provider(12984, "Centrum Egzaminacyjne TECHNIK-CERT sp. z o.o.",
                            "Robert Nowicki", "egzaminy@technik-cert.example", 4.7),
    "metaltech": Provider(47750, "Centrum Kształcenia Technicznego METALTECH sp. z o.o.",
                          "Łukasz Bednarek", "cnc@metaltech-kostrzyn.example", None),
}  # fmt: skip


@dataclass(frozen=True)
class Course:
    """What every edition of a course shares. `sessions`: (count, hours each, first hour,
    days: "weekdays" | "weekend" | "evenings" | "saturdays")."""

    tytul: str
    provider: str
    podrodzaj: int
    podkategoria: int
    sessions: tuple[int, int, int, str]
    price_zl: int
    topics: tuple[str, ...]
    cel_biznesowy: str
    cel_edukacyjny: str
    efekty: tuple[str, ...]
    grupa: str
    warunki: str
    inne_kwalifikacje: tuple[str, ...] = ()
    informacje: str = ""
    vat: bool = False  # True: a price with 23% VAT (no public funding), else exempt
    extra: dict[str, object] = field(default_factory=dict)


REMOTE_CONDITIONS = (
    "Komputer z kamerą, mikrofonem i głośnikami, stałe łącze internetowe o przepustowości co "
    "najmniej 10 Mb/s, przeglądarka Chrome, Edge lub Firefox w aktualnej wersji. Zajęcia "
    "prowadzone na platformie Microsoft Teams; link do spotkania uczestnik otrzymuje e-mailem "
    "dzień przed zajęciami."
)


COURSES = {
    "wozki": Course(
        tytul="Operator wózków jezdniowych podnośnikowych z wymianą butli gazowej – kurs z "
        "egzaminem UDT",
        provider="kadra", podrodzaj=146, podkategoria=573, sessions=(8, 8, 8, "weekdays"),
        price_zl=1350,
        topics=("Typy wózków jezdniowych i ich budowa", "Dozór techniczny i obowiązki operatora",
                "Bezpieczna eksploatacja i wymiana butli gazowej",
                "Zajęcia praktyczne na placu manewrowym", "Egzamin przed komisją UDT"),
        cel_biznesowy="Przygotowanie pracowników magazynów i zakładów produkcyjnych do "
        "bezpiecznej obsługi wózków podnośnikowych zgodnie z wymaganiami Urzędu Dozoru "
        "Technicznego.",
        cel_edukacyjny="Kurs przygotowuje do samodzielnej obsługi wózków jezdniowych "
        "podnośnikowych z mechanicznym układem podnoszenia, w tym do wymiany butli gazowej, oraz "
        "do egzaminu państwowego przed komisją UDT.",
        efekty=("Charakteryzuje budowę i zasadę działania wózka jezdniowego podnośnikowego.",
                "Przeprowadza codzienne sprawdzenie stanu technicznego wózka przed pracą.",
                "Wykonuje manewry z ładunkiem i wymienia butlę gazową zgodnie z instrukcją."),
        grupa="Osoby dorosłe, w tym pracownicy magazynów, centrów logistycznych i zakładów "
        "produkcyjnych, które chcą uzyskać uprawnienia operatora wózka.",
        warunki="Ukończone 18 lat, wykształcenie co najmniej podstawowe, brak przeciwwskazań "
        "zdrowotnych do pracy na stanowisku operatora.",
        inne_kwalifikacje=("Zaświadczenie kwalifikacyjne UDT – wózki jezdniowe podnośnikowe "
                           "z wymianą butli gazowej",),
        informacje="Opłata egzaminacyjna UDT jest wliczona w cenę usługi.",
    ),
    "spawanie": Course(
        tytul="Spawanie blach i rur spoinami pachwinowymi metodą MAG (135) – kurs podstawowy",
        provider="kadra", podrodzaj=146, podkategoria=467, sessions=(12, 8, 7, "weekdays"),
        price_zl=4200,
        topics=("BHP i ochrona przeciwpożarowa przy pracach spawalniczych",
                "Urządzenia do spawania MAG i gazy osłonowe",
                "Ćwiczenia praktyczne – spoiny pachwinowe blach w pozycjach PA i PB",
                "Ćwiczenia praktyczne – spoiny rur w pozycji PF",
                "Egzamin spawacza wg PN-EN ISO 9606-1"),
        cel_biznesowy="Uzupełnienie kadr produkcyjnych o spawaczy z uprawnieniami potwierdzonymi "
        "egzaminem zewnętrznym.",
        cel_edukacyjny="Kurs przygotowuje do samodzielnego wykonywania spoin pachwinowych blach i "
        "rur metodą MAG w osłonie gazów aktywnych i kończy się egzaminem przed komisją "
        "zewnętrzną.",
        efekty=("Dobiera parametry spawania do grubości i rodzaju materiału.",
                "Wykonuje spoiny pachwinowe w pozycjach PA, PB i PF zgodnie z instrukcją WPS.",
                "Ocenia wizualnie jakość spoiny i rozpoznaje typowe niezgodności spawalnicze."),
        grupa="Osoby dorosłe, które chcą zdobyć uprawnienia spawacza, w tym pracownicy firm "
        "produkcyjnych i warsztatów ślusarskich.",
        warunki="Ukończone 18 lat oraz orzeczenie lekarskie o braku przeciwwskazań do pracy na "
        "stanowisku spawacza.",
        inne_kwalifikacje=("Świadectwo egzaminu spawacza zgodne z PN-EN ISO 9606-1",
                           "Książka spawacza"),
    ),
    "excel": Course(
        tytul="Excel w pracy biurowej – poziom średniozaawansowany",
        provider="cyfrolab", podrodzaj=145, podkategoria=481, sessions=(4, 6, 9, "weekdays"),
        price_zl=1490,
        topics=("Formuły, funkcje logiczne i wyszukiwania", "Tabele przestawne i wykresy",
                "Sprawdzanie poprawności danych i formatowanie warunkowe",
                "Automatyzacja pracy – makra rejestrowane"),
        cel_biznesowy="Skrócenie czasu przygotowania zestawień i raportów w działach "
        "administracji i sprzedaży.",
        cel_edukacyjny="Uczestnik nauczy się sprawnie analizować dane w arkuszu kalkulacyjnym: "
        "stosować funkcje wyszukiwania i logiczne, budować tabele przestawne i wykresy oraz "
        "nagrywać proste makra.",
        efekty=("Stosuje funkcje X.WYSZUKAJ, JEŻELI i SUMA.WARUNKÓW do analizy danych.",
                "Tworzy tabele przestawne i wykresy przestawne na podstawie danych źródłowych.",
                "Nagrywa i uruchamia makro automatyzujące powtarzalną czynność."),
        grupa="Pracownicy biurowi, asystenci, specjaliści ds. sprzedaży i kadr, osoby "
        "przygotowujące zestawienia w arkuszu kalkulacyjnym.",
        warunki="Podstawowa znajomość obsługi komputera i programu Excel.",
        vat=True,
    ),
    "powerbi": Course(
        tytul="Power BI – analiza i wizualizacja danych z językiem DAX",
        provider="cyfrolab", podrodzaj=145, podkategoria=544, sessions=(4, 6, 9, "weekdays"),
        price_zl=2460,
        topics=("Import i przekształcanie danych w Power Query", "Model danych i relacje",
                "Miary i kolumny obliczeniowe w języku DAX",
                "Raporty, pulpity i publikowanie w usłudze Power BI"),
        cel_biznesowy="Samodzielne przygotowywanie raportów zarządczych bez angażowania działu IT.",
        cel_edukacyjny="Szkolenie uczy budowy modelu danych, pisania miar w języku DAX i "
        "projektowania czytelnych raportów w Power BI Desktop.",
        efekty=("Importuje i przekształca dane z plików Excel i baz danych w Power Query.",
                "Tworzy model danych z relacjami i miarami DAX.",
                "Projektuje i publikuje interaktywny raport."),
        grupa="Analitycy, kontrolerzy finansowi, kierownicy działów i pracownicy raportujący "
        "wyniki firmy.",
        warunki="Dobra znajomość programu Excel.",
    ),
    "python": Course(
        tytul="Python dla analityków danych – od podstaw",
        provider="cyfrolab", podrodzaj=145, podkategoria=485, sessions=(10, 4, 16, "evenings"),
        price_zl=3200,
        topics=("Składnia języka Python i środowisko Jupyter", "Struktury danych i funkcje",
                "Biblioteka pandas – wczytywanie i czyszczenie danych",
                "Wizualizacja danych w bibliotece matplotlib", "Projekt końcowy"),
        cel_biznesowy="Automatyzacja analiz danych sprzedażowych i produkcyjnych w firmie.",
        cel_edukacyjny="Kurs wprowadza w programowanie w języku Python na potrzeby analizy "
        "danych: od składni języka po przygotowanie własnej analizy z wykresami.",
        efekty=("Pisze proste programy w języku Python z użyciem funkcji i pętli.",
                "Wczytuje, czyści i łączy dane w bibliotece pandas.",
                "Przygotowuje wykresy i wnioski z analizy danych."),
        grupa="Osoby pracujące z danymi, które chcą zautomatyzować swoją pracę; nie jest "
        "wymagane doświadczenie w programowaniu.",
        warunki="Znajomość obsługi komputera; własny komputer z dostępem do internetu.",
        informacje="Część materiałów (nagrania i ćwiczenia) jest dostępna na platformie "
        "e-learningowej, część zajęć odbywa się na żywo.",
    ),
    "prawojazdy-c": Course(
        tytul="Prawo jazdy kat. C z kwalifikacją wstępną przyspieszoną",
        provider="mototrans", podrodzaj=146, podkategoria=516, sessions=(22, 8, 7, "weekdays"),
        price_zl=8900,
        topics=("Przepisy ruchu drogowego dla kierowców pojazdów ciężarowych",
                "Budowa i obsługa pojazdu ciężarowego", "Jazdy na placu manewrowym",
                "Jazdy w ruchu miejskim i poza miastem",
                "Kwalifikacja wstępna przyspieszona – zajęcia teoretyczne"),
        cel_biznesowy="Przygotowanie kierowców zawodowych dla firm transportowych regionu.",
        cel_edukacyjny="Kurs przygotowuje do egzaminu państwowego na prawo jazdy kategorii C oraz "
        "do testu kwalifikacyjnego kwalifikacji wstępnej przyspieszonej w zakresie przewozu "
        "rzeczy.",
        efekty=("Prowadzi pojazd ciężarowy zgodnie z przepisami ruchu drogowego.",
                "Wykonuje codzienną obsługę pojazdu i zabezpiecza ładunek.",
                "Stosuje zasady racjonalnej i bezpiecznej jazdy."),
        grupa="Osoby posiadające prawo jazdy kategorii B, które chcą pracować jako kierowcy "
        "zawodowi.",
        warunki="Ukończone 21 lat, prawo jazdy kat. B, profil kandydata na kierowcę (PKK), "
        "orzeczenie lekarskie i psychologiczne.",
        inne_kwalifikacje=("Prawo jazdy kat. C", "Świadectwo kwalifikacji zawodowej"),
    ),
    "kwalifikacja": Course(
        tytul="Kwalifikacja wstępna przyspieszona – przewóz rzeczy (kat. C1, C1+E, C, C+E)",
        provider="mototrans", podrodzaj=146, podkategoria=582, sessions=(17, 8, 8, "weekdays"),
        price_zl=4600,
        topics=("Racjonalna jazda oparta na przepisach bezpieczeństwa",
                "Stosowanie przepisów o czasie pracy kierowcy i tachografach",
                "Zdrowie, bezpieczeństwo drogowe i ochrona środowiska",
                "Jazdy doskonalące"),
        cel_biznesowy="Uzupełnienie kadry kierowców zawodowych w firmach transportowych.",
        cel_edukacyjny="Szkolenie przygotowuje do testu kwalifikacyjnego przed komisją "
        "egzaminacyjną powołaną przez wojewodę lubuskiego.",
        efekty=("Stosuje przepisy o czasie pracy kierowcy i obsługuje tachograf cyfrowy.",
                "Planuje przewóz i rozmieszcza ładunek w pojeździe.",
                "Reaguje właściwie w sytuacjach zagrożenia na drodze."),
        grupa="Kierowcy z prawem jazdy kategorii C lub C1 rozpoczynający pracę w transporcie "
        "drogowym.",
        warunki="Prawo jazdy kategorii C1 lub C (albo odbywany kurs), orzeczenie lekarskie i "
        "psychologiczne.",
        inne_kwalifikacje=("Świadectwo kwalifikacji zawodowej – kwalifikacja wstępna "
                           "przyspieszona",),
    ),
    "kadry": Course(
        tytul="Kadry i płace w praktyce z obsługą programu Płatnik",
        provider="ncer", podrodzaj=145, podkategoria=471, sessions=(10, 6, 9, "weekdays"),
        price_zl=2850,
        topics=("Nawiązanie i rozwiązanie stosunku pracy", "Czas pracy i urlopy",
                "Wynagrodzenia, składki ZUS i zaliczki na podatek",
                "Dokumentacja zgłoszeniowa i rozliczeniowa w programie Płatnik"),
        cel_biznesowy="Samodzielne prowadzenie spraw kadrowo-płacowych w małych i średnich "
        "przedsiębiorstwach.",
        cel_edukacyjny="Uczestnik pozna przepisy prawa pracy i ubezpieczeń społecznych oraz nauczy "
        "się naliczać wynagrodzenia i przygotowywać dokumenty ZUS w programie Płatnik.",
        efekty=("Przygotowuje dokumentację związaną z zatrudnieniem pracownika.",
                "Nalicza wynagrodzenie, składki i zaliczkę na podatek dochodowy.",
                "Sporządza deklaracje i raporty ZUS w programie Płatnik."),
        grupa="Osoby rozpoczynające pracę w dziale kadr i płac oraz właściciele małych firm.",
        warunki="Wykształcenie co najmniej średnie.",
        inne_kwalifikacje=("Zaświadczenie o ukończeniu szkolenia",),
    ),
    "ksiegowy": Course(
        tytul="Samodzielny księgowy – kurs z elementami Krajowego Systemu e-Faktur",
        provider="ncer", podrodzaj=145, podkategoria=471, sessions=(15, 8, 8, "saturdays"),
        price_zl=3900,
        topics=("Zasady rachunkowości i plan kont", "Ewidencja zdarzeń gospodarczych",
                "Podatek VAT i Krajowy System e-Faktur", "Sprawozdanie finansowe"),
        cel_biznesowy="Przygotowanie kadr do samodzielnego prowadzenia ksiąg rachunkowych.",
        cel_edukacyjny="Kurs przygotowuje do samodzielnego prowadzenia ksiąg rachunkowych, "
        "rozliczania podatku VAT z użyciem KSeF i sporządzania sprawozdania finansowego.",
        efekty=("Ewidencjonuje zdarzenia gospodarcze na kontach księgowych.",
                "Rozlicza podatek VAT i wystawia faktury ustrukturyzowane w KSeF.",
                "Sporządza bilans oraz rachunek zysków i strat."),
        grupa="Osoby z podstawową wiedzą księgową, które chcą pracować jako samodzielni "
        "księgowi.",
        warunki="Ukończony kurs podstaw rachunkowości lub doświadczenie w biurze rachunkowym.",
        vat=True,
    ),
    "pp-hr": Course(
        tytul="Studia podyplomowe: Zarządzanie zasobami ludzkimi i psychologia w organizacji",
        provider="nsw", podrodzaj=147, podkategoria=566, sessions=(32, 6, 9, "weekend"),
        price_zl=5800,
        topics=("Strategiczne zarządzanie zasobami ludzkimi", "Prawo pracy dla menedżerów",
                "Psychologia pracy i organizacji", "Rekrutacja i selekcja pracowników",
                "Systemy ocen i wynagradzania", "Seminarium dyplomowe"),
        cel_biznesowy="Przygotowanie kadry kierowniczej i specjalistów HR do nowoczesnego "
        "zarządzania ludźmi w organizacji.",
        cel_edukacyjny="Dwusemestralne studia podyplomowe dające kwalifikacje do pracy w działach "
        "personalnych: od rekrutacji i oceny pracowników po psychologię motywacji i "
        "rozwiązywanie konfliktów.",
        efekty=("Projektuje proces rekrutacji i selekcji pracowników.",
                "Dobiera narzędzia oceny okresowej i systemy wynagradzania.",
                "Stosuje wiedzę z psychologii organizacji w kierowaniu zespołem."),
        grupa="Absolwenci studiów wyższych pracujący lub planujący pracę w działach HR oraz "
        "kierownicy zespołów.",
        warunki="Dyplom ukończenia studiów wyższych (licencjackich, inżynierskich lub "
        "magisterskich).",
        inne_kwalifikacje=("Świadectwo ukończenia studiów podyplomowych",),
        informacje="Studia trwają dwa semestry; zjazdy odbywają się w soboty i niedziele, część "
        "zjazdów prowadzona jest zdalnie w czasie rzeczywistym.",
    ),
    "pp-logistyka": Course(
        tytul="Studia podyplomowe: Logistyka i zarządzanie łańcuchem dostaw",
        provider="nsw", podrodzaj=147, podkategoria=563, sessions=(24, 8, 8, "weekend"),
        price_zl=6200,
        topics=("Logistyka zaopatrzenia i dystrybucji", "Gospodarka magazynowa",
                "Transport i spedycja międzynarodowa", "Zarządzanie łańcuchem dostaw",
                "Seminarium dyplomowe"),
        cel_biznesowy="Kształcenie specjalistów logistyki dla przedsiębiorstw regionu "
        "przygranicznego.",
        cel_edukacyjny="Studia przygotowują do planowania i optymalizacji procesów logistycznych "
        "w przedsiębiorstwie produkcyjnym, handlowym i transportowym.",
        efekty=("Planuje przepływ materiałów i towarów w łańcuchu dostaw.",
                "Organizuje pracę magazynu i dobiera środki transportu.",
                "Ocenia koszty logistyczne i proponuje ich ograniczenie."),
        grupa="Absolwenci studiów wyższych zainteresowani pracą w logistyce, spedycji i "
        "transporcie.",
        warunki="Dyplom ukończenia studiów wyższych.",
        inne_kwalifikacje=("Świadectwo ukończenia studiów podyplomowych",),
    ),
    "niemiecki": Course(
        tytul="Język niemiecki w pracy opiekuna osób starszych – poziom A2/B1",
        provider="polyglot", podrodzaj=145, podkategoria=448, sessions=(20, 3, 17, "evenings"),
        price_zl=2100,
        topics=("Rozmowa z podopiecznym i jego rodziną", "Słownictwo medyczne i opiekuńcze",
                "Codzienne czynności i zakupy", "Sytuacje nagłe – wezwanie pomocy"),
        cel_biznesowy="Przygotowanie opiekunów do pracy w Niemczech i w przygranicznych "
        "placówkach opieki.",
        cel_edukacyjny="Kurs rozwija umiejętność porozumiewania się po niemiecku w sytuacjach "
        "typowych dla pracy opiekuna: rozmowy z podopiecznym, z rodziną i z lekarzem.",
        efekty=("Prowadzi rozmowę z podopiecznym na tematy codzienne.",
                "Opisuje stan zdrowia podopiecznego z użyciem podstawowego słownictwa medycznego.",
                "Wzywa pomoc i przekazuje informacje w sytuacji nagłej."),
        grupa="Opiekunki i opiekunowie osób starszych oraz osoby planujące taką pracę.",
        warunki="Znajomość języka niemieckiego na poziomie A1.",
    ),
    "angielski": Course(
        tytul="Język angielski w biznesie – poziom B1",
        provider="polyglot", podrodzaj=145, podkategoria=445, sessions=(20, 3, 16, "evenings"),
        price_zl=2400,
        topics=("Prezentacja firmy i produktów", "Korespondencja handlowa",
                "Rozmowy telefoniczne i spotkania online", "Negocjacje"),
        cel_biznesowy="Sprawna komunikacja z zagranicznymi klientami i partnerami.",
        cel_edukacyjny="Kurs rozwija umiejętność komunikacji w języku angielskim w typowych "
        "sytuacjach zawodowych: na spotkaniach, przez telefon i w korespondencji.",
        efekty=("Prezentuje firmę i jej ofertę w języku angielskim.",
                "Pisze e-maile i oferty handlowe.",
                "Prowadzi proste negocjacje handlowe."),
        grupa="Pracownicy firm współpracujących z zagranicznymi kontrahentami.",
        warunki="Znajomość języka angielskiego na poziomie A2 (test poziomujący przed kursem).",
        inne_kwalifikacje=("Certyfikat LanguageCert Business English B1",),
    ),
    "opiekun": Course(
        tytul="Opiekun osoby starszej i niesamodzielnej z elementami pierwszej pomocy",
        provider="vitamed", podrodzaj=146, podkategoria=554, sessions=(10, 8, 8, "weekdays"),
        price_zl=1900,
        topics=("Potrzeby osoby starszej i niesamodzielnej", "Pielęgnacja i higiena",
                "Żywienie i podawanie leków", "Pierwsza pomoc przedmedyczna",
                "Praktyka w domu opieki"),
        cel_biznesowy="Przygotowanie kadr dla domów pomocy społecznej i usług opiekuńczych.",
        cel_edukacyjny="Kurs przygotowuje do pracy opiekuna osoby starszej: pielęgnacji, pomocy "
        "w codziennych czynnościach i udzielania pierwszej pomocy.",
        efekty=("Rozpoznaje potrzeby osoby starszej i planuje opiekę.",
                "Wykonuje czynności pielęgnacyjne i higieniczne.",
                "Udziela pierwszej pomocy przedmedycznej."),
        grupa="Osoby dorosłe, w tym osoby bezrobotne i opiekunowie rodzinni.",
        warunki="Ukończone 18 lat.",
    ),
    "pierwsza-pomoc": Course(
        tytul="Kwalifikowana pierwsza pomoc – kurs dla pracowników wyznaczonych przez "
        "pracodawcę",
        provider="vitamed", podrodzaj=145, podkategoria=550, sessions=(2, 8, 8, "weekdays"),
        price_zl=450,
        topics=("Ocena stanu poszkodowanego i resuscytacja z użyciem AED",
                "Postępowanie w urazach i stanach nagłych"),
        cel_biznesowy="Spełnienie obowiązku wyznaczenia pracowników do udzielania pierwszej "
        "pomocy (art. 209¹ Kodeksu pracy).",
        cel_edukacyjny="Szkolenie uczy oceny stanu poszkodowanego, resuscytacji krążeniowo-"
        "oddechowej z użyciem defibrylatora AED i postępowania w najczęstszych urazach.",
        efekty=("Ocenia stan poszkodowanego i wzywa pomoc.",
                "Prowadzi resuscytację z użyciem AED.",
                "Zabezpiecza rany, złamania i oparzenia."),
        grupa="Pracownicy wyznaczeni przez pracodawcę do udzielania pierwszej pomocy.",
        warunki="Brak.",
        vat=True,
    ),
    "komunikacja": Course(
        tytul="Komunikacja i rozwiązywanie konfliktów w zespole – kurs e-learningowy",
        provider="kompas", podrodzaj=145, podkategoria=566, sessions=(4, 4, 10, "weekdays"),
        price_zl=790,
        topics=("Style komunikacji i aktywne słuchanie", "Informacja zwrotna",
                "Źródła konfliktów w zespole", "Mediacja i negocjacje w zespole"),
        cel_biznesowy="Poprawa współpracy w zespołach i ograniczenie konfliktów.",
        cel_edukacyjny="Kurs e-learningowy z ćwiczeniami uczy skutecznej komunikacji, udzielania "
        "informacji zwrotnej i rozwiązywania konfliktów w zespole.",
        efekty=("Stosuje techniki aktywnego słuchania.",
                "Udziela konstruktywnej informacji zwrotnej.",
                "Proponuje sposób rozwiązania konfliktu w zespole."),
        grupa="Pracownicy i kierownicy zespołów.",
        warunki="Dostęp do komputera z internetem.",
    ),
    "coaching": Course(
        tytul="Coaching kariery – indywidualny proces rozwojowy",
        provider="kompas", podrodzaj=152, podkategoria=566, sessions=(5, 2, 16, "evenings"),
        price_zl=2000,
        topics=("Diagnoza zasobów i wartości", "Cele zawodowe", "Plan działania",
                "Podsumowanie procesu"),
        cel_biznesowy="Wsparcie pracowników w planowaniu rozwoju zawodowego.",
        cel_edukacyjny="Indywidualny proces coachingowy pomagający określić cele zawodowe i "
        "zaplanować zmianę ścieżki kariery.",
        efekty=("Określa swoje mocne strony i wartości zawodowe.",
                "Formułuje cele zawodowe i plan ich realizacji."),
        grupa="Osoby planujące zmianę pracy lub rozwój zawodowy.",
        warunki="Brak.",
    ),
    "marketing": Course(
        tytul="Marketing internetowy i sprzedaż w mediach społecznościowych dla małych firm",
        provider="frpzl", podrodzaj=145, podkategoria=560, sessions=(4, 8, 9, "weekdays"),
        price_zl=1600,
        topics=("Strategia obecności firmy w internecie",
                "Facebook i Instagram – treści i reklama",
                "Sklep internetowy i sprzedaż online", "Analiza wyników kampanii"),
        cel_biznesowy="Zwiększenie sprzedaży małych firm przez kanały internetowe.",
        cel_edukacyjny="Uczestnik nauczy się planować komunikację firmy w mediach "
        "społecznościowych, przygotowywać kampanie reklamowe i oceniać ich wyniki.",
        efekty=("Przygotowuje plan komunikacji firmy w mediach społecznościowych.",
                "Konfiguruje kampanię reklamową i określa grupę odbiorców.",
                "Analizuje wyniki kampanii i proponuje zmiany."),
        grupa="Właściciele i pracownicy mikro- i małych przedsiębiorstw.",
        warunki="Podstawowa znajomość obsługi komputera i internetu.",
    ),
    "barista": Course(
        tytul="Barista – kurs zawodowy z certyfikatem",
        provider="smak", podrodzaj=146, podkategoria=577, sessions=(5, 6, 9, "weekdays"),
        price_zl=1450,
        topics=("Kawa – pochodzenie, odmiany, palenie", "Ekspres kolbowy i młynek",
                "Espresso i napoje mleczne", "Latte art", "Egzamin praktyczny"),
        cel_biznesowy="Przygotowanie kadry dla kawiarni i lokali gastronomicznych.",
        cel_edukacyjny="Kurs przygotowuje do pracy baristy: przygotowania espresso i napojów na "
        "jego bazie, spieniania mleka i obsługi ekspresu.",
        efekty=("Przygotowuje espresso zgodnie ze standardem.",
                "Spienia mleko i wykonuje podstawowe wzory latte art.",
                "Dba o czystość i konserwację ekspresu."),
        grupa="Osoby chcące pracować w kawiarniach i gastronomii.",
        warunki="Ukończone 18 lat, aktualne orzeczenie do celów sanitarno-epidemiologicznych.",
        inne_kwalifikacje=("Certyfikat baristy",),
    ),
    "kucharz": Course(
        tytul="Kucharz – przygotowanie do pracy w gastronomii z systemem HACCP",
        provider="smak", podrodzaj=146, podkategoria=577, sessions=(15, 8, 8, "weekdays"),
        price_zl=3600,
        topics=("Higiena i system HACCP", "Technologia gastronomiczna",
                "Przygotowanie potraw kuchni polskiej", "Kalkulacja i normowanie",
                "Praktyka w kuchni szkoleniowej"),
        cel_biznesowy="Uzupełnienie kadr kuchennych w restauracjach i stołówkach regionu.",
        cel_edukacyjny="Kurs przygotowuje do pracy kucharza: sporządzania potraw, planowania "
        "produkcji i stosowania zasad systemu HACCP.",
        efekty=("Przygotowuje potrawy zgodnie z recepturą.",
                "Stosuje zasady systemu HACCP.",
                "Kalkuluje koszt porcji potrawy."),
        grupa="Osoby dorosłe, w tym osoby bezrobotne, planujące pracę w gastronomii.",
        warunki="Orzeczenie do celów sanitarno-epidemiologicznych.",
    ),
    "egzamin-sep": Course(
        tytul="Egzamin kwalifikacyjny SEP – grupa G2 (urządzenia cieplne), eksploatacja",
        provider="technikcert", podrodzaj=148, podkategoria=572, sessions=(1, 2, 10, "weekdays"),
        price_zl=280,
        topics=("Egzamin kwalifikacyjny przed komisją",),
        cel_biznesowy="Potwierdzenie kwalifikacji pracowników eksploatujących urządzenia "
        "cieplne.",
        cel_edukacyjny="Egzamin przed komisją kwalifikacyjną potwierdzający przygotowanie do "
        "eksploatacji urządzeń cieplnych (grupa G2).",
        efekty=("Potwierdza znajomość zasad eksploatacji urządzeń cieplnych i przepisów BHP.",),
        grupa="Osoby przygotowane do egzaminu, które eksploatują urządzenia cieplne.",
        warunki="Wniosek o egzamin złożony najpóźniej 7 dni przed terminem.",
        inne_kwalifikacje=("Świadectwo kwalifikacyjne G2 – eksploatacja",),
    ),
    "cnc": Course(
        tytul="Operator obrabiarek CNC – programowanie i obsługa tokarek i frezarek",
        provider="metaltech", podrodzaj=146, podkategoria=466, sessions=(10, 8, 7, "weekdays"),
        price_zl=4800,
        topics=("Rysunek techniczny i pomiary warsztatowe", "Programowanie w kodzie G",
                "Obsługa tokarki CNC", "Obsługa frezarki CNC"),
        cel_biznesowy="Przygotowanie operatorów CNC dla zakładów metalowych regionu.",
        cel_edukacyjny="Kurs przygotowuje do obsługi i programowania tokarek i frezarek CNC "
        "ze sterowaniem Fanuc i Sinumerik.",
        efekty=("Czyta rysunek techniczny i dobiera narzędzia.",
                "Pisze program obróbki w kodzie G.",
                "Ustawia obrabiarkę i wykonuje detal zgodnie z rysunkiem."),
        grupa="Osoby z wykształceniem technicznym lub doświadczeniem w obróbce metali.",
        warunki="Podstawowa znajomość rysunku technicznego.",
    ),
    "fotowoltaika": Course(
        tytul="Montaż i serwis instalacji fotowoltaicznych i pomp ciepła z egzaminem UDT",
        provider="metaltech", podrodzaj=146, podkategoria=572, sessions=(6, 8, 8, "weekdays"),
        price_zl=2900,
        topics=("Budowa instalacji fotowoltaicznej", "Pompy ciepła – dobór i montaż",
                "Przepisy i dokumentacja", "Egzamin UDT"),
        cel_biznesowy="Kadry dla firm instalujących odnawialne źródła energii.",
        cel_edukacyjny="Szkolenie przygotowuje do montażu i serwisu instalacji fotowoltaicznych "
        "i pomp ciepła oraz do egzaminu na certyfikat instalatora OZE.",
        efekty=("Montuje instalację fotowoltaiczną zgodnie z projektem.",
                "Dobiera i uruchamia pompę ciepła.",
                "Przygotowuje dokumentację odbiorową instalacji."),
        grupa="Elektrycy, hydraulicy i monterzy instalacji.",
        warunki="Świadectwo kwalifikacyjne SEP G1 lub wykształcenie techniczne.",
        inne_kwalifikacje=("Certyfikat instalatora OZE (UDT)",),
    ),
}  # fmt: skip
