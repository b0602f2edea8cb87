"""Highlighted snippets: matches marked, everything else escaped."""

from __future__ import annotations

from search.highlight import highlight, snippet
from search.query_terms import query_terms


def test_the_title_is_escaped_and_inflected_matches_are_marked() -> None:
    marked = highlight("Kurs <b>spawania</b> & cięcia", query_terms("spawanie"))
    assert marked == "Kurs &lt;b&gt;<mark>spawania</mark>&lt;/b&gt; &amp; cięcia"


def test_typos_and_started_words_are_marked() -> None:
    assert highlight("Spawanie MAG", query_terms("spwanie")) == "<mark>Spawanie</mark> MAG"
    assert highlight("Programowanie w Pythonie", query_terms("progr")) == (
        "<mark>Programowanie</mark> w Pythonie"
    )


def test_stop_words_are_not_marked() -> None:
    assert highlight("Kurs w Gubinie", query_terms("kurs w")) == "<mark>Kurs</mark> w Gubinie"


def test_a_long_description_is_cut_around_its_first_match() -> None:
    text = "Wstęp. " * 40 + "Egzamin UDT na wózki widłowe. " + "Zakończenie. " * 40
    cut = snippet(text, query_terms("udt"), max_chars=120)
    assert cut.startswith("…") and cut.endswith("…")
    assert "<mark>UDT</mark>" in cut
    assert len(cut.replace("<mark>", "").replace("</mark>", "")) <= 122


def test_a_description_without_a_match_starts_at_its_beginning() -> None:
    text = "Zajęcia <praktyczne> " * 30
    cut = snippet(text, query_terms("spawanie"), max_chars=50)
    assert cut.startswith("Zajęcia &lt;praktyczne&gt;") and cut.endswith("…")
    assert "<mark>" not in cut


def test_no_query_marks_nothing() -> None:
    assert highlight("Kurs & BHP", []) == "Kurs &amp; BHP"


def test_synonym_phrases_of_the_query_are_marked_whole() -> None:
    from search.query_text import SynonymSpan, analyse_query

    analysed = analyse_query("prawo jazdy")
    groups = frozenset(u.group for u in analysed.units if isinstance(u, SynonymSpan))
    terms = list(analysed.terms)
    assert highlight("Kurs na kat. B w Żarach", terms, groups) == (
        "Kurs na <mark>kat. B</mark> w Żarach"
    )
    assert highlight("Kurs na kat. B w Żarach", terms) == "Kurs na kat. B w Żarach"
    long = "Zajęcia teoretyczne i praktyczne. " * 8 + "Kurs przygotowuje do egzaminu na kat. B."
    assert "<mark>kat. B</mark>" in snippet(long, terms, groups=groups)
