"""Sample site: a teacher-training centre's catalogue (with courses of its Gorzów partner)."""

from __future__ import annotations

from typing import Any

from crawlers.samples.content.jsonld_build import (
    course,
    instance,
    organization,
    place,
    postal,
    virtual,
)

ODN_ADDRESS = postal("ul. Kożuchowska 20a", "65-364", "Zielona Góra")
ODN = organization(
    "EducationalOrganization",
    "Ośrodek Doskonalenia Nauczycieli w Zielonej Górze",
    "https://www.odn-zgora.example",
    ODN_ADDRESS,
)
WOM_ADDRESS = postal("ul. Łokietka 7", "66-400", "Gorzów Wlkp.")
WOM = organization(
    "EducationalOrganization",
    "Wojewódzki Ośrodek Metodyczny w Gorzowie Wlkp.",
    "https://www.wom-gorzow.example",
    WOM_ADDRESS,
)
PLATFORM = "https://platforma.odn-zgora.example/kursy/"
AUDIENCE = {"@type": "EducationalAudience", "educationalRole": "nauczyciel"}
CERTIFICATE = "zaświadczenie o ukończeniu formy doskonalenia"


def at(town: str, street: str, postcode: str, room: str) -> dict[str, Any]:
    return place(room, postal(street, postcode, town))


ODN_ROOM = place("Ośrodek Doskonalenia Nauczycieli, sala 12", ODN_ADDRESS)
WOM_ROOM = place("Wojewódzki Ośrodek Metodyczny, sala konferencyjna", WOM_ADDRESS)


def training(
    slug: str, code: str, name: str, description: str, provider: dict[str, Any],
    price: float, mode: str, start: str, end: str, hours: int, location: dict[str, Any],
    credential: str = CERTIFICATE,
) -> dict[str, Any]:  # fmt: skip
    if mode == "online":
        location = virtual(PLATFORM + slug)
    jsonld = course(
        name, description, provider, price,
        [instance(mode, start, end, hours, location)],
        courseCode=code, audience=AUDIENCE, educationalCredentialAwarded=credential,
    )  # fmt: skip
    return {"slug": slug, "jsonld": jsonld}


