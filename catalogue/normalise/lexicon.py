"""Polish keyword lexicon: folded word prefixes -> ISCED-F 2013 codes.

The rules are rows of `catalogue/data/isced_lexicon.csv`, in priority order. Each rule is a
code and its terms (see `text.term_matches`: parts are word prefixes, a part
ending in "=" must equal the word). A term found in the title counts 3, in the description 1;
the best-scoring rule wins; ties go to the rule whose terms occur at more words
("Księgowość … programu finansowo-księgowego" names accounting twice), then to a subject
over basic programmes 001 (an exam in mathematics is mathematics), then to the longer
matched terms, then to the rule listed first. A description alone decides only with two
different terms, because descriptions mention much besides their subject. Words after
"dla" in a title name the audience, not the subject ("Excel dla nauczycieli"), so they weigh
like the description; only when nothing else matches does the whole title count ("Kurs
dla opiekunów osób starszych").

Decisions a newcomer may question (see SOURCES.md, "ISCED decisions"):
- forklifts/UDT, warehouses and logistics -> 1041 Transport services;
- floristry -> 0214 Handicrafts (decorative craft, not plant growing);
- care of the elderly -> 0921; child care -> 0922; first aid with OHS -> 1022.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from catalogue.normalise.taxonomy import lexicon_rules
from catalogue.normalise.text import part_matches, words_with_originals

_REQUIRED_DESCRIPTION_TERMS = 2
_AUDIENCE = "dla"
TITLE_WEIGHT = 3  # a term in the title counts as much as three in the description
# Terms are looked up by the first letters of their first part, so a text is read once
# instead of once per term (the lexicon has hundreds of terms).
_KEY_LETTERS = 2
# ISCED-F 001 basic programmes are by definition not specialised: a subject named as strongly
# ("egzamin maturalny z matematyki") is the field. Personal skills (003) are a field of their own.
_BASIC_PROGRAMMES = "001"

Term = tuple[int, str, tuple[str, ...]]  # (rule number, term, its parts)


@dataclass(frozen=True)
class LexiconMatch:
    code: str
    # (weighted term count, weighted matches, not 001 basic programmes, letters of the terms)
    score: tuple[int, int, int, int]
    words: tuple[str, ...]  # the source's words that matched, title first
    rivals: tuple[str, ...] = ()  # codes with as many terms, lost on term length or order
    in_title: bool = True  # some term was found in the title, not only in the description


def match_lexicon(title: Any, description: Any = None) -> LexiconMatch | None:
    """The best lexicon rule for the texts, or None when no rule is supported enough."""
    title_words = words_with_originals(title)
    description_words = words_with_originals(description)
    head, audience = _split_audience(title_words)
    return _best(head, audience + description_words) or (
        _best(title_words, description_words) if audience else None
    )


def _split_audience(words: list[tuple[str, str]]) -> tuple[list, list]:
    folded = [w for w, _ in words]
    if _AUDIENCE in folded[1:]:
        cut = folded.index(_AUDIENCE, 1)
        return words[:cut], words[cut:]
    return words, []


def _best(
    title_words: list[tuple[str, str]], description_words: list[tuple[str, str]]
) -> LexiconMatch | None:
    in_title = _found_terms([w for w, _ in title_words])
    in_description = _found_terms([w for w, _ in description_words])
    found_all = []
    for rule_no, (code, terms) in enumerate(lexicon_rules()):
        found = _score(rule_no, terms, title_words, description_words, in_title, in_description)
        if found is not None:
            found_all.append((found[0], -rule_no, code, found[1], found[2]))
    if not found_all:
        return None
    # Equal counts go to more matched words, a subject over 001, the longer terms
    # ("oligofrenopedagog" beats "rehabilit"), then to the rule listed first.
    score, _, code, words, title_matched = max(found_all)
    rivals = {c for s, _, c, _, _ in found_all if s[0] == score[0] and c != code}
    return LexiconMatch(code, score, words, tuple(sorted(rivals)), title_matched)


@lru_cache(maxsize=1)
def _term_index() -> tuple[dict[str, list[Term]], list[Term]]:
    by_key: dict[str, list[Term]] = defaultdict(list)
    short: list[Term] = []  # first part shorter than the key: tried at every word
    for rule_no, (_code, terms) in enumerate(lexicon_rules()):
        for term in terms:
            parts = tuple(term.split())
            head = parts[0].rstrip("=")
            entry = (rule_no, term, parts)
            if len(head) >= _KEY_LETTERS:
                by_key[head[:_KEY_LETTERS]].append(entry)
            else:
                short.append(entry)
    return dict(by_key), short


def _found_terms(words: list[str]) -> dict[tuple[int, str], list[int]]:
    """(rule number, term) -> positions of the term's matches in the words, first first."""
    by_key, short = _term_index()
    found: dict[tuple[int, str], list[int]] = defaultdict(list)
    for start, word in enumerate(words):
        for candidates in (by_key.get(word[:_KEY_LETTERS], ()), short):
            for rule_no, term, parts in candidates:
                # The first part decides most terms: test it before the others.
                if start + len(parts) > len(words) or not part_matches(parts[0], word):
                    continue
                if all(part_matches(parts[i], words[start + i]) for i in range(1, len(parts))):
                    found[(rule_no, term)].append(start)
    return dict(found)


def _score(
    rule_no: int,
    terms: tuple[str, ...],
    title: list[tuple[str, str]],
    description: list[tuple[str, str]],
    in_title: dict[tuple[int, str], list[int]],
    in_description: dict[tuple[int, str], list[int]],
) -> tuple[tuple[int, int, int, int], tuple[str, ...], bool] | None:
    title_count, description_count, letters, words = 0, 0, 0, []
    occurrences = 0  # weighted matches of the rule's terms at distinct words
    # Two terms of a rule starting at the same word ("prac biurow", "pracy biurowej") are
    # one piece of evidence, not two.
    seen: set[tuple[str, int]] = set()  # (text, word position) already evidence
    for term in sorted(terms, key=len, reverse=True):
        size = len(term.split())
        if hits := in_title.get((rule_no, term)):
            text, source, place = "title", title, hits
        elif hits := in_description.get((rule_no, term)):
            text, source, place = "description", description, hits
        else:
            continue
        fresh = [h for h in place if not any((text, i) in seen for i in range(h, h + size))]
        if place[0] not in fresh:  # its first match is already another term's evidence
            continue
        seen.update((text, i) for h in fresh for i in range(h, h + size))
        weight = TITLE_WEIGHT if text == "title" else 1
        occurrences += weight * len(fresh)
        if text == "title":
            title_count += 1
        else:
            description_count += 1
        letters += len(term)
        words.append(" ".join(o for _, o in source[place[0] : place[0] + size]))
    if not title_count and description_count < _REQUIRED_DESCRIPTION_TERMS:
        return None
    specific = int(not lexicon_rules()[rule_no][0].startswith(_BASIC_PROGRAMMES))
    score = (TITLE_WEIGHT * title_count + description_count, occurrences, specific, letters)
    return score, tuple(dict.fromkeys(words)), title_count > 0
