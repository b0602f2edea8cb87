"""Exchange formats (issue 14, part 7): offers as ELM 3 learning opportunities in JSON-LD.

The export is read back as RDF with the EDC JSON-LD context of the European Learning Model
and checked against the SHACL shapes of its Learning Opportunities and Qualifications profile
(both kept in tests/web/data/elm3/, with their source and licence in tests/web/data/README.md).
The shapes are closed: a property the profile does not have on a class is a violation, as is a
missing required one, a count past its maximum, a value of the wrong class or datatype.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from tests.web.web_support import OFFERS, Catalogue

pytestmark = pytest.mark.pages_not_database

DATA = Path(__file__).parent / "data" / "elm3"
SH = Namespace("http://www.w3.org/ns/shacl#")
ELM = Namespace("http://data.europa.eu/snb/model/elm/")
DC = Namespace("http://purl.org/dc/terms/")
PUBLIC = "http://127.0.0.1:8000"
EDC_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"

Violation = tuple[str, str, str]  # focus node's class, property, what is wrong


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(DATA / "loq_shapes_extract.ttl", format="turtle")


def as_rdf(document: dict[str, Any]) -> Graph:
    """The JSON-LD read as RDF, the EDC context taken from the stored copy (no network)."""
    stored = json.loads((DATA / "edc-ap-context.jsonld").read_text(encoding="utf-8"))["@context"]
    context = [stored if c == EDC_CONTEXT else c for c in document["@context"]]
    return Graph().parse(data=json.dumps({**document, "@context": context}), format="json-ld")


def _short(node: Node) -> str:
    text = str(node)
    return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def shacl_violations(data: Graph, shapes: Graph) -> list[Violation]:
    """The shapes' constraints the data breaks: targetClass, closed, minCount, maxCount,
    class (or a list of classes in sh:or), datatype (a language-tagged string for
    rdf:langString). What the profile's shapes use, nothing more."""
    found: list[Violation] = []
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        target = shapes.value(shape, SH.targetClass)
        properties = list(shapes.objects(shape, SH.property))
        paths = {shapes.value(p, SH.path) for p in properties}
        closed = shapes.value(shape, SH.closed) == Literal(True)
        for focus in set(data.subjects(RDF.type, target)):
            where = _short(target)
            if closed:
                for predicate in set(data.predicates(focus)) - paths - {RDF.type}:
                    found.append((where, _short(predicate), "not in the closed shape"))
            for constraint in properties:
                found += _property_violations(data, shapes, focus, constraint, where)
    return sorted(found)


def _property_violations(
    data: Graph, shapes: Graph, focus: Node, constraint: Node, where: str
) -> list[Violation]:
    path = shapes.value(constraint, SH.path)
    values = list(data.objects(focus, path))
    name = _short(path)
    found: list[Violation] = []
    least, most = shapes.value(constraint, SH.minCount), shapes.value(constraint, SH.maxCount)
    if least is not None and len(values) < int(least):
        found.append((where, name, f"fewer than {least}"))
    if most is not None and len(values) > int(most):
        found.append((where, name, f"more than {most}"))
    classes = [shapes.value(constraint, SH["class"])]
    alternatives = shapes.value(constraint, SH["or"])
    if alternatives is not None:
        classes = [shapes.value(item, SH["class"]) for item in Collection(shapes, alternatives)]
    classes = [c for c in classes if c is not None]
    datatype = shapes.value(constraint, SH.datatype)
    for value in values:
        if classes and not any((value, RDF.type, c) in data for c in classes):
            found.append((where, name, "not of class " + "|".join(_short(c) for c in classes)))
        if datatype is None:
            continue
        if not isinstance(value, Literal):
            found.append((where, name, f"not a literal of {_short(datatype)}"))
        elif datatype == RDF.langString:
            if not value.language:
                found.append((where, name, "no language tag"))
        elif value.datatype != datatype and not (
            value.datatype is None and datatype == URIRef("http://www.w3.org/2001/XMLSchema#string")
        ):
            found.append(
                (where, name, f"{_short(value.datatype or 'string')} not {_short(datatype)}")
            )
    return found


