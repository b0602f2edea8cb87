"""Is a record from one source the same offer as a record from another? Pure functions.

BUR, the provider's own site and a feed describe one course in their own words. Two records
are the same offer when every rule below lets them through, in this order; the first rule
that refuses gives the reason (Polish, shown to auditors).

| rule        | same offer only if                                                            |
|-------------|-------------------------------------------------------------------------------|
| source      | the records come from different sources (one source's records are distinct)   |
| code        | qualification codes agree when both have one ("MEC.08" ≠ "MEC.09")            |
| kind        | kind groups agree: studies, postgraduate, validation, anything else (a course) |
| markers     | distinguishing words agree when both titles have them: level (podstawowy,     |
|             | zaawansowany), CEFR (A1…C2), single letters (kat. B / kat. C, SEP E / D),     |
|             | numbers other than years (135 / 141, 8 h / 16 h), welding methods (MAG / TIG),|
|             | audience (dla pracowników / pracodawców / nauczycieli …); variant words       |
|             | (PRESENCE_MARKERS: przyspieszona, okresowe, wstępne, uzupełniające) must be   |
|             | in both titles or in neither ("Kwalifikacja wstępna [przyspieszona]")         |
| provider    | provider names agree after legal forms and seats are dropped and acronyms     |
|             | expanded, also for parts ("OSK Auto-Max", "CKZiU Medyk", "LODR Kalsk" —       |
|             | acronym plus seat): the same distinctive words (GENERIC_PROVIDER_WORDS such   |
|             | as "Ośrodek", "Centrum", "Firma Szkoleniowa" dropped), or one name's words    |
|             | inside the other's; a record without a provider passes only when both records |
|             | carry the same qualification code                                             |
| title       | key words (stop words, boilerplate, years, towns dropped; abbreviations and   |
|             | synonyms expanded — kat. = kategorii, widłowy = jezdniowy podnośnikowy;       |
|             | crude stems) agree: equal, or Jaccard ≥ 0.75, or — except for studies and     |
|             | postgraduate studies, whose names are official — one title's ≥ 2 key words   |
|             | all inside the other's, or with one qualification code one title that names   |
|             | only the code ("KKZ MOT.05") or whose words are all inside the other's        |
| weak name   | names that only share a distinctive word ("Perfect Beauty Akademia" / "Studio |
|             | Urody Perfect Beauty") pass only with equal or nearly equal titles            |
| edition     | at least one common edition: start dates ± 1 day at the same place (gmina,    |
|             | else folded town; "online"), or both undated at the same place                |
| price       | weak: a title that only matched by containment is refused when the common     |
|             | edition's prices are both known and differ by more than a quarter             |

Across sources, records of one course with disjoint dates stay separate offers: nothing shows
they are the same run, and a provider's site often lists a later edition BUR does not (yet).
Within one source, a course's runs are editions of its one record (the normaliser's job).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from catalogue.normalise.text import fold, fold_words

# Kinds that never match another group; every other kind (kurs, szkolenie, KKZ, warsztaty…)
# is "a course": BUR calls a KKZ "usługa szkoleniowa".
KIND_GROUPS = {"studies": "studies", "postgraduate": "postgraduate", "validation": "validation"}
OFFICIAL_NAME_KINDS = frozenset({"studies", "postgraduate"})
JACCARD_SAME = 0.75
MIN_CONTAINED_WORDS = 2
MIN_STEM_LETTERS = 4
PRICE_TOLERANCE = 0.25
DATE_TOLERANCE_DAYS = 1
STEM_LETTERS = 5


# Words that say "an offer" or "sign up", not which one ("Kurs …", "… – zapisy trwają").
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _wordset(
    """a aby albo dla do i lub na nad o od oraz po pod przy the u w we z ze za
    kurs kursu kursy kursie kursow szkolenie szkolenia szkolen szkoleniowy szkoleniowa
    zapisy zapisz zapraszamy trwaja trwa nabor rekrutacja edycja edycji termin terminy nowy nowa
    studia studiow podyplomowe podyplomowych kwalifikacyjny zawodowy kkz usluga uslugi
    program oferta warsztaty webinar online stacjonarny stacjonarnie zdalnie zdalny
    poziom poziomu stopnia stopien metoda metody wlkp wielkopolski wielkopolskim
    bezplatny bezplatne darmowy darmowe dofinansowanie dofinansowaniem
    sobie pracy"""
)
# Abbreviations and synonyms of Polish course naming, expanded before stemming.
ABBREVIATIONS = {"kat": "kategorii", "kl": "klasy", "godz": "godzin", "jez": "jezyk"}
SYNONYMS = {"widlowy": "jezdniowy podnosnikowy", "widlowych": "jezdniowych podnosnikowych"}
# Variant words: a course with one is another course than the one without ("Kwalifikacja
# wstępna przyspieszona" is not "Kwalifikacja wstępna"), so one-sided presence refuses.
PRESENCE_MARKERS = ("przyspiesz", "okresow", "wstepn", "uzupelniaj")
# Audience words: "BHP dla pracowników" and "BHP dla pracodawców" are different courses.
AUDIENCE_MARKERS = (
    ("pracownik", "pracownicy"),
    ("pracownic", "pracownicy"),
    ("pracodaw", "pracodawcy"),
    ("nauczyciel", "nauczyciele"),
    ("dyrektor", "dyrektorzy"),
    ("rodzic", "rodzice"),
    ("senior", "seniorzy"),
)
# Words naming what kind of institution or legal entity a provider is, not which one.
GENERIC_PROVIDER_WORDS = _wordset(
    """osrodek osrodka centrum firma szkoleniowa szkoleniowe szkoleniowy szkolenia szkolen
    szkola szkoly instytut akademia zaklad studio uslugi edukacji edukacyjne edukacyjny
    ksztalcenia zawodowego ustawicznego doskonalenia podyplomowego policealna jezykow obcych
    kierowcow urody gastro lubuski lubuska lubuskie lubuskiego europejskie europejski polski
    polska miejski miejska gminny powiatowy wojewodzki regionalny"""
)
# Small words an acronym may skip or include ("AJP" = Akademia im. Jakuba z Paradyża,
# "CKZiU" = Centrum Kształcenia Zawodowego i Ustawicznego).
_ACRONYM_SKIPPABLE = _wordset("i im z ze na do dla")
# Polish endings cut before the stem is truncated: "wózków"/"wózki" -> "wozk".
_ENDINGS = sorted(
    _wordset(
        """owego owych owej owymi owym owa owe owy iego ego emu ych ich ymi ami ach iem
        owi ow om ej ii ie ia iu em ym a e i o u y"""
    ),
    key=len,
    reverse=True,
)
_YEAR = re.compile(r"^(19|20)\d\d$")
_CEFR = re.compile(r"^[abc][12]$")
_LEVELS: tuple[tuple[str, str], ...] = (("sredniozaaw", "sredni"), ("zaawans", "zaawansowany"))
_LEVELS += (("podstaw", "podstawowy"), ("poczatk", "poczatkujacy"))
_METHODS = frozenset({"mag", "mig", "tig", "mma"})
_NOT_MARKERS = _wordset("a i o u w z")
_ROMAN = frozenset({"ii", "iii", "iv", "v", "vi"})
_PROVIDER_NOISE = _wordset("sp z o oo spolka ograniczona odpowiedzialnoscia s c sc")


@dataclass(frozen=True)
class EditionFacts:
    start: date | None
    place: str | None  # gmina TERYT, else folded town, "online" for online editions
    price_grosze: int | None = None


@dataclass(frozen=True)
class OfferFacts:
    """What the matcher compares: a stored or normalised offer reduced to comparable facts."""

    source: str
    title: str
    provider: str | None = None
    kind: str | None = None
    qualification_code: str | None = None
    editions: tuple[EditionFacts, ...] = ()
    towns: tuple[str, ...] = field(default=())  # dropped from the title: "… – Zielona Góra"


@dataclass(frozen=True)
class Match:
    same: bool
    reason: str


def same_offer(a: OfferFacts, b: OfferFacts) -> Match:
    """Whether two records from different sources are one offer, and why (see the table)."""
    if a.source == b.source:
        return Match(False, "to samo źródło: jego rekordy to różne oferty")
    for check in (_codes, _kinds, _markers):
        refusal = check(a, b)
        if refusal:
            return Match(False, refusal)
    providers = _providers(a, b)
    if providers and providers != "shared":
        return Match(False, providers)
    towns = (*a.towns, *b.towns)
    same_code = bool(a.qualification_code) and a.qualification_code == b.qualification_code
    words_a = title_words(a.title, towns, a.qualification_code)
    words_b = title_words(b.title, towns, b.qualification_code)
    official = bool({a.kind, b.kind} & OFFICIAL_NAME_KINDS)
    how = _title_match(words_a, words_b, official, same_code)
    if how is None:
        return Match(False, f"różne tytuły: {sorted(words_a)} / {sorted(words_b)}")
    if providers == "shared" and how not in ("równe", "prawie równe"):
        return Match(
            False, f"organizatorzy tylko podobni ({a.provider} / {b.provider}), tytuły nie równe"
        )
    common = common_edition(a.editions, b.editions)
    if common is None:
        return Match(False, "brak wspólnej edycji (data rozpoczęcia ±1 dzień i miejsce)")
    if how == "zawieranie" and _prices_differ(*common):
        return Match(False, "tytuły tylko częściowo zgodne, a ceny wspólnej edycji różne")
    when = common[0].start.isoformat() if common[0].start else "bez daty"
    return Match(True, f"ten sam organizator, tytuł ({how}), edycja {when} w {common[0].place}")


def blocking_key(facts: OfferFacts) -> str:
    """A cheap key records must share to be compared: the qualification code, else the
    alphabetically first stem of the title ("spawa", "opera"), so a store looks up few rows."""
    if facts.qualification_code:
        return facts.qualification_code
    words = sorted(title_words(facts.title, facts.towns))
    return words[0] if words else ""


def title_words(title: str, towns: Iterable[str] = (), code: str | None = None) -> frozenset[str]:
    """Stems of the title's key words: no stop words, years, markers, town names or the parts
    of the qualification code; abbreviations and synonyms expanded."""
    seat = _town_prefixes(towns)
    code_words = set(fold_words(code))
    stems = set()
    for word in _expanded_words(title):
        if word in STOP_WORDS or word in code_words or _YEAR.match(word) or _marker(word, None):
            continue
        if not _is_town_word(word, seat):
            stems.add(stem(word))
    return frozenset(stems)


def _expanded_words(title: str) -> list[str]:
    """Folded words, "1kV" split as "1 kV", "kat." read as "kategorii", "widłowych" as
    "jezdniowych podnośnikowych"."""
    text = re.sub(r"(\d)([a-z])", r"\1 \2", fold(title))
    words = []
    for word in fold_words(text):
        word = ABBREVIATIONS.get(word, word)
        words.extend(SYNONYMS.get(word, word).split())
    return words


def stem(word: str) -> str:
    """A crude Polish stem: the longest common ending cut (leaving at least 4 letters), then
    the first letters ("spawania" -> "spawa", "cyfrowej" / "cyfrowa" -> "cyfr")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LETTERS:
            word = word[: -len(ending)]
            break
    return word[:STEM_LETTERS]


