"""The website and JSON API: server-rendered pages that work without JavaScript."""
