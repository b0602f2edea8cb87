"""Scrapy settings for every crawl: polite by default.

Per-source settings come from `sources.toml` (`[sources.settings]`), and `crawl(settings=…)`
overrides both (tests switch AutoThrottle off there).
"""

from catalogue.settings import Settings

BOT_NAME = "lll"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

# An honest user agent that says who we are and where to read about us.
USER_AGENT = Settings().user_agent
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0  # about one request a second per site, as BUR's users advise
DOWNLOAD_TIMEOUT = 60
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 2
# 429 is left out on purpose: BackoffOn429Middleware waits before retrying it.
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408]
BACKOFF_429_MAX_RETRIES = 5
BACKOFF_429_BASE_DELAY = 2.0  # seconds, doubled on each further 429 unless Retry-After says
BACKOFF_429_MAX_DELAY = 120.0

DOWNLOADER_MIDDLEWARES = {"crawlers.middlewares.BackoffOn429Middleware": 560}
ITEM_PIPELINES = {"crawlers.pipelines.CataloguePipeline": 300}
# Where the pipeline writes; `crawl()` sets it. Empty: the catalogue's DATABASE_URL.
CATALOGUE_DATABASE_URL = ""

# In development, `HTTPCACHE_ENABLED=True` replays responses from .scrapy/httpcache.
HTTPCACHE_ENABLED = False
HTTPCACHE_EXPIRATION_SECS = 24 * 3600
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy 2.19+: an HTTP console able to run code; never wanted here
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
