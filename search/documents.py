"""Turn a catalogue offer into the flat document every search backend indexes.

The document is the one vocabulary between the catalogue and the index: backends store
it as given and return it in `Hit.document`, so result lists render without touching
the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from catalogue.models import DeliveryForm, Offer

ONLINE = "online"  # the `powiat` value of an offer that can be followed from anywhere


def offer_document(offer: Offer, today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    editions = list(offer.editions)
    upcoming = sorted(e.start_date for e in editions if e.start_date and e.start_date >= today)
    prices = [e.price_grosze for e in editions if e.price_grosze is not None]
    forms = {e.form or offer.form for e in editions} or {offer.form}
    powiats = sorted({e.powiat_teryt for e in editions if e.powiat_teryt})
    if DeliveryForm.online in forms or DeliveryForm.blended in forms:
        powiats.append(ONLINE)
    qualification = offer.qualification
    return {
        "id": offer.id,
        "title": offer.title,
        "description": offer.description or "",
        "provider": offer.provider_name or "",
        "qualification_code": offer.qualification_code or "",
        "qualification_name": qualification.name if qualification else "",
        "occupation": (qualification.occupation or "") if qualification else "",
        "kind": offer.kind.value,
        "isced_broad": offer.isced_broad or "",
        "isced_narrow": offer.isced_narrow or "",
        "prk_level": str(offer.prk_level) if offer.prk_level else "",
        "form": offer.form.value if offer.form else "",
        "powiat": powiats,
        "towns": sorted({e.town for e in editions if e.town}),
        "is_free": bool(prices) and min(prices) == 0,
        "price_min_grosze": min(prices) if prices else None,
        "next_start": upcoming[0].isoformat() if upcoming else None,
        "last_verified": offer.last_verified.isoformat(),
        "url": offer.url,
    }
