import pytest

from catalogue.models import OfferKind
from catalogue.normalise import areas
from catalogue.normalise.areas import AreaInput, resolve_area


def _area(**kwargs):
    kwargs.setdefault("kind", OfferKind.course)
    kwargs.setdefault("title", "Kurs")
    return resolve_area(AreaInput(**kwargs))


def test_validation_is_area_8():
    assert _area(title="Walidacja kwalifikacji", kind=OfferKind.validation)[0] == 8


def test_career_guidance_is_area_6():
    area, why = _area(title="Doradztwo zawodowe dla dorosłych – bilans kompetencji")
    assert area == 6 and why.startswith("career_guidance_rule")


def test_school_leadership_is_area_2():
    assert _area(title="Zarządzanie oświatą", kind=OfferKind.postgraduate)[0] == 2


@pytest.mark.parametrize(
    "kwargs",
    [
        {"provider": "Ośrodek Doskonalenia Nauczycieli w Zielonej Górze"},
        {"provider": "WOM Gorzów"},
        {"audience": "nauczyciele szkół podstawowych"},
        {"title": "Oligofrenopedagogika – studia podyplomowe", "kind": OfferKind.postgraduate},
    ],
)
def test_teacher_training_is_area_3(kwargs):
    assert _area(**kwargs)[0] == 3


def test_a_kkz_is_area_1():
    assert _area(kind=OfferKind.kkz, source="sample-bur")[0] == 1


def test_dual_learning_is_area_7():
    assert _area(title="Kształcenie dualne w Branżowym Centrum Umiejętności")[0] == 7


@pytest.mark.parametrize(
    "kwargs",
    [
        {"funding": "KFS – Krajowy Fundusz Szkoleniowy"},
        {"audience": "pracownicy firm produkcyjnych"},
        {"title": "Szkolenie okresowe BHP"},
        {"source": "sample-bur", "kind": OfferKind.training},
    ],
)
def test_workplace_training_is_area_5(kwargs):
    assert _area(**kwargs)[0] == 5


@pytest.mark.parametrize(
    "kwargs",
    [
        {"provider": "Uniwersytet Trzeciego Wieku w Żarach"},
        {"provider": "Miejska Biblioteka Publiczna w Gorzowie"},
        {"title": "Warsztaty rękodzieła dla seniorów", "kind": OfferKind.workshop},
    ],
)
def test_non_formal_learning_is_area_4(kwargs):
    assert _area(**kwargs)[0] == 4


def test_degree_studies_are_area_1_not_7():
    area, why = _area(title="Logistyka – studia I stopnia", kind=OfferKind.studies)
    assert area == 1 and why.startswith("higher_education_rule")


def test_language_and_digital_courses_for_adults_are_area_1():
    assert _area(title="Język angielski A2")[0] == 1


def test_something_with_nothing_to_go_on_has_no_area():
    assert _area(title="Spotkanie", kind=OfferKind.other) is None


def test_every_rule_is_named_in_the_evidence():
    names = {rule.__name__ for rule in areas.RULES}
    assert len(names) == len(areas.RULES)
    assert all(name.endswith("_rule") for name in names)