def title_markers(title: str) -> frozenset[str]:
    """Words that tell otherwise equal titles apart: levels, categories, numbers, methods."""
    words = _expanded_words(title)
    found = set()
    for i, word in enumerate(words):
        marker = _marker(word, words[i + 1] if i + 1 < len(words) else None)
        if marker:
            found.add(marker)
    return frozenset(found)


def _marker(word: str, following: str | None) -> str | None:
    """The word as "class:value" when it tells titles apart, else None."""
    if _CEFR.match(word):
        return f"cefr:{word}"
    if word in _METHODS:
        return f"metoda:{word}"
    if word in _ROMAN or (word == "i" and following and following.startswith("stop")):
        return f"stopien:{word}"  # "I stopnia", not the conjunction "i"
    if word.isdigit():
        return None if _YEAR.match(word) else f"liczba:{word}"
    if "+" in word or (len(word) == 1 and word not in _NOT_MARKERS):
        return f"litera:{word}"  # "kat. B", "C+E", "SEP E"
    if word == "srednio" and following and following.startswith("zaawans"):
        return "poziom:sredni"
    for prefix, level in _LEVELS:
        if word.startswith(prefix):
            return f"poziom:{level}"
    for prefix in PRESENCE_MARKERS:
        if word.startswith(prefix):
            return f"wariant:{prefix}"
    for prefix, audience in AUDIENCE_MARKERS:
        if word.startswith(prefix):
            return f"odbiorcy:{audience}"
    return None


