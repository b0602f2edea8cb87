"""Benchmarks: generated catalogues and query logs, measured against the targets."""
