"""The Polish analyser's words as Meilisearch tokens.

Meilisearch cannot OR alternatives inside one query word: every word of `q` must match (with
`matchingStrategy: all`), and its tokenizer splits `l_kurs` at the underscore. So the
embedded backend's trick (each word looks up all of its stem and lemma keys) becomes:

- each word, in a query and in a document, is reduced to ONE *canonical token*: its folded
  dictionary form when Morfeusz knows the word (`kursów` → `kurs`, `wózków` → `wozek`), else
  its folded surface (`ksiegowosc`, `progr`). Documents carry their words' canonical tokens in
  `title_lemmas`/`body_lemmas`, in order (phrases and synonyms still match there);
- the other keys of each document word (its other lemmas, both Snowball stems, without the
  `l_`/`s_` prefixes) go into `title_keys`/`body_keys`, where Meilisearch's typo tolerance lets a
  word typed without Polish letters meet them (`ksiegowej` is 2 edits from the stem `ksiegow`);
- `q` is the canonical tokens of the query words, stop words left out.

So `kursy księgowej` is sent as `kurs ksiegowa`: it matches "Samodzielna księgowa – kurs" in
`title_lemmas` exactly. What the embedded backend finds and this does not: a word whose only
shared key is a lemma other than the chosen one (`księgowej` → `ksiegowa` does not reach a
document saying only `księgowy`, except through a typo), and a form typed without Polish
letters that Morfeusz cannot analyse and that is more than the allowed typos from every key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from os.path import commonprefix

from catalogue.polish import LEMMA_PREFIX, STEM_PREFIX, fold, word_keys, words
from search.query_terms import QueryTerm, terms_of

# Abbreviations and codes keep their letters: Morfeusz reads `B` (as in "kat. B") as `bit`.
MIN_LEMMATISED_CHARS = 3


def canonical(surface: str, keys: Iterable[str], prefix: bool = False) -> str:
    """The one token that stands for a word (`surface` is folded, `keys` from the analyser).

    Among several lemmas, the one sharing the longest beginning with the word wins, then the
    shortest, then the first alphabetically (`spawania` → `spawanie`, not `spawac`). A word
    still being typed (`prefix`) keeps its letters when they begin a lemma: `spawa` may
    become `spawanie`, and Meilisearch's prefix search of `spawa` finds both.
    """
    lemmas = sorted(k[len(LEMMA_PREFIX) :] for k in keys if k.startswith(LEMMA_PREFIX))
    if not lemmas or surface in lemmas or len(surface) < MIN_LEMMATISED_CHARS:
        return surface
    if prefix and any(lemma.startswith(surface) for lemma in lemmas):
        return surface
    # commonprefix compares characters, which is what is wanted here (RUF071 warns of paths).
    shared = {lemma: len(commonprefix([lemma, surface])) for lemma in lemmas}  # noqa: RUF071
    return max(lemmas, key=lambda lemma: (shared[lemma], -len(lemma)))


def query_text(terms: list[QueryTerm], *, fillers: bool = False) -> str:
    """`q`: the canonical token of every query word but the optional ones (stop words, and
    filler words beside a subject word: `kurs spawania` is sent as `spawanie `; with
    `fillers`, those are kept, as in a synonym's key).

    Meilisearch takes the last word of `q` as a prefix unless `q` ends with a space
    (meilisearch/meilisearch#3066), so a trailing space says the last word is complete, as
    when a place name followed it (`informatyka zielona gora` is sent as `informatyka `).
    """
    kept = [t for t in terms if not (t.stopword or (t.filler and not fillers))] or terms
    text = " ".join(canonical(t.surface, t.keys, t.prefix) for t in kept)
    return text if not kept or kept[-1].prefix else text + " "


def folded(text: str) -> str:
    """The words of `text`, folded (`Szkoła` → `szkola`, as Meilisearch does not fold `ł`)."""
    return " ".join(fold(m.group()) for m in words(text))


def lemmas_and_keys(text: str) -> tuple[str, str]:
    """The canonical token of every word, in order, and every other key, once each."""
    tokens: list[str] = []
    others: dict[str, None] = {}
    for match in words(text):
        keys = word_keys(match.group())
        token = canonical(fold(match.group()), keys)
        tokens.append(token)
        for key in sorted(keys):
            bare = key[len(LEMMA_PREFIX) :] if key.startswith(LEMMA_PREFIX) else key
            bare = bare[len(STEM_PREFIX) :] if key.startswith(STEM_PREFIX) else bare
            if bare != token:
                others[bare] = None
    return " ".join(tokens), " ".join(others)


def phrase_tokens(phrase: str) -> str:
    """A phrase as canonical tokens, as documents hold it (`prawem jazdy` → `prawo jazda`)."""
    return " ".join(canonical(fold(m.group()), word_keys(m.group())) for m in words(phrase))


def query_tokens(phrase: str) -> str:
    """A phrase as `q` would send it: canonical tokens without its stop words."""
    terms = terms_of([m.group() for m in words(phrase)], last_is_prefix=False)
    return query_text(terms, fillers=True).strip()


def synonym_settings(groups: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Synonyms in the token space of `q` and of the `*_lemmas` fields.

    Meilisearch matches synonyms against the query's words, and `q` holds canonical tokens:
    a synonym keyed `prawo jazdy` would never fire for the query `prawo jazdy` (sent as
    `prawo jazda`). Keys are translated as `q` is (stop words left out: `bezpieczeństwo i
    higiena pracy` is sent as `bezpieczenstwo higiena praca`), alternatives as documents hold
    them (Meilisearch looks for a multi-word alternative as a phrase).
    """
    translated: dict[str, list[str]] = {}
    for key, alternatives in groups.items():
        token_key = query_tokens(key)
        if not token_key:
            continue
        merged = translated.setdefault(token_key, [])
        for alternative in alternatives:
            tokens = phrase_tokens(alternative)
            if tokens and tokens != token_key and tokens not in merged:
                merged.append(tokens)
    return {key: values for key, values in translated.items() if values}