def expected_gaps(offer: dict[str, Any]) -> list[Violation]:
    """What the catalogue does not know, so the export cannot give (the decision record):
    learning outcomes always; a qualification's levels when its PRK level is unknown."""
    target = "Qualification" if offer.get("qual") else "LearningAchievementSpecification"
    gaps = [(target, "learningOutcome", "fewer than 1")]
    if offer.get("qual") and not offer.get("prk"):
        gaps += [(target, "EQFLevel", "fewer than 1"), (target, "NQFLevel", "fewer than 1")]
    return gaps


def test_the_export_holds_every_published_offer_and_only_the_profiles_terms(
    client: TestClient, catalogue: Catalogue, shapes: Graph
) -> None:
    answer = client.get("/api/v1/export/elm.jsonld")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/ld+json")
    document = answer.json()
    assert document["@context"][0] == EDC_CONTEXT
    published = {k for k, i in catalogue.ids.items() if not catalogue.offer(k).get("withdrawn")}
    ids = [node["id"] for node in document["@graph"]]
    assert sorted(ids) == sorted(
        f"{PUBLIC}/oferty/{catalogue.ids[k]}#learning-opportunity" for k in published
    )
    graph = as_rdf(document)
    assert len(set(graph.subjects(RDF.type, ELM.LearningOpportunity))) == len(published)
    expected: list[Violation] = []
    for key in published:
        expected += expected_gaps(catalogue.offer(key))
    # Two offers preparing for the same qualification share its node: its gaps count once.
    seen_qualifications = {o["qual"] for o in OFFERS if o.get("qual") and o["key"] in published}
    for code in seen_qualifications:
        repeats = sum(1 for k in published if catalogue.offer(k).get("qual") == code) - 1
        for _ in range(repeats):
            for gap in expected_gaps(next(o for o in OFFERS if o.get("qual") == code)):
                expected.remove(gap)
    assert shacl_violations(graph, shapes) == sorted(expected)


def _one(client: TestClient, catalogue: Catalogue, key: str) -> dict[str, Any]:
    answer = client.get(f"/api/v1/offers/{catalogue.ids[key]}/elm.jsonld")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/ld+json")
    document = answer.json()
    assert len(document["@graph"]) == 1
    return document


def test_an_offer_leading_to_a_qualification_maps_its_code_levels_and_field(
    client: TestClient, catalogue: Catalogue, shapes: Graph
) -> None:
    document = _one(client, catalogue, "mec08")
    assert shacl_violations(as_rdf(document), shapes) == expected_gaps(catalogue.offer("mec08"))
    opportunity = document["@graph"][0]
    qualification = opportunity["learningAchievementSpecification"]
    assert qualification["type"] == "Qualification"
    assert qualification["qualificationCode"]["notation"] == "MEC.08"
    assert qualification["eqfLevel"]["id"] == "http://data.europa.eu/snb/eqf/3"
    assert qualification["nqfLevel"]["notation"] == "3"
    assert qualification["thematicArea"]["id"] == "http://data.europa.eu/snb/isced-f/0715"
    assert qualification["learningSetting"]["prefLabel"] == {"en": "formal learning"}
    assert opportunity["dcType"]["prefLabel"] == {"en": "Educational programme"}
    assert [m["prefLabel"]["en"] for m in opportunity["mode"]] == ["Presential"]
    assert opportunity["homepage"]["contentURL"] == f"{PUBLIC}/oferty/{catalogue.ids['mec08']}"
    assert opportunity["providedBy"]["legalName"] == {
        "pl": "Centrum Kształcenia Ustawicznego w Gorzowie Wielkopolskim"
    }
    assert opportunity["defaultLanguage"]["id"].endswith("/language/POL")


