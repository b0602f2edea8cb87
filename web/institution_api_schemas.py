"""The JSON shapes of the institutions' write API (`web/routes/institution_api.py`).

The body of an offer is `catalogue.offer_fields.OfferFields` (docs/feeds.md's columns in the
institution's words) with English names, bounds and a description per field, so that
/openapi.json documents it; a problem is a `catalogue.offer_fields.Problem` with the JSON
field it is about.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from catalogue.models import Offer, OfferPublic, OfferStatus
from catalogue.offer_fields import EditionFields, OfferFields, Problem
from web.offers import offer_public

MAX_TEXT = 500
MAX_DESCRIPTION = 20_000
MAX_EDITIONS = 300
MAX_EXTRAS = 50
RESERVED_EXTRAS = "panel_"
MAX_EXTERNAL_ID = 200
EXTERNAL_ID_PATTERN = r"^[^\x00-\x1f\x7f]+$"

Text = Annotated[str | None, Field(max_length=MAX_TEXT)]
Integer = Annotated[int, Field(ge=-(10**9), le=10**9)]
Number = Annotated[float, Field(ge=-1e9, le=1e9, allow_inf_nan=False)]
# Numbers may come as JSON numbers or as the institution writes them ("1 200,00 zł", "120 godz.").
Amount = Integer | Number | Text
ExternalIdText = Annotated[
    str, Field(min_length=1, max_length=MAX_EXTERNAL_ID, pattern=EXTERNAL_ID_PATTERN)
]


def _text(column: str, about: str, example: str | None = None) -> Any:
    description = f"`{column}`: {about}" + (f", e.g. `{example}`" if example else "")
    return Field(None, description=description)


class EditionBody(BaseModel):
    """One edition (termin): docs/feeds.md's edition columns."""

    model_config = ConfigDict(extra="forbid")

    external_id: Text = _text("id_terminu", "the edition's own id", "W-2027-01")
    start: Text = _text("data_rozpoczecia", "YYYY-MM-DD or DD.MM.YYYY", "2027-03-15")
    end: Text = _text("data_zakonczenia", "YYYY-MM-DD or DD.MM.YYYY", "2027-06-30")
    enrolment_end: Text = _text("koniec_zapisow", "the last day of enrolment", "2027-03-01")
    town: Text = _text("miejscowosc", "the place in Lubuskie; empty online", "Nowa Sól")
    address: Text = _text("adres", "street and number", "ul. Staszica 1")
    postcode: Text = _text("kod_pocztowy", "the postcode", "67-100")
    price: Amount = _text("cena", "per participant, gross, in złoty; 0 or 'bezpłatny': free")
    seats: Integer | Text = _text("liczba_miejsc", "how many places", "12")
    form: Text = _text("forma", "this edition's form, if not the offer's", "online")


class OfferBody(BaseModel):
    """An offer as the institution writes it: docs/feeds.md's offer columns."""

    model_config = ConfigDict(extra="forbid")

    title: Text = _text("tytul", "the name of the offer (required)")
    url: Text = _text("url", "its page, a full http(s) address (required)")
    description: Annotated[str | None, Field(max_length=MAX_DESCRIPTION)] = _text("opis", "")
    kind: Text = _text("rodzaj", "the kind of offer", "KKZ")
    category: Text = _text("kategoria", "the institution's own field", "Informatyka")
    qualification_code: Text = _text("kod_kwalifikacji", "a vocational qualification", "ELE.02")
    qualification_name: Text = _text("nazwa_kwalifikacji", "its name")
    occupation: Text = _text("zawod", "the occupation", "elektryk")
    level: Integer | Text = _text("poziom_prk", "the PRK level, 1-8", "4")
    isced: Text = _text("", "an ISCED-F 2013 code the institution states", "0713")
    form: Text = _text("forma", "on site, online or blended", "stacjonarna")
    language: Text = _text("jezyk", "the language of instruction", "polski")
    duration_hours: Amount = _text("liczba_godzin", "hours of classes", "120")
    funding: Text = _text("finansowanie", "funding", "KFS")
    audience: Text = _text("grupa_docelowa", "who it is for", "Osoby dorosłe")
    provider_name: Text = _text("organizator", "the organiser, if not the institution")
    provider_url: Text = _text("organizator_www", "the organiser's site")
    provider_town: Text = _text("organizator_miejscowosc", "the organiser's town")
    editions: list[EditionBody] = Field(default_factory=list, max_length=MAX_EDITIONS)
    extras: dict[str, Any] = Field(
        default_factory=dict,
        max_length=MAX_EXTRAS,
        description="Other columns, kept as given (names starting `panel_` are the catalogue's)",
    )

    @field_validator("extras")
    @classmethod
    def _own_names_only(cls, extras: dict[str, Any]) -> dict[str, Any]:
        # The catalogue keeps its own facts in extras["panel_…"] (what review compares).
        reserved = sorted(k for k in extras if k.startswith(RESERVED_EXTRAS) or len(k) > 100)
        if reserved:
            raise ValueError(f"names reserved or too long: {reserved}")
        return extras

    def to_fields(self) -> OfferFields:
        data = self.model_dump(exclude={"editions"})
        editions = [EditionFields(**edition.model_dump()) for edition in self.editions]
        return OfferFields(**data, editions=editions)


class NewOfferBody(OfferBody):
    external_id: ExternalIdText = Field(
        description="The institution's own id of the offer (`id_oferty` of its files)"
    )


