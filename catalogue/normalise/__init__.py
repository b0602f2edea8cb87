"""The normaliser: RawOffer -> NormalisedOffer (see `pipeline.py` for the order of steps)."""

from catalogue.normalise.pipeline import normalise
from catalogue.normalise.result import NormalisedOffer, Unstorable

__all__ = ["NormalisedOffer", "Unstorable", "normalise"]
