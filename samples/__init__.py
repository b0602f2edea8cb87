"""Invented sample sites shaped like the real sources, served over HTTP by `server.py`."""
