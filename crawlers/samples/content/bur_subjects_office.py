"""BUR subjects: accounting, HR, IT, law, business, validation and postgraduate studies."""

from __future__ import annotations

from crawlers.samples.content.bur_catalogue import FEL, KFS, Run, Subject

POSTGRAD_TERMS = (
    "Ukończone studia wyższe co najmniej pierwszego stopnia. O przyjęciu decyduje kolejność "
    "zgłoszeń; warunkiem uruchomienia studiów jest zebranie grupy co najmniej 15 osób."
)

SUBJECTS: tuple[Subject, ...] = (
    Subject(
        key="ksiegowosc-od-podstaw",
        title="Księgowość od podstaw z elementami kadr i płac",
        sub=470, kind=146, hours=120, price=3400, provider="bilans",
        cel=(
            "Kurs dla osób, które chcą rozpocząć pracę w dziale księgowości lub w biurze "
            "rachunkowym. Uczestnicy poznają zasady rachunkowości, ewidencję na kontach, "
            "rozliczenia podatkowe oraz podstawy naliczania wynagrodzeń. Zajęcia prowadzą "
            "praktycy, a ćwiczenia wykonujemy w programie finansowo-księgowym."
        ),
        efekty=(
            "Dekretuje dowody księgowe i ujmuje operacje na kontach.",
            "Rozlicza podatek VAT i zaliczki na podatek dochodowy.",
            "Sporządza listę płac i deklaracje rozliczeniowe do ZUS.",
            "Przygotowuje proste sprawozdanie finansowe.",
        ),
        tematy=(
            "Podstawy rachunkowości i plan kont",
            "Dowody księgowe i ewidencja operacji",
            "Podatek VAT i podatki dochodowe",
            "Kadry i płace – umowy, wynagrodzenia, ZUS",
            "Zamknięcie roku i sprawozdanie finansowe",
            "Ćwiczenia w programie finansowo-księgowym",
        ),
        grupa=(
            "Osoby bez doświadczenia w księgowości, w tym osoby zmieniające zawód "
            "i powracające na rynek pracy."
        ),
        pattern="popoludnia",
        runs=(Run("zg-bilans", 1, "2027-01-12"), Run(None, 2, "2027-03-02")),
    ),
    Subject(
        key="kadry-i-place",
        title="Kadry i płace w praktyce",
        sub=471, kind=145, hours=64, price=2100, provider="bilans",
        cel=(
            "Praktyczny kurs prowadzenia spraw kadrowo-płacowych w małej i średniej firmie. "
            "Omawiamy zawieranie i rozwiązywanie umów, akta osobowe, ewidencję czasu pracy, "
            "urlopy oraz naliczanie wynagrodzeń i składek. Na zajęciach uczestnicy sporządzają "
            "kompletną listę płac w programie kadrowo-płacowym."
        ),
        efekty=(
            "Prowadzi dokumentację pracowniczą i akta osobowe w postaci elektronicznej.",
            "Rozlicza czas pracy, urlopy i nieobecności.",
            "Nalicza wynagrodzenia, zasiłki i składki ZUS.",
            "Przygotowuje deklaracje i informacje podatkowe pracodawcy.",
        ),
        tematy=(
            "Nawiązanie i rozwiązanie stosunku pracy",
            "Akta osobowe i dokumentacja pracownicza",
            "Czas pracy, urlopy i nieobecności",
            "Wynagrodzenia, zasiłki i składki",
            "Ćwiczenia w programie kadrowo-płacowym",
        ),
        grupa=(
            "Pracownicy działów kadr i biur rachunkowych oraz właściciele małych firm."
        ),
        pattern="weekendy",
        runs=(Run("gorzow-centrum", 1, "2027-02-06"), Run("slubice", 4, "2026-01-17")),
    ),
    Subject(
        key="czas-pracy",
        title="Rozliczanie czasu pracy – warsztaty dla kadrowych",
        sub=471, kind=145, hours=8, price=490, provider="bilans",
        cel=(
            "Jednodniowe warsztaty online poświęcone najtrudniejszym zagadnieniom czasu pracy: "
            "systemom i rozkładom, godzinom nadliczbowym, pracy w niedziele i święta oraz "
            "dyżurom. Każde zagadnienie ćwiczymy na przykładowych harmonogramach. Uczestnicy "
            "otrzymują arkusz kalkulacyjny do planowania czasu pracy."
        ),
        efekty=(
            "Dobiera system i rozkład czasu pracy do potrzeb firmy.",
            "Oblicza wymiar czasu pracy i liczbę godzin nadliczbowych.",
            "Rozlicza pracę w niedziele, święta i w porze nocnej.",
        ),
        tematy=(
            "Systemy i rozkłady czasu pracy",
            "Godziny nadliczbowe i dodatki",
            "Praca w niedziele, święta i w nocy – ćwiczenia",
        ),
        grupa="Specjaliści do spraw kadr i płac oraz kierownicy zespołów układający grafiki.",
        runs=(Run(None, 2, "2027-01-20"),),
    ),
    Subject(
        key="ksef",
        title="KSeF w praktyce – obowiązkowe e-fakturowanie dla księgowych",
        sub=470, kind=145, hours=16, price=890, provider="finedu",
        cel=(
            "Szkolenie online dla księgowych i pracowników działów finansowych, którzy "
            "obsługują faktury w Krajowym Systemie e-Faktur. Omawiamy uprawnienia, wystawianie "
            "i odbieranie faktur ustrukturyzowanych, korekty oraz tryby awaryjne. Zajęcia są "
            "prowadzone na żywo, więc uczestnicy z całej Polski, także z województwa "
            "lubuskiego, mogą na bieżąco zadawać pytania ekspertowi."
        ),
        efekty=(
            "Nadaje i odbiera uprawnienia w KSeF.",
            "Wystawia faktury ustrukturyzowane i ich korekty.",
            "Postępuje zgodnie z procedurą w razie awarii systemu.",
        ),
        tematy=(
            "Podstawy prawne i harmonogram KSeF",
            "Uprawnienia i uwierzytelnianie",
            "Wystawianie i odbieranie e-faktur",
            "Korekty i tryby awaryjne",
        ),
        grupa="Księgowi oraz pracownicy biur rachunkowych i działów finansowych.",
        seats=(5, 40),
        pattern="popoludnia",
        runs=(Run("warszawa", 2, "2027-02-16"),),
    ),
    Subject(
        key="vat-od-podstaw",
        title="Podatek VAT od podstaw",
        sub=470, kind=145, hours=24, price=950, provider="bilans",
        cel=(
            "Szkolenie wprowadza w zasady rozliczania podatku od towarów i usług. Uczestnicy "
            "uczą się ustalać moment powstania obowiązku podatkowego, stawki i prawo do "
            "odliczenia oraz przygotowywać plik JPK_V7. Kurs kończy się testem sprawdzającym."
        ),
        efekty=(
            "Ustala obowiązek podatkowy i właściwą stawkę VAT.",
            "Rozlicza podatek naliczony i należny.",
            "Przygotowuje ewidencję i plik JPK_V7.",
        ),
        tematy=(
            "Podstawowe pojęcia ustawy o VAT",
            "Stawki, zwolnienia i obowiązek podatkowy",
            "Odliczanie podatku naliczonego i JPK_V7 – ćwiczenia",
        ),
        grupa="Początkujący księgowi i przedsiębiorcy samodzielnie rozliczający VAT.",
        runs=(Run("zg-bilans", 1, "2025-11-17", status="ZREALIZOWANA"),),
    ),
    Subject(
        key="walidacja-ksiegowosc",
        title="Walidacja i certyfikacja kwalifikacji „Obsługa procesów księgowych”",
        sub=470, kind=148, hours=12, price=1800, provider="kompas",
        cel=(
            "Usługa obejmuje walidację efektów uczenia się i certyfikację kwalifikacji "
            "rynkowej „Obsługa procesów księgowych” włączonej do Zintegrowanego Systemu "
            "Kwalifikacji (4 poziom PRK). Walidacja składa się z testu teoretycznego oraz zadań "
            "praktycznych wykonywanych w programie finansowo-księgowym. Po pozytywnym wyniku "
            "uczestnik otrzymuje certyfikat kwalifikacji."
        ),
        efekty=(
            "Potwierdza umiejętność dokumentowania i ewidencjonowania operacji gospodarczych.",
            "Potwierdza umiejętność sporządzania sprawozdania finansowego jednostki.",
            "Uzyskuje certyfikat kwalifikacji rynkowej na 4 poziomie PRK.",
        ),
        tematy=(
            "Część teoretyczna – test",
            "Część praktyczna – zadania w programie finansowo-księgowym i ogłoszenie wyników",
        ),
        grupa=(
            "Osoby, które pracują w księgowości lub ukończyły kursy księgowe i chcą formalnie "
            "potwierdzić swoją kwalifikację."
        ),
        warunki=(
            "Złożenie wniosku o przystąpienie do walidacji wraz z oświadczeniem o posiadanym "
            "doświadczeniu lub ukończonym szkoleniu."
        ),
        inne=("Kwalifikacja rynkowa „Obsługa procesów księgowych” (ZSK, 4 poziom PRK)",),
        seats=(1, 10),
        runs=(Run("gorzow-centrum", 1, "2027-03-19", funding=(KFS,)),),
    ),
    Subject(
        key="walidacja-trener",
        title=(
            "Walidacja kwalifikacji: Realizowanie usług rozwojowych dla organizacji "
            "(trener biznesu)"
        ),
        sub=578, kind=148, hours=16, price=2400, provider="kompas",
        cel=(
            "Walidacja kwalifikacji rynkowej „Realizowanie usług rozwojowych dla organizacji "
            "(trener biznesu)” włączonej do Zintegrowanego Systemu Kwalifikacji. Kandydat "
            "przedstawia portfolio zrealizowanych szkoleń, prowadzi obserwowany fragment zajęć "
            "z grupą i odpowiada na pytania komisji w wywiadzie swobodnym. Po pozytywnej "
            "walidacji instytucja certyfikująca wydaje certyfikat."
        ),
        efekty=(
            "Potwierdza umiejętność diagnozowania potrzeb rozwojowych organizacji.",
            "Potwierdza umiejętność projektowania i prowadzenia usługi rozwojowej.",
            "Potwierdza umiejętność oceny efektów szkolenia.",
        ),
        tematy=(
            "Weryfikacja portfolio",
            "Obserwacja w warunkach symulowanych – prowadzenie zajęć",
            "Wywiad swobodny z komisją",
        ),
        grupa=(
            "Trenerzy i szkoleniowcy z doświadczeniem, którzy chcą potwierdzić swoje "
            "kompetencje certyfikatem ZSK."
        ),
        warunki=(
            "Udokumentowane doświadczenie w prowadzeniu szkoleń oraz portfolio złożone "
            "co najmniej 14 dni przed walidacją."
        ),
        inne=(
            "Kwalifikacja rynkowa „Realizowanie usług rozwojowych dla organizacji "
            "(trener biznesu)” (ZSK)",
        ),
        seats=(1, 6),
        runs=(Run("zg-typo", 1, "2027-04-23", funding=()),),
    ),
    Subject(
        key="trener-wewnetrzny",
        title="Trener wewnętrzny – projektowanie i prowadzenie szkoleń",
        sub=578, kind=145, hours=48, price=2900, provider="kompas",
        cel=(
            "Program dla pracowników, którzy mają szkolić współpracowników we własnej firmie. "
            "Uczestnicy uczą się diagnozować potrzeby szkoleniowe, projektować scenariusze "
            "zajęć, prowadzić grupę i oceniać efekty. Każdy uczestnik prowadzi na kursie krótką "
            "sesję szkoleniową i otrzymuje informację zwrotną."
        ),
        efekty=(
            "Diagnozuje potrzeby szkoleniowe i formułuje cele szkolenia.",
            "Projektuje scenariusz zajęć z wykorzystaniem metod aktywizujących.",
            "Prowadzi zajęcia i radzi sobie z trudnymi sytuacjami w grupie.",
            "Ocenia efekty szkolenia.",
        ),
        tematy=(
            "Cykl szkoleniowy i analiza potrzeb",
            "Projektowanie scenariusza zajęć",
            "Metody aktywizujące i praca z grupą",
            "Trudne sytuacje trenerskie",
            "Sesje treningowe uczestników z informacją zwrotną",
        ),
        grupa=(
            "Specjaliści, kierownicy i pracownicy działów HR, którzy prowadzą lub będą "
            "prowadzić szkolenia wewnętrzne."
        ),
        pattern="weekendy",
        runs=(Run("zg-zdz", 1, "2027-02-20"),),
    ),
    Subject(
        key="excel-zaawansowany",
        title="Excel dla zaawansowanych",
        sub=481, kind=145, hours=24, price=1190, provider="kodolab",
        cel=(
            "Szkolenie dla osób, które na co dzień pracują z arkuszem kalkulacyjnym i chcą "
            "robić to szybciej. Omawiamy zaawansowane funkcje wyszukiwania i funkcje logiczne, "
            "tabele przestawne, Power Query, formatowanie warunkowe i podstawy makr. Każdy "
            "moduł kończy się zadaniem na danych przypominających firmowe raporty."
        ),
        efekty=(
            "Stosuje funkcje X.WYSZUKAJ, JEŻELI, SUMA.WARUNKÓW i funkcje tablicowe.",
            "Tworzy tabele i wykresy przestawne do analizy danych.",
            "Importuje i przekształca dane za pomocą Power Query.",
            "Nagrywa i uruchamia proste makra.",
        ),
        tematy=(
            "Zaawansowane formuły i funkcje",
            "Tabele przestawne i wykresy",
            "Power Query – import i czyszczenie danych",
            "Formatowanie warunkowe, walidacja danych i makra",
        ),
        grupa=(
            "Pracownicy biurowi, analitycy, księgowi i kierownicy, którzy znają Excela "
            "na poziomie podstawowym."
        ),
        runs=(Run("gorzow-centrum", 1, "2027-01-26"),),
    ),
    Subject(
        key="python",
        title="Programowanie w Pythonie",
        sub=480, kind=146, hours=80, price=3900, provider="kodolab",
        cel=(
            "Kurs dla osób bez doświadczenia programistycznego, które chcą nauczyć się Pythona "
            "i wykorzystać go w pracy: do automatyzacji zadań, analizy danych albo jako "
            "pierwszy krok do zawodu programisty. Przechodzimy od składni języka, przez funkcje "
            "i moduły, po pracę z plikami, bazą danych i prostymi aplikacjami. Kurs kończy się "
            "projektem zaliczeniowym."
        ),
        efekty=(
            "Pisze programy w Pythonie z wykorzystaniem zmiennych, pętli, funkcji i klas.",
            "Przetwarza pliki CSV i JSON oraz korzysta z biblioteki standardowej.",
            "Łączy się z bazą danych SQLite i wykonuje zapytania.",
            "Zarządza kodem w repozytorium Git.",
        ),
        tematy=(
            "Środowisko pracy i podstawy składni",
            "Funkcje, moduły i obsługa błędów",
            "Programowanie obiektowe",
            "Pliki CSV i JSON",
            "Bazy danych i SQL",
            "Git i praca zespołowa",
            "Projekt zaliczeniowy",
        ),
        grupa=(
            "Osoby dorosłe bez doświadczenia w programowaniu, w tym osoby, które chcą "
            "się przebranżowić."
        ),
        pattern="popoludnia",
        runs=(Run("zg-kodolab", 4, "2027-02-02"), Run(None, 2, "2026-04-14")),
    ),
    Subject(
        key="power-bi",
        title="Power BI – analiza i wizualizacja danych",
        sub=482, kind=145, hours=24, price=1490, provider="acb",
        cel=(
            "Szkolenie online na żywo, prowadzone z sali szkoleniowej w Poznaniu dla "
            "uczestników z całej Polski. Uczestnicy uczą się łączyć dane z różnych źródeł, "
            "budować model danych, pisać miary w języku DAX i projektować czytelne raporty. "
            "Po szkoleniu każdy ma gotowy raport, który może wykorzystać we własnej pracy."
        ),
        efekty=(
            "Importuje i przekształca dane w Power Query.",
            "Buduje model danych z relacjami między tabelami.",
            "Tworzy miary i kolumny obliczeniowe w języku DAX.",
            "Projektuje interaktywne raporty i publikuje je w usłudze Power BI.",
        ),
        tematy=(
            "Import danych i Power Query",
            "Modelowanie danych",
            "Język DAX – miary",
            "Wizualizacje i projektowanie raportów",
        ),
        grupa="Analitycy, kontrolerzy finansowi i pracownicy przygotowujący raporty.",
        seats=(5, 20),
        runs=(Run("poznan", 2, "2027-01-19"),),
    ),
    Subject(
        key="wordpress",
        title="Tworzenie stron internetowych w WordPressie",
        sub=480, kind=145, hours=40, price=1800, provider="kodolab",
        cel=(
            "Kurs uczy samodzielnego budowania i prowadzenia firmowej strony internetowej "
            "w systemie WordPress. Uczestnicy instalują stronę na serwerze, wybierają "
            "i dostosowują motyw, tworzą podstrony, formularze i prosty sklep. Omawiamy też "
            "podstawy pozycjonowania, dostępności i bezpieczeństwa strony."
        ),
        efekty=(
            "Instaluje i konfiguruje WordPressa na serwerze.",
            "Tworzy strukturę strony, menu i formularze kontaktowe.",
            "Uruchamia prosty sklep internetowy.",
            "Dba o bezpieczeństwo, kopie zapasowe i dostępność strony.",
        ),
        tematy=(
            "Domena, hosting i instalacja",
            "Motywy i edytor blokowy",
            "Wtyczki, formularze i sklep",
            "Pozycjonowanie, dostępność i bezpieczeństwo",
        ),
        grupa=(
            "Właściciele małych firm, pracownicy działów marketingu i osoby, które chcą "
            "prowadzić strony internetowe na zlecenie."
        ),
        pattern="weekendy",
        runs=(Run("swiebodzin", 1, "2027-05-08"),),
    ),
    Subject(
        key="sieci",
        title="Konfiguracja i administrowanie sieciami komputerowymi",
        sub=483, kind=146, hours=60, price=3100, provider="kodolab",
        cel=(
            "Kurs przygotowuje do pracy administratora sieci w małej i średniej firmie. "
            "Uczestnicy projektują adresację, konfigurują przełączniki, routery i sieci "
            "bezprzewodowe oraz zabezpieczają dostęp do zasobów. Zajęcia odbywają się "
            "w pracowni z prawdziwym sprzętem sieciowym."
        ),
        efekty=(
            "Projektuje adresację IPv4 i IPv6 oraz podział na podsieci.",
            "Konfiguruje przełączniki, sieci VLAN i routing.",
            "Zabezpiecza sieć bezprzewodową i dostęp zdalny.",
            "Diagnozuje i usuwa typowe awarie sieci.",
        ),
        tematy=(
            "Model warstwowy i adresacja",
            "Przełączniki i sieci VLAN",
            "Routing i dostęp do internetu",
            "Sieci bezprzewodowe i VPN",
            "Diagnostyka i zadanie końcowe",
        ),
        grupa="Informatycy, serwisanci komputerowi i osoby planujące pracę w dziale IT.",
        pattern="popoludnia",
        runs=(Run("zg-kodolab", 1, "2027-09-14"),),
    ),
    Subject(
        key="cyber-elearning",
        title="Cyberbezpieczeństwo w małej firmie – kurs e-learningowy",
        sub=483, kind=145, hours=12, price=390, provider="kodolab",
        cel=(
            "Kurs e-learningowy, który można przejść we własnym tempie w ciągu czterech "
            "tygodni. Moduły pokazują, jak rozpoznać phishing, bezpiecznie korzystać z haseł "
            "i uwierzytelniania dwuskładnikowego, zabezpieczyć pocztę i kopie zapasowe oraz "
            "jak zareagować na incydent. Każdy moduł kończy się krótkim testem, a po całym "
            "kursie uczestnik otrzymuje zaświadczenie."
        ),
        efekty=(
            "Rozpoznaje próby wyłudzenia danych i złośliwe wiadomości.",
            "Stosuje menedżer haseł i uwierzytelnianie dwuskładnikowe.",
            "Planuje kopie zapasowe danych firmy.",
            "Zgłasza i dokumentuje incydent bezpieczeństwa.",
        ),
        tematy=(
            "Phishing i socjotechnika",
            "Hasła i uwierzytelnianie",
            "Poczta, urządzenia mobilne i kopie zapasowe",
            "Reagowanie na incydent i test końcowy",
        ),
        grupa="Pracownicy biurowi i właściciele małych firm.",
        seats=(1, 100),
        pattern="elearning",
        runs=(Run(None, 3, "2027-03-01"),),
    ),
    Subject(
        key="r-statystyka",
        title="Statystyka i analiza danych w języku R",
        sub=484, kind=145, hours=32, price=1690, provider="kodolab",
        cel=(
            "Szkolenie dla osób, które analizują dane z badań, ankiet lub systemów firmowych "
            "i chcą robić to w języku R. Omawiamy statystykę opisową, testy istotności, "
            "regresję i wizualizację danych w pakiecie ggplot2. Część materiału uczestnicy "
            "przerabiają samodzielnie na platformie, a część na zajęciach online na żywo."
        ),
        efekty=(
            "Wczytuje, porządkuje i przekształca dane w R.",
            "Dobiera i przeprowadza testy statystyczne.",
            "Buduje i interpretuje modele regresji.",
            "Przygotowuje wykresy i raport z analizy.",
        ),
        tematy=(
            "R i RStudio – pierwsze kroki",
            "Statystyka opisowa i wizualizacja",
            "Testy istotności",
            "Regresja liniowa i logistyczna",
        ),
        grupa=(
            "Analitycy, pracownicy działów badań, studenci i nauczyciele przedmiotów "
            "ścisłych."
        ),
        pattern="popoludnia",
        runs=(Run(None, 6, "2027-04-07"),),
    ),
    Subject(
        key="rodo-elearning",
        title="Ochrona danych osobowych (RODO) w firmie – kurs e-learningowy",
        sub=415, kind=145, hours=6, price=290, provider="bhp",
        cel=(
            "Kurs e-learningowy dla pracowników, którzy przetwarzają dane osobowe klientów "
            "lub współpracowników. Wyjaśnia zasady RODO na przykładach z codziennej pracy "
            "biura, sklepu i gabinetu. Uczestnik przechodzi moduły we własnym tempie, "
            "rozwiązuje test końcowy i pobiera zaświadczenie."
        ),
        efekty=(
            "Rozpoznaje dane osobowe i podstawy prawne ich przetwarzania.",
            "Stosuje zasady bezpiecznego obchodzenia się z dokumentami i danymi w systemach.",
            "Wie, jak postąpić w razie naruszenia ochrony danych.",
        ),
        tematy=(
            "Podstawowe pojęcia i zasady RODO",
            "Prawa osób, których dane dotyczą",
            "Naruszenia ochrony danych i test końcowy",
        ),
        grupa="Pracownicy administracji, handlu i usług przetwarzający dane osobowe.",
        seats=(1, 200),
        pattern="elearning",
        runs=(Run(None, 3, "2027-01-11"),),
    ),
    Subject(
        key="prawo-pracy-2027",
        title="Prawo pracy w 2027 roku – najważniejsze zmiany dla pracodawców",
        sub=413, kind=145, hours=8, price=590, provider="bilans",
        cel=(
            "Jednodniowe szkolenie omawiające zmiany w Kodeksie pracy i przepisach z nim "
            "związanych, które pracodawcy muszą stosować w 2027 roku. Prowadzący wyjaśnia, "
            "jak dostosować regulaminy, umowy i dokumentację, oraz odpowiada na pytania "
            "z praktyki uczestników. Materiały zawierają wzory dokumentów do wykorzystania "
            "w firmie."
        ),
        efekty=(
            "Zna zmiany w przepisach prawa pracy obowiązujące od 2027 roku.",
            "Aktualizuje regulaminy i dokumentację pracowniczą.",
            "Ocenia skutki zmian dla organizacji pracy w firmie.",
        ),
        tematy=(
            "Przegląd zmian w Kodeksie pracy",
            "Regulaminy i dokumentacja – wzory",
            "Pytania i przypadki z praktyki",
        ),
        grupa="Pracodawcy, kadrowi i kierownicy działów personalnych.",
        seats=(5, 30),
        runs=(Run("gorzow-centrum", 1, "2027-01-14"),),
    ),
    Subject(
        key="archiwizacja",
        title="Archiwizacja i zarządzanie dokumentacją w firmie",
        sub=416, kind=145, hours=16, price=690, provider="zdz",
        cel=(
            "Szkolenie przygotowuje do prowadzenia składnicy akt i porządkowania dokumentacji "
            "w firmie lub instytucji. Omawiamy instrukcję kancelaryjną, jednolity rzeczowy "
            "wykaz akt, kategorie archiwalne i okresy przechowywania, a także elektroniczne "
            "zarządzanie dokumentacją. Uczestnicy ćwiczą porządkowanie i brakowanie "
            "przykładowych akt."
        ),
        efekty=(
            "Klasyfikuje dokumenty według rzeczowego wykazu akt.",
            "Porządkuje akta i przygotowuje je do przekazania do składnicy.",
            "Przeprowadza procedurę brakowania dokumentacji niearchiwalnej.",
        ),
        tematy=(
            "Instrukcja kancelaryjna i wykaz akt",
            "Porządkowanie i ewidencja akt",
            "Brakowanie dokumentacji i dokumentacja elektroniczna",
        ),
        grupa=(
            "Pracownicy sekretariatów, działów administracji i składnic akt."
        ),
        runs=(Run("skwierzyna", 1, "2027-05-20"),),
    ),
    Subject(
        key="kpa-urzednik",
        title="Postępowanie administracyjne w praktyce urzędnika gminy",
        sub=414, kind=145, hours=16, price=780, provider="zdz",
        cel=(
            "Dwudniowe szkolenie dla pracowników urzędów gmin i starostw, którzy prowadzą "
            "postępowania administracyjne. Omawiamy wszczęcie postępowania, doręczenia, "
            "terminy, postępowanie dowodowe i sporządzanie decyzji, ze szczególnym "
            "uwzględnieniem doręczeń elektronicznych. Uczestnicy redagują decyzję na podstawie "
            "przykładowych akt sprawy."
        ),
        efekty=(
            "Prowadzi postępowanie administracyjne zgodnie z Kodeksem postępowania "
            "administracyjnego.",
            "Dokonuje doręczeń, w tym doręczeń elektronicznych.",
            "Redaguje decyzje i postanowienia administracyjne.",
        ),
        tematy=(
            "Zasady ogólne i wszczęcie postępowania",
            "Doręczenia i terminy",
            "Postępowanie dowodowe i redagowanie decyzji",
        ),
        grupa="Pracownicy urzędów gmin, starostw i jednostek organizacyjnych samorządu.",
        runs=(Run("sulecin", 1, "2027-03-04"),),
    ),
    Subject(
        key="kierownik-zespolu",
        title="Zarządzanie zespołem dla kierowników pierwszej linii",
        sub=560, kind=145, hours=24, price=1650, provider="kompas",
        cel=(
            "Szkolenie zamknięte dla brygadzistów, mistrzów i liderów zespołów w firmach "
            "produkcyjnych. Uczestnicy ćwiczą wyznaczanie zadań, motywowanie, udzielanie "
            "informacji zwrotnej i prowadzenie trudnych rozmów z pracownikami. Cena dotyczy "
            "całej grupy szkoleniowej."
        ),
        efekty=(
            "Planuje i deleguje zadania w zespole.",
            "Udziela informacji zwrotnej i prowadzi rozmowy dyscyplinujące.",
            "Rozwiązuje konflikty w zespole.",
        ),
        tematy=(
            "Rola kierownika pierwszej linii",
            "Delegowanie i motywowanie",
            "Informacja zwrotna i trudne rozmowy",
        ),
        grupa="Kierownicy zmian, brygadziści i liderzy zespołów produkcyjnych.",
        seats=(8, 12),
        whole_group_price=True,
        runs=(Run("zg-centrum", 1, "2027-03-10", funding=(KFS,)),),
    ),
    Subject(
        key="marketing-internetowy",
        title="Marketing internetowy dla małych firm – Google i media społecznościowe",
        sub=561, kind=145, hours=32, price=1590, provider="kodolab",
        cel=(
            "Kurs pokazuje, jak mała firma może pozyskiwać klientów w internecie bez dużego "
            "budżetu. Uczestnicy zakładają i optymalizują profil firmy w Google, planują "
            "publikacje w mediach społecznościowych i uruchamiają pierwszą kampanię reklamową. "
            "Część materiału dostępna jest na platformie e-learningowej, a warsztaty odbywają "
            "się w sali."
        ),
        efekty=(
            "Prowadzi profil firmy w Google i zbiera opinie klientów.",
            "Planuje harmonogram publikacji w mediach społecznościowych.",
            "Konfiguruje prostą kampanię reklamową i mierzy jej efekty.",
        ),
        tematy=(
            "Strategia obecności firmy w internecie",
            "Profil firmy w Google i opinie",
            "Media społecznościowe – treści i harmonogram",
            "Kampanie reklamowe i analityka",
        ),
        grupa="Właściciele i pracownicy mikro- i małych firm.",
        pattern="popoludnia",
        runs=(Run("zg-kodolab", 5, "2027-04-13"),),
    ),
    Subject(
        key="biznesplan",
        title="Zakładanie działalności gospodarczej – biznesplan krok po kroku",
        sub=560, kind=145, hours=24, price=980, provider="kariera",
        cel=(
            "Szkolenie dla osób, które planują założyć własną firmę, także z dotacji "
            "z powiatowego urzędu pracy. Uczestnicy wybierają formę prawną i opodatkowania, "
            "szacują koszty i przychody oraz piszą biznesplan swojego przedsięwzięcia. "
            "Na koniec każdy biznesplan omawia doradca."
        ),
        efekty=(
            "Wybiera formę prawną działalności i formę opodatkowania.",
            "Przygotowuje analizę rynku i konkurencji.",
            "Sporządza biznesplan z prognozą finansową.",
        ),
        tematy=(
            "Formalności przy zakładaniu firmy",
            "Analiza rynku i pomysł na biznes",
            "Biznesplan i prognoza finansowa",
        ),
        grupa="Osoby bezrobotne i pracujące, które planują założenie działalności gospodarczej.",
        runs=(Run("krosno", 1, "2027-05-17"),),
    ),
    Subject(
        key="pp-rachunkowosc-budzetowa",
        title="Studia podyplomowe: Rachunkowość budżetowa",
        sub=470, kind=147, hours=190, price=4400, provider="ajp",
        cel=(
            "Dwusemestralne studia podyplomowe dla pracowników księgowości jednostek "
            "samorządu terytorialnego, szkół, ośrodków pomocy społecznej i innych jednostek "
            "sektora finansów publicznych. Program obejmuje klasyfikację budżetową, ewidencję "
            "dochodów i wydatków, sprawozdawczość budżetową oraz kontrolę zarządczą. "
            "Absolwenci otrzymują świadectwo ukończenia studiów podyplomowych."
        ),
        efekty=(
            "Prowadzi ewidencję księgową jednostki budżetowej i samorządowego zakładu "
            "budżetowego.",
            "Sporządza sprawozdania budżetowe i finansowe.",
            "Stosuje przepisy o finansach publicznych i zasady kontroli zarządczej.",
        ),
        tematy=(
            "Finanse publiczne i klasyfikacja budżetowa",
            "Rachunkowość jednostek budżetowych",
            "Sprawozdawczość budżetowa",
            "Kontrola zarządcza i audyt",
            "Seminarium dyplomowe",
        ),
        grupa="Pracownicy służb finansowo-księgowych jednostek sektora finansów publicznych.",
        warunki=POSTGRAD_TERMS,
        seats=(15, 30),
        pattern="studia",
        runs=(Run("gorzow-ajp", 1, "2027-03-06", funding=(KFS,)),),
    ),
    Subject(
        key="pp-logistyka",
        title="Studia podyplomowe: Logistyka i zarządzanie łańcuchem dostaw",
        sub=570, kind=147, hours=180, price=4600, provider="ajp",
        cel=(
            "Studia przygotowują do pracy na stanowiskach specjalistów i kierowników "
            "w logistyce, zaopatrzeniu i spedycji. Słuchacze poznają zarządzanie zapasami "
            "i magazynem, planowanie transportu, logistykę międzynarodową oraz systemy "
            "informatyczne wspierające łańcuch dostaw. Wykłady odbywają się zdalnie w czasie "
            "rzeczywistym, a ćwiczenia i wizyty studyjne – stacjonarnie."
        ),
        efekty=(
            "Projektuje procesy logistyczne w przedsiębiorstwie.",
            "Zarządza zapasami i pracą magazynu.",
            "Planuje transport krajowy i międzynarodowy.",
            "Ocenia efektywność łańcucha dostaw za pomocą wskaźników.",
        ),
        tematy=(
            "Podstawy logistyki i łańcucha dostaw",
            "Zarządzanie zapasami i magazynem",
            "Transport i spedycja międzynarodowa",
            "Systemy informatyczne w logistyce",
            "Projekt końcowy",
        ),
        grupa=(
            "Absolwenci studiów wyższych pracujący lub planujący pracę w logistyce, handlu "
            "i produkcji."
        ),
        warunki=POSTGRAD_TERMS,
        seats=(15, 30),
        pattern="studia",
        runs=(Run("gorzow-ajp", 4, "2027-10-09"),),
    ),
    Subject(
        key="pp-rachunkowosc-audyt",
        title="Rachunkowość i audyt wewnętrzny (studia podyplomowe)",
        sub=470, kind=147, hours=200, price=4800, provider="uz",
        cel=(
            "Studia przygotowują do pracy w działach finansowo-księgowych i komórkach audytu "
            "wewnętrznego przedsiębiorstw oraz jednostek sektora finansów publicznych. "
            "Program obejmuje rachunkowość finansową i zarządczą, sprawozdawczość, standardy "
            "audytu wewnętrznego, kontrolę zarządczą i zarządzanie ryzykiem. Zajęcia odbywają "
            "się w soboty i niedziele, zwykle co dwa tygodnie."
        ),
        efekty=(
            "Prowadzi rachunkowość finansową i sporządza sprawozdanie finansowe.",
            "Planuje i przeprowadza zadanie audytowe zgodnie ze standardami.",
            "Ocenia system kontroli wewnętrznej i ryzyko w organizacji.",
        ),
        tematy=(
            "Rachunkowość finansowa",
            "Rachunkowość zarządcza i controlling",
            "Standardy audytu wewnętrznego",
            "Kontrola zarządcza i zarządzanie ryzykiem",
            "Seminarium dyplomowe",
        ),
        grupa=(
            "Księgowi, pracownicy działów finansowych, kontrolerzy i kandydaci na audytorów "
            "wewnętrznych."
        ),
        warunki=POSTGRAD_TERMS,
        seats=(15, 35),
        pattern="studia",
        runs=(Run("zg-uz", 1, "2027-10-16"),),
    ),
    Subject(
        key="pp-przygotowanie-pedagogiczne",
        title=(
            "Studia podyplomowe: Przygotowanie pedagogiczne dla nauczycieli przedmiotów "
            "zawodowych"
        ),
        sub=578, kind=147, hours=270, price=4200, provider="ajp",
        cel=(
            "Studia dają kwalifikacje pedagogiczne wymagane od nauczycieli teoretycznych "
            "przedmiotów zawodowych i praktycznej nauki zawodu. Obejmują psychologię, "
            "pedagogikę, dydaktykę kształcenia zawodowego i praktyki w szkołach branżowych "
            "i technikach. Zajęcia teoretyczne prowadzimy zdalnie w czasie rzeczywistym, "
            "a warsztaty metodyczne i praktyki – stacjonarnie."
        ),
        efekty=(
            "Planuje zajęcia z przedmiotów zawodowych z uwzględnieniem podstawy programowej.",
            "Dobiera metody i środki dydaktyczne do potrzeb uczniów.",
            "Ocenia postępy uczniów i współpracuje z pracodawcami.",
        ),
        tematy=(
            "Psychologia rozwojowa i wychowawcza",
            "Pedagogika i praca wychowawcza",
            "Dydaktyka kształcenia zawodowego",
            "Praktyka pedagogiczna w szkole",
        ),
        grupa=(
            "Specjaliści i instruktorzy, którzy uczą lub chcą uczyć zawodu w szkołach "
            "branżowych, technikach i centrach kształcenia zawodowego."
        ),
        warunki=POSTGRAD_TERMS,
        seats=(15, 30),
        pattern="studia",
        runs=(Run("gorzow-ajp", 4, "2027-02-27", funding=(FEL,)),),
    ),
    Subject(
        key="pp-zarzadzanie-ochrona-zdrowia",
        title="Studia podyplomowe: Zarządzanie w ochronie zdrowia",
        sub=560, kind=147, hours=180, price=4500, provider="ajp",
        cel=(
            "Studia dla kadry kierowniczej i administracyjnej szpitali, przychodni i domów "
            "pomocy społecznej. Program obejmuje organizację systemu ochrony zdrowia, "
            "finansowanie świadczeń, zarządzanie personelem i jakością oraz prawo medyczne. "
            "Słuchacze przygotowują projekt usprawnienia w swojej placówce."
        ),
        efekty=(
            "Analizuje działalność placówki ochrony zdrowia i jej finansowanie.",
            "Zarządza zespołem i jakością świadczonych usług.",
            "Stosuje przepisy prawa medycznego w zarządzaniu placówką.",
        ),
        tematy=(
            "System ochrony zdrowia w Polsce",
            "Finansowanie świadczeń i kontraktowanie",
            "Zarządzanie personelem i jakością",
            "Prawo medyczne",
            "Projekt końcowy",
        ),
        grupa="Kierownicy i pracownicy administracji placówek medycznych i opiekuńczych.",
        warunki=POSTGRAD_TERMS,
        seats=(15, 30),
        pattern="studia",
        runs=(Run("gorzow-ajp", 1, "2025-03-01"),),
    ),
)  # fmt: skip