def common_edition(
    a: Iterable[EditionFacts], b: Iterable[EditionFacts]
) -> tuple[EditionFacts, EditionFacts] | None:
    """The first pair of editions that are one run: same place, starts at most a day apart
    (or both undated)."""
    b = list(b)
    for x in a:
        for y in b:
            if x.place is None or x.place != y.place:
                continue
            if x.start is None and y.start is None:
                return x, y
            if x.start and y.start and abs((x.start - y.start).days) <= DATE_TOLERANCE_DAYS:
                return x, y
    return None


def provider_words(name: str | None, towns: Iterable[str] = ()) -> tuple[str, ...]:
    """The provider's folded words without its seat ("… w Zielonej Górze", "ZDZ Zielona Góra"),
    patron ("im. …") or legal form ("sp. z o.o.")."""
    seat = _town_prefixes(towns)
    return tuple(w for w in _patronless(_name_words(name)) if not _is_town_word(w, seat))


def same_provider(a: str | None, b: str | None, towns: Iterable[str] = ()) -> bool:
    """The same institution: same distinctive words, or one name's words inside the other's,
    acronyms expanded ("CKZiU", "OSK Auto-Max", "LODR Kalsk")."""
    return provider_relation(a, b, towns) in ("same", "contained")


def provider_relation(a: str | None, b: str | None, towns: Iterable[str] = ()) -> str | None:
    """ "same", "contained" (one name's distinctive words inside the other's), "shared" (a
    common distinctive word only) or None."""
    words_a, words_b = _name_words(a), _name_words(b)
    if not words_a or not words_b:
        return None
    words_a, whole_a = _expand_acronyms(words_a, words_b)
    words_b, whole_b = _expand_acronyms(words_b, words_a)
    if whole_a or whole_b:
        return "same"  # an acronym, maybe with its seat, for the whole other name ("LODR Kalsk")
    seat = _town_prefixes(towns)
    core_a = [w for w in _patronless(words_a) if not _is_town_word(w, seat)]
    core_b = [w for w in _patronless(words_b) if not _is_town_word(w, seat)]
    mark_a, mark_b = _distinctive(core_a), _distinctive(core_b)
    if not mark_a and not mark_b:
        same = {stem(w) for w in core_a} == {stem(w) for w in core_b}
        return "same" if same and core_a else None
    if mark_a == mark_b:
        return "same"
    if mark_a and mark_b and (mark_a <= mark_b or mark_b <= mark_a):
        return "contained"
    return "shared" if mark_a & mark_b else None


