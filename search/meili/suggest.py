"""Search-as-you-type on Meilisearch: the embedded backend's suggestions
(`search.tantivy.suggest`), asked in one `POST /multi-search` of three small queries:

1. where offers are held (the facet of `powiat`, no hits), for the place suggestions, which
   need no index otherwise (`search.suggestions.place_suggestions`);
2. qualifications: the words in `qualification_text` only, three fields retrieved;
3. titles: the words in the title's tokens and folded words, only `title` retrieved.

The last word is a prefix (`attributesToSearchOn` limits each query to its fields), with the
typo tolerance of a search.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue.polish import fold, words
from search.interface import Suggestion
from search.meili import documents as d
from search.meili.results import distribution
from search.meili.text import query_text
from search.query_terms import terms_of
from search.suggestions import MAX_PLACES, MAX_QUALIFICATIONS, place_suggestions

QUALIFICATION_FIELDS = ("qualification_code", "qualification_name", "occupation")
MAX_QUALIFICATION_HITS = 20


def suggest_body(uid: str, text: str, limit: int) -> dict[str, Any] | None:
    """The multi-search body of the suggestions for `text`; None when there is nothing to ask."""
    typed = [m.group() for m in words(text)]
    if not typed or limit < 1:
        return None
    # What is being typed is matched word for word, filler words too, as by the embedded backend.
    q = query_text(terms_of(typed[-10:], last_is_prefix=True), fillers=True)
    common = {"indexUid": uid, "q": q, "matchingStrategy": "all"}
    return {
        "queries": [
            {"indexUid": uid, "q": "", "hitsPerPage": 0, "facets": ["powiat"]},
            {
                **common,
                "attributesToSearchOn": [d.QUALIFICATION_TEXT],
                "attributesToRetrieve": list(QUALIFICATION_FIELDS),
                "limit": MAX_QUALIFICATION_HITS,
            },
            {
                **common,
                "attributesToSearchOn": [d.TITLE_LEMMAS, d.TITLE_TEXT],
                "attributesToRetrieve": ["title"],
                "limit": 3 * limit,
            },
        ]
    }


def suggestions(text: str, answer: Mapping[str, Any], limit: int) -> list[Suggestion]:
    """Places, then qualifications, then titles, at most `limit`, no text twice."""
    held_answer, qualification_answer, title_answer = answer["results"]
    held = distribution(held_answer, "powiat")
    places = place_suggestions(text, lambda code: held.get(code, 0) > 0, MAX_PLACES)
    qualifications = _qualifications(qualification_answer)[:MAX_QUALIFICATIONS]
    titles = [
        Suggestion("title", hit["title"], hit["title"])
        for hit in title_answer.get("hits") or ()
        if hit.get("title")
    ]
    chosen: dict[str, Suggestion] = {}
    for suggestion in [*places, *qualifications, *titles]:
        chosen.setdefault(fold(suggestion.text), suggestion)
    return list(chosen.values())[:limit]


def _qualifications(answer: Mapping[str, Any]) -> list[Suggestion]:
    found = []
    for hit in answer.get("hits") or ():
        code, name = hit.get("qualification_code") or "", hit.get("qualification_name") or ""
        if code or name:
            text = f"{code} {name}".strip()
            detail = hit.get("occupation") or ""
            found.append(Suggestion("qualification", text, code or name, detail))
    return found
