"""Provider addresses from JSON-LD: a relative one is made absolute against the page it was
read on; anything else is passed on as written, for the normaliser to check."""

from __future__ import annotations

import json

import pytest
from scrapy.http import HtmlResponse

from crawlers.items import RawOffer
from crawlers.spiders.sample_jsonld import SampleJsonLdSpider

PAGE = "https://ckziu.example/oferta/kurs.html"


def provider_url_read_from(url: str) -> str | None:
    course = {"@context": "https://schema.org", "@type": "Course", "name": "Spawanie MAG",
              "provider": {"@type": "Organization", "name": "ZDZ", "url": url}}  # fmt: skip
    body = f'<html><head><script type="application/ld+json">{json.dumps(course)}</script>'
    response = HtmlResponse(PAGE, body=body.encode(), encoding="utf-8")
    (item,) = SampleJsonLdSpider(source_name="s").parse_page(response)
    assert isinstance(item, RawOffer)
    return item.provider_url


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("/o-nas", "https://ckziu.example/o-nas"),
        ("https://zdz.example/", "https://zdz.example/"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("www.zdz.example", "www.zdz.example"),
    ],
)
def test_a_relative_provider_address_is_resolved_against_the_page(written, read):
    assert provider_url_read_from(written) == read