def _name_words(name: str | None) -> list[str]:
    words = []
    for word in fold_words(name):
        if word in ("w", "we"):
            break  # the seat: "… w Zielonej Górze"
        if word not in _PROVIDER_NOISE:
            words.append(word)
    return words


def _patronless(words: list[str]) -> list[str]:
    # "Akademia … im. Jakuba z Paradyża": sources disagree on the patron.
    return words[: words.index("im")] if "im" in words else words


def _distinctive(words: list[str]) -> frozenset[str]:
    return frozenset(
        stem(w) for w in words if w not in GENERIC_PROVIDER_WORDS and w not in STOP_WORDS
    )


def _expand_acronyms(words: list[str], other: list[str]) -> tuple[list[str], bool]:
    """Words with each acronym of a run of the other name's words replaced by that run, and
    whether the acronym and at most one more word (its seat) stand for the whole other name."""
    out, whole = [], False
    for word in words:
        run = _acronym_run(word, other) if word not in other and len(word) > 1 else None
        if run is None:
            out.append(word)
            continue
        out.extend(other[run[0] : run[1]])
        covers = run == (0, len(other)) or run == (0, len(_patronless(other)))
        whole = whole or (covers and len(words) <= 2)
    return out, whole


def _acronym_run(acronym: str, words: list[str]) -> tuple[int, int] | None:
    """The run of at least two words whose initials spell the acronym; small words may be
    skipped ("AJP") or spelt ("CKZiU")."""
    for start, word in enumerate(words):
        if word[0] == acronym[0]:
            end = _initials_end(acronym, words, start)
            if end is not None and end - start >= 2:
                return start, end
    return None


