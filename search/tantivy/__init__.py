"""The embedded backend: a tantivy index in a folder, searched in-process (see
`search.tantivy.backend` and docs/decisions/0001).

Only the modules of this package speak tantivy; what both backends share lives in `search`.
`import tantivy` here is the library, as imports are absolute; it would be this package only
if `search/` itself were on `sys.path` (a script run from that folder), and none is.
"""

from search.tantivy.backend import EmbeddedBackend

__all__ = ["EmbeddedBackend"]
