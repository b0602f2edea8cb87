"""The one error of a feed as a whole."""


class FeedError(ValueError):
    """A file that cannot be read at all; the message (Polish) says why, for the institution."""
