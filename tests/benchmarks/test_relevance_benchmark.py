"""The relevance benchmark's scoring: metrics on hand-made rankings, the judgements' rules, and
a small catalogue indexed and scored end to end (nothing about the figures is asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.judged_catalogue import Truth, build
from benchmarks.relevance import (
    TYPES,
    Judged,
    JudgementError,
    judge,
    load,
    matches,
    ndcg,
    print_changes,
    score,
    scores,
    success_at_1,
    summary,
    table,
)
from search.tantivy import EmbeddedBackend


def truth(**changes: object) -> Truth:
    values: dict[str, object] = {
        "id": 1, "title": "Kurs spawania metodą TIG – Żary", "subject": "Spawanie metodą TIG (141)",
        "isced": "0715", "kind": "course", "prk": None, "form": "on_site", "free": False,
        "audience": None, "towns": frozenset({"Żary"}), "powiats": frozenset({"żarski"}),
        "language": "pl", "teaches": None, "qualification": None, "occupation": None,
        "schedule": frozenset(), "degree": None, "level": None,
    }  # fmt: skip
    values.update(changes)
    return Truth(**values)  # type: ignore[arg-type]


def test_a_perfect_ranking_scores_one_and_a_reversed_or_diluted_one_less() -> None:
    relevant = [2, 2, 1, 1]
    assert ndcg([2, 2, 1, 1], relevant) == pytest.approx(1.0)
    assert ndcg([2, 2, 1, 1, 0, 0], relevant) == pytest.approx(1.0)  # extra misses after all
    reversed_ = ndcg([1, 1, 2, 2], relevant)
    assert 0 < reversed_ < 1
    assert ndcg([0, 2, 2, 1, 1], relevant) < 1  # a miss first
    assert ndcg([0, 2, 2, 1, 1], relevant) > ndcg([0, 0, 0, 2, 2], relevant)
    assert ndcg([], relevant) == 0.0
    assert ndcg([0, 0, 0], relevant) == 0.0
    # Only the first ten count: the same hit at rank 11 is worth nothing.
    assert ndcg([0] * 10 + [2], [2]) == 0.0
    # An exact hit is worth more than a related one at the same rank.
    assert ndcg([2, 0], [2, 1]) > ndcg([1, 0], [2, 1])


def test_success_at_one_needs_an_exactly_relevant_first_result() -> None:
    assert success_at_1([2, 0, 0])
    assert not success_at_1([1, 2, 2])
    assert not success_at_1([0, 2])
    assert not success_at_1([])


def test_rules_read_the_offers_ground_truth() -> None:
    welding = truth()
    assert matches(welding, {"subject": "^spawanie", "town": "Żary"})
    assert not matches(welding, {"subject": "^spawanie", "town": "Zielona Góra"})
    assert matches(welding, [{"town": "Zielona Góra"}, {"isced": ["0715"]}])  # any of a list
    assert matches(welding, {"isced": "071", "not_subject": "MAG"})
    assert not matches(welding, {"not_isced": "07"})
    assert matches(truth(form="blended"), {"online": True})
    assert not matches(welding, {"online": True})
    assert matches(
        truth(free=True, audience="bezrobotni"), {"free": True, "audience": "bezrobotni"}
    )
    assert matches(truth(schedule=frozenset({"weekend"})), {"schedule": ["evening", "weekend"]})
    assert matches(
        truth(kind="studies", prk=6, degree="inżynier"), {"prk": [6], "degree": "inżynier"}
    )
    with pytest.raises(JudgementError):
        matches(welding, {"title": "spawania"})


def test_a_query_no_offer_is_exactly_relevant_to_is_an_error() -> None:
    offers = [truth(), truth(id=2, subject="Prawo jazdy kat. B", isced="1041")]
    queries = [Judged("place", "spawanie żary", {"subject": "^Spawanie"}, {"isced": "1041"})]
    [judged] = judge(queries, offers)
    assert judged.grades == {1: 2, 2: 1}
    with pytest.raises(JudgementError, match="kurs spawania gubin"):
        judge([Judged("honesty", "kurs spawania gubin", {"town": "Gubin"})], offers)


def test_the_judged_file_has_every_type_and_each_query_an_exactly_relevant_offer() -> None:
    queries = load()
    assert len(queries) >= 300
    for name in TYPES:
        assert sum(q.type == name for q in queries) >= 25, name
    assert len({q.text for q in queries}) == len(queries)  # no query judged twice
    judged = judge(queries, build().truths)  # raises if a query has no exact offer
    assert all(2 in q.grades.values() for q in judged)


def test_a_small_catalogue_is_indexed_searched_and_scored_by_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = build(offers=400, degrees=20)
    wanted = {"spawania", "dla bezrobotnych", "darmowe", "podyplomowe", "wozki widlowe"}
    queries = judge([q for q in load() if q.text in wanted], catalogue.truths)
    assert len(queries) == len(wanted)
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(catalogue.documents)
    scored = score(backend, queries)
    assert [s.query.text for s in scored] == [q.text for q in queries]
    assert all(0.0 <= s.ndcg <= 1.0 and len(s.ranked) <= 10 for s in scored)
    rows = summary(scored)
    assert rows["overall"][0] == len(queries)
    assert set(rows) - {"overall"} == {q.type for q in queries}
    lines = table(rows)
    assert lines[-1].split()[0] == "overall" and lines[-1].split()[-1] in ("PASS", "FAIL")
    # --save and --compare: a saved run half a point lower lists every query as moved.
    saved = scores(scored)
    assert set(saved) == wanted
    before = {text: {**figures, "ndcg": figures["ndcg"] - 0.5} for text, figures in saved.items()}
    print_changes(before, scored)
    assert f"since the saved run: {len(wanted)}" in capsys.readouterr().out
    print_changes(saved, scored)
    assert "since the saved run: 0" in capsys.readouterr().out
