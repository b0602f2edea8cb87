"""Scrapy settings for every crawl: polite by default.

Per-source settings come from `sources.toml` (`[sources.settings]`), and `crawl(settings=…)`
overrides both (tests switch AutoThrottle off there). The switches read from the environment
(LLL_HTTPCACHE, …) are `crawlers.settings.CrawlerSettings`.
"""

from catalogue.settings import CatalogueSettings
from crawlers.settings import CrawlerSettings

# Lower case: Scrapy takes every upper-case name of this module for a setting.
_crawler = CrawlerSettings()

BOT_NAME = "lll"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

# An honest user agent that says who we are and where to read about us.
USER_AGENT = _crawler.user_agent_for(CatalogueSettings().public_url)
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
DOWNLOADER = "crawlers.middlewares.Downloader"  # keeps CONCURRENT_REQUESTS_PER_DOMAIN (see there)
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

# Every request stays on its source's declared domains (`allowed_domains`, from the registry)
# and off private, loopback, link-local and metadata addresses, redirects included; loopback
# only with LLL_ALLOW_LOOPBACK, which the registry turns on for sample sources (local by design).
LLL_ALLOW_LOOPBACK = False
DOWNLOADER_MIDDLEWARES = {
    # Ours replaces Scrapy's offsite filter, which lets `dont_filter` requests (and their
    # redirects) through and never looks at the address a host resolves to.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawlers.middlewares.SafeDestinationMiddleware": 50,
    "crawlers.middlewares.BackoffOn429Middleware": 560,
    # Scrapy's own cache middleware answers a timeout with the stale cached copy; ours does not.
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": None,
    "crawlers.middlewares.HttpCacheMiddleware": 900,
}
# A run that may not withdraw what it did not see (see catalogue.store.withdrawal_doubt) is
# partial; sources whose every run lists everything (an institution's file) make it failed.
DOUBTFUL_RUN_FAILS = False
ITEM_PIPELINES = {"crawlers.pipelines.CataloguePipeline": 300}
# Where the pipeline writes; `crawl()` sets it. Empty: the catalogue's DATABASE_URL.
CATALOGUE_DATABASE_URL = ""

# Conditional requests (see CrawlerSettings): a cached body is used only when the server
# says it is still fresh (max-age, Expires) or answers 304 to a conditional request.
HTTPCACHE_ENABLED = _crawler.httpcache != "off"
HTTPCACHE_POLICY = (
    "crawlers.middlewares.ReplayPolicy"
    if _crawler.httpcache == "dev"
    else "crawlers.middlewares.RevalidatingPolicy"
)
# Absolute, or Scrapy would put it under .scrapy/ of whatever folder the crawl runs in.
HTTPCACHE_DIR = str((_crawler.httpcache_dir / _crawler.httpcache).resolve())
HTTPCACHE_EXPIRATION_SECS = 0  # keep entries: whether one may be used is the policy's call
# The dev replay never keeps a failure or a refusal (the revalidating policy keeps no 4xx/5xx).
HTTPCACHE_IGNORE_HTTP_CODES = [401, 403, 407, 408, 429, 500, 502, 503, 504, 522, 524]
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy 2.19+: an HTTP console able to run code; never wanted here
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
