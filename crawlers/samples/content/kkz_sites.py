"""The three sample KKZ sites: institutions and the courses each one lists.

Institution names are real public bodies of Lubuskie; addresses, phones, e-mails and the
courses themselves are invented. Phone numbers start with 0 after the area code, a range no
Polish subscriber number uses, so none of them can ring anywhere.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class K(NamedTuple):
    """A kwalifikacyjny kurs zawodowy: a verified code plus when, where and how."""

    code: str
    start: str
    until: str
    form: str = "zaoczna"
    place: str | None = None  # None: the institution's own address
    slug: str | None = None
    extra: str = ""  # one more sentence for the description
    occupation: str | None = None
    price: str = "bezpłatny"


class C(NamedTuple):
    """A short course without a qualification code."""

    name: str
    occupation: str
    start: str
    until: str
    duration: str
    price: str
    description: str
    slug: str
    form: str = "stacjonarna"
    place: str | None = None
    group: int = 10


ONLINE = "online z zajęciami praktycznymi w szkole"

ZARY: dict[str, Any] = {
    "institution": {
        "name": "Centrum Kształcenia Zawodowego i Ustawicznego w Żarach",
        "address": "ul. Szymanowskiego 5",
        "postcode": "68-200",
        "town": "Żary",
        "phone": "68 012 45 10",
        "email": "sekretariat@ckziu-zary.example",
        "www": "https://www.ckziu-zary.example/",
    },
    "page_title": "Kwalifikacyjne kursy zawodowe i kursy dla dorosłych – rekrutacja 2027",
    "intro": (
        "Centrum Kształcenia Zawodowego i Ustawicznego w Żarach zaprasza osoby dorosłe na "
        "bezpłatne kwalifikacyjne kursy zawodowe. Po ukończeniu kursu słuchacze przystępują "
        "do egzaminu zawodowego przeprowadzanego przez Okręgową Komisję Egzaminacyjną "
        "w Poznaniu, a po jego zdaniu otrzymują certyfikat kwalifikacji zawodowej. Zajęcia "
        "odbywają się najczęściej w piątki po południu i w soboty. Prowadzimy także krótsze, "
        "płatne kursy przygotowujące do egzaminów zewnętrznych."
    ),
    "group": 20,
    "courses": [
        K(
            "OGR.01",
            "1 lutego 2027",
            "do 22 stycznia 2027",
            extra="Partnerami kursu są kwiaciarnie z Żar, które przyjmują słuchaczy na praktyki.",
        ),
        K("FRK.01", "15.02.2027", "do 5.02.2027"),
        K("FRK.03", "wrzesień 2027", "do 31 sierpnia 2027"),
        K("HAN.01", "1 marca 2027", "do 19 lutego 2027", form=ONLINE),
        K("EKA.05", "1 lutego 2027", "do 25 stycznia 2027"),
        K("EKA.07", "6 września 2027 r.", "do 31 sierpnia 2027 r."),
        K("INF.02", "1 marca 2027 r.", "do 22 lutego 2027 r."),
        K("BPO.01", "15.02.2027", "do 8.02.2027", form=ONLINE),
        K(
            "SPL.01",
            "1 marca 2027",
            "do 19 lutego 2027",
            place="ul. Kopernika 10, 68-300 Lubsko (punkt zajęć)",
            extra="Zajęcia teoretyczne odbywają się w punkcie zajęć w Lubsku.",
        ),
        K("MOT.05", "3 lutego 2025", "do 24 stycznia 2025"),
        K("BUD.12", "1 września 2025", "do 29 sierpnia 2025"),
        K("ELE.02", "luty 2027", "do 29 stycznia 2027"),
        K(
            "HGT.02",
            "8 marca 2027",
            "do 26 lutego 2027",
            place="ul. Kolejowa 12, 68-100 Żagań",
            extra="Zajęcia odbywają się w Żaganiu, w pracowni gastronomicznej szkoły partnerskiej.",
        ),
        C(
            "Kurs spawania blach i rur spoinami pachwinowymi metodą MAG (135)",
            "spawacz",
            "18 stycznia 2027",
            "do 8 stycznia 2027",
            "ok. 150 godzin (8 tygodni)",
            "1 200 zł",
            "Kurs przygotowuje do egzaminu spawacza metodą MAG przed komisją jednostki "
            "certyfikującej. Słuchacze ćwiczą w szkolnej spawalni na indywidualnych "
            "stanowiskach, wykonując spoiny pachwinowe blach i rur. Po zdanym egzaminie "
            "otrzymują świadectwo egzaminu spawacza i książkę spawacza.",
            slug="kurs-spawania-mag-135",
            group=8,
        ),
        C(
            "Kurs kasjera-sprzedawcy z obsługą kasy fiskalnej",
            "kasjer handlowy",
            "11.01.2027",
            "do 7.01.2027",
            "40 godzin",
            "450 zł",
            "Krótki kurs dla osób, które chcą podjąć pracę w sklepie lub na stacji paliw. "
            "Uczestnicy obsługują kasę fiskalną i terminal płatniczy, uczą się rozliczać "
            "zmianę i przyjmować reklamacje. Kurs kończy się zaświadczeniem o ukończeniu.",
            slug="kurs-kasjera-sprzedawcy",
        ),
        C(
            "Kurs operatora wózków jezdniowych z wymianą butli gazowej",
            "operator wózków jezdniowych",
            "12 maja 2026",
            "do 5 maja 2026",
            "67 godzin",
            "900 zł",
            "Kurs przygotowuje do egzaminu przed komisją Urzędu Dozoru Technicznego "
            "i do bezpiecznej pracy wózkiem widłowym w magazynie. Zajęcia praktyczne "
            "odbywają się na placu manewrowym szkoły. Cena obejmuje opłatę egzaminacyjną.",
            slug="kurs-operatora-wozkow-jezdniowych",
            group=12,
        ),
    ],
}

MEDYK: dict[str, Any] = {
    "institution": {
        "name": "Centrum Kształcenia Zawodowego i Ustawicznego „Medyk” w Zielonej Górze",
        "address": "ul. Bolesława Chrobrego 40",
        "postcode": "65-246",
        "town": "Zielona Góra",
        "phone": "68 012 73 20",
        "email": "sekretariat@medyk-zg.example",
        "www": "https://www.medyk-zg.example/",
    },
    "page_title": "Kursy dla dorosłych w zawodach medycznych i opiekuńczych",
    "intro": (
        "CKZiU „Medyk” kształci dorosłych w zawodach medycznych i opiekuńczych. "
        "Kwalifikacyjne kursy zawodowe są bezpłatne i kończą się egzaminem zawodowym przed "
        "OKE w Poznaniu. Część zajęć teoretycznych prowadzimy na platformie e-learningowej, "
        "a zajęcia praktyczne – w pracowniach szkoły oraz w placówkach ochrony zdrowia "
        "i pomocy społecznej, z którymi współpracujemy."
    ),
    "group": 25,
    "courses": [
        K("MED.14", "1 lutego 2027", "do 20 stycznia 2027", slug="opiekun-medyczny-med14"),
        K(
            "MED.14",
            "1 września 2027",
            "do 20 sierpnia 2027",
            form=ONLINE,
            slug="opiekun-medyczny-med14-online",
            extra="Wykłady odbywają się na platformie e-learningowej, a zajęcia praktyczne "
            "w pracowniach szkoły i na oddziałach szpitalnych.",
        ),
        K("MED.14", "3 lutego 2025", "do 24 stycznia 2025", slug="opiekun-medyczny-med14-2025"),
        K("SPO.02", "1 marca 2027", "do 19 lutego 2027", slug="opiekun-osoby-starszej-spo02"),
        K(
            "SPO.02",
            "15.03.2027",
            "do 5.03.2027",
            slug="opiekun-osoby-starszej-spo02-nowa-sol",
            place="ul. Moniuszki 3, 67-100 Nowa Sól (punkt zajęć)",
            extra="Zajęcia odbywają się w punkcie zajęć w Nowej Soli.",
        ),
        K(
            "SPO.02",
            "1 września 2025",
            "do 29 sierpnia 2025",
            slug="opiekun-osoby-starszej-spo02-2025",
        ),
        K("BPO.01", "6 września 2027", "do 27 sierpnia 2027", form=ONLINE),
        C(
            "Kurs kwalifikowanej pierwszej pomocy",
            "ratownik",
            "13 lutego 2027",
            "do 5 lutego 2027",
            "66 godzin",
            "1 200 zł",
            "Kurs zgodny z programem określonym przez ministra zdrowia, po którym uczestnik "
            "uzyskuje tytuł ratownika. Obejmuje ocenę stanu poszkodowanego, resuscytację "
            "z użyciem defibrylatora AED, postępowanie w urazach, zatruciach i stanach nagłych "
            "oraz segregację poszkodowanych. Kurs kończy się egzaminem teoretycznym "
            "i praktycznym.",
            slug="kurs-kwalifikowanej-pierwszej-pomocy",
            group=12,
        ),
        C(
            "Kurs opieki nad osobą z chorobą Alzheimera i innymi otępieniami",
            "opiekun",
            "20.01.2027",
            "do 15.01.2027",
            "30 godzin",
            "bezpłatny",
            "Kurs dla opiekunów zawodowych i rodzinnych osób z otępieniem. Uczestnicy poznają "
            "przebieg choroby, sposoby komunikacji z chorym, radzenie sobie z zachowaniami "
            "trudnymi i dbanie o własne siły. Kurs jest finansowany ze środków projektu, "
            "dlatego udział w nim jest bezpłatny.",
            slug="kurs-opieki-alzheimer",
            group=15,
        ),
        C(
            "Kurs żywienia osób starszych i chorych",
            "opiekun",
            "marzec 2027",
            "do 26 lutego 2027",
            "24 godziny",
            "350 zł",
            "Kurs uczy planowania posiłków dla seniorów i osób chorych z uwzględnieniem diet "
            "leczniczych, trudności w połykaniu i niedożywienia. Uczestnicy przygotowują "
            "przykładowe jadłospisy i ćwiczą karmienie osoby niesamodzielnej.",
            slug="kurs-zywienia-osob-starszych",
        ),
        C(
            "Kurs profilaktyki odleżyn i pielęgnacji ran przewlekłych",
            "opiekun medyczny",
            "10 kwietnia 2027",
            "do 2 kwietnia 2027",
            "16 godzin",
            "400 zł",
            "Szkolenie dla opiekunów medycznych i opiekunów osób starszych. Omawiamy ocenę "
            "ryzyka odleżyn, zmianę pozycji i dobór materaców, a także zasady zmiany "
            "opatrunków pod nadzorem pielęgniarki.",
            slug="kurs-profilaktyki-odlezyn",
        ),
        C(
            "Kurs higieny i dezynfekcji w placówkach ochrony zdrowia",
            "pracownik pomocniczy obsługi",
            "5 maja 2026",
            "do 28 kwietnia 2026",
            "20 godzin",
            "300 zł",
            "Kurs dla pracowników pomocniczych szpitali, przychodni i domów pomocy "
            "społecznej. Uczestnicy poznają zasady higieny rąk, dezynfekcji powierzchni "
            "i sprzętu oraz postępowania z odpadami medycznymi.",
            slug="kurs-higieny-i-dezynfekcji",
        ),
    ],
}

CEZIB: dict[str, Any] = {
    "institution": {
        "name": "Centrum Edukacji Zawodowej i Biznesu w Gorzowie Wielkopolskim",
        "address": "ul. Dąbrowskiego 31",
        "postcode": "66-400",
        "town": "Gorzów Wlkp.",
        "phone": "95 012 81 40",
        "email": "ckz@cezib-gorzow.example",
        "www": "https://www.cezib-gorzow.example/",
    },
    "page_title": "Oferta dla dorosłych: kwalifikacyjne kursy zawodowe",
    "intro": (
        "Centrum Edukacji Zawodowej i Biznesu w Gorzowie Wielkopolskim prowadzi "
        "kwalifikacyjne kursy zawodowe w branżach motoryzacyjnej, elektrycznej, budowlanej, "
        "gastronomicznej, hotelarskiej, informatycznej i spedycyjno-logistycznej. Mamy "
        "nowoczesne pracownie, w tym Branżowe Centrum Umiejętności w dziedzinie motoryzacji. "
        "Kursy są bezpłatne, a ich absolwenci przystępują do egzaminu zawodowego "
        "organizowanego przez OKE w Poznaniu."
    ),
    "group": 15,
    "courses": [
        K(
            "MOT.05",
            "1 lutego 2027",
            "do 22 stycznia 2027",
            extra="Część zajęć praktycznych odbywa się w Branżowym Centrum Umiejętności "
            "w dziedzinie motoryzacji.",
        ),
        K("ELE.02", "15 lutego 2027", "do 5 lutego 2027"),
        K("ELE.05", "wrzesień 2027", "do 31 sierpnia 2027"),
        K("ELM.03", "1 marca 2027", "do 19 lutego 2027"),
        K("ELM.06", "6 września 2027", "do 27 sierpnia 2027"),
        K(
            "BUD.14",
            "22.02.2027",
            "do 12.02.2027",
            place="ul. Narutowicza 6, 66-470 Kostrzyn nad Odrą (punkt zajęć)",
            extra="Zajęcia odbywają się w punkcie zajęć w Kostrzynie nad Odrą.",
        ),
        K("BUD.03", "1 marca 2027", "do 22 lutego 2027"),
        K("HGT.01", "1 września 2025", "do 29 sierpnia 2025"),
        K("HGT.02", "15.02.2027", "do 8.02.2027"),
        K("HGT.12", "6 września 2027 r.", "do 31 sierpnia 2027 r."),
        K("HGT.03", "1 marca 2027", "do 19 lutego 2027", form=ONLINE),
        K("INF.03", "1 lutego 2027", "do 25 stycznia 2027"),
        K("INF.04", "wrzesień 2027", "do 31 sierpnia 2027"),
        K(
            "SPL.05",
            "1 marca 2027",
            "do 19 lutego 2027",
            place="ul. Kościuszki 9, 66-440 Skwierzyna (punkt zajęć)",
            extra="Zajęcia odbywają się w punkcie zajęć w Skwierzynie.",
        ),
        K("BUD.12", "1 września 2025", "do 29 sierpnia 2025", occupation="technik budownictwa"),
        C(
            "Kurs diagnostyki pojazdów hybrydowych i elektrycznych",
            "mechanik pojazdów samochodowych",
            "10 kwietnia 2027",
            "do 31 marca 2027",
            "60 godzin",
            "1 200 zł",
            "Kurs w Branżowym Centrum Umiejętności dla mechaników, którzy chcą bezpiecznie "
            "obsługiwać samochody z napędem hybrydowym i elektrycznym. Uczestnicy uczą się "
            "odłączać układ wysokiego napięcia, diagnozować baterie trakcyjne i korzystać "
            "z testerów diagnostycznych.",
            slug="kurs-diagnostyki-pojazdow-hybrydowych",
        ),
        C(
            "Kurs obsługi obrabiarek sterowanych numerycznie (CNC)",
            "operator obrabiarek skrawających",
            "15.03.2027",
            "do 5.03.2027",
            "80 godzin",
            "1 500 zł",
            "Kurs przygotowuje do pracy operatora tokarek i frezarek CNC. Uczestnicy czytają "
            "rysunek techniczny, piszą proste programy, ustawiają narzędzia i wykonują detale "
            "na obrabiarkach w pracowni szkolnej.",
            slug="kurs-obslugi-obrabiarek-cnc",
            group=8,
        ),
    ],
}

SITES: dict[str, dict[str, Any]] = {
    "ckziu_zary": ZARY,
    "medyk_zielona_gora": MEDYK,
    "cezib_gorzow": CEZIB,
}
