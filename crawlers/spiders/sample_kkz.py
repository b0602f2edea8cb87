"""The KKZ pages of a continuing-education centre (the sample sites under `/kkz/<slug>/`).

One class serves every institution: the registry sets `start_urls` and the institution
(`provider_name`, `provider_town`, `provider_url`) for each source.
"""

from __future__ import annotations

from crawlers.spiders.base.kkz_list import KkzListSpider


class SampleKkzSpider(KkzListSpider):
    name = "sample_kkz"
    # Courses sit in one list; the navigation and footer links are left alone.
    course_link_css = "ul.lista-kursow li a"
    only_kkz_lines = False  # the centres list short courses without a qualification code too
    next_page_xpath = '//div[@class="pagination"]/a[contains(normalize-space(.), "Następna")]/@href'
    description_xpath = '//div[@class="opis"]/p'
    documents_css = "ul.dokumenty li"
