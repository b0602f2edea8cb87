"""The `lll` command: the composition root that wires crawlers, catalogue, search and web."""
