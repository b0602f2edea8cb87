"""The bundled sample server's BUR (`/bur/api`): the real BUR spider's declarations, unchanged.

The registry points the URLs at the sample server and gives the demo account; the sample
serves the schedules too, so the sample crawl reads them as a real crawl would.
"""

from __future__ import annotations

from crawlers.spiders.bur import BurSpider


class SampleBurSpider(BurSpider):
    name = "sample_bur"
