"""The PDF of a plan ("Mój plan"), made on the server with fpdf2: the same content as the
page's print layout (items in order, dates, cost and its basis, hours, notes, warnings,
totals), on A4, in DejaVu Sans (web/fonts/, with its licence) so that Polish letters render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path

from fpdf import FPDF

from operations.plans import PlanView
from web.formatting import format_date, format_hours, format_price
from web.i18n import Translator

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"


def _price(grosze: int | None, t: Translator) -> str:
    if grosze is None:
        return t("price.unknown")
    return t("price.free") if grosze == 0 else format_price(grosze, t.lang)


def plan_pdf(
    view: PlanView, t: Translator, title: str, address: str | None, qr_png: bytes | None = None
) -> bytes:
    """The plan as a PDF document; `address` (the share link) is printed under the title, and
    beside it `qr_png`, a QR code of it (an adviser's referral sheet: web/routes/adviser.py)."""
    lang = t.lang
    when: Callable[[date | None], str] = lambda day: format_date(day, lang) if day else ""  # noqa: E731
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_creator(t("site.name"))
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()

    def line(text: str, size: float = 10, style: str = "", gap: float = 1) -> None:
        pdf.set_font(FAMILY, style, size)
        pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    line(title, 16, "B", 2)
    if qr_png:
        pdf.image(BytesIO(qr_png), x=pdf.w - pdf.r_margin - 30, y=pdf.t_margin, w=30)
        pdf.set_right_margin(pdf.r_margin + 34)  # the title and address keep clear of it
    if address:
        line(address, 8, gap=3)
    if qr_png:
        pdf.set_right_margin(pdf.r_margin - 34)
        pdf.set_y(max(pdf.get_y(), pdf.t_margin + 33))
    titles = {
        item.id: item.offer.title if item.public else t("plan.item.hidden") for item in view.items
    }
    total_cost = (
        _price(view.cost_grosze, t)
        if view.cost_grosze or not view.cost_unknown
        else t("price.unknown")
    )
    line(
        f"{t('plan.total.items')}: {len(view.items)}   {t('plan.total.cost')}: {total_cost}   "
        f"{t('plan.total.hours')}: {format_hours(view.hours, lang) if view.hours else '–'}",
        10,
        "B",
    )
    hints = [t("plan.total.cost.how")]
    if view.cost_unknown:
        hints.append(t("plan.total.cost.unknown", n=view.cost_unknown))
    if view.hours_unknown:
        hints.append(t("plan.total.hours.unknown", n=view.hours_unknown))
    line(" ".join(hints), 8, gap=3)
    if view.warnings:
        line(t("plan.warnings"), 12, "B")
        for warning in view.warnings:
            text = t(
                f"plan.warning.{warning.code}",
                first=titles[warning.items[0]],
                second=titles[warning.items[-1]],
                date=when(warning.day),
            )
            line(f"• {text}", 9)
        pdf.ln(2)
    line(t("plan.items"), 12, "B")
    for number, item in enumerate(view.items, start=1):
        line(f"{number}. {titles[item.id]}", 11, "B")
        facts = []
        if item.public and item.offer.provider_name:
            facts.append(f"{t('hit.provider')}: {item.offer.provider_name}")
        edition = item.edition
        if edition is not None:
            dates = when(edition.start_date) or t("hit.start.none")
            if edition.end_date and edition.end_date != edition.start_date:
                dates += f" – {when(edition.end_date)}"
            if edition.town:
                dates += f", {edition.town}"
            facts.append(f"{t('plan.item.edition')}: {dates}")
            if edition.enrolment_end:
                facts.append(f"{t('edition.enrolment')}: {when(edition.enrolment_end)}")
        elif item.edition_gone:
            facts.append(f"{t('plan.item.edition')}: {t('plan.item.edition.gone')}")
        else:
            count = t.count("plan.item.editions", len(item.offer.editions))
            facts.append(f"{t('plan.item.edition')}: {count}")
        price = _price(item.cost_grosze, t)
        if item.cost_grosze is not None:
            price += f" ({t('plan.basis.' + item.cost_basis)})"
        facts.append(f"{t('hit.price')}: {price}")
        hours = format_hours(item.hours, lang) or t("offer.unknown")
        facts.append(f"{t('offer.hours')}: {hours}")
        line(" · ".join(facts), 9)
        for warning in view.warnings_of(item.id):
            text = t(f"plan.item.warning.{warning.code}", date=when(warning.day))
            line(f"{t('plan.item.warning')} {text}", 9)
        if item.note:
            line(f"{t('plan.note')}: {item.note}", 9)
        pdf.ln(2)
    return bytes(pdf.output())