def test_a_course_maps_its_editions_prices_and_mode(
    client: TestClient, catalogue: Catalogue, shapes: Graph
) -> None:
    spec = catalogue.offer("mag")
    document = _one(client, catalogue, "mag")
    assert shacl_violations(as_rdf(document), shapes) == expected_gaps(spec)
    opportunity = document["@graph"][0]
    specification = opportunity["learningAchievementSpecification"]
    assert specification["type"] == "LearningAchievementSpecification"
    assert specification["learningSetting"]["prefLabel"] == {"en": "non-formal learning"}
    assert specification["volumeOfLearning"] == "PT146H"
    prices = sorted(float(p["amount"]["value"]) for p in opportunity["priceDetail"])
    assert prices == sorted(e["price"] / 100 for e in spec["editions"] if e["price"] is not None)
    assert all(p["amount"]["unit"]["notation"] == "PLN" for p in opportunity["priceDetail"])
    towns = {loc["geographicName"]["pl"] for loc in opportunity["location"]}
    assert towns == {e["town"] for e in spec["editions"] if e["town"]}
    assert opportunity["temporal"]["startDate"] <= opportunity["temporal"].get("endDate", "9")
    lines = opportunity["scheduleInformation"]["noteLiteral"]["pl"].splitlines()
    assert len(lines) == len(spec["editions"])


def test_online_free_and_editionless_offers(
    client: TestClient, catalogue: Catalogue, shapes: Graph
) -> None:
    online = _one(client, catalogue, "de")["@graph"][0]
    assert [m["prefLabel"]["en"] for m in online["mode"]] == ["Online"]
    editionless = _one(client, catalogue, "bookkeeping")
    node = editionless["@graph"][0]
    assert not {"temporal", "location", "priceDetail", "scheduleInformation"} & set(node)
    assert shacl_violations(as_rdf(editionless), shapes) == expected_gaps(
        catalogue.offer("bookkeeping")
    )
    free = next(
        k for k in catalogue.ids if any(e["price"] == 0 for e in catalogue.offer(k)["editions"])
    )
    node = _one(client, catalogue, free)["@graph"][0]
    assert "0" in {p["amount"]["value"] for p in node["priceDetail"]}
    # A withdrawn offer's page is public, so is its ELM; it is not in the export.
    assert client.get(f"/api/v1/offers/{catalogue.ids['massage']}/elm.jsonld").status_code == 200
    assert client.get("/api/v1/offers/999999/elm.jsonld").status_code == 404


def test_the_validator_sees_what_breaks_the_profile(
    client: TestClient, catalogue: Catalogue, shapes: Graph
) -> None:
    document = _one(client, catalogue, "mag")
    node = document["@graph"][0]
    del node["title"]  # required
    node["providedBy"]["nickname"] = {"pl": "x"}  # unknown terms are dropped by JSON-LD…
    node["providedBy"]["altLabel"] = "bez języka"  # … a known one without a language is not
    node["temporal"]["startDate"] = [node["temporal"]["startDate"], "2030-01-01T00:00:00"]
    node["learningAchievementSpecification"]["type"] = "Note"  # the wrong class
    node["mode"][0]["id"] = "http://example.org/not-a-concept"
    node["mode"][0]["type"] = "WebResource"
    violations = shacl_violations(as_rdf(document), shapes)
    assert ("LearningOpportunity", "title", "fewer than 1") in violations
    assert ("Organisation", "altLabel", "no language tag") in violations
    assert ("PeriodOfTime", "startDate", "more than 1") in violations
    assert (
        "LearningOpportunity",
        "learningAchievementSpecification",
        "not of class LearningAchievementSpecification|QualificationReference|Qualification",
    ) in violations
    assert ("LearningOpportunity", "mode", "not of class Concept") in violations
    assert ("Note", "title", "not in the closed shape") in violations
