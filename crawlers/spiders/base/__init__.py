"""Base spiders for shared formats: a paginated JSON API, KKZ lists, schema.org JSON-LD."""