def _initials_end(letters: str, words: list[str], i: int) -> int | None:
    if not letters:
        return i
    if i >= len(words):
        return None
    if words[i][0] == letters[0]:
        end = _initials_end(letters[1:], words, i + 1)
        if end is not None:
            return end
    if words[i] in _ACRONYM_SKIPPABLE:
        return _initials_end(letters, words, i + 1)
    return None


def _town_prefixes(towns: Iterable[str]) -> frozenset[str]:
    return frozenset(w[:3] for town in towns for w in fold_words(town) if len(w) > 3)


def _is_town_word(word: str, prefixes: frozenset[str]) -> bool:
    # "w Zielonej Górze" / "Zielona Góra": inflected town names share their first letters.
    return len(word) > 3 and word[:3] in prefixes


def _codes(a: OfferFacts, b: OfferFacts) -> str | None:
    codes = {a.qualification_code, b.qualification_code}
    if None not in codes and len(codes) == 2:
        return f"różne kwalifikacje: {a.qualification_code} / {b.qualification_code}"
    return None


def _kinds(a: OfferFacts, b: OfferFacts) -> str | None:
    group_a = KIND_GROUPS.get(a.kind or "", "course")
    group_b = KIND_GROUPS.get(b.kind or "", "course")
    return None if group_a == group_b else f"różne rodzaje: {a.kind} / {b.kind}"


def _markers(a: OfferFacts, b: OfferFacts) -> str | None:
    markers_a, markers_b = title_markers(a.title), title_markers(b.title)
    variants_a = {m for m in markers_a if m.startswith("wariant:")}
    variants_b = {m for m in markers_b if m.startswith("wariant:")}
    if variants_a != variants_b:
        return f"wyróżnik tylko w jednym tytule: {sorted(variants_a ^ variants_b)}"
    classes = {m.split(":")[0] for m in markers_a} & {m.split(":")[0] for m in markers_b}
    for kind in sorted(classes):
        values_a = {m for m in markers_a if m.startswith(kind + ":")}
        values_b = {m for m in markers_b if m.startswith(kind + ":")}
        if values_a != values_b:
            return f"różne wyróżniki w tytułach: {sorted(values_a)} / {sorted(values_b)}"
    return None


def _providers(a: OfferFacts, b: OfferFacts) -> str | None:
    """None when the providers agree, "shared" when they only share a distinctive word,
    else the refusal."""
    if a.provider and b.provider:
        relation = provider_relation(a.provider, b.provider, (*a.towns, *b.towns))
        if relation in ("same", "contained"):
            return None
        if relation == "shared":
            return "shared"
        return f"różni organizatorzy: {a.provider} / {b.provider}"
    if a.qualification_code and a.qualification_code == b.qualification_code:
        return None
    return "brak organizatora i wspólnego kodu kwalifikacji"


def _title_match(
    words_a: frozenset[str], words_b: frozenset[str], official: bool, same_code: bool = False
) -> str | None:
    if same_code and (not words_a or not words_b):
        return "ten sam kod kwalifikacji"  # "KKZ MOT.05" names only its code
    if not words_a or not words_b:
        return None
    if words_a == words_b:
        return "równe"
    if len(words_a & words_b) / len(words_a | words_b) >= JACCARD_SAME:
        return "prawie równe"
    smaller, larger = sorted((words_a, words_b), key=len)
    enough = same_code or len(smaller) >= MIN_CONTAINED_WORDS
    if not official and enough and smaller <= larger:
        return "zawieranie"
    return None


def _prices_differ(x: EditionFacts, y: EditionFacts) -> bool:
    if x.price_grosze is None or y.price_grosze is None:
        return False
    high = max(x.price_grosze, y.price_grosze)
    return high > 0 and abs(x.price_grosze - y.price_grosze) / high > PRICE_TOLERANCE


def place_key(gmina_teryt: str | None, town: str | None, online: bool = False) -> str | None:
    """Where an edition is held, comparably across sources."""
    if online:
        return "online"
    return gmina_teryt or (fold(town) or None)
