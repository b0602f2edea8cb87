"""Invented BUR providers and training venues (real towns of Lubuskie, invented streets).

E-mail domains use the reserved `.example` top-level domain and NIP numbers are made up, so no
message or lookup can reach a real company.
"""

from __future__ import annotations

from typing import Any

LUBUSKIE = (4, "lubuskie")

# key: (town as the provider typed it, idMiejscowosci, postcode, street, building, flat)
PLACES: dict[str, tuple[str, int, str, str, str, str | None]] = {
    "zg-zdz": ("Zielona Góra", 986283, "65-246", "ul. Dekoracyjna", "3", None),
    "zg-kodolab": ("Zielona Góra", 986283, "65-001", "ul. Bohaterów Westerplatte", "27", "4"),
    "zg-bilans": ("Zielona Góra", 986283, "65-048", "ul. Wrocławska", "12", "105"),
    "zg-alma": ("Zielona Góra", 986283, "65-119", "al. Niepodległości", "19", None),
    "zg-typo": ("Zielona Gora", 986283, "65-140", "ul. Sulechowska", "4a", None),
    "zg-centrum": ("Zielona Góra", 986283, "65-062", "ul. Kupiecka", "32", "7"),
    "zg-uz": ("Zielona Góra", 986283, "65-417", "ul. Licealna", "9", None),
    "gorzow-lingua": ("Gorzów Wielkopolski", 954367, "66-400", "ul. Sikorskiego", "41", "2"),
    "gorzow-trans": ("Gorzów Wlkp.", 954367, "66-400", "ul. Kostrzyńska", "88", None),
    "gorzow-ajp": ("Gorzów Wielkopolski", 954367, "66-400", "ul. Teatralna", "25", None),
    "gorzow-zdz": ("Gorzów Wielkopolski", 954367, "66-400", "ul. Walczaka", "106", None),
    "gorzow-centrum": ("Gorzów Wielkopolski", 954367, "66-400", "ul. Hawelańska", "10", "5"),
    "nowa-sol": ("Nowa Sól", 942104, "67-100", "ul. Zielonogórska", "24", None),
    "zary": ("Żary", 939672, "68-200", "ul. Pszenna", "6", None),
    "lubsko": ("Lubsko", 939710, "68-300", "ul. Bohaterów Getta", "2", None),
    "zagan": ("Żagań", 941805, "68-100", "ul. Bolesława Chrobrego", "15", "3"),
    "szprotawa": ("Szprotawa", 942207, "67-300", "ul. Rynek", "8", None),
    "swiebodzin": ("Świebodzin", 982517, "66-200", "ul. Sobieskiego", "7", None),
    "miedzyrzecz": ("Międzyrzecz", 911935, "66-300", "ul. Przemysłowa", "12", None),
    "miedzyrzecz-biblioteka": ("Międzyrzecz", 911935, "66-300", "ul. Waszkiewicza", "9", None),
    "skwierzyna": ("Skwierzyna", 912054, "66-440", "ul. Gorzowska", "30", None),
    "slubice": ("Słubice", 978861, "69-100", "ul. Transportowa", "9", None),
    "rzepin": ("Rzepin", 979023, "69-110", "ul. Słowackiego", "14", None),
    "krosno": ("Krosno Odrzańskie", 918317, "66-600", "ul. Poznańska", "10", None),
    "gubin": ("Gubin", 918405, "66-620", "ul. Piastowska", "21", None),
    "sulecin": ("Sulęcin", 980844, "69-200", "ul. Lipowa", "18", None),
    "strzelce": ("Strzelce Krajeńskie", 930427, "66-500", "ul. Gorzowska", "5", None),
    "drezdenko": ("Drezdenko", 930380, "66-530", "ul. Pierwszego Maja", "11", None),
    "wschowa": ("Wschowa", 939144, "67-400", "ul. Kopernika", "4", None),
    "kostrzyn": ("Kostrzyn nad Odrą", 955180, "66-470", "ul. Graniczna", "3", None),
    "witnica": ("Witnica", 955292, "66-460", "ul. Mickiewicza", "7", None),
    "sulechow": ("Sulechów", 912531, "66-100", "ul. Armii Krajowej", "51", None),
}

# Two venues outside Lubuskie: remote services that Lubuskie residents can take part in.
OTHER_VOIVODESHIPS: dict[str, dict[str, Any]] = {
    "warszawa": {
        "idWojewodztwa": 7,
        "nazwaWojewodztwa": "mazowieckie",
        "idMiejscowosci": 918123,
        "nazwaMiejscowosci": "Warszawa",
        "nazwaUlicy": "ul. Grzybowska",
        "kodPocztowy": "00-844",
        "numerBudynku": "80",
        "numerLokalu": "12",
    },
    "poznan": {
        "idWojewodztwa": 15,
        "nazwaWojewodztwa": "wielkopolskie",
        "idMiejscowosci": 969400,
        "nazwaMiejscowosci": "Poznań",
        "nazwaUlicy": "ul. Głogowska",
        "kodPocztowy": "60-702",
        "numerBudynku": "218",
        "numerLokalu": None,
    },
}

