"""The domain: offers, their normalisation and their storage."""