PAGES: list[dict[str, Any]] = [
    training(
        "ocenianie-ksztaltujace", "ODN/2027/003",
        "Ocenianie kształtujące w praktyce szkolnej – warsztaty metodyczne",
        "Warsztaty dla nauczycieli wszystkich etapów edukacyjnych, którzy chcą lepiej "
        "wykorzystywać informację zwrotną na lekcjach. Uczestnicy formułują cele lekcji "
        "i kryteria sukcesu, ćwiczą zadawanie pytań kluczowych i udzielanie informacji "
        "zwrotnej. Każdy wychodzi z zajęć z gotowym planem lekcji z elementami oceniania "
        "kształtującego.",
        ODN, 0, "onsite", "2027-01-20", "2027-01-20", 5, ODN_ROOM),
    training(
        "doradztwo-zawodowe-w-szkole-podstawowej", "ODN/2027/007",
        "Doradztwo zawodowe w szkole podstawowej – warsztaty dla nauczycieli i pedagogów",
        "Warsztaty pokazują, jak zaplanować i prowadzić zajęcia z zakresu doradztwa "
        "zawodowego w klasach 7 i 8. Uczestnicy poznają narzędzia do badania zainteresowań "
        "i predyspozycji uczniów, źródła informacji o zawodach i rynku pracy w województwie "
        "lubuskim oraz sposoby współpracy z rodzicami i pracodawcami. Otrzymują też zestaw "
        "scenariuszy zajęć.",
        ODN, 0, "onsite", "2027-02-10", "2027-02-10", 6, ODN_ROOM),
    training(
        "bezpieczenstwo-cyfrowe-uczniow", "ODN/2027/E01",
        "Bezpieczeństwo cyfrowe uczniów – kurs e-learningowy",
        "Kurs e-learningowy realizowany na platformie ośrodka w ciągu czterech tygodni, we "
        "własnym tempie. Omawia cyberprzemoc, ochronę wizerunku i danych uczniów, bezpieczne "
        "korzystanie z mediów społecznościowych oraz szkolne procedury reagowania. Kurs "
        "kończy się testem i zaświadczeniem.",
        ODN, 0, "online", "2027-01-11", "2027-02-07", 15, ODN_ROOM),
    training(
        "programowanie-w-scratchu", "ODN/2027/012",
        "Programowanie w Scratchu na lekcjach w klasach 4–8 – warsztaty",
        "Praktyczne warsztaty dla nauczycieli informatyki i innych przedmiotów, którzy chcą "
        "rozwijać myślenie komputacyjne uczniów. Uczestnicy tworzą w Scratchu proste gry "
        "i animacje, które można wykorzystać na lekcjach matematyki, przyrody i języka "
        "polskiego. Nie jest wymagane wcześniejsze doświadczenie w programowaniu.",
        ODN, 60, "onsite", "2027-03-03", "2027-03-03", 8, ODN_ROOM),
    training(
        "kurs-kwalifikacyjny-zarzadzanie-oswiata", "ODN/KK/2027/01",
        "Kurs kwalifikacyjny z zakresu zarządzania oświatą",
        "Kurs kwalifikacyjny przygotowuje nauczycieli do zajmowania stanowiska dyrektora "
        "szkoły lub placówki oświatowej. Program obejmuje prawo oświatowe, zarządzanie "
        "finansami i zasobami ludzkimi, nadzór pedagogiczny oraz przywództwo edukacyjne. "
        "Zajęcia odbywają się w formie mieszanej: część online na żywo, część stacjonarnie "
        "w siedzibie ośrodka.",
        ODN, 1650, "blended", "2027-02-05", "2027-06-12", 210, ODN_ROOM,
        credential="świadectwo ukończenia kursu kwalifikacyjnego"),
    training(
        "uczen-z-adhd", "ODN/2027/015",
        "Uczeń z ADHD w klasie – strategie pracy wychowawczej",
        "Warsztaty dla nauczycieli i wychowawców, którzy pracują z uczniami z ADHD. Omawiamy "
        "objawy i potrzeby uczniów, organizację przestrzeni i przebiegu lekcji, systemy "
        "wzmocnień oraz współpracę z rodzicami i poradnią. Zajęcia odbywają się w Nowej Soli.",
        ODN, 80, "onsite", "2027-01-27", "2027-01-27", 5,
        at("Nowa Sól", "ul. Moniuszki 3", "67-100", "Sala konferencyjna, punkt zajęć ODN")),
    training(
        "uczen-z-doswiadczeniem-migracji", "ODN/2027/019",
        "Uczeń z doświadczeniem migracji w polskiej szkole – warsztaty online",
        "Warsztaty online dla nauczycieli, którzy uczą dzieci z Ukrainy i innych krajów. "
        "Uczestnicy poznają sposoby wspierania adaptacji ucznia, nauczania języka polskiego "
        "jako drugiego oraz dostosowania wymagań i oceniania. Spotkanie odbywa się na żywo "
        "na platformie ośrodka.",
        ODN, 0, "online", "2027-02-17", "2027-02-17", 4, ODN_ROOM),
    training(
        "awans-zawodowy-nauczyciela", "ODN/2027/021",
        "Awans zawodowy nauczyciela – ścieżka na stopień nauczyciela mianowanego",
        "Szkolenie online wyjaśnia procedurę uzyskania stopnia nauczyciela mianowanego: "
        "okres przygotowania, rolę mentora, ocenę pracy i przebieg egzaminu przed komisją. "
        "Uczestnicy otrzymują harmonogram działań i wzory dokumentów.",
        ODN, 40, "online", "2027-03-09", "2027-03-09", 3, ODN_ROOM),
    training(
        "eksperyment-na-lekcjach-przyrody", "ODN/2027/024",
        "Eksperyment na lekcjach chemii i biologii – warsztaty laboratoryjne",
        "Warsztaty dla nauczycieli przyrody, chemii i biologii w szkołach podstawowych. "
        "Uczestnicy przeprowadzają doświadczenia z użyciem prostych, tanich materiałów "
        "i uczą się planować lekcję badawczą. Zajęcia odbywają się w pracowni przyrodniczej "
        "w Świebodzinie.",
        ODN, 90, "onsite", "2027-04-14", "2027-04-14", 6,
        at("Świebodzin", "ul. Kolejowa 2", "66-200", "Pracownia przyrodnicza")),
    training(
        "tutoring-szkolny", "ODN/2027/026",
        "Tutoring szkolny – warsztaty dla wychowawców",
        "Cykl warsztatów przygotowujący do prowadzenia tutoringu rozwojowego i naukowego "
        "z uczniami. Uczestnicy ćwiczą prowadzenie rozmów tutorskich, wyznaczanie celów "
        "i pracę z mocnymi stronami ucznia. Zajęcia łączą spotkania stacjonarne w ośrodku "
        "z sesjami online i superwizją.",
        ODN, 240, "blended", "2027-03-15", "2027-05-24", 24, ODN_ROOM),
    training(
        "edukacja-wlaczajaca", "ODN/2027/031",
        "Edukacja włączająca – dostosowanie wymagań edukacyjnych",
        "Szkolenie online dla nauczycieli i specjalistów szkolnych. Omawiamy, jak na "
        "podstawie orzeczeń i opinii poradni dostosować wymagania, metody pracy i sposób "
        "oceniania do możliwości ucznia. Uczestnicy analizują przykłady dostosowań dla "
        "różnych przedmiotów.",
        ODN, 50, "online", "2027-04-21", "2027-04-21", 4, ODN_ROOM),
    training(
        "sztuczna-inteligencja-w-pracy-nauczyciela", "ODN/2027/E04",
        "Sztuczna inteligencja w pracy nauczyciela – kurs e-learningowy",
        "Kurs e-learningowy pokazuje, jak odpowiedzialnie korzystać z narzędzi sztucznej "
        "inteligencji przy przygotowywaniu materiałów dydaktycznych, sprawdzianów "
        "i informacji zwrotnej. Omawia też ochronę danych i rozmowę z uczniami o korzystaniu "
        "z takich narzędzi. Kurs trwa cztery tygodnie i kończy się zadaniem praktycznym.",
        ODN, 60, "online", "2027-05-04", "2027-05-31", 10, ODN_ROOM),
    training(
        "dziedzictwo-ziemi-lubuskiej", "ODN/2027/035",
        "Dziedzictwo Ziemi Lubuskiej w edukacji regionalnej – warsztaty terenowe",
        "Warsztaty terenowe dla nauczycieli historii, wiedzy o społeczeństwie i edukacji "
        "wczesnoszkolnej. Uczestnicy zwiedzają zabytki Międzyrzecza i okolic, poznają źródła "
        "do historii regionu i przygotowują scenariusz wycieczki edukacyjnej z uczniami.",
        ODN, 70, "onsite", "2027-05-19", "2027-05-19", 7,
        at("Międzyrzecz", "ul. Waszkiewicza 9", "66-300", "Miejsce zbiórki: sala szkoleniowa")),
    training(
        "uczen-w-kryzysie-psychicznym", "ODN/2027/R02",
        "Uczeń w kryzysie psychicznym – rozpoznawanie i wsparcie (szkolenie rady "
        "pedagogicznej)",
        "Szkolenie dla rad pedagogicznych, prowadzone w siedzibie ośrodka lub w szkole. "
        "Omawiamy sygnały ostrzegawcze kryzysu psychicznego u dzieci i młodzieży, zasady "
        "rozmowy z uczniem i rodzicem oraz szkolną procedurę postępowania. Szkolenie jest "
        "bezpłatne dla szkół z województwa lubuskiego.",
        ODN, 0, "onsite", "2027-09-15", "2027-09-15", 4,
        at("Zielona Gora", "ul. Kożuchowska 20a", "65-364", "Ośrodek Doskonalenia Nauczycieli")),
    training(
        "biblioteka-szkolna-centrum-czytelnictwa", "ODN/2027/041",
        "Biblioteka szkolna jako centrum czytelnictwa – warsztaty dla nauczycieli "
        "bibliotekarzy",
        "Warsztaty dla nauczycieli bibliotekarzy o nowych formach promocji czytelnictwa: "
        "klubach książki, grach literackich i współpracy z biblioteką publiczną. Uczestnicy "
        "wymieniają się doświadczeniami i przygotowują plan działań na rok szkolny. "
        "Spotkanie odbywa się w Krośnie Odrzańskim.",
        ODN, 50, "onsite", "2027-10-06", "2027-10-06", 5,
        at("Krosno Odrzańskie", "ul. Poznańska 10", "66-600", "Sala szkoleniowa")),
    training(
        "mentor-nauczyciela-poczatkujacego", "WOM/2027/05",
        "Mentor nauczyciela początkującego – kurs doskonalący",
        "Kurs przygotowuje doświadczonych nauczycieli do roli mentora nauczyciela "
        "rozpoczynającego pracę. Uczestnicy uczą się planować wsparcie, obserwować lekcje "
        "i udzielać informacji zwrotnej oraz poznają przepisy dotyczące awansu zawodowego. "
        "Kurs prowadzi Wojewódzki Ośrodek Metodyczny w Gorzowie Wlkp.",
        WOM, 180, "onsite", "2027-02-24", "2027-03-17", 20, WOM_ROOM),
    training(
        "doradztwo-zawodowe-klasy-7-8", "WOM/2027/09",
        "Zajęcia z doradztwa zawodowego w klasach 7–8 – warsztaty dla wychowawców",
        "Warsztaty dla wychowawców klas siódmych i ósmych, którzy prowadzą zajęcia "
        "z doradztwa zawodowego bez specjalistycznego przygotowania. Uczestnicy ćwiczą gotowe "
        "scenariusze zajęć, poznają ofertę szkół branżowych w regionie i sposoby rozmowy "
        "z uczniem o wyborze szkoły. Warsztaty odbywają się w Strzelcach Krajeńskich.",
        WOM, 0, "onsite", "2027-03-24", "2027-03-24", 5,
        at("Strzelce Krajeńskie", "ul. Gorzowska 5", "66-500", "Sala konferencyjna")),
    training(
        "pierwsza-pomoc-w-szkole", "WOM/2027/12",
        "Pierwsza pomoc w szkole – warsztaty z ćwiczeniami na fantomach",
        "Warsztaty dla nauczycieli i pracowników szkół prowadzone przez ratownika "
        "medycznego. Uczestnicy ćwiczą resuscytację dzieci i dorosłych, użycie defibrylatora "
        "AED i postępowanie przy urazach typowych dla szkoły. Zajęcia odbywają się "
        "w Drezdenku.",
        WOM, 60, "onsite", "2027-04-07", "2027-04-07", 5,
        at("Drezdenko", "ul. Pierwszego Maja 11", "66-530", "Sala gimnastyczna")),
    training(
        "ewaluacja-wewnetrzna-w-przedszkolu", "ODN/2026/018",
        "Ewaluacja wewnętrzna w przedszkolu – seminarium",
        "Seminarium dla dyrektorów i nauczycieli przedszkoli, którzy planują ewaluację "
        "wewnętrzną. Omawiamy dobór obszarów i pytań badawczych, narzędzia badawcze oraz "
        "wykorzystanie wyników w planowaniu pracy przedszkola.",
        ODN, 40, "onsite", "2026-03-18", "2026-03-18", 4, ODN_ROOM),
    training(
        "matematyka-w-dzialaniu-klasy-1-3", "ODN/2026/027",
        "Matematyka w działaniu – pomoce dydaktyczne w klasach 1–3",
        "Warsztaty dla nauczycieli edukacji wczesnoszkolnej o nauczaniu matematyki przez "
        "działanie. Uczestnicy wykonują proste pomoce dydaktyczne i poznają gry rozwijające "
        "liczenie i rozumowanie. Zajęcia odbyły się we Wschowie.",
        ODN, 60, "onsite", "2026-05-13", "2026-05-13", 5,
        at("Wschowa", "ul. Kopernika 4", "67-400", "Sala szkoleniowa")),
    training(
        "trening-umiejetnosci-spolecznych", "WOM/2026/21",
        "Trening umiejętności społecznych (TUS) – warsztaty dla pedagogów",
        "Cykl warsztatów dla pedagogów, psychologów i wychowawców, którzy chcą prowadzić "
        "grupowe zajęcia TUS z uczniami. Uczestnicy poznają strukturę zajęć, ćwiczenia "
        "rozwijające rozpoznawanie emocji i współpracę oraz sposoby oceny postępów.",
        WOM, 150, "onsite", "2026-10-21", "2026-11-18", 15, WOM_ROOM),
    {
        "slug": "aktualnosci/rekrutacja-2027",
        "expect": "no_offer",
        # A broken block as sites really publish it: cut off mid-object, so it is not JSON.
        "jsonld": (
            '{"@context": "https://schema.org", "@type": "Course", '
            '"name": "Rekrutacja na formy doskonalenia 2027", "description": "Zapisy ruszają '
        ),
    },
]  # fmt: skip

SITE: dict[str, Any] = {
    "site": {
        "name": "Ośrodek Doskonalenia Nauczycieli w Zielonej Górze – katalog form doskonalenia",
        "url_path": "/odn/",
        "description": (
            "Warsztaty, kursy i szkolenia dla nauczycieli województwa lubuskiego, także "
            "organizowane wspólnie z Wojewódzkim Ośrodkiem Metodycznym w Gorzowie Wlkp."
        ),
    },
    "pages": PAGES,
}
