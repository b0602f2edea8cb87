"""Polish keyword lexicon: folded word prefixes -> ISCED-F 2013 codes.

The rules are rows of `catalogue/data/isced_lexicon.csv`, in priority order. Each rule is a
code and its terms (see `text.term_matches`: parts are word prefixes, a part
ending in "=" must equal the word). A term found in the title counts 3, in the description 1;
the best-scoring rule wins, ties go to the longer matched terms, then to the rule listed
first. A description alone decides only with two different terms, because descriptions
mention much besides their subject.

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
# Terms are looked up by the first letters of their first part, so a text is read once
# instead of once per term (the lexicon has hundreds of terms).
_KEY_LETTERS = 2

Term = tuple[int, str, tuple[str, ...]]  # (rule number, term, its parts)


@dataclass(frozen=True)
class LexiconMatch:
    code: str
    score: tuple[int, int]  # (weighted term count, letters of the matched terms)
    words: tuple[str, ...]  # the source's words that matched, title first


def match_lexicon(title: Any, description: Any = None) -> LexiconMatch | None:
    """The best lexicon rule for the texts, or None when no rule is supported enough."""
    title_words = words_with_originals(title)
    description_words = words_with_originals(description)
    in_title = _found_terms([w for w, _ in title_words])
    in_description = _found_terms([w for w, _ in description_words])
    best: LexiconMatch | None = None
    for rule_no, (code, terms) in enumerate(lexicon_rules()):
        found = _score(rule_no, terms, title_words, description_words, in_title, in_description)
        if found is not None and (best is None or found[0] > best.score):
            # Equal counts go to the longer, more specific terms ("oligofrenopedagog" beats
            # "rehabilit"), then to the rule listed first.
            best = LexiconMatch(code, found[0], found[1])
    return best


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


def _found_terms(words: list[str]) -> dict[tuple[int, str], int]:
    """(rule number, term) -> position of the term's first match in the words."""
    by_key, short = _term_index()
    found: dict[tuple[int, str], int] = {}
    for start, word in enumerate(words):
        for rule_no, term, parts in [*by_key.get(word[:_KEY_LETTERS], ()), *short]:
            if (rule_no, term) in found or start + len(parts) > len(words):
                continue
            if all(part_matches(p, words[start + i]) for i, p in enumerate(parts)):
                found[(rule_no, term)] = start
    return found


def _score(
    rule_no: int,
    terms: tuple[str, ...],
    title: list[tuple[str, str]],
    description: list[tuple[str, str]],
    in_title: dict[tuple[int, str], int],
    in_description: dict[tuple[int, str], int],
) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    title_count, description_count, letters, words = 0, 0, 0, []
    for term in terms:
        size = len(term.split())
        if (hit := in_title.get((rule_no, term))) is not None:
            title_count += 1
            letters += len(term)
            words.append(" ".join(o for _, o in title[hit : hit + size]))
        elif (hit := in_description.get((rule_no, term))) is not None:
            description_count += 1
            letters += len(term)
            words.append(" ".join(o for _, o in description[hit : hit + size]))
    if not title_count and description_count < _REQUIRED_DESCRIPTION_TERMS:
        return None
    return (3 * title_count + description_count, letters), tuple(dict.fromkeys(words))
