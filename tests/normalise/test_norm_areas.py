import pytest

from catalogue.models import OfferKind
from catalogue.normalise import areas
from catalogue.normalise.areas import AreaInput, resolve_area
from catalogue.normalise.kinds import resolve_kind


def _area(**kwargs):
    kwargs.setdefault("kind", OfferKind.course)
    kwargs.setdefault("title", "Kurs")
    return resolve_area(AreaInput(**kwargs))


# One or more real-looking offers per rule, as BUR, ODN, universities, KKZ pages and feeds
# write them. Every rule of `areas.RULES` must appear here (see the last test).
CASES = [
    (areas.VALIDATION, {"title": "Walidacja kwalifikacji rynkowej „Prowadzenie szkoleń”",
                        "kind": OfferKind.validation}),
    (areas.VALIDATION, {"title": "Potwierdzanie efektów uczenia się – procedura na UZ",
                        "kind": OfferKind.other}),
    (areas.VALIDATION, {"title": "Egzamin eksternistyczny z zakresu liceum dla dorosłych",
                        "kind": OfferKind.validation}),
    (areas.CAREER_GUIDANCE, {"title": "Doradztwo zawodowe – studia podyplomowe",
                             "kind": OfferKind.postgraduate}),
    (areas.CAREER_GUIDANCE, {"title": "Bilans kompetencji dla osób powracających na rynek pracy"}),
    (areas.CAREER_GUIDANCE, {"title": "Jak napisać CV i przygotować się do rozmowy "
                                      "kwalifikacyjnej", "kind": OfferKind.workshop}),
    (areas.CAREER_GUIDANCE, {"title": "Warsztaty planowania kariery",
                             "kind": OfferKind.workshop,
                             "provider": "Centrum Informacji i Planowania Kariery Zawodowej"}),
    (areas.SCHOOL_LEADERSHIP, {"title": "Zarządzanie oświatą – studia podyplomowe",
                               "kind": OfferKind.postgraduate}),
    (areas.SCHOOL_LEADERSHIP, {"title": "Nadzór pedagogiczny w praktyce",
                               "audience": "dyrektorzy szkół i placówek oświatowych"}),
    (areas.TEACHER_TRAINING, {"title": "Ocenianie kształtujące – warsztaty metodyczne",
                              "kind": OfferKind.workshop,
                              "provider": "Ośrodek Doskonalenia Nauczycieli w Zielonej Górze"}),
    (areas.TEACHER_TRAINING, {"title": "Cyfrowa szkoła", "provider": "WOM Gorzów Wlkp."}),
    (areas.TEACHER_TRAINING, {"title": "Tutoring w szkole",
                              "audience": "nauczyciele szkół podstawowych"}),
    (areas.TEACHER_TRAINING, {"title": "Oligofrenopedagogika – studia podyplomowe",
                              "kind": OfferKind.postgraduate}),
    (areas.TEACHER_TRAINING, {"title": "Przygotowanie pedagogiczne",
                              "kind": OfferKind.postgraduate}),
    (areas.TEACHER_TRAINING, {"title": "Kurs pedagogiczny dla instruktorów praktycznej nauki "
                                       "zawodu"}),
    (areas.TEACHER_TRAINING, {"title": "Staże nauczycieli kształcenia zawodowego u "
                                       "pracodawców"}),
    (areas.TEACHER_TRAINING, {"title": "Projektowanie warsztatów dla dorosłych",
                              "audience": "trenerzy", "source": "bur"}),
    (areas.TEACHER_TRAINING, {"title": "Pedagogika przedszkolna i wczesnoszkolna",
                              "kind": OfferKind.studies, "isced_code": "0112"}),
    (areas.EMPLOYER_COOPERATION, {"title": "Kształcenie dualne w Branżowym Centrum "
                                           "Umiejętności"}),
    (areas.EMPLOYER_COOPERATION, {"title": "Spawanie metodą TIG 141",
                                  "provider": "Branżowe Centrum Umiejętności w dziedzinie "
                                              "spawalnictwa"}),
    (areas.EMPLOYER_COOPERATION, {"title": "Przygotowanie zawodowe dorosłych – magazynier"}),
    (areas.EMPLOYER_COOPERATION, {"title": "Szkolenie opiekunów praktyk zawodowych",
                                  "audience": "instruktorzy praktycznej nauki zawodu u "
                                              "pracodawcy"}),
    (areas.FORMAL_VOCATIONAL, {"title": "ślusarz – MEC.08 Wykonywanie i naprawa elementów",
                               "kind": OfferKind.kkz, "source": "kkz-ckziu-zary"}),
    (areas.FORMAL_VOCATIONAL, {"title": "Kurs umiejętności zawodowych: obsługa magazynów"}),
    (areas.FORMAL_VOCATIONAL, {"title": "Liceum Ogólnokształcące dla Dorosłych w Żarach",
                               "kind": OfferKind.other}),
    (areas.FORMAL_VOCATIONAL, {"title": "Szkoła Policealna – technik administracji",
                               "kind": OfferKind.other}),
    (areas.WORKPLACE, {"title": "Obsługa wózków jezdniowych",
                       "funding": "KFS – Krajowy Fundusz Szkoleniowy"}),
    (areas.WORKPLACE, {"title": "Lean management", "audience": "pracownicy firm produkcyjnych"}),
    (areas.WORKPLACE, {"title": "Szkolenie okresowe BHP dla pracowników administracyjno-"
                                "biurowych", "kind": OfferKind.training}),
    (areas.WORKPLACE, {"title": "Kwalifikacja okresowa kierowców – kurs 35 godzin"}),
    (areas.WORKPLACE, {"title": "Szkolenie zamknięte dla firm: Excel w controllingu",
                       "kind": OfferKind.training}),
    (areas.NON_FORMAL, {"title": "Historia Ziemi Lubuskiej",
                        "provider": "Uniwersytet Trzeciego Wieku w Żarach"}),
    (areas.NON_FORMAL, {"title": "Spotkania z komputerem",
                        "provider": "Miejska Biblioteka Publiczna w Gorzowie Wlkp."}),
    (areas.NON_FORMAL, {"title": "Warsztaty rękodzieła dla seniorów",
                        "kind": OfferKind.workshop, "source": "bur"}),
    (areas.NON_FORMAL, {"title": "Wykład otwarty: astronomia dla każdego"}),
    (areas.NON_FORMAL, {"title": "Zdrowe gotowanie – warsztaty dla mieszkańców gminy Bogdaniec",
                        "kind": OfferKind.workshop}),
    (areas.NON_FORMAL, {"title": "Edukacja obywatelska: budżet obywatelski w praktyce"}),
    (areas.NON_FORMAL, {"title": "Nauka gry na gitarze dla dorosłych"}),
    (areas.NON_FORMAL, {"title": "Taniec towarzyski – kurs dla par"}),
    (areas.NON_FORMAL, {"title": "Klub dyskusyjny po angielsku w bibliotece",
                        "kind": OfferKind.other, "isced_code": "0231"}),
    (areas.NON_FORMAL, {"title": "Opieka nad osobą z chorobą Alzheimera",
                        "kind": OfferKind.training, "audience": "opiekunowie rodzinni"}),
    (areas.BUR_SERVICE, {"title": "Excel – poziom średniozaawansowany",
                         "kind": OfferKind.training, "source": "bur"}),
    (areas.BUR_SERVICE, {"title": "Komunikacja w zespole", "kind_word": "Usługa rozwojowa"}),
    (areas.HIGHER_EDUCATION, {"title": "Pedagogika", "kind": OfferKind.studies,
                              "isced_code": "0111"}),
    (areas.HIGHER_EDUCATION, {"title": "Turystyka i rekreacja", "kind": OfferKind.studies}),
    (areas.HIGHER_EDUCATION, {"title": "Logistyka – studia I stopnia",
                              "kind": OfferKind.studies}),
    (areas.HIGHER_EDUCATION, {"title": "Rachunkowość i audyt wewnętrzny (studia podyplomowe)",
                              "kind": OfferKind.postgraduate}),
    (areas.ADULT_SKILLS, {"title": "Język angielski A2"}),
    # Children's and young people's skills are area 1 as well as adults'.
    (areas.ADULT_SKILLS, {"title": "Akademia programowania dla dzieci – Scratch"}),
    (areas.ADULT_SKILLS, {"title": "Gry na giełdzie – inwestowanie dla początkujących"}),
    (areas.ADULT_SKILLS, {"title": "Spawanie MAG 135", "kind": OfferKind.other,
                          "isced_code": "0715"}),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "kwargs"), CASES)
