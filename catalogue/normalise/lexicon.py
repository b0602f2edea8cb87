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

from dataclasses import dataclass
from typing import Any

from catalogue.normalise.taxonomy import lexicon_rules
from catalogue.normalise.text import term_matches, words_with_originals

_REQUIRED_DESCRIPTION_TERMS = 2


@dataclass(frozen=True)
class LexiconMatch:
    code: str
    score: tuple[int, int]  # (weighted term count, letters of the matched terms)
    words: tuple[str, ...]  # the source's words that matched, title first


def match_lexicon(title: Any, description: Any = None) -> LexiconMatch | None:
    """The best lexicon rule for the texts, or None when no rule is supported enough."""
    title_words = words_with_originals(title)
    description_words = words_with_originals(description)
    best: LexiconMatch | None = None
    for code, terms in lexicon_rules():
        found = _score(terms, title_words, description_words)
        if found is not None and (best is None or found[0] > best.score):
            # Equal counts go to the longer, more specific terms ("oligofrenopedagog" beats
            # "rehabilit"), then to the rule listed first.
            best = LexiconMatch(code, found[0], found[1])
    return best


def _score(
    terms: tuple[str, ...], title: list[tuple[str, str]], description: list[tuple[str, str]]
) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    title_folded = [w for w, _ in title]
    description_folded = [w for w, _ in description]
    in_title, in_description, letters, words = 0, 0, 0, []
    for term in terms:
        size = len(term.split())
        if hits := term_matches(term, title_folded):
            in_title += 1
            letters += len(term)
            words.append(" ".join(o for _, o in title[hits[0] : hits[0] + size]))
        elif hits := term_matches(term, description_folded):
            in_description += 1
            letters += len(term)
            words.append(" ".join(o for _, o in description[hits[0] : hits[0] + size]))
    if not in_title and in_description < _REQUIRED_DESCRIPTION_TERMS:
        return None
    return (3 * in_title + in_description, letters), tuple(dict.fromkeys(words))
