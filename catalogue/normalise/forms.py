"""Delivery form words -> `DeliveryForm` (on_site / online / blended).

BUR's six forms (by name or id 1-6), schema.org courseMode and eventAttendanceMode values
and Polish words. Mixed forms that include on-site attendance are blended; BUR form 6
(remote + remote in real time) has no on-site part, so it is online.
"""

from __future__ import annotations

from typing import Any

from catalogue.models import DeliveryForm
from catalogue.normalise.text import fold, fold_words

BUR_FORM_IDS = {
    "1": DeliveryForm.on_site,  # stacjonarna
    "2": DeliveryForm.online,  # zdalna w czasie rzeczywistym
    "3": DeliveryForm.online,  # zdalna
    "4": DeliveryForm.blended,  # mieszana (stacjonarna + zdalna w czasie rzeczywistym)
    "5": DeliveryForm.blended,  # mieszana (stacjonarna + zdalna)
    "6": DeliveryForm.online,  # mieszana (zdalna + zdalna w czasie rzeczywistym)
}
_ON_SITE = ("stacjonar", "onsite", "offline", "zaoczn", "dzienn", "wieczorow", "w siedzib")
_ONLINE = ("zdaln", "online", "elearning", "webinar", "internet", "wirtualn")
_BLENDED = ("hybryd", "blended", "mixed", "mieszan")


def parse_form(value: Any) -> DeliveryForm | None:
    """The delivery form a source's word means, or None when it names none."""
    text = fold(value)
    if not text:
        return None
    if text in BUR_FORM_IDS:
        return BUR_FORM_IDS[text]
    # "e-learning", "on-site", "OnlineEventAttendanceMode": glue words so prefixes match.
    glued = " ".join(fold_words(text.replace("-", "")))
    words = glued.split()
    has = _has_prefix
    if has(words, _BLENDED):
        # A mixed form without any on-site part is remote only (BUR form 6).
        if has(words, ("mieszan",)) and not has(words, ("stacjonar",)):
            return DeliveryForm.online
        return DeliveryForm.blended
    if has(words, ("offline",)):
        return DeliveryForm.on_site
    if has(words, _ONLINE):
        return DeliveryForm.online
    if has(words, _ON_SITE) or "w siedzibie" in glued:
        return DeliveryForm.on_site
    return None


def _has_prefix(words: list[str], prefixes: tuple[str, ...]) -> bool:
    return any(w.startswith(p) or (p in w and len(p) > 5) for w in words for p in prefixes)
