"""Free-text titles as BUR, KKZ pages, universities and feeds write them, one or more per field."""

import pytest

from catalogue.normalise.subjects import resolve_subject


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Kurs prawa jazdy kat. C+E", "1041"),
        ("Szkolenie okresowe kierowców zawodowych", "1041"),
        (
            "Operator wózków jezdniowych podnośnikowych z wymianą butli gazowej – egzamin UDT",
            "1041",
        ),
        ("Operator żurawi przenośnych HDS", "1041"),
        ("Obsługa podestów ruchomych przejezdnych", "1041"),
        ("Przewóz towarów niebezpiecznych ADR – kurs podstawowy", "1041"),
        ("Spedytor – organizacja transportu międzynarodowego", "1041"),
        ("Kurs operatora drona BSP w kategorii otwartej", "1041"),
        ("Spawanie metodą MAG 135 blach i rur spoinami pachwinowymi", "0715"),
        ("Spawacz TIG 141 – kurs z egzaminem TÜV", "0715"),
        ("Operator obrabiarek sterowanych numerycznie CNC", "0715"),
        ("Rysunek techniczny i AutoCAD 2D", "0715"),
        ("Certyfikat F-gazowy dla instalatorów klimatyzacji", "0715"),
        ("Uprawnienia elektryczne SEP G1 – eksploatacja do 1 kV", "0713"),
        ("Montaż instalacji fotowoltaicznych", "0713"),
        ("Instalator pomp ciepła i kotłów na biomasę", "0713"),
        ("Programowanie sterowników PLC Siemens S7", "0714"),
        ("Mechanik pojazdów samochodowych – diagnostyka silników", "0716"),
        ("Naprawa i serwis pojazdów elektrycznych i hybrydowych", "0716"),
        ("Glazurnik – układanie płytek ceramicznych", "0732"),
        ("Kosztorysowanie robót budowlanych w programie Norma", "0732"),
        ("Monter suchej zabudowy", "0732"),
        ("Stolarz meblowy", "0722"),
        ("Cukiernik – kurs zawodowy", "0721"),
        ("Krawiectwo od podstaw", "0723"),
        ("Księgowość w małej firmie – KPiR i ryczałt", "0411"),
        ("Kadry i płace z obsługą programu Płatnik", "0411"),
        ("KSeF – Krajowy System e-Faktur w praktyce", "0411"),
        ("Analiza finansowa przedsiębiorstwa", "0412"),
        ("Kurs dla pośredników kredytowych", "0412"),
        ("Marketing internetowy i Google Ads", "0414"),
        ("Social media w małej firmie", "0414"),
        ("Sekretariat nowoczesnej firmy", "0415"),
        ("Techniki sprzedaży i obsługa klienta", "0416"),
        ("Kasjer-sprzedawca z obsługą kasy fiskalnej", "0416"),
        ("Autoprezentacja i rozmowa kwalifikacyjna", "0417"),
        ("RODO w urzędzie gminy", "0421"),
        ("Prawo pracy 2026 – zmiany w Kodeksie pracy", "0421"),
        ("Zarządzanie projektami z elementami Agile i Scrum", "0413"),
        ("Zakładanie i prowadzenie działalności gospodarczej", "0413"),
        ("Lean Management i 5S w produkcji", "0413"),
        ("Administrator sieci komputerowych Cisco CCNA", "0612"),
        ("Bazy danych SQL od podstaw", "0612"),
        ("Tester oprogramowania ISTQB Foundation", "0613"),
        ("Sztuczna inteligencja w pracy biurowej – ChatGPT", "0613"),
        ("Obsługa komputera dla początkujących", "0611"),
        ("Kurs języka angielskiego – poziom B2", "0231"),
        ("Język hiszpański od podstaw", "0231"),
        ("Język polski jako obcy dla cudzoziemców", "0231"),
        ("Opiekun osoby starszej i niesamodzielnej", "0921"),
        ("Opiekunka osób starszych w Niemczech – kurs z językiem", "0921"),
        ("Dzienny opiekun dzieci do lat 3", "0922"),
        ("Wychowawca wypoczynku – kurs kwalifikacyjny", "0922"),
        ("Szczepienia ochronne dla pielęgniarek", "0913"),
        ("Technik masażysta – masaż klasyczny", "0915"),
        ("Terapia ręki i integracja sensoryczna", "0915"),
        ("Higienistka stomatologiczna", "0911"),
        ("Technik farmaceutyczny – kurs doszkalający", "0916"),
        ("Kwalifikowana pierwsza pomoc KPP", "0912"),
        ("Profilaktyka zdrowotna i promocja zdrowia w szkole", "0919"),
        ("Szkolenie okresowe BHP dla pracodawców", "1022"),
        ("Ochrona przeciwpożarowa i ewakuacja", "1032"),
        ("Kwalifikowany pracownik ochrony fizycznej", "1032"),
        ("Kurs kucharza z elementami HACCP", "1013"),
        ("Kelner-barman – kurs zawodowy", "1013"),
        ("Fryzjer damsko-męski – kurs od podstaw", "1012"),
        ("Stylizacja paznokci metodą żelową", "1012"),
        ("Wizaż i makijaż okolicznościowy", "1012"),
        ("Instruktor fitness i trener personalny", "1014"),
        ("Instruktor pływania", "1014"),
        ("Przewodnik turystyczny po Ziemi Lubuskiej", "1015"),
        ("Wychowanie przedszkolne – kwalifikacje", "0112"),
        ("Edukacja włączająca uczniów ze specjalnymi potrzebami", "0111"),
        ("Terapia pedagogiczna – studia podyplomowe", "0111"),
        ("Doskonalenie nauczycieli – ocenianie kształtujące", "0113"),
        ("Kurs pedagogiczny dla instruktorów praktycznej nauki zawodu", "0113"),
        ("Doradca zawodowy – studia podyplomowe", "0923"),
        ("Przeciwdziałanie przemocy w rodzinie – procedura Niebieskiej Karty", "0923"),
        ("Psychologia w biznesie", "0313"),
        ("Asertywność i radzenie sobie ze stresem", "0031"),
        ("Wystąpienia publiczne i prezentacje", "0031"),
        ("Nauka czytania i pisania dla dorosłych", "0021"),
        ("Rolnictwo ekologiczne – szkolenie dla rolników", "0811"),
        ("Stosowanie środków ochrony roślin", "0811"),
        ("Pszczelarstwo dla początkujących", "0811"),
        ("Pielęgnacja drzew i terenów zieleni", "0812"),
        ("Pilarz – ścinka drzew", "0821"),
        ("Groomer – strzyżenie psów", "0841"),
        ("Gospodarka odpadami i BDO", "0712"),
        ("Geodezja – uprawnienia zawodowe", "0532"),
        ("Florystyka ślubna", "0214"),
        ("Ceramika artystyczna – warsztaty", "0214"),
        ("Projektowanie wnętrz z SketchUp", "0212"),
        ("Fotografia cyfrowa i obróbka zdjęć", "0211"),
        ("Grafika komputerowa Adobe Illustrator i InDesign", "0211"),
        ("Warsztaty malarstwa akwarelowego", "0213"),
        ("Nauka gry na gitarze", "0215"),
        ("Warsztaty teatralne dla seniorów", "0215"),
        ("Edukacja obywatelska – budżet obywatelski", "0312"),
        ("Dziennikarstwo lokalne i podcasting", "0321"),
        ("Bibliotekarz – kurs kwalifikacyjny", "0322"),
        ("Historia regionu lubuskiego", "0222"),
    ],
)
def test_a_real_title_lands_in_its_detailed_field(title, code):
    subject = resolve_subject(title)
    assert subject is not None, title
    assert subject.isced_code == code
    assert subject.evidence.startswith(("słowa: ", "nazwa kierunku"))


def test_a_description_refines_only_inside_the_title_field():
    subject = resolve_subject(
        "Kurs zawodowy", "Szkolenie obejmuje spawanie metodą MAG i cięcie plazmowe.", category="454"
    )
    assert subject.isced_code == "0715"
    assert subject.evidence.startswith("kategoria BUR 454 Techniczne → 071; doprecyzowane: słowa")


def test_title_words_go_before_a_bur_category_that_disagrees_and_say_so():
    subject = resolve_subject("Kurs obsługi koparki", category="Prawo jazdy")
    assert subject.isced_code == "0732"
    assert "pominięte (niższy priorytet): kategoria BUR 506 Prawo jazdy → 1041" in subject.evidence


def test_a_specific_bur_subcategory_still_goes_before_title_words():
    subject = resolve_subject("Kurs obsługi koparki", subcategory="582")
    assert subject.isced_code == "1041"
    assert "pominięte (niższy priorytet): słowa: koparki → 0732" in subject.evidence
