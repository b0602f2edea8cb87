"""The application layer: the use cases that change the catalogue and keep the index in step.

- `operations.crawling`: crawl sources into the catalogue, then bring the index up to date;
- `operations.indexing`: turn the index outbox into index updates, rebuild the index, and the
  indexer thread that does it continuously;
- `operations.schedule`: crawl every source on its schedule, tidy up daily;
- `operations.samples`: start and stop the bundled sample sites;
- `operations.backup`: back up the catalogue database into one file and restore it.

The command line (`lll`), the scheduler and the web call these; nothing else writes. Who drains
the outbox: docs/decisions/0008-application-layer-and-the-index-writer.md.
"""
