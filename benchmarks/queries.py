"""A log of searches shaped like real use of the catalogue.

Each logged query is the query string a browser would send to `/api/v1/offers`: one to three
words, most naming a subject the way residents type it ("spawanie tig", "kadry płace",
"prawo jazdy"), some broad ("kurs", "online"), some with a town ("angielski żary") or a
qualification code; a fifth typed without Polish letters, a tenth with one typo in a word of
five or more letters, a third with filters. Filters are drawn only from the parameters the API
documents (its OpenAPI schema), so the log follows the filters as they are declared.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from benchmarks.offer_parts import choose_subject
from benchmarks.providers import providers
from benchmarks.query_filters import FILTER_DRAWS
from benchmarks.vocabulary import places, subjects

FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
STOPWORDS = {"i", "w", "z", "na", "od", "do", "dla", "o", "ze", "we", "–", "-", "oraz", "po"}
BROAD = (
    "kurs", "kursy", "szkolenie", "szkolenia", "online", "kurs online", "studia podyplomowe",
    "kkz", "warsztaty", "e-learning", "bezpłatne kursy", "kursy zawodowe", "egzamin",
    "szkolenia dla bezrobotnych", "kurs z certyfikatem", "kurs weekendowy", "dla seniorów",
    "uprawnienia", "kurs zawodowy", "szkolenie online",
)  # fmt: skip
KEYBOARD_NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", (
    "wa", "qes", "wrd", "etf", "ryg", "tuh", "yij", "uok", "ipl", "ol", "qsz", "awdx", "sefc",
    "drgv", "fthb", "gyjn", "hukm", "jil", "kop", "asx", "zsdc", "xdfv", "cfgb", "vghn",
    "bhjm", "njk",
), strict=True))  # fmt: skip
# Towns often typed short ("Zielona Góra" and "Nowa Sól" never are).
SHORT_NAMES = {
    "Gorzów Wielkopolski": ("gorzów", "gorzów wlkp"), "Kostrzyn nad Odrą": ("kostrzyn",),
    "Krosno Odrzańskie": ("krosno",), "Strzelce Krajeńskie": ("strzelce",),
    "Nowogród Bobrzański": ("nowogród",),
}  # fmt: skip
# how a query's words are chosen -> weight
SHAPES = {"subject": 45, "kind and subject": 8, "subject and place": 10, "broad": 10,
          "place": 4, "qualification": 5, "topic": 10, "provider": 3, "inflected": 5}  # fmt: skip


@dataclass(frozen=True)
class LoggedQuery:
    params: tuple[tuple[str, str], ...]  # the query string, in order, as (name, value) pairs
    tags: tuple[str, ...]  # how it was made: shape, "no diacritics", "typo", "filtered", ...

    @property
    def text(self) -> str:
        return next((value for name, value in self.params if name == "q"), "")

    def describe(self) -> str:
        """`'spawanie tig' powiat=0862 free=true` for reports."""
        others = " ".join(f"{name}={value}" for name, value in self.params if name != "q")
        return f"{self.text!r} {others}".strip()


def generate_queries(
    count: int,
    api_params: Mapping[str, Mapping[str, Any]],
    seed: int = 11,
    today: date | None = None,
) -> list[LoggedQuery]:
    """`count` queries; `api_params` maps each `/api/v1/offers` parameter to its OpenAPI schema."""
    today = today or date.today()
    rng = random.Random(f"queries:{seed}")
    folded = set(rng.sample(range(count), round(count / 5)))
    typos = set(rng.sample(range(count), round(count / 10)))
    filtered = set(rng.sample(range(count), round(count / 3)))
    draws = [draw for draw in FILTER_DRAWS if draw.available(api_params)]
    logged = []
    for i in range(count):
        shape, text = _text(rng, need_diacritics=i in folded, need_long_word=i in typos)
        size = len(text.split())
        tags = [shape, f"{size} word" + ("s" if size > 1 else "")]
        if i in folded:
            text = text.translate(FOLD)
            tags.append("no diacritics")
        if i in typos:
            text = with_typo(rng, text)
            tags.append("typo")
        params = [("q", text)]
        if i in filtered and draws:
            params += _filters(rng, draws, api_params, today)
            tags.append("filtered")
        params += _order(rng, params, api_params, tags)
        logged.append(LoggedQuery(tuple(params), tuple(tags)))
    return logged


def _text(rng: random.Random, need_diacritics: bool, need_long_word: bool) -> tuple[str, str]:
    """(shape, text) of one to three words meeting the needs of its later changes."""
    shapes, weights = zip(*SHAPES.items(), strict=True)
    while True:
        shape = rng.choices(shapes, weights)[0]
        words = MAKERS[shape](rng).lower().split()[:3]
        text = " ".join(words)
        if rng.random() < 0.05:
            text = text.capitalize()  # a few type a capital letter first
        if need_diacritics and text == text.translate(FOLD):
            continue
        if need_long_word and not any(len(w) >= 5 and w.isalpha() for w in words):
            continue
        return shape, text


def _subject_words(rng: random.Random) -> str:
    return rng.choice(choose_subject(rng).queries)


def _one_word_subject(rng: random.Random) -> str:
    typed = [q for q in choose_subject(rng).queries if " " not in q]
    return rng.choice(typed) if typed else _one_word_subject(rng)


def _town(rng: random.Random) -> str:
    towns = [p for p in places() if p.weight >= 1]
    name = rng.choices(towns, [p.weight for p in towns])[0].name
    if name in SHORT_NAMES and rng.random() < 0.5:
        return rng.choice(SHORT_NAMES[name])
    return name


def _inflected(rng: random.Random) -> str:
    subject = choose_subject(rng)
    words = []
    for word in subject.genitive.split():
        if word.lower() in STOPWORDS or not word.isalpha():
            break
        words.append(word)
    if not words:
        return _subject_words(rng)
    prefix = rng.choice(("", "", "kurs ", "kursy ", "szkolenie "))
    return prefix + " ".join(words[:2])


def _provider(rng: random.Random) -> str:
    provider = rng.choice([p for sort in providers().values() for p in sort])
    return " ".join(provider.name.replace("–", " ").split()[:3])


MAKERS: dict[str, Callable[[random.Random], str]] = {
    "subject": _subject_words,
    "kind and subject": lambda r: f"{r.choice(('kurs', 'kursy', 'szkolenie'))} "
    + _one_word_subject(r),
    "subject and place": lambda r: f"{_one_word_subject(r)} {_town(r)}",
    "broad": lambda r: r.choice(BROAD),
    "place": _town,
    "qualification": lambda r: r.choice(
        [q for s in subjects() if s.qualification for q in s.queries]
    ),
    "topic": lambda r: r.choice(choose_subject(r).topics),
    "provider": _provider,
    "inflected": _inflected,
}  # fmt: skip


def with_typo(rng: random.Random, text: str) -> str:
    """The text with one edit (substitution, deletion, insertion or transposition) in one of its
    words of five or more letters, never in the first letter."""
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    i = rng.choice(long)
    word = words[i]
    while True:
        at = rng.randrange(1, len(word))
        edit = rng.choice(("substitute", "delete", "insert", "transpose"))
        letter = word[at].lower()
        near = KEYBOARD_NEIGHBOURS.get(letter.translate(FOLD), "aeiou")
        if edit == "substitute":
            changed = word[:at] + rng.choice(near) + word[at + 1 :]
        elif edit == "delete":
            changed = word[:at] + word[at + 1 :]
        elif edit == "insert":
            changed = word[:at] + rng.choice(near + word[at]) + word[at:]
        elif at >= 2:  # swapping letters 1 and 2 would change the first one
            changed = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
        else:
            continue
        if changed != word:
            words[i] = changed
            return " ".join(words)


def _filters(
    rng: random.Random, draws: list[Any], api_params: Mapping[str, Mapping[str, Any]], today: date
) -> list[tuple[str, str]]:
    how_many = rng.choices((1, 2, 3), (65, 28, 7))[0]
    chosen: list[Any] = []
    while len(chosen) < min(how_many, len(draws)):
        draw = rng.choices(draws, [d.weight for d in draws])[0]
        if draw not in chosen:
            chosen.append(draw)
    return [pair for draw in chosen for pair in draw.make(rng, api_params, today)]


def _order(
    rng: random.Random,
    params: list[tuple[str, str]],
    api_params: Mapping[str, Mapping[str, Any]],
    tags: list[str],
) -> list[tuple[str, str]]:
    """Sort and page, as some searches ask for them."""
    extra = []
    sorts = api_params.get("sort", {}).get("enum", [])
    near = any(name == "near" for name, _ in params)
    wanted = rng.choices(("start_date", "price", "distance", ""), (6, 3, 40 if near else 0, 91))[0]
    if wanted and wanted in sorts:
        extra.append(("sort", wanted))
        tags.append("sorted")
    if "page" in api_params and rng.random() < 0.1:
        extra.append(("page", str(rng.choice((2, 2, 2, 2, 3, 4, 5)))))
        tags.append("page > 1")
    return extra


def composition(queries: list[LoggedQuery]) -> Counter[str]:
    """How many queries carry each tag."""
    return Counter(tag for query in queries for tag in query.tags)