def test_each_rule_decides_its_real_offers(rule, kwargs):
    area, why = _area(**kwargs)
    assert (area, why.split(" (")[0]) == (rule.area, rule.name)


def test_every_rule_is_named_tested_and_names_its_area():
    assert {rule.name for rule, _ in CASES} == {rule.name for rule in areas.RULES}
    assert len({rule.name for rule in areas.RULES}) == len(areas.RULES)
    for rule in areas.RULES:
        assert rule.name.startswith(f"ZSU{rule.area}: ")
        assert rule.area in range(1, 9)


def test_the_evidence_says_what_matched():
    _, why = _area(title="Tutoring w szkole", audience="nauczyciele szkół podstawowych")
    assert why == "ZSU3: doskonalenie nauczycieli (adresaci: nauczyciel)"


# Conflicts: who is taught decides before who pays; guidance and leadership before teaching.
@pytest.mark.parametrize(
    ("kwargs", "area"),
    [
        # A school sends its teachers on a KFS-funded course: teaching staff, not workplace.
        (
            {
                "title": "Metody aktywizujące na lekcjach",
                "funding": "KFS – priorytet: wsparcie kształcenia nauczycieli",
                "audience": "nauczyciele",
            },
            3,
        ),
        ({"title": "Zarządzanie oświatą", "provider": "ODN w Zielonej Górze"}, 2),
        ({"title": "Doradztwo zawodowe w szkole – kurs dla nauczycieli"}, 6),
        # A KKZ stays formal vocational education when an employer pays for it.
        ({"title": "technik logistyk – SPL.04", "kind": OfferKind.kkz, "funding": "KFS"}, 1),
        # ... but a KKZ run as dual learning with employers is their cooperation.
        ({"title": "KKZ w systemie dualnym – mechanik pojazdów", "kind": OfferKind.kkz}, 7),
        # Postgraduate studies paid by the employer for its staff are workplace learning.
        ({"title": "Kadry i płace", "kind": OfferKind.postgraduate, "funding": "KFS"}, 5),
        ({"title": "Validation", "kind": OfferKind.validation, "audience": "nauczyciele"}, 8),
    ],
)
def test_conflicts_are_settled_by_precedence(kwargs, area):
    assert _area(**kwargs)[0] == area


@pytest.mark.parametrize(
    ("title", "not_area"),
    [
        ("Biblioteka Pandas – analiza danych w Pythonie", 4),
        ("Senior Java Developer – kurs zaawansowany", 4),
        ("Branżowe szkolenie z obsługi suwnic", None),
    ],
)
def test_words_that_only_look_like_a_rule_do_not_trigger_it(title, not_area):
    area, why = _area(title=title)
    assert area == 1 and why.startswith("ZSU1: umiejętności")
    assert area != not_area


def test_a_course_ending_with_validation_is_learning_not_validation():
    title = "Kurs Excel zakończony walidacją i certyfikacją"
    kind = resolve_kind(None, title).kind
    assert kind is OfferKind.course
    assert _area(title=title, kind=kind)[0] == 1


def test_something_with_nothing_to_go_on_has_no_area():
    assert _area(title="Spotkanie", kind=OfferKind.other) is None
