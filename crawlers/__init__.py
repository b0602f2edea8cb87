"""The Scrapy project: base spiders, one declaration per source, the registry, the sample sites."""
