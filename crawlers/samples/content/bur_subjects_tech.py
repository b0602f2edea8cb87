"""BUR subjects: welding, electrical, construction, lifting equipment, transport, agriculture."""

from __future__ import annotations

from crawlers.samples.content.bur_catalogue import FEL, KFS, Run, Subject

WELDER_CERT = "Świadectwo egzaminu spawacza zgodne z PN-EN ISO 9606-1"

SUBJECTS: tuple[Subject, ...] = (
    Subject(
        key="mag-135",
        title="Kurs spawania metodą MAG (135)",
        sub=467, kind=146, hours=146, price=4300, provider="weldkom",
        cel=(
            "Kurs przygotowuje do samodzielnego wykonywania spoin pachwinowych blach i rur "
            "metodą MAG w osłonie gazów aktywnych. Uczestnicy ćwiczą na indywidualnych "
            "stanowiskach pod okiem instruktora i na zakończenie przystępują do egzaminu przed "
            "komisją zewnętrzną. Szkolenie jest przeznaczone zarówno dla osób bez doświadczenia, "
            "jak i dla pracowników, którzy chcą formalnie potwierdzić swoje umiejętności."
        ),
        efekty=(
            "Dobiera parametry spawania (natężenie prądu, napięcie łuku, prędkość podawania "
            "drutu) do grubości i rodzaju materiału.",
            "Wykonuje spoiny pachwinowe blach w pozycjach PA, PB i PF zgodnie z instrukcją "
            "technologiczną WPS.",
            "Ocenia wizualnie jakość spoiny i rozpoznaje typowe niezgodności spawalnicze.",
            "Stosuje przepisy BHP i ochrony przeciwpożarowej przy pracach spawalniczych.",
        ),
        tematy=(
            "Zajęcia organizacyjne, BHP i ochrona przeciwpożarowa przy spawaniu",
            "Budowa i obsługa urządzeń do spawania MAG",
            "Materiały podstawowe i dodatkowe, gazy osłonowe",
            "Ćwiczenia praktyczne – spoiny pachwinowe blach w pozycjach PA i PB",
            "Ćwiczenia praktyczne – spoiny w pozycji PF",
            "Niezgodności spawalnicze i kontrola wizualna",
            "Egzamin teoretyczny i praktyczny",
        ),
        grupa=(
            "Osoby dorosłe, które chcą zdobyć uprawnienia spawacza, w tym osoby bezrobotne "
            "i pracownicy firm produkcyjnych oraz warsztatów ślusarskich."
        ),
        warunki=(
            "Ukończone 18 lat, co najmniej wykształcenie podstawowe oraz orzeczenie lekarskie "
            "o braku przeciwwskazań do pracy na stanowisku spawacza."
        ),
        inne=(WELDER_CERT, "Książka spawacza"),
        seats=(6, 10),
        runs=(
            Run("nowa-sol", 1, "2027-01-11", funding=(KFS,)),
            Run("zg-zdz", 1, "2025-09-15", status="ZREALIZOWANA", provider="zdz"),
        ),
    ),
    Subject(
        key="tig-141",
        title="Spawanie metodą TIG 141 – blachy i rury ze stali nierdzewnej",
        sub=467, kind=146, hours=120, price=4900, provider="zdz",
        cel=(
            "Szkolenie uczy spawania elektrodą nietopliwą w osłonie argonu, przede wszystkim "
            "stali nierdzewnych stosowanych w przemyśle spożywczym i w instalacjach. Program "
            "obejmuje przygotowanie brzegów, dobór elektrod wolframowych i gazu oraz łączenie "
            "cienkich blach i rur. Kurs kończy się egzaminem, po którym uczestnik otrzymuje "
            "świadectwo egzaminu spawacza."
        ),
        efekty=(
            "Przygotowuje złącza blach i rur do spawania metodą TIG.",
            "Dobiera elektrodę wolframową, gaz osłonowy i parametry prądu do spawanego "
            "materiału.",
            "Wykonuje spoiny doczołowe i pachwinowe stali nierdzewnej o wymaganej jakości.",
            "Zabezpiecza grań spoiny przed utlenieniem.",
        ),
        tematy=(
            "BHP przy spawaniu metodą TIG",
            "Urządzenia i osprzęt do spawania TIG",
            "Spawalność stali nierdzewnych",
            "Ćwiczenia – spoiny pachwinowe blach",
            "Ćwiczenia – spoiny doczołowe rur",
            "Egzamin kwalifikacyjny",
        ),
        grupa=(
            "Spawacze innych metod oraz ślusarze i monterzy instalacji, którzy chcą poszerzyć "
            "uprawnienia o metodę TIG."
        ),
        inne=(WELDER_CERT,),
        seats=(6, 10),
        runs=(Run("gorzow-zdz", 1, "2027-03-01"),),
    ),
    Subject(
        key="mma-111",
        title="Spawanie elektrodą otuloną (MMA 111) – kurs podstawowy",
        sub=467, kind=146, hours=120, price=3800, provider="weldkom",
        cel=(
            "Kurs podstawowy dla osób, które dopiero zaczynają spawać. Uczestnicy poznają "
            "spawanie łukowe elektrodą otuloną, które sprawdza się przy konstrukcjach stalowych, "
            "naprawach i pracach w terenie. Po kursie i zdanym egzaminie można podjąć pracę jako "
            "spawacz konstrukcji stalowych."
        ),
        efekty=(
            "Obsługuje spawarkę transformatorową i inwertorową.",
            "Dobiera rodzaj i średnicę elektrody do grubości materiału i pozycji spawania.",
            "Wykonuje spoiny pachwinowe blach w pozycji podolnej i naściennej.",
            "Pracuje zgodnie z zasadami BHP i ochrony przeciwpożarowej.",
        ),
        tematy=(
            "Wprowadzenie i BHP przy pracach spawalniczych",
            "Źródła prądu do spawania łukowego",
            "Elektrody otulone – rodzaje, przechowywanie i suszenie",
            "Ćwiczenia praktyczne – spoiny pachwinowe",
            "Egzamin",
        ),
        grupa=(
            "Osoby pełnoletnie bez doświadczenia spawalniczego, w tym osoby kierowane przez "
            "powiatowe urzędy pracy."
        ),
        inne=(WELDER_CERT,),
        seats=(6, 10),
        runs=(Run("zagan", 1, "2027-04-12"),),
    ),
    Subject(
        key="gaz-311",
        title="Spawanie gazowe (311) i cięcie tlenowe – kurs z egzaminem",
        sub=467, kind=146, hours=80, price=2900, provider="weldkom",
        cel=(
            "Szkolenie obejmuje spawanie acetylenowo-tlenowe cienkich blach i rur oraz ręczne "
            "cięcie tlenowe stali. Szczególny nacisk kładziemy na bezpieczną obsługę butli "
            "i reduktorów. Kurs kończy się egzaminem przed komisją, po którym uczestnik "
            "otrzymuje świadectwo egzaminu spawacza."
        ),
        efekty=(
            "Bezpiecznie przygotowuje i obsługuje zestaw do spawania gazowego.",
            "Dobiera palnik i nasadkę do grubości łączonych elementów.",
            "Wykonuje spoiny rur metodą 311 oraz cięcie tlenowe blach.",
        ),
        tematy=(
            "BHP i ochrona przeciwpożarowa przy spawaniu gazowym",
            "Gazy techniczne, butle, reduktory i węże",
            "Ćwiczenia – spawanie blach i rur",
            "Ćwiczenia – cięcie tlenowe",
            "Egzamin",
        ),
        grupa=(
            "Pracownicy warsztatów, instalatorzy i osoby, które chcą uzyskać uprawnienia "
            "do spawania gazowego."
        ),
        inne=(WELDER_CERT,),
        seats=(6, 10),
        runs=(Run("drezdenko", 1, "2027-05-17"),),
    ),
    Subject(
        key="egzamin-mag",
        title="Egzamin weryfikacyjny spawacza metodą MAG – przedłużenie uprawnień",
        sub=467, kind=148, hours=8, price=950, provider="weldkom",
        cel=(
            "Usługa obejmuje egzamin praktyczny i teoretyczny dla spawaczy, którym kończy się "
            "ważność świadectwa egzaminu metodą MAG. Przed egzaminem uczestnik może skorzystać "
            "z rozgrzewki na stanowisku spawalniczym. Po pozytywnym wyniku egzaminator wystawia "
            "nowe świadectwo i dokonuje wpisu do książki spawacza."
        ),
        efekty=(
            "Wykonuje złącze próbne zgodnie z wymaganiami normy PN-EN ISO 9606-1.",
            "Odpowiada na pytania z zakresu technologii i bezpieczeństwa spawania.",
            "Potwierdza umiejętności spawalnicze w zakresie posiadanych uprawnień.",
        ),
        tematy=(
            "Rozgrzewka na stanowisku spawalniczym",
            "Egzamin praktyczny – wykonanie złącza próbnego",
            "Egzamin teoretyczny i ocena złączy",
        ),
        grupa="Spawacze metodą MAG z ważnym lub wygasającym świadectwem egzaminu spawacza.",
        warunki="Posiadanie książki spawacza i dotychczasowego świadectwa egzaminu spawacza.",
        inne=(WELDER_CERT,),
        seats=(1, 8),
        runs=(Run("nowa-sol", 1, "2027-02-19", funding=()),),
    ),
    Subject(
        key="sep-g1",
        title="Uprawnienia elektryczne SEP G1 do 1 kV z egzaminem",
        sub=458, kind=146, hours=24, price=690, provider="elektro",
        cel=(
            "Kurs przygotowuje do egzaminu kwalifikacyjnego na świadectwo uprawniające do "
            "eksploatacji urządzeń, instalacji i sieci elektroenergetycznych o napięciu do 1 kV. "
            "Omawiamy przepisy, zasady bezpiecznej pracy, pomiary ochronne i budowę typowych "
            "instalacji. Egzamin przeprowadza komisja kwalifikacyjna w ostatnim dniu szkolenia."
        ),
        efekty=(
            "Stosuje przepisy dotyczące eksploatacji urządzeń elektroenergetycznych.",
            "Organizuje bezpieczną pracę przy urządzeniach pod napięciem i w ich pobliżu.",
            "Wykonuje i interpretuje podstawowe pomiary ochronne instalacji.",
            "Udziela pierwszej pomocy osobie porażonej prądem.",
        ),
        tematy=(
            "Przepisy i normy w eksploatacji urządzeń elektrycznych",
            "Ochrona przeciwporażeniowa i pomiary",
            "Budowa i eksploatacja instalacji do 1 kV",
            "Pierwsza pomoc przy porażeniu prądem i egzamin przed komisją",
        ),
        grupa=(
            "Elektrycy, konserwatorzy, pracownicy utrzymania ruchu i osoby, które chcą "
            "uzyskać pierwsze uprawnienia elektryczne."
        ),
        inne=("Świadectwo kwalifikacyjne E – eksploatacja urządzeń do 1 kV (grupa G1)",),
        seats=(6, 16),
        runs=(
            Run("miedzyrzecz", 1, "2027-01-25"),
            Run("gorzow-zdz", 1, "2026-05-11", provider="zdz"),
        ),
    ),
    Subject(
        key="sep-egzamin",
        title="Egzamin kwalifikacyjny SEP – eksploatacja urządzeń elektrycznych do 1 kV (G1)",
        sub=458, kind=148, hours=2, price=260, provider="elektro",
        cel=(
            "Sam egzamin przed komisją kwalifikacyjną, bez kursu przygotowawczego – dla osób, "
            "które znają zagadnienia z praktyki i chcą uzyskać lub odnowić świadectwo "
            "kwalifikacyjne. Egzamin ma formę ustną i obejmuje przepisy, zasady bezpiecznej "
            "pracy oraz budowę instalacji. Wynik jest ogłaszany tego samego dnia."
        ),
        efekty=(
            "Potwierdza znajomość zasad eksploatacji urządzeń elektroenergetycznych do 1 kV.",
            "Potwierdza znajomość przepisów BHP przy pracach elektrycznych.",
            "Uzyskuje świadectwo kwalifikacyjne ważne pięć lat.",
        ),
        tematy=("Egzamin ustny przed komisją kwalifikacyjną",),
        grupa=(
            "Osoby z doświadczeniem w eksploatacji urządzeń elektrycznych, którym kończy się "
            "ważność świadectwa kwalifikacyjnego."
        ),
        warunki="Wniosek o sprawdzenie kwalifikacji złożony najpóźniej 7 dni przed egzaminem.",
        inne=("Świadectwo kwalifikacyjne E – eksploatacja urządzeń do 1 kV (grupa G1)",),
        seats=(1, 20),
        pattern="egzamin",
        runs=(Run("miedzyrzecz", 1, "2027-02-26", funding=()),),
    ),
    Subject(
        key="fotowoltaika",
        title="Montaż i serwis instalacji fotowoltaicznych",
        sub=458, kind=146, hours=40, price=2400, provider="elektro",
        cel=(
            "Praktyczne szkolenie z projektowania, montażu i uruchamiania mikroinstalacji "
            "fotowoltaicznych na dachach skośnych, płaskich i na gruncie. Uczestnicy montują "
            "instalację na stanowisku dydaktycznym, konfigurują falownik i wykonują pomiary "
            "odbiorcze. Wykłady odbywają się zdalnie w czasie rzeczywistym, a zajęcia "
            "praktyczne w hali szkoleniowej w Sulechowie."
        ),
        efekty=(
            "Dobiera moduły, falownik i konstrukcję do warunków montażu.",
            "Montuje i łączy moduły fotowoltaiczne zgodnie z dokumentacją.",
            "Uruchamia falownik i wykonuje pomiary odbiorcze instalacji.",
            "Diagnozuje typowe usterki mikroinstalacji.",
        ),
        tematy=(
            "Podstawy fotowoltaiki i przepisy",
            "Projektowanie mikroinstalacji",
            "Montaż konstrukcji i modułów – zajęcia praktyczne",
            "Falowniki, zabezpieczenia i pomiary",
            "Serwis i diagnostyka usterek",
        ),
        grupa=(
            "Elektrycy, instalatorzy i dekarze, którzy chcą rozszerzyć działalność o montaż "
            "instalacji fotowoltaicznych."
        ),
        warunki="Mile widziane świadectwo kwalifikacyjne SEP do 1 kV.",
        runs=(Run("sulechow", 4, "2027-03-15"),),
    ),
    Subject(
        key="kosztorysowanie",
        title="Kosztorysowanie robót budowlanych w programie Norma PRO",
        sub=460, kind=145, hours=32, price=1900, provider="zdz",
        cel=(
            "Szkolenie uczy sporządzania kosztorysów inwestorskich, ofertowych "
            "i powykonawczych w programie Norma PRO. Pracujemy na przykładach z rzeczywistych "
            "przedmiarów robót budowlanych i instalacyjnych. Uczestnik kończy kurs z kosztorysem "
            "przygotowanym samodzielnie na zajęciach."
        ),
        efekty=(
            "Rozróżnia rodzaje kosztorysów i metody kalkulacji.",
            "Sporządza przedmiar i kosztorys w programie Norma PRO z wykorzystaniem "
            "katalogów KNR.",
            "Ustala narzuty i przygotowuje zestawienia materiałów, robocizny i sprzętu.",
        ),
        tematy=(
            "Podstawy kosztorysowania i katalogi nakładów rzeczowych",
            "Przedmiar robót – ćwiczenia",
            "Kosztorys szczegółowy w programie Norma PRO",
            "Kosztorys ofertowy, powykonawczy i zadanie końcowe",
        ),
        grupa=(
            "Pracownicy firm budowlanych, kierownicy robót, inspektorzy nadzoru oraz osoby "
            "przygotowujące oferty przetargowe."
        ),
        runs=(Run("gorzow-zdz", 1, "2027-02-08"),),
    ),
    Subject(
        key="wykonczenia",
        title="Technologia robót wykończeniowych – tynki, gładzie i suche zabudowy",
        sub=460, kind=146, hours=80, price=2900, provider="zdz",
        cel=(
            "Kurs praktyczny dla osób, które chcą pracować przy wykończeniach wnętrz. "
            "Uczestnicy wykonują tynki maszynowe i ręczne oraz gładzie, a także montują ścianki "
            "działowe i sufity podwieszane z płyt gipsowo-kartonowych. Zajęcia odbywają się "
            "w hali szkoleniowej, a większość czasu to praca na stanowiskach."
        ),
        efekty=(
            "Przygotowuje podłoże pod tynki i gładzie.",
            "Montuje ruszty i płyty gipsowo-kartonowe w ściankach i sufitach.",
            "Wykonuje gładzie i szlifuje powierzchnie zgodnie ze sztuką budowlaną.",
            "Oblicza zapotrzebowanie na materiały.",
        ),
        tematy=(
            "BHP na budowie i organizacja stanowiska",
            "Przygotowanie podłoża i tynki",
            "Suche zabudowy – ścianki i sufity",
            "Gładzie, szpachlowanie i szlifowanie",
            "Zadanie praktyczne i zaliczenie",
        ),
        grupa=(
            "Osoby bezrobotne i pracownicy budowlani, którzy chcą zdobyć praktyczne "
            "umiejętności wykończeniowe."
        ),
        runs=(Run("swiebodzin", 1, "2027-04-19"),),
    ),
    Subject(
        key="wozki-udt",
        title="Operator wózków widłowych z egzaminem UDT",
        sub=463, kind=146, hours=67, price=1250, provider="logimag",
        cel=(
            "Kurs przygotowuje do egzaminu przed komisją Urzędu Dozoru Technicznego i do "
            "bezpiecznej pracy wózkiem jezdniowym podnośnikowym. Uczestnicy poznają budowę "
            "wózków, zasady składowania ładunków i wymiany butli gazowej. Zajęcia praktyczne "
            "odbywają się na placu manewrowym, na wózkach elektrycznych i spalinowych."
        ),
        efekty=(
            "Przeprowadza codzienne sprawdzenie wózka przed rozpoczęciem pracy.",
            "Bezpiecznie podejmuje, przewozi i odkłada ładunki, także na regałach wysokiego "
            "składowania.",
            "Wymienia butlę gazową w wózku zasilanym LPG.",
            "Stosuje przepisy dozoru technicznego i BHP.",
        ),
        tematy=(
            "Typy wózków jezdniowych i ich budowa",
            "Dozór techniczny i obowiązki operatora",
            "Zasady BHP i składowania ładunków",
            "Wymiana butli gazowej",
            "Jazdy praktyczne na placu manewrowym",
            "Egzamin przed komisją UDT",
        ),
        grupa="Magazynierzy, pracownicy produkcji i osoby szukające pracy w logistyce.",
        warunki=(
            "Ukończone 18 lat, wykształcenie co najmniej podstawowe oraz orzeczenie lekarskie "
            "o braku przeciwwskazań do pracy na stanowisku operatora wózka jezdniowego."
        ),
        inne=("Uprawnienia UDT do obsługi wózków jezdniowych",),
        seats=(6, 15),
        runs=(
            Run("kostrzyn", 1, "2027-01-18"),
            Run("zary", 1, "2026-03-09"),
        ),
    ),
    Subject(
        key="suwnice-udt",
        title="Operator suwnic sterowanych z poziomu roboczego z egzaminem UDT",
        sub=463, kind=146, hours=40, price=1100, provider="logimag",
        cel=(
            "Szkolenie dla osób, które będą obsługiwać suwnice, wciągniki i wciągarki "
            "sterowane z poziomu roboczego. Uczestnicy uczą się doboru zawiesi, sygnalizacji "
            "i bezpiecznego transportu ładunków w hali. Kurs kończy się egzaminem przed "
            "komisją UDT."
        ),
        efekty=(
            "Sprawdza stan techniczny suwnicy i zawiesi przed rozpoczęciem pracy.",
            "Dobiera zawiesia do masy i kształtu ładunku.",
            "Przemieszcza ładunki z zachowaniem zasad bezpieczeństwa i sygnalizacji.",
        ),
        tematy=(
            "Budowa suwnic i mechanizmów podnoszenia",
            "Zawiesia i zasady podwieszania ładunków",
            "BHP i dozór techniczny",
            "Zajęcia praktyczne na hali",
            "Egzamin UDT",
        ),
        grupa="Pracownicy zakładów produkcyjnych, hal magazynowych i warsztatów.",
        inne=(
            "Uprawnienia UDT do obsługi suwnic, wciągników i wciągarek sterowanych "
            "z poziomu roboczego",
        ),
        runs=(Run("nowa-sol", 1, "2027-03-08"),),
    ),
    Subject(
        key="prawo-jazdy-c-kwp",
        title="Prawo jazdy kat. C z kwalifikacją wstępną przyspieszoną",
        sub=507, kind=146, hours=190, price=8900, provider="trans",
        cel=(
            "Pakiet łączy kurs prawa jazdy kategorii C z kwalifikacją wstępną przyspieszoną, "
            "dzięki czemu po zdaniu egzaminów można od razu podjąć pracę kierowcy zawodowego "
            "w transporcie rzeczy. Zajęcia teoretyczne odbywają się w sali wykładowej, a jazdy "
            "na placu manewrowym i w ruchu miejskim w Gorzowie. Cena obejmuje badania "
            "psychologiczne i pierwsze podejście do egzaminu państwowego."
        ),
        efekty=(
            "Prowadzi samochód ciężarowy zgodnie z przepisami ruchu drogowego i zasadami "
            "ecodrivingu.",
            "Zabezpiecza ładunek i przestrzega norm czasu pracy kierowcy.",
            "Posługuje się tachografem cyfrowym.",
            "Zdaje egzamin państwowy na prawo jazdy kat. C i test kwalifikacji wstępnej.",
        ),
        tematy=(
            "Zajęcia teoretyczne – przepisy ruchu drogowego",
            "Kwalifikacja wstępna – racjonalna jazda i bezpieczeństwo",
            "Czas pracy kierowcy i tachograf",
            "Zabezpieczanie ładunków",
            "Jazdy na placu manewrowym",
            "Jazdy w ruchu drogowym",
            "Egzamin wewnętrzny",
        ),
        grupa=(
            "Osoby z prawem jazdy kat. B, które chcą pracować jako kierowcy samochodów "
            "ciężarowych."
        ),
        warunki=(
            "Ukończone 21 lat, prawo jazdy kat. B, orzeczenia lekarskie i psychologiczne "
            "o braku przeciwwskazań oraz profil kandydata na kierowcę (PKK)."
        ),
        inne=(
            "Prawo jazdy kat. C",
            "Świadectwo kwalifikacji zawodowej – kwalifikacja wstępna przyspieszona",
        ),
        seats=(1, 10),
        runs=(Run("gorzow-trans", 1, "2027-02-01", funding=(KFS, FEL)),),
    ),
    Subject(
        key="kwp-c",
        title="Kwalifikacja wstępna przyspieszona kat. C",
        sub=582, kind=146, hours=140, price=3600, provider="trans",
        cel=(
            "Szkolenie dla kierowców z prawem jazdy kategorii C lub C1, którzy chcą "
            "wykonywać przewóz drogowy zarobkowo. Program obejmuje racjonalną i bezpieczną "
            "jazdę, przepisy socjalne, zabezpieczanie ładunków oraz zajęcia na symulatorze "
            "i w ruchu drogowym. Kurs kończy się testem przed komisją egzaminacyjną powołaną "
            "przez wojewodę."
        ),
        efekty=(
            "Stosuje zasady racjonalnej i ekonomicznej jazdy samochodem ciężarowym.",
            "Przestrzega przepisów o czasie pracy kierowców i obsługuje tachograf.",
            "Prawidłowo rozmieszcza i zabezpiecza ładunek.",
            "Właściwie postępuje w sytuacjach zagrożenia na drodze.",
        ),
        tematy=(
            "Racjonalna jazda z zastosowaniem przepisów bezpieczeństwa",
            "Stosowanie przepisów – czas pracy i tachografy",
            "Zdrowie, bezpieczeństwo drogowe i ochrona środowiska",
            "Zabezpieczanie ładunków",
            "Zajęcia na symulatorze i w ruchu drogowym",
            "Test kwalifikacyjny",
        ),
        grupa=(
            "Kierowcy z prawem jazdy kat. C lub C1, którzy chcą podjąć pracę kierowcy "
            "zawodowego."
        ),
        warunki=(
            "Prawo jazdy kat. C lub C1 albo rozpoczęty kurs na tę kategorię oraz ukończone "
            "21 lat."
        ),
        inne=("Świadectwo kwalifikacji zawodowej – kwalifikacja wstępna przyspieszona (kod 95)",),
        seats=(4, 16),
        runs=(
            Run("zg-zdz", 1, "2027-03-01", provider="zdz"),
            Run("strzelce", 1, "2026-02-09"),
        ),
    ),
    Subject(
        key="adr",
        title="ADR – kurs podstawowy przewozu towarów niebezpiecznych",
        sub=582, kind=146, hours=24, price=1200, provider="trans",
        cel=(
            "Kurs przygotowuje kierowców do egzaminu ADR w zakresie podstawowym, który "
            "uprawnia do przewozu towarów niebezpiecznych w sztukach przesyłki. Uczestnicy "
            "poznają klasy towarów niebezpiecznych, oznakowanie pojazdów, dokumenty przewozowe "
            "i postępowanie w razie wypadku. Po kursie uczestnik przystępuje do egzaminu "
            "w wojewódzkim ośrodku ruchu drogowego."
        ),
        efekty=(
            "Rozpoznaje klasy towarów niebezpiecznych i ich oznakowanie.",
            "Kompletuje wymagane dokumenty i wyposażenie pojazdu.",
            "Postępuje zgodnie z instrukcjami pisemnymi w sytuacji awaryjnej.",
        ),
        tematy=(
            "Przepisy umowy ADR",
            "Klasyfikacja i oznakowanie towarów niebezpiecznych",
            "Dokumenty, wyposażenie pojazdu i ćwiczenia z gaszenia pożaru",
        ),
        grupa="Kierowcy zawodowi, którzy chcą przewozić towary niebezpieczne.",
        inne=("Zaświadczenie ADR – kurs podstawowy",),
        runs=(Run("nowa-sol", 1, "2027-02-15", status="ODWOLANA"),),
    ),
    Subject(
        key="magazynier-wms",
        title="Magazynier z obsługą systemu WMS i skanerów kodów kreskowych",
        sub=570, kind=146, hours=40, price=1400, provider="logimag",
        cel=(
            "Kurs przygotowuje do pracy w nowoczesnym magazynie: od przyjęcia towaru, przez "
            "kompletację zamówień, po wysyłkę. Uczestnicy pracują w symulowanym systemie WMS "
            "i na skanerach, a także uczą się prowadzić dokumentację magazynową. Szkolenie jest "
            "dobrym uzupełnieniem kursu na wózki widłowe."
        ),
        efekty=(
            "Przyjmuje i wydaje towar z wykorzystaniem systemu WMS i dokumentów PZ, WZ i MM.",
            "Kompletuje zamówienia z użyciem skanera kodów kreskowych.",
            "Przeprowadza inwentaryzację i rozlicza jej wyniki.",
            "Organizuje bezpieczne składowanie towarów.",
        ),
        tematy=(
            "Organizacja pracy magazynu",
            "Dokumentacja magazynowa",
            "System WMS – ćwiczenia",
            "Kompletacja i wysyłka zamówień",
            "Inwentaryzacja",
        ),
        grupa=(
            "Osoby poszukujące pracy w centrach logistycznych oraz pracownicy magazynów."
        ),
        runs=(Run("swiebodzin", 1, "2027-05-24"),),
    ),
    Subject(
        key="hybrydy",
        title="Pojazdy hybrydowe i elektryczne – bezpieczna obsługa układów wysokiego napięcia",
        sub=571, kind=145, hours=40, price=2300, provider="zdz",
        cel=(
            "Szkolenie dla mechaników, którzy coraz częściej przyjmują do serwisu samochody "
            "hybrydowe i elektryczne. Omawiamy budowę układów napędowych, procedurę odłączania "
            "napięcia, diagnostykę baterii trakcyjnych i zasady bezpiecznej pracy. Część "
            "teoretyczna odbywa się zdalnie w czasie rzeczywistym, a zajęcia praktyczne "
            "w warsztacie szkoleniowym."
        ),
        efekty=(
            "Rozpoznaje elementy wysokonapięciowe w pojeździe hybrydowym i elektrycznym.",
            "Wykonuje procedurę bezpiecznego odłączenia napięcia.",
            "Diagnozuje podstawowe usterki z wykorzystaniem testera diagnostycznego.",
        ),
        tematy=(
            "Budowa pojazdów hybrydowych i elektrycznych",
            "Bezpieczeństwo pracy przy wysokim napięciu",
            "Diagnostyka baterii trakcyjnych",
            "Zajęcia praktyczne w warsztacie",
        ),
        grupa=(
            "Mechanicy i elektromechanicy samochodowi oraz diagności stacji kontroli pojazdów."
        ),
        runs=(Run("gorzow-zdz", 4, "2027-06-14"),),
    ),
    Subject(
        key="opryski",
        title="Stosowanie środków ochrony roślin sprzętem naziemnym – szkolenie podstawowe",
        sub=490, kind=145, hours=15, price=250, provider="agro",
        cel=(
            "Szkolenie wymagane od każdego, kto wykonuje zabiegi środkami ochrony roślin "
            "opryskiwaczem polowym, sadowniczym lub plecakowym. Omawiamy integrowaną ochronę "
            "roślin, przepisy, kalibrację opryskiwacza i bezpieczne obchodzenie się ze środkami. "
            "Po zaliczeniu egzaminu uczestnik otrzymuje zaświadczenie ważne pięć lat."
        ),
        efekty=(
            "Stosuje zasady integrowanej ochrony roślin.",
            "Kalibruje opryskiwacz i dobiera dawkę cieczy użytkowej.",
            "Bezpiecznie przechowuje środki ochrony roślin i postępuje z opakowaniami.",
        ),
        tematy=(
            "Przepisy i integrowana ochrona roślin",
            "Zagrożenia dla ludzi i środowiska",
            "Technika wykonywania zabiegów, kalibracja i egzamin",
        ),
        grupa="Rolnicy, sadownicy, pracownicy gospodarstw i firm zajmujących się zielenią.",
        inne=(
            "Zaświadczenie o ukończeniu szkolenia w zakresie stosowania środków ochrony roślin",
        ),
        seats=(8, 25),
        runs=(Run("strzelce", 1, "2027-02-11"), Run("witnica", 1, "2026-03-03")),
    ),
    Subject(
        key="pilarka",
        title="Operator pilarki spalinowej – wycinka i pielęgnacja drzew",
        sub=492, kind=146, hours=40, price=1350, provider="agro",
        cel=(
            "Kurs przygotowuje do bezpiecznej pracy pilarką spalinową przy pozyskaniu drewna, "
            "wycince i pielęgnacji drzew. Uczestnicy ćwiczą obalanie drzew, okrzesywanie "
            "i przerzynkę w drzewostanie pod nadzorem instruktora. Po zdanym egzaminie "
            "otrzymują świadectwo kwalifikacji operatora pilarki."
        ),
        efekty=(
            "Przygotowuje pilarkę do pracy i wykonuje jej codzienną konserwację.",
            "Ścina drzewa z zachowaniem bezpiecznej techniki i kierunku obalania.",
            "Stosuje środki ochrony indywidualnej i zasady pracy w zespole.",
        ),
        tematy=(
            "Budowa i konserwacja pilarki",
            "BHP w pracach leśnych",
            "Technika ścinki i obalania drzew",
            "Okrzesywanie, przerzynka i egzamin praktyczny",
        ),
        grupa=(
            "Pracownicy zakładów usług leśnych i służb komunalnych oraz właściciele lasów."
        ),
        runs=(Run("drezdenko", 1, "2027-04-06"),),
    ),
    Subject(
        key="winorosl",
        title="Uprawa winorośli w chłodnym klimacie – szkolenie dla początkujących winiarzy",
        sub=490, kind=145, hours=24, price=980, provider="agro",
        cel=(
            "Ziemia Lubuska ma długą tradycję winiarską, a liczba winnic w regionie rośnie "
            "z roku na rok. Szkolenie omawia zakładanie winnicy, dobór odmian odpornych na "
            "mróz, cięcie i ochronę krzewów oraz formalności związane z małą produkcją wina. "
            "Zajęcia praktyczne odbywają się w winnicy pod Sulechowem."
        ),
        efekty=(
            "Planuje założenie małej winnicy i dobiera odmiany do warunków siedliskowych.",
            "Wykonuje cięcie zimowe i prace zielone w winnicy.",
            "Zna wymagania prawne dotyczące produkcji i sprzedaży wina przez małych "
            "producentów.",
        ),
        tematy=(
            "Zakładanie winnicy i dobór odmian",
            "Cięcie i prowadzenie krzewów",
            "Ochrona winorośli przed chorobami – zajęcia w winnicy",
        ),
        grupa="Rolnicy, właściciele działek i osoby planujące założenie winnicy.",
        pattern="weekendy",
        runs=(Run("sulechow", 1, "2027-03-13"),),
    ),
    Subject(
        key="bdo",
        title="Gospodarka odpadami i sprawozdawczość w systemie BDO",
        sub=491, kind=145, hours=16, price=690, provider="bhp",
        cel=(
            "Szkolenie online dla osób odpowiedzialnych w firmie za gospodarkę odpadami. "
            "Wyjaśniamy obowiązki wytwórców odpadów, prowadzenie ewidencji w systemie BDO "
            "i przygotowanie rocznego sprawozdania. Każdy uczestnik ćwiczy na przykładowych "
            "kartach przekazania odpadów."
        ),
        efekty=(
            "Klasyfikuje odpady według katalogu odpadów.",
            "Prowadzi ewidencję odpadów w systemie BDO.",
            "Sporządza roczne sprawozdanie o wytwarzanych odpadach.",
        ),
        tematy=(
            "Obowiązki wytwórcy odpadów i katalog odpadów",
            "Karta przekazania i karta ewidencji w BDO",
            "Sprawozdanie roczne – warsztat",
        ),
        grupa=(
            "Pracownicy działów ochrony środowiska, administracji i produkcji w małych "
            "i średnich firmach."
        ),
        pattern="popoludnia",
        runs=(Run(None, 2, "2027-01-26"),),
    ),
)  # fmt: skip
