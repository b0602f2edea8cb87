"""One spider declaration per kind of source; shared parsing lives in `base/`."""
