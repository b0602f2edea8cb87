"""Extract the synonyms search uses from the Polish thesaurus (LibreOffice's `th_pl_PL_v2.dat`).

    .venv/bin/python scripts/thesaurus_extract.py path/to/th_pl_PL_v2.dat

writes `search/data/thesaurus_pl/thesaurus_pl.csv`: `word,synonyms` rows, synonyms joined by
`|`. The thesaurus (Dobry słownik, Marcin Miłkowski; LGPL 2.1, see the README files beside the
extract) is general Polish, so only what helps a search for learning offers is kept:

- headwords with one sense only ("kurs" has four: direction, price, lessons, course), that
  are nouns only (Morfeusz reads "starszy" as an adjective too, "własny" only as one) and that
  the vocabulary below does not hold: the thesaurus leads from a word the catalogue does not
  use ("budowlanka", "konsulting") to one it does, never widens a word it uses itself;
- synonyms that are one word without a register label ("(potocznie) badylarz" is left out),
  neither a stop word nor a filler word (`search.query_terms.FILLER_LEMMAS`), of 4 letters or
  more;
- synonyms that are nouns, in the catalogue's vocabulary: the words of the reference data
  offers are filed with (`catalogue/data`: occupations, qualifications, programmes, BUR
  categories, ISCED-F names) and of the curated synonyms (`search/data/synonyms.csv`);
- no synonym that more than `MAX_HEADWORDS` headwords lead to: such a word is a hub of vague
  senses ("zespół", "sztuczny", "wspomagający"), not a synonym;
- no headword of a curated synonym group: the curated group says what it means.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from catalogue.polish import STOPWORDS, _analyser, fold, words
from search.identities import word_identities
from search.query_terms import FILLER_LEMMAS
from search.synonyms import SYNONYMS_FILE, synonym_groups

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "catalogue" / "data"
OUT = ROOT / "search" / "data" / "thesaurus_pl" / "thesaurus_pl.csv"
MIN_LETTERS = 4
MAX_HEADWORDS = 2
# Headwords whose one sense is not the one a search for courses means, found by reading the
# extract ("liceum" is no "technikum", a "firma" in "własna firma" no "organizacja").
WRONG_SENSE = frozenset({"biuro", "firma", "hotel", "liceum", "mesjasz", "metoda", "ozór"})
VOCABULARY = {
    "vocational_occupations.csv": ("occupation", "aliases"),
    "vocational_qualifications.csv": ("name", "occupations"),
    "programme_isced.csv": ("name",),
    "bur_categories.csv": ("name",),
    "isced_f_2013.csv": ("name_pl",),
}


def vocabulary() -> set[str]:
    """Every identity (folded form, folded lemmas) of the words of the reference data."""
    texts = []
    for name, columns in VOCABULARY.items():
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            texts += [row[c] or "" for row in csv.DictReader(handle) for c in columns]
    with SYNONYMS_FILE.open(encoding="utf-8", newline="") as handle:
        texts += [f"{row['phrases']} {row['query_only']}" for row in csv.DictReader(handle)]
    return {i for text in texts for m in words(text) for i in word_identities(m.group())}


def entries(path: Path) -> list[tuple[str, list[str]]]:
    """(headword, synonyms) of the one-sense headwords of a MyThes v2 file."""
    lines = path.read_text(encoding="utf-8").split("\n")[1:]  # the first names the encoding
    found, i = [], 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if "|" not in line or line.startswith("-|"):
            continue
        head, count = line.rsplit("|", 1)
        senses = lines[i : i + int(count)]
        i += int(count)
        if len(senses) == 1:
            found.append((head, senses[0].split("|")[1:]))
    return found


def usable(word: str) -> bool:
    return (
        " " not in word
        and "(" not in word
        and len(word) >= MIN_LETTERS
        and fold(word) not in STOPWORDS
        and not word_identities(word.lower()) & FILLER_LEMMAS
    )


def tags(word: str) -> set[str]:
    """Morfeusz's parts of speech of a word (`subst`, `adj` …), of its first segment."""
    return {i[2].split(":")[0] for start, _, i in _analyser().analyse(word) if start == 0}


def extract(path: Path) -> list[tuple[str, list[str]]]:
    known = vocabulary()
    curated = {i for g in synonym_groups() for p in g.phrases + g.query_only for i in p}
    kept = []
    for head, listed in entries(path):
        synonyms = [s.strip(" ;,.") for s in listed]
        identities = word_identities(head.lower())
        if head.lower() in WRONG_SENSE or not usable(head) or tags(head) != {"subst"}:
            continue
        if identities & (curated | known):
            continue
        chosen = [
            s
            for s in synonyms
            if s != head and usable(s) and word_identities(s.lower()) & known and "subst" in tags(s)
        ]
        if chosen:
            kept.append((head, list(dict.fromkeys(chosen))))
    hubs = Counter(s for _, synonyms in kept for s in synonyms)
    pruned = [(h, [s for s in ss if hubs[s] <= MAX_HEADWORDS]) for h, ss in kept]
    return sorted((h, ss) for h, ss in pruned if ss)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rows = extract(Path(argv[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["word", "synonyms"])
        writer.writerows((head, "|".join(synonyms)) for head, synonyms in rows)
    print(f"{len(rows)} words, {sum(len(s) for _, s in rows)} synonyms -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
