"""The settings of a Meilisearch index, built from the filter declarations and the analyser.

Ranking mirrors the embedded backend (`search.tantivy.query`), which ranks in buckets:
for each word, how exactly it matched (exact or lemma > stem > 1 typo > 2 typos), then in which
field (title > qualification > provider, place > description > tags), summed over the words;
equal scores by soonest upcoming edition, then id. In Meilisearch's rules:

- `sort` first: a requested sort (start date, price, distance) is the whole order, as in the
  embedded backend; without one the rule does nothing;
- `words`: all query words above some (only the OR fallback has partial matches);
- `typo`: fewer typos above more;
- `exactness`: words found as they are (or as their lemma) above words found through a
  synonym or only as the beginning of a longer word, like the embedded EXACT > SYNONYM; its
  other half, fields that start with the query first, is neutralised by a first word in every
  searched field (`search.meili.documents.ANCHOR`);
- `attributeRank`: the order of `searchableAttributes` below, which follows the field points;
  stem-only matches (the `*_keys` fields) come last, as the stem bucket ranks below every exact
  match in the embedded backend (a stem in the title, 340, loses to an exact word in the
  description, 410);
- `start_day:asc`, `id:asc`: the soonest upcoming edition, then the id, break ties (custom
  ranking rules on numeric fields; an offer without a date has day 99 999).

`proximity` and `wordPosition` are left out on purpose: the embedded backend scores neither
word distance nor position (with them, "Florystyka: florystyka ślubna" would beat "Kurs
florystyki" starting sooner, which the contract suite forbids).
"""

from __future__ import annotations

from typing import Any

from search.filters import FILTERS
from search.meili import documents as d
from search.meili.documents import field_token
from search.meili.text import synonym_settings
from search.synonyms import synonym_groups
from search.understanding import FIELD_PREFIX, meanings, thesaurus_pairs

# The title's canonical tokens before its folded words: a title saying "Kurs florystyki" and one
# saying "Florystyka" both hold `florystyka` in `title_lemmas`, so the query `florystyka` ties
# them (the embedded backend gives a lemma match the same points as an exact one).
SEARCHABLE = (
    d.TITLE_LEMMAS,
    d.TITLE_TEXT,
    d.QUALIFICATION_TEXT,
    d.PROVIDER_TEXT,
    d.PLACE_TEXT,
    d.DESCRIPTION_TEXT,
    d.BODY_LEMMAS,
    d.TAGS_TEXT,
    d.TITLE_KEYS,
    d.BODY_KEYS,
)
SORTABLE = (d.START_DAY, d.PRICE_KEY, "id", d.GEO)
RANKING_RULES = (
    "sort", "words", "typo", "exactness", "attributeRank", f"{d.START_DAY}:asc", "id:asc",
)  # fmt: skip
# Meilisearch's defaults, written down because the query terms (`search.query_terms.typo_distance`)
# and the contract suite rely on them: no typo below 5 letters, 2 from 9.
TYPO_TOLERANCE = {"enabled": True, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9}}
# Facet counts must be exact: more values than any facet has (14 powiats + online, the ISCED
# fields), and than the distinct points of places (`point_keys`, read to resolve a distance).
MAX_VALUES_PER_FACET = 10_000
# `totalHits` is exact only up to this many hits (paging with `page`/`hitsPerPage`); above the
# largest catalogue we plan for (the benchmark's 100 000 offers).
MAX_TOTAL_HITS = 1_000_000


def filterable() -> list[str]:
    """Every field a filter reads (date fields as day numbers), the point keys, and `id`."""
    fields = {"id"}
    for spec in FILTERS:
        fields.add(d.POINT_KEYS if spec.field in d.POINT_FIELDS else d.filter_field(spec.field))
    return sorted(fields)


def index_settings() -> dict[str, Any]:
    """The body of `PATCH /indexes/{uid}/settings`."""
    return {
        "searchableAttributes": list(SEARCHABLE),
        "filterableAttributes": filterable(),
        "sortableAttributes": list(SORTABLE),
        "rankingRules": list(RANKING_RULES),
        "typoTolerance": TYPO_TOLERANCE,
        "synonyms": synonyms(),
        "faceting": {"maxValuesPerFacet": MAX_VALUES_PER_FACET},
        "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
        # Language detection on short Polish titles may guess another Latin language (and its
        # segmenter); every attribute is Polish.
        "localizedAttributes": [{"attributePatterns": ["*"], "locales": ["pol"]}],
    }


def synonyms() -> dict[str, list[str]]:
    """The synonym groups of `search.synonyms` in the tokens `q` is sent in.

    Built from the groups' phrases as written (with Polish letters, which Morfeusz needs to
    find lemmas), not from `search.synonyms.meilisearch_synonyms()`, whose folded phrases would
    stay unanalysed (`wozkow widlowych` would not meet the query `wózków widłowych`, sent as
    `wozek widlowy`). Same associations: the phrases of a group are synonyms of each other, a
    query-only phrase leads to them one way.
    """
    groups: dict[str, list[str]] = {}
    for group in synonym_groups():
        phrases = [" ".join(words) for words in group.phrases]
        for phrase in phrases:
            groups.setdefault(phrase, []).extend(p for p in phrases if p != phrase)
        for words in group.query_only:
            groups.setdefault(" ".join(words), []).extend(phrases)
    # A field word ("ogrodnik") also finds the offers filed under its field, which carry the
    # field's token (`search.meili.documents.field_token`), one way (`search.understanding`).
    for meaning in meanings():
        tokens = [field_token(FIELD_PREFIX + code) for code in meaning.fields]
        for words in meaning.phrases if tokens else ():
            groups.setdefault(" ".join(words), []).extend(tokens)
    # The Polish thesaurus leads a word the catalogue does not use to one it does ("szofer" →
    # "kierowca"), one way; Meilisearch ranks it as a curated synonym, below exact words.
    for word, listed in thesaurus_pairs():
        groups.setdefault(word.lower(), []).extend(listed)
    return synonym_settings(groups)
