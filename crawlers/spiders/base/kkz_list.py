"""Base spider for a school's list of KKZ courses, "<zawód> – <KOD> <nazwa>", with detail pages."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy import Request
from scrapy.http import Response

from crawlers.items import RawEdition, RawOffer, Rejected
from crawlers.spiders.base.common import SourceSpider, url_path

# "murarz-tynkarz – BUD.12 Wykonywanie robót murarskich i tynkarskich": the occupation may hold
# a hyphen itself, so it is matched lazily up to the dash that precedes the code.
KKZ_LINE = re.compile(r"(?P<zawod>.+?)\s+[–—-]\s+(?P<kod>[A-Z]{3}\.\d{2})\s+(?P<nazwa>.+)")

DEFAULT_LABELS = {  # a label on the course page (folded) -> the name the spider uses
    "rodzaj": "kind",
    "rodzaj kursu": "kind",
    "zawód": "occupation",
    "termin rozpoczęcia": "start",
    "rozpoczęcie": "start",
    "termin zakończenia": "end",
    "rekrutacja": "enrolment_end",
    "rekrutacja do": "enrolment_end",
    "nabór do": "enrolment_end",
    "miejsce": "place",
    "miejsce zajęć": "place",
    "czas trwania": "duration",
    "odpłatność": "price",
    "koszt": "price",
    "cena": "price",
    "forma": "form",
    "forma zajęć": "form",
    "warunki": "conditions",
    "warunki przyjęcia": "conditions",
    "liczba miejsc": "seats",
}


def clean(text: str | None) -> str:
    return " ".join((text or "").split())  # also folds non-breaking spaces


def fold_label(text: str) -> str:
    return clean(text).rstrip(":").strip().lower()


class KkzListSpider(SourceSpider):
    """Reads an institution's KKZ list pages and each course page they link to.

    Set:
    - `start_urls`: the list page(s); `next_page_xpath` finds the next list page ("Następna");
    - `course_link_css`: the links to courses (default every `a`); a link is a KKZ course when
      its text reads "<zawód> – <KOD> <nazwa kwalifikacji>" (`KKZ_LINE`); with
      `only_kkz_lines = False` every link selected is a course, with or without a code;
    - `provider_name`, `provider_town`, `provider_url`: the institution publishing the list;
    - `labels`: the page's labels -> field names (see `DEFAULT_LABELS`); `default_kind` when a
      page names no kind; `description_xpath`; `documents_css` (the documents to bring).

    Override `build_offer(line, fields, response)` to map a course differently; `line` holds the
    list text and, for a KKZ line, its parts (`zawod`, `kod`, `nazwa`); `fields` the page's
    labelled values.
    A list page or course page that cannot be fetched is a `CrawlError`.
    """

    course_link_css = "a"
    only_kkz_lines = True
    next_page_xpath = '//a[@rel="next" or contains(normalize-space(.), "Następna")]/@href'
    provider_name: str | None = None
    provider_town: str | None = None
    provider_url: str | None = None
    default_kind: str | None = None
    labels = DEFAULT_LABELS
    description_xpath = '//*[contains(@class, "opis")]//p'
    documents_css = "ul.dokumenty li"

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls:
            yield Request(url, callback=self.parse, errback=self.on_request_error)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Request]:
        for link in response.css(self.course_link_css):
            text = clean(link.xpath("string()").get())
            match = KKZ_LINE.fullmatch(text)
            href = link.attrib.get("href")
            if href and text and (match or not self.only_kkz_lines):
                parts = match.groupdict() if match else {}
                line = {"text": text, **{k: v.strip() for k, v in parts.items()}}
                yield response.follow(
                    href, self.parse_course, errback=self.on_request_error, cb_kwargs={"line": line}
                )
        next_page = response.xpath(self.next_page_xpath).get()
        if next_page:
            yield response.follow(next_page, self.parse, errback=self.on_request_error)

    def parse_course(self, response: Response, line: dict[str, str]) -> Iterator[Any]:
        fields = self.detail_fields(response)
        payload = {"url": response.url, "line": line, "fields": fields}
        try:
            item = self.build_offer(line, fields, response)
        except Exception as exc:  # one odd page must not stop the crawl
            yield self.reject(f"nie można odczytać kursu: {exc!r}", payload, url_path(response.url))
            return
        yield self.checked(item, payload)

    def detail_fields(self, response: Response) -> dict[str, str]:
        """Labelled values from definition lists and two-cell table rows."""
        pairs = [
            (
                dt.xpath("string()").get(),
                dt.xpath("following-sibling::dd[1]").xpath("string()").get(),
            )
            for dt in response.xpath("//dl/dt")
        ]
        for row in response.xpath("//table//tr[count(td|th) = 2]"):
            cells = row.xpath("td|th")
            pairs.append((cells[0].xpath("string()").get(), cells[1].xpath("string()").get()))
        fields: dict[str, str] = {}
        for label, value in pairs:
            name = self.labels.get(fold_label(label or ""))
            if name and clean(value) and name not in fields:
                fields[name] = clean(value)
        return fields

    def build_offer(
        self, line: dict[str, str], fields: dict[str, str], response: Response
    ) -> RawOffer | Rejected | None:
        duration = fields.get("duration")
        description = "\n".join(
            clean(p.xpath("string()").get()) for p in response.xpath(self.description_xpath)
        )
        documents = [clean(d.xpath("string()").get()) for d in response.css(self.documents_css)]
        extras = {
            "czas_trwania": duration,
            "warunki": fields.get("conditions"),
            "dokumenty": documents,
        }
        return RawOffer(
            source=self.source_name,
            external_id=url_path(response.url),
            url=response.url,
            title=line["text"],
            description=description or None,
            provider_name=self.provider_name,
            provider_url=self.provider_url,
            provider_town=self.provider_town,
            kind=fields.get("kind") or self.default_kind,
            qualification_code=line.get("kod"),
            qualification_name=line.get("nazwa"),
            occupation=line.get("zawod") or fields.get("occupation"),
            form=fields.get("form"),
            duration_hours=duration,  # "560 godzin" or "3 semestry": the normaliser decides
            editions=[
                RawEdition(
                    start=fields.get("start"),
                    end=fields.get("end"),
                    enrolment_end=fields.get("enrolment_end"),
                    address=fields.get("place"),
                    price=fields.get("price"),
                    seats=fields.get("seats"),
                )
            ],
            extras={k: v for k, v in extras.items() if v},
        )
