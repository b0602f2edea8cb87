"""BUR subjects: languages, care and health, beauty, gastronomy, BHP, digital and career skills."""

from __future__ import annotations

from crawlers.samples.content.bur_catalogue import FEL, Run, Subject

SUBJECTS: tuple[Subject, ...] = (
    Subject(
        key="angielski-b1",
        title="Język angielski B1",
        sub=445, kind=145, hours=60, price=1500, provider="lingua",
        cel=(
            "Kurs dla osób, które znają angielski na poziomie A2 i chcą swobodniej porozumiewać "
            "się w pracy i w podróży. Zajęcia rozwijają mówienie, słuchanie i pisanie, "
            "a gramatykę ćwiczymy w praktycznych kontekstach. Kurs kończy się testem na "
            "poziomie B1 według Europejskiego systemu opisu kształcenia językowego."
        ),
        efekty=(
            "Prowadzi rozmowę na tematy zawodowe i codzienne.",
            "Rozumie główne myśli wypowiedzi i tekstów w standardowym języku.",
            "Pisze e-maile i krótkie teksty użytkowe.",
            "Stosuje struktury gramatyczne odpowiednie dla poziomu B1.",
        ),
        tematy=(
            "Test poziomujący i cele kursu",
            "Rozmowy w pracy i przez telefon",
            "Korespondencja e-mailowa",
            "Podróże i załatwianie spraw",
            "Powtórzenie i test końcowy",
        ),
        grupa="Dorośli znający angielski na poziomie A2, którzy potrzebują go w pracy.",
        seats=(6, 12),
        pattern="popoludnia",
        runs=(Run("gorzow-lingua", 1, "2027-02-15"), Run("zg-centrum", 1, "2026-02-16")),
    ),
    Subject(
        key="niemiecki-pogranicze",
        title="Język niemiecki A2 dla pracowników firm z pogranicza",
        sub=446, kind=145, hours=60, price=1450, provider="lingua",
        cel=(
            "Słubice i Frankfurt nad Odrą tworzą w praktyce jeden rynek pracy, a znajomość "
            "niemieckiego otwiera wiele możliwości zatrudnienia po obu stronach granicy. Kurs "
            "rozwija umiejętność porozumiewania się w typowych sytuacjach zawodowych: "
            "w rozmowie z klientem, z przełożonym i w urzędzie. Zajęcia prowadzi lektor "
            "z doświadczeniem w nauczaniu dorosłych."
        ),
        efekty=(
            "Przedstawia się i rozmawia o swojej pracy.",
            "Rozumie proste polecenia i instrukcje w miejscu pracy.",
            "Załatwia proste sprawy w urzędzie i u lekarza.",
        ),
        tematy=(
            "Praca i miejsce pracy",
            "Rozmowa z klientem i przełożonym",
            "W urzędzie i u lekarza",
            "Powtórzenie i test końcowy",
        ),
        grupa="Pracownicy firm z regionu przygranicznego i osoby szukające pracy w Niemczech.",
        seats=(6, 12),
        pattern="popoludnia",
        runs=(Run("slubice", 1, "2027-03-08"),),
    ),
    Subject(
        key="niemiecki-opiekun",
        title="Język niemiecki w pracy opiekuna",
        sub=446, kind=145, hours=80, price=1650, provider="alma",
        cel=(
            "Kurs dla opiekunek i opiekunów, którzy planują pracę przy osobach starszych "
            "w Niemczech lub już ją wykonują. Uczymy słownictwa związanego z higieną, "
            "żywieniem, zdrowiem i codziennymi czynnościami, a także rozmowy z podopiecznym, "
            "jego rodziną i lekarzem. Dużo czasu poświęcamy scenkom i rozumieniu ze słuchu."
        ),
        efekty=(
            "Porozumiewa się z podopiecznym w codziennych sytuacjach opiekuńczych.",
            "Rozmawia z rodziną podopiecznego i personelem medycznym o stanie zdrowia.",
            "Rozumie zalecenia dotyczące leków i diety.",
            "Prowadzi proste notatki w dzienniku opieki.",
        ),
        tematy=(
            "Przedstawianie się i rozmowa z rodziną",
            "Higiena i pielęgnacja – słownictwo",
            "Posiłki, dieta i zakupy",
            "U lekarza i w aptece",
            "Nagłe sytuacje i telefon alarmowy",
            "Powtórzenie i test",
        ),
        grupa="Opiekunowie osób starszych i osoby przygotowujące się do pracy opiekuńczej.",
        seats=(6, 12),
        pattern="popoludnia",
        runs=(Run("gubin", 1, "2027-01-25"),),
    ),
    Subject(
        key="business-english",
        title="Business English – komunikacja w pracy (B2)",
        sub=445, kind=145, hours=40, price=1390, provider="lingua",
        cel=(
            "Kurs online na żywo dla osób, które używają angielskiego w kontaktach "
            "z zagranicznymi klientami i współpracownikami. Ćwiczymy prowadzenie spotkań, "
            "prezentacje, negocjacje i pisanie profesjonalnych wiadomości. Zajęcia odbywają się "
            "w małych grupach, dzięki czemu każdy uczestnik dużo mówi."
        ),
        efekty=(
            "Prowadzi spotkanie i rozmowę telefoniczną po angielsku.",
            "Przygotowuje i wygłasza krótką prezentację.",
            "Pisze profesjonalne e-maile i podsumowania spotkań.",
        ),
        tematy=(
            "Spotkania i small talk",
            "Prezentacje",
            "Negocjacje",
            "Korespondencja biznesowa",
        ),
        grupa="Pracownicy firm i instytucji znający angielski co najmniej na poziomie B1.",
        seats=(4, 8),
        pattern="popoludnia",
        runs=(Run(None, 2, "2027-04-06"),),
    ),
    Subject(
        key="opiekun-osob-starszych",
        title="Opiekun osób starszych",
        sub=547, kind=146, hours=120, price=2400, provider="alma",
        cel=(
            "Kurs przygotowuje do pracy przy osobach starszych w domu podopiecznego, w domach "
            "pomocy społecznej i w opiece dziennej. Uczestnicy uczą się czynności "
            "pielęgnacyjnych, bezpiecznego przemieszczania, karmienia, aktywizacji "
            "i komunikacji z osobą z otępieniem. Zajęcia praktyczne odbywają się w pracowni "
            "opieki i w domu pomocy społecznej, z którym współpracujemy."
        ),
        efekty=(
            "Wykonuje czynności higieniczne i pielęgnacyjne u osoby starszej.",
            "Bezpiecznie przemieszcza podopiecznego z wykorzystaniem sprzętu pomocniczego.",
            "Aktywizuje podopiecznego i wspiera jego samodzielność.",
            "Rozpoznaje stany nagłe i udziela pierwszej pomocy.",
        ),
        tematy=(
            "Starzenie się i potrzeby osoby starszej",
            "Pielęgnacja i higiena",
            "Przemieszczanie i profilaktyka odleżyn",
            "Żywienie i karmienie",
            "Komunikacja z osobą z otępieniem",
            "Zajęcia praktyczne w domu pomocy społecznej",
        ),
        grupa=(
            "Osoby, które chcą pracować jako opiekunowie osób starszych, także za granicą, "
            "oraz członkowie rodzin sprawujący opiekę."
        ),
        runs=(Run("zary", 1, "2027-02-08"), Run("krosno", 1, "2025-10-06")),
    ),
    Subject(
        key="pierwsza-pomoc",
        title="Pierwsza pomoc przedmedyczna",
        sub=548, kind=145, hours=8, price=250, provider="bhp",
        cel=(
            "Praktyczne szkolenie z udzielania pierwszej pomocy w pracy i w domu. Uczestnicy "
            "ćwiczą resuscytację krążeniowo-oddechową na fantomach, użycie defibrylatora AED, "
            "układanie w pozycji bezpiecznej i postępowanie przy urazach, oparzeniach "
            "i zadławieniu. Szkolenie prowadzą ratownicy medyczni."
        ),
        efekty=(
            "Ocenia bezpieczeństwo miejsca zdarzenia i stan poszkodowanego.",
            "Prowadzi resuscytację krążeniowo-oddechową i używa defibrylatora AED.",
            "Udziela pomocy przy krwotokach, złamaniach, oparzeniach i zadławieniu.",
            "Wzywa pomoc i przekazuje informacje dyspozytorowi.",
        ),
        tematy=(
            "Ocena sytuacji i wzywanie pomocy",
            "Resuscytacja krążeniowo-oddechowa i AED – ćwiczenia",
            "Urazy, krwotoki, oparzenia i zadławienie – scenariusze",
        ),
        grupa=(
            "Pracownicy wyznaczeni do udzielania pierwszej pomocy, nauczyciele, rodzice "
            "i wszyscy zainteresowani."
        ),
        seats=(6, 16),
        runs=(Run("swiebodzin", 1, "2027-01-16"), Run("sulecin", 1, "2026-06-13")),
    ),
    Subject(
        key="opiekun-dzieciecy",
        title="Opiekun dziecięcy w żłobku i klubie dziecięcym",
        sub=547, kind=146, hours=280, price=2800, provider="alma",
        cel=(
            "Kurs spełnia wymagania ustawy o opiece nad dziećmi w wieku do lat 3 dla osób, "
            "które chcą pracować jako opiekun w żłobku lub klubie dziecięcym. Obejmuje rozwój "
            "dziecka, pielęgnację, żywienie, zabawy rozwijające i współpracę z rodzicami, "
            "a także praktykę w żłobku. Absolwent otrzymuje zaświadczenie o ukończeniu "
            "280-godzinnego szkolenia."
        ),
        efekty=(
            "Planuje dzień w grupie dzieci do lat 3 z uwzględnieniem ich potrzeb.",
            "Wykonuje czynności pielęgnacyjne i dba o bezpieczeństwo dzieci.",
            "Prowadzi zabawy wspierające rozwój ruchowy, poznawczy i społeczny.",
            "Współpracuje z rodzicami i udziela pierwszej pomocy dziecku.",
        ),
        tematy=(
            "Rozwój dziecka w pierwszych latach życia",
            "Pielęgnacja i żywienie",
            "Zabawy rozwijające i adaptacja w żłobku",
            "Współpraca z rodzicami",
            "Pierwsza pomoc dziecku",
            "Praktyka w żłobku",
        ),
        grupa=(
            "Osoby dorosłe, które chcą pracować w żłobku, klubie dziecięcym lub jako dzienny "
            "opiekun."
        ),
        inne=("Zaświadczenie o ukończeniu 280-godzinnego szkolenia opiekuna w żłobku "
              "lub klubie dziecięcym",),
        pattern="weekendy",
        runs=(Run("zg-alma", 1, "2027-03-06"),),
    ),
    Subject(
        key="stylizacja-paznokci",
        title="Stylizacja paznokci – manicure hybrydowy i żelowy",
        sub=556, kind=146, hours=40, price=1700, provider="urody",
        cel=(
            "Kurs dla osób, które chcą otworzyć własny salon stylizacji paznokci albo pracować "
            "w salonie kosmetycznym. Uczestnicy uczą się manicure klasycznego, hybrydowego "
            "i żelowego, przedłużania paznokci na szablonie oraz podstaw zdobień. Każdy "
            "uczestnik pracuje na własnej modelce pod okiem instruktorki."
        ),
        efekty=(
            "Przygotowuje płytkę paznokcia i wykonuje manicure hybrydowy.",
            "Przedłuża paznokcie metodą żelową na szablonie.",
            "Przestrzega zasad higieny i dezynfekcji narzędzi.",
        ),
        tematy=(
            "Anatomia i choroby paznokci, higiena pracy",
            "Manicure klasyczny i hybrydowy",
            "Przedłużanie paznokci żelem",
            "Zdobienia i egzamin praktyczny",
        ),
        grupa="Osoby zainteresowane pracą w branży beauty, także bez doświadczenia.",
        seats=(4, 8),
        pattern="weekendy",
        runs=(Run("zagan", 1, "2027-02-13"),),
    ),
    Subject(
        key="barber",
        title="Barber – strzyżenie męskie i pielęgnacja brody",
        sub=556, kind=146, hours=80, price=3200, provider="urody",
        cel=(
            "Kurs przygotowuje do pracy w salonie barberskim. Uczestnicy uczą się klasycznych "
            "i nowoczesnych strzyżeń męskich, cieniowania maszynką, golenia brzytwą "
            "i modelowania brody. Zajęcia praktyczne odbywają się na modelach."
        ),
        efekty=(
            "Wykonuje strzyżenia męskie z cieniowaniem.",
            "Modeluje i pielęgnuje brodę.",
            "Bezpiecznie wykonuje golenie brzytwą.",
        ),
        tematy=(
            "Narzędzia barberskie i higiena",
            "Strzyżenia klasyczne i nowoczesne",
            "Broda i golenie brzytwą",
            "Praca z klientem i egzamin praktyczny",
        ),
        grupa="Fryzjerzy oraz osoby, które chcą pracować jako barberzy.",
        seats=(4, 8),
        runs=(Run("zg-centrum", 1, "2027-03-01", status="ODWOLANA"),),
    ),
    Subject(
        key="florystyka-okolicznosciowa",
        title="Florystyka okolicznościowa – bukiety, wiązanki i dekoracje ślubne",
        sub=557, kind=145, hours=40, price=1300, provider="florart",
        cel=(
            "Kurs praktyczny dla osób, które chcą pracować w kwiaciarni albo prowadzić "
            "własną pracownię florystyczną. Uczestnicy wykonują bukiety wiązane spiralnie, "
            "wiązanki okolicznościowe, kompozycje w gąbce i dekoracje ślubne. Cena obejmuje "
            "materiał roślinny i akcesoria."
        ),
        efekty=(
            "Dobiera materiał roślinny i kolorystykę do okazji.",
            "Wykonuje bukiet wiązany spiralnie i kompozycję w gąbce florystycznej.",
            "Przygotowuje dekoracje ślubne i wycenia usługę.",
        ),
        tematy=(
            "Materiał roślinny i jego pielęgnacja",
            "Bukiety wiązane",
            "Kompozycje w gąbce i wiązanki",
            "Dekoracje ślubne i kalkulacja ceny",
        ),
        grupa="Osoby zainteresowane pracą w kwiaciarni i pasjonaci florystyki.",
        seats=(5, 10),
        pattern="weekendy",
        runs=(Run("sulecin", 1, "2027-03-20"),),
    ),
    Subject(
        key="kucharz",
        title="Kucharz – kuchnia polska i nowoczesne techniki kulinarne",
        sub=577, kind=146, hours=120, price=3300, provider="smak",
        cel=(
            "Kurs przygotowuje do pracy w kuchni restauracji, hotelu lub stołówki. Uczestnicy "
            "poznają technologię gastronomiczną, przygotowują dania kuchni polskiej "
            "i regionalnej, a także ćwiczą nowoczesne techniki, takie jak gotowanie sous-vide. "
            "Zajęcia odbywają się w profesjonalnie wyposażonej kuchni szkoleniowej."
        ),
        efekty=(
            "Przygotowuje zupy, sosy, dania mięsne, rybne i wegetariańskie.",
            "Stosuje zasady HACCP i higieny w kuchni.",
            "Planuje menu i kalkuluje koszt porcji.",
            "Estetycznie wydaje potrawy.",
        ),
        tematy=(
            "Higiena i HACCP w kuchni",
            "Technologia gastronomiczna",
            "Kuchnia polska i regionalna",
            "Nowoczesne techniki kulinarne",
            "Kalkulacja i planowanie menu",
        ),
        grupa="Osoby, które chcą pracować w gastronomii, także bez doświadczenia.",
        runs=(Run("slubice", 1, "2027-01-18"),),
    ),
    Subject(
        key="barista",
        title="Barista – kawa z ekspresu kolbowego i metody alternatywne",
        sub=577, kind=145, hours=16, price=850, provider="smak",
        cel=(
            "Dwudniowy kurs dla pracowników kawiarni i osób planujących otwarcie własnego "
            "lokalu. Uczestnicy poznają pochodzenie i palenie kawy, ustawiają młynek "
            "i ekspres, spieniają mleko i wykonują latte art. Drugi dzień poświęcony jest "
            "metodom alternatywnym: dripowi, aeropressowi i chemeksowi."
        ),
        efekty=(
            "Ustawia młynek i ekspres do przygotowania espresso.",
            "Spienia mleko i wykonuje podstawowe wzory latte art.",
            "Parzy kawę metodami alternatywnymi.",
        ),
        tematy=(
            "Kawa od ziarna do filiżanki",
            "Espresso i napoje mleczne",
            "Metody alternatywne i degustacja",
        ),
        grupa="Pracownicy kawiarni, restauracji i hoteli oraz właściciele lokali.",
        seats=(4, 8),
        pattern="weekendy",
        runs=(Run("zg-centrum", 1, "2027-02-27"),),
    ),
    Subject(
        key="haccp",
        title="HACCP i zasady higieny w zakładzie gastronomicznym",
        sub=577, kind=145, hours=8, price=390, provider="smak",
        cel=(
            "Jednodniowe szkolenie z wdrażania i utrzymywania systemu HACCP w restauracji, "
            "stołówce lub cateringu. Omawiamy dobrą praktykę higieniczną, analizę zagrożeń, "
            "krytyczne punkty kontroli i dokumentację, której wymaga inspekcja sanitarna. "
            "Uczestnicy otrzymują wzory formularzy do wykorzystania w zakładzie."
        ),
        efekty=(
            "Identyfikuje zagrożenia i krytyczne punkty kontroli.",
            "Prowadzi dokumentację systemu HACCP.",
            "Przygotowuje zakład do kontroli sanitarnej.",
        ),
        tematy=(
            "Dobra praktyka higieniczna i produkcyjna",
            "Analiza zagrożeń i krytyczne punkty kontroli",
            "Dokumentacja i kontrola sanitarna",
        ),
        grupa="Właściciele i pracownicy zakładów gastronomicznych i sklepów spożywczych.",
        seats=(6, 20),
        runs=(Run("witnica", 1, "2027-04-20"),),
    ),
    Subject(
        key="cukiernictwo",
        title="Cukiernictwo – wypieki tradycyjne i nowoczesne desery",
        sub=577, kind=146, hours=60, price=2100, provider="smak",
        cel=(
            "Kurs dla osób, które chcą pracować w cukierni lub piec na zamówienie. Uczestnicy "
            "przygotowują ciasta drożdżowe, kruche i biszkoptowe, kremy, torty okolicznościowe "
            "i monoporcje. Omawiamy też przechowywanie wyrobów i kalkulację ceny."
        ),
        efekty=(
            "Przygotowuje podstawowe rodzaje ciast i kremów.",
            "Składa i dekoruje tort okolicznościowy.",
            "Kalkuluje koszt wyrobu cukierniczego.",
        ),
        tematy=(
            "Ciasta drożdżowe i kruche",
            "Biszkopty, kremy i torty",
            "Nowoczesne desery i monoporcje",
        ),
        grupa="Osoby zainteresowane pracą w cukierni i domowi cukiernicy.",
        seats=(5, 10),
        runs=(Run("gubin", 1, "2027-05-10", status="ODWOLANA"),),
    ),
    Subject(
        key="bhp-pracodawcy",
        title="BHP dla pracodawców",
        sub=564, kind=145, hours=16, price=390, provider="bhp",
        cel=(
            "Szkolenie okresowe dla pracodawców i osób kierujących pracownikami, wymagane "
            "przepisami Kodeksu pracy. Omawiamy obowiązki pracodawcy, ocenę ryzyka "
            "zawodowego, postępowanie powypadkowe i kontrolę warunków pracy, a także "
            "organizację pierwszej pomocy i ochrony przeciwpożarowej. Po teście końcowym "
            "uczestnik otrzymuje zaświadczenie o ukończeniu szkolenia okresowego."
        ),
        efekty=(
            "Zna obowiązki pracodawcy w zakresie bezpieczeństwa i higieny pracy.",
            "Przeprowadza i dokumentuje ocenę ryzyka zawodowego.",
            "Organizuje postępowanie po wypadku przy pracy.",
            "Planuje szkolenia i badania pracowników.",
        ),
        tematy=(
            "Przepisy BHP i obowiązki pracodawcy",
            "Ocena ryzyka zawodowego",
            "Wypadki przy pracy i choroby zawodowe",
            "Ochrona przeciwpożarowa, pierwsza pomoc i test końcowy",
        ),
        grupa="Pracodawcy, właściciele firm i kierownicy zespołów.",
        seats=(5, 20),
        runs=(Run("swiebodzin", 1, "2027-01-12"),),
    ),
    Subject(
        key="bhp-biuro-elearning",
        title="Szkolenie okresowe BHP dla pracowników administracyjno-biurowych – e-learning",
        sub=564, kind=145, hours=8, price=90, provider="bhp",
        cel=(
            "Szkolenie okresowe BHP w formie e-learningu, które pracownik biurowy może "
            "odbyć w dowolnym momencie w ciągu dwóch tygodni. Obejmuje ergonomię pracy przy "
            "komputerze, zagrożenia w biurze, ochronę przeciwpożarową i pierwszą pomoc. Po "
            "zaliczeniu testu uczestnik pobiera zaświadczenie."
        ),
        efekty=(
            "Organizuje ergonomiczne stanowisko pracy z komputerem.",
            "Rozpoznaje zagrożenia w pracy biurowej.",
            "Wie, jak postąpić w razie pożaru i wypadku.",
        ),
        tematy=(
            "Przepisy BHP i ergonomia",
            "Zagrożenia w pracy biurowej",
            "Ochrona przeciwpożarowa, pierwsza pomoc i test",
        ),
        grupa="Pracownicy administracyjno-biurowi.",
        seats=(1, 200),
        pattern="elearning",
        runs=(Run(None, 3, "2027-01-04"),),
    ),
    Subject(
        key="bhp-robotnicze",
        title="Szkolenie okresowe BHP dla pracowników na stanowiskach robotniczych",
        sub=564, kind=145, hours=8, price=120, provider="bhp",
        cel=(
            "Szkolenie okresowe dla pracowników produkcji, magazynów i budowy. Przypominamy "
            "zasady bezpiecznej pracy przy maszynach, transport ręczny, ochronę przed "
            "hałasem i substancjami chemicznymi oraz udzielanie pierwszej pomocy. Zajęcia "
            "kończą się testem i wydaniem zaświadczenia."
        ),
        efekty=(
            "Stosuje zasady bezpiecznej obsługi maszyn i urządzeń.",
            "Prawidłowo wykonuje prace transportowe.",
            "Udziela pierwszej pomocy w razie wypadku.",
        ),
        tematy=(
            "Zagrożenia na stanowiskach robotniczych",
            "Bezpieczna obsługa maszyn i transport ręczny",
            "Pierwsza pomoc i test końcowy",
        ),
        grupa="Pracownicy zatrudnieni na stanowiskach robotniczych.",
        seats=(6, 25),
        runs=(Run("zagan", 1, "2026-04-20"),),
    ),
    Subject(
        key="komputer-50-plus",
        title="Podstawy obsługi komputera i internetu dla osób 50+",
        sub=510, kind=145, hours=30, price=0, provider="cyfrowy",
        cel=(
            "Bezpłatne zajęcia w małych grupach dla osób, które rzadko korzystają z komputera. "
            "Uczymy obsługi systemu, przeglądania internetu, poczty elektronicznej, "
            "wideorozmów z rodziną i bezpiecznych zakupów w sieci. Tempo dopasowujemy do "
            "grupy, a każdy uczestnik pracuje na własnym stanowisku."
        ),
        efekty=(
            "Obsługuje komputer i zarządza plikami.",
            "Korzysta z poczty elektronicznej i komunikatorów wideo.",
            "Bezpiecznie robi zakupy i płaci w internecie.",
        ),
        tematy=(
            "Komputer i system operacyjny",
            "Internet i wyszukiwanie informacji",
            "Poczta elektroniczna i wideorozmowy",
            "Bezpieczne zakupy w sieci",
        ),
        grupa="Osoby w wieku 50+ z niewielkim doświadczeniem w korzystaniu z komputera.",
        seats=(6, 10),
        pattern="popoludnia",
        runs=(Run("wschowa", 1, "2027-04-13", funding=(FEL,)),),
    ),
    Subject(
        key="warsztaty-obywatelskie-seniorzy",
        title="Warsztaty obywatelskie dla seniorów: e-urząd, Profil Zaufany i mObywatel",
        sub=510, kind=145, hours=12, price=0, provider="cyfrowy",
        cel=(
            "Cykl bezpłatnych warsztatów w czytelni biblioteki miejskiej, przygotowany "
            "z myślą o słuchaczach uniwersytetów trzeciego wieku i innych seniorach. "
            "Uczestnicy zakładają Profil Zaufany, instalują aplikację mObywatel, składają "
            "przykładowy wniosek przez internet i uczą się rozpoznawać oszustwa. Zajęcia "
            "prowadzą trenerzy kompetencji cyfrowych przy wsparciu wolontariuszy."
        ),
        efekty=(
            "Zakłada i wykorzystuje Profil Zaufany.",
            "Korzysta z aplikacji mObywatel i dokumentów cyfrowych.",
            "Składa wniosek do urzędu przez internet.",
            "Rozpoznaje najczęstsze oszustwa internetowe i telefoniczne.",
        ),
        tematy=(
            "Bezpieczny smartfon i komputer",
            "Profil Zaufany – zakładanie i logowanie",
            "mObywatel i e-usługi publiczne",
            "Jak nie dać się oszukać – warsztat",
        ),
        grupa=(
            "Seniorzy, słuchacze uniwersytetów trzeciego wieku i osoby z niewielkim "
            "doświadczeniem w korzystaniu z internetu."
        ),
        seats=(6, 15),
        pattern="popoludnia",
        runs=(
            Run("miedzyrzecz-biblioteka", 1, "2027-03-03", funding=(FEL,)),
            Run("rzepin", 1, "2027-05-11", funding=(FEL,)),
        ),
    ),
    Subject(
        key="warsztaty-kariera",
        title="Warsztaty planowania kariery dla osób powracających na rynek pracy",
        sub=511, kind=145, hours=12, price=0, provider="kariera",
        cel=(
            "Warsztaty dla osób, które po przerwie – na przykład związanej z opieką nad "
            "dziećmi lub chorobą – chcą wrócić do pracy albo zmienić zawód. Pomagamy nazwać "
            "własne mocne strony, sprawdzić zapotrzebowanie na zawody w regionie, przygotować "
            "CV i przećwiczyć rozmowę kwalifikacyjną. Każdy uczestnik może też skorzystać "
            "z indywidualnej konsultacji z doradcą zawodowym."
        ),
        efekty=(
            "Określa swoje zasoby, zainteresowania i preferencje zawodowe.",
            "Korzysta z informacji o rynku pracy, w tym z Barometru zawodów dla województwa "
            "lubuskiego.",
            "Przygotowuje CV i list motywacyjny dopasowane do oferty pracy.",
            "Prezentuje się na rozmowie kwalifikacyjnej.",
        ),
        tematy=(
            "Bilans kompetencji",
            "Rynek pracy w województwie lubuskim",
            "Dokumenty aplikacyjne",
            "Rozmowa kwalifikacyjna – symulacje",
        ),
        grupa=(
            "Osoby dorosłe po przerwie w pracy zawodowej, osoby bezrobotne i rozważające "
            "zmianę zawodu."
        ),
        seats=(6, 12),
        pattern="popoludnia",
        runs=(Run("krosno", 1, "2027-02-09", funding=(FEL,)),),
    ),
    Subject(
        key="warsztaty-komunikacji",
        title="Warsztaty komunikacji i asertywności w pracy",
        sub=511, kind=145, hours=16, price=520, provider="kariera",
        cel=(
            "Dwudniowe warsztaty rozwijające umiejętności komunikacyjne potrzebne w każdym "
            "zespole. Ćwiczymy aktywne słuchanie, udzielanie informacji zwrotnej, asertywne "
            "odmawianie i rozwiązywanie konfliktów. Większość zajęć to praca w parach "
            "i scenki oparte na sytuacjach zgłoszonych przez uczestników."
        ),
        efekty=(
            "Stosuje techniki aktywnego słuchania.",
            "Udziela konstruktywnej informacji zwrotnej.",
            "Asertywnie wyraża swoje zdanie i odmawia.",
            "Rozwiązuje konflikty w zespole.",
        ),
        tematy=(
            "Komunikacja werbalna i niewerbalna",
            "Aktywne słuchanie i informacja zwrotna",
            "Asertywność i konflikty – scenki",
        ),
        grupa="Pracownicy i kierownicy, którzy chcą poprawić komunikację w zespole.",
        seats=(6, 14),
        runs=(Run("slubice", 1, "2027-04-15"),),
    ),
)  # fmt: skip