class ProblemOut(BaseModel):
    code: str = Field(description="Stable: `end_before_start`, `unknown_place`…")
    field: str = Field(description="The JSON field, e.g. `editions[0].end`")
    column: str = Field(description="The docs/feeds.md column, as the upload reports it")
    message: str = Field(description="In Polish")
    message_en: str
    severity: str = Field(description="`error` (not saved) or `warning` (saved)")


class OfferSummary(BaseModel):
    id: int
    external_id: str
    title: str
    status: OfferStatus
    last_changed: datetime


class OfferList(BaseModel):
    total: int = Field(description="How many offers the institution has")
    offers: list[OfferSummary] = Field(description="This page, by id; next: `after` = last id")


class InstitutionOffer(OfferSummary):
    fields: OfferBody | None = Field(
        description="As the institution wrote it (the body PUT takes); null when written "
        "another way beyond this API's bounds"
    )
    catalogue: OfferPublic = Field(description="How the catalogue files it (normalised)")


class ReviewReasonOut(BaseModel):
    code: str = Field(description="`first_offers`, `price_change`, `title_changed`…")
    message: str = Field(description="In Polish")
    message_en: str


class SavedAnswer(BaseModel):
    id: int
    external_id: str
    status: OfferStatus = Field(description="draft, review (awaiting the coordinator) or active")
    changed: bool = Field(description="False: the same as before, nothing was written")
    review_reasons: list[ReviewReasonOut] = Field(
        default_factory=list, description="Why it waits for review (`catalogue/moderation.py`)"
    )
    warnings: list[ProblemOut] = Field(default_factory=list, description="Saved nevertheless")


# The docs/feeds.md column of a problem -> the body's field (an edition's when it has one).
OFFER_FIELDS = {
    "id_oferty": "external_id", "tytul": "title", "url": "url", "opis": "description",
    "rodzaj": "kind", "kategoria": "category", "kod_kwalifikacji": "qualification_code",
    "nazwa_kwalifikacji": "qualification_name", "zawod": "occupation", "poziom_prk": "level",
    "isced": "isced", "forma": "form", "jezyk": "language", "liczba_godzin": "duration_hours",
    "finansowanie": "funding", "grupa_docelowa": "audience", "organizator": "provider_name",
    "organizator_www": "provider_url", "organizator_miejscowosc": "provider_town",
}  # fmt: skip
EDITION_FIELDS = {
    "id_terminu": "external_id", "data_rozpoczecia": "start", "data_zakonczenia": "end",
    "koniec_zapisow": "enrolment_end", "miejscowosc": "town", "adres": "address",
    "kod_pocztowy": "postcode", "cena": "price", "liczba_miejsc": "seats", "forma": "form",
}  # fmt: skip


def problem_out(problem: Problem) -> ProblemOut:
    if problem.edition is None:
        field = OFFER_FIELDS.get(problem.column, problem.column)
    else:
        name = EDITION_FIELDS.get(problem.column, problem.column)
        field = f"editions[{problem.edition}].{name}"
    return ProblemOut(
        code=problem.code,
        field=field,
        column=problem.column,
        message=problem.message_pl,
        message_en=problem.message_en,
        severity=problem.severity,
    )


def body_problems(errors: Any) -> list[dict[str, Any]]:
    """FastAPI's reading errors of a request in the shape of the checks' problems, one per
    field (a value that fits no member of a union is one problem, not one per member)."""
    by_field: dict[str, list[dict[str, Any]]] = {}
    for error in errors:
        by_field.setdefault(_field_path(error.get("loc", ())), []).append(error)
    problems = []
    for field, found in by_field.items():
        kinds = {str(error.get("type", "value")) for error in found}
        message = " / ".join(dict.fromkeys(str(error.get("msg", "")) for error in found))
        code = "invalid_" + (kinds.pop() if len(kinds) == 1 else "type")
        problems.append(
            {
                "code": code,
                "field": field,
                "column": "",
                "message": message,
                "message_en": message,
                "severity": "error",
            }
        )
    return problems


_SECTIONS = ("body", "path", "query", "header")


def _field_path(location: Any) -> str:
    """("body", "editions", 0, "end") -> "editions[0].end"; a union member's tag
    ("constrained-int", "nullable[constrained-str]") is left out."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part in _SECTIONS or not str(part).isidentifier() or part in _TYPE_TAGS:
            continue
        else:
            path += f".{part}" if path else str(part)
    return path


_TYPE_TAGS = {"int", "float", "str", "bool", "list", "dict"}


def summary(offer: Offer) -> OfferSummary:
    return OfferSummary(
        id=offer.id or 0,
        external_id=offer.external_id,
        title=offer.title,
        status=offer.status,
        last_changed=offer.last_changed,
    )


def api_offer(offer: Offer, fields: OfferFields) -> InstitutionOffer:
    return InstitutionOffer(
        id=offer.id or 0,
        external_id=offer.external_id,
        title=offer.title,
        status=offer.status,
        last_changed=offer.last_changed,
        fields=_body_of(fields),
        catalogue=offer_public(offer),
    )


def _body_of(fields: OfferFields) -> OfferBody | None:
    """The fields as the API's body; None for words another way wrote beyond its bounds (a
    long description uploaded, say)."""
    try:
        return OfferBody.model_validate(fields.to_json())
    except ValidationError:
        return None