# key: (id, name, NIP, rating or None, contact person, contact e-mail)
PROVIDERS: dict[str, tuple[int, str, str, float | None, str, str]] = {
    "zdz": (10234, "Zakład Doskonalenia Zawodowego w Zielonej Górze", "9290001234",
            4.7, "Beata Kowalczyk", "szkolenia@zdz-zg.example"),
    "weldkom": (20417, "Lubuskie Centrum Spawalnictwa WELDKOM sp. z o.o.", "9250012345",
                4.8, "Tomasz Bielecki", "biuro@weldkom.example"),
    "bilans": (18852, "Biuro Szkoleń Księgowych BILANS-ZG s.c.", "9290023456",
               4.6, "Ewa Zawadzka", "szkolenia@bilans-zg.example"),
    "trans": (15530, "Ośrodek Szkolenia Kierowców TRANS-LUB sp. z o.o.", "5990034567",
              4.5, "Krzysztof Nowicki", "kursy@trans-lub.example"),
    "alma": (21963, "Instytut Opieki i Zdrowia ALMA sp. z o.o.", "9280045678",
             4.9, "Magdalena Wróbel", "rekrutacja@alma-opieka.example"),
    "lingua": (17208, "Centrum Językowe LINGUA NOVA sp. z o.o.", "5990056789",
               4.6, "Joanna Kubiak", "kursy@linguanova.example"),
    "kodolab": (23341, "Kodolab Szkolenia IT sp. z o.o.", "9290067890",
                4.8, "Paweł Jasiński", "kontakt@kodolab.example"),
    "bhp": (12095, "Przedsiębiorstwo Szkoleniowe BHP-PROFIT sp. z o.o.", "9270078901",
            4.4, "Robert Kaczmarek", "bhp@bhp-profit.example"),
    "ajp": (11870, "Akademia im. Jakuba z Paradyża w Gorzowie Wielkopolskim", "5990089012",
            4.5, "Katarzyna Michalak", "podyplomowe@ajp-gorzow.example"),
    "uz": (11542, "Uniwersytet Zielonogórski", "9290090123",
           4.6, "Iwona Szymańska", "podyplomowe@uz-zgora.example"),
    "agro": (24786, "AgroWiedza Lubuskie sp. z o.o.", "5960101234",
             None, "Andrzej Sikora", "szkolenia@agrowiedza.example"),
    "urody": (22650, "Akademia Urody BELLA VITA sp. z o.o.", "9240112345",
              4.9, "Natalia Pawlak", "akademia@bellavita-zagan.example"),
    "smak": (19377, "Centrum Kształcenia Gastronomicznego SMAK sp. z o.o.", "5980123456",
             4.7, "Grzegorz Walczak", "kursy@smak-slubice.example"),
    "cyfrowy": (25119, "Fundacja Rozwoju Kompetencji Cyfrowych CYFROWY LUBUSZ", "9290134567",
                None, "Dorota Baran", "warsztaty@cyfrowy-lubusz.example"),
    "kompas": (20988, "Centrum Walidacji i Certyfikacji KOMPAS sp. z o.o.", "5990145678",
               4.8, "Monika Górecka", "walidacja@kompas-certyfikacja.example"),
    "elektro": (16744, "ELEKTRO-SZKOL Ośrodek Szkoleń Energetycznych sp. z o.o.", "5960156789",
                4.6, "Jarosław Duda", "sep@elektro-szkol.example"),
    "logimag": (21455, "Centrum Szkoleń Magazynowych LOGIMAG sp. z o.o.", "9280167890",
                4.5, "Sebastian Wojciechowski", "kursy@logimag.example"),
    "kariera": (24102, "Pracownia Rozwoju Zawodowego KARIERA sp. z o.o.", "9260178901",
                None, "Aleksandra Mazur", "warsztaty@pracownia-kariera.example"),
    "finedu": (13377, "Centrum Szkoleń Finansowych FINEDU sp. z o.o.", "5250189012",
               4.7, "Michał Kołodziej", "szkolenia@finedu.example"),
    "florart": (26010, "Pracownia Florystyczna FLORART sp. z o.o.", "9270201234",
                None, "Marta Kozłowska", "kursy@florart.example"),
    "acb": (18920, "Akademia Cyfrowego Biznesu sp. z o.o.", "7780190123",
            4.6, "Karolina Adamczyk", "kontakt@akademia-cb.example"),
}  # fmt: skip


def address(place: str) -> dict[str, Any]:
    """The BUR `adres` object for a venue key (Lubuskie or one of the two other voivodeships)."""
    if place in OTHER_VOIVODESHIPS:
        return dict(OTHER_VOIVODESHIPS[place])
    town, town_id, postcode, street, building, flat = PLACES[place]
    return {
        "idWojewodztwa": LUBUSKIE[0],
        "nazwaWojewodztwa": LUBUSKIE[1],
        "idMiejscowosci": town_id,
        "nazwaMiejscowosci": town,
        "nazwaUlicy": street,
        "kodPocztowy": postcode,
        "numerBudynku": building,
        "numerLokalu": flat,
    }


def provider(key: str) -> dict[str, Any]:
    provider_id, name, nip, _rating, _person, _email = PROVIDERS[key]
    return {"id": provider_id, "nazwa": name, "nip": nip, "logo": None}


def contact(key: str) -> dict[str, str]:
    _id, _name, _nip, _rating, person, email = PROVIDERS[key]
    return {"imieNazwisko": person, "email": email}


def rating(key: str) -> float | None:
    return PROVIDERS[key][3]
