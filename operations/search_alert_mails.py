"""The e-mails of search alerts: plain text, Polish first, then English, then Ukrainian (the
interface's third language: residents who search in Ukrainian follow searches too)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from urllib.parse import parse_qsl

from catalogue.search_alerts import AlertFrequency
from operations.account_mails import _mail

HOW_OFTEN = {
    AlertFrequency.daily: ("raz dziennie", "daily", "щодня"),
    AlertFrequency.weekly: ("raz w tygodniu", "weekly", "щотижня"),
}


def describe_search(search: str) -> tuple[str, str, str]:
    """The search in a few words, in Polish, English and Ukrainian."""
    pairs = parse_qsl(search)
    text = " ".join(value for name, value in pairs if name == "q")
    filters = len([name for name, _ in pairs if name != "q"])
    polish = f"„{text}”" if text else "wszystkie oferty"
    english = f'"{text}"' if text else "all offers"
    ukrainian = f"«{text}»" if text else "усі пропозиції"
    if filters:
        polish += f" (filtry: {filters})"
        english += f" (filters: {filters})"
        ukrainian += f" (фільтри: {filters})"
    return polish, english, ukrainian


def confirm(search: str, frequency: AlertFrequency, url: str, search_url: str) -> tuple[str, str]:
    polish, english, ukrainian = describe_search(search)
    often_pl, often_en, often_uk = HOW_OFTEN[frequency]
    return _mail(
        "Potwierdź powiadomienia o nowych ofertach / Confirm alerts of new offers",
        f"""Dzień dobry,

ktoś (zapewne Ty) poprosił o powiadomienia e-mail o nowych ofertach wyszukiwania
{polish} w katalogu kształcenia ustawicznego, {often_pl}:
{search_url}

Aby je włączyć, otwórz link i potwierdź:

{url}

Dopóki nie potwierdzisz, nie wyślemy żadnych powiadomień. Jeśli to nie Ty, zignoruj tę
wiadomość – niepotwierdzona prośba zostanie usunięta po tygodniu.""",
        f"""Hello,

someone (probably you) asked for e-mail alerts of new offers of the search {english} in the
lifelong learning catalogue, {often_en}:
{search_url}

To turn them on, open this link and confirm:

{url}

Until you confirm, no alert is sent. If it was not you, ignore this message: the request is
deleted after a week.""",
        f"""Добрий день,

хтось (імовірно, Ви) попросив надсилати електронною поштою сповіщення про нові пропозиції
пошуку {ukrainian} у каталозі навчання впродовж життя, {often_uk}:
{search_url}

Щоб увімкнути їх, відкрийте посилання й підтвердьте:

{url}

Доки Ви не підтвердите, ми не надішлемо жодного сповіщення. Якщо це були не Ви, просто
проігноруйте цей лист: непідтверджений запит буде видалено через тиждень.""",
    )


def _offer_lines(offers: Sequence[tuple[dict[str, Any], str]]) -> str:
    lines = []
    for document, url in offers:
        facts = [document.get("provider") or "", ", ".join(document.get("towns") or [])]
        if document.get("next_start"):
            facts.append(date.fromisoformat(document["next_start"]).strftime("%d.%m.%Y"))
        details = " · ".join(fact for fact in facts if fact)
        lines.append(f"* {document.get('title', '')}\n  {details}\n  {url}" if details else
                     f"* {document.get('title', '')}\n  {url}")  # fmt: skip
    return "\n\n".join(lines)


def new_offers(
    search: str,
    offers: Sequence[tuple[dict[str, Any], str]],
    search_url: str,
    unsubscribe_url: str,
) -> tuple[str, str]:
    """`offers`: each offer's search document and the link to its page."""
    polish, english, ukrainian = describe_search(search)
    count = len(offers)
    return _mail(
        f"Nowe oferty ({count}): {polish} / New offers ({count}): {english}",
        f"""Dzień dobry,

w wyszukiwaniu {polish} pojawiły się nowe oferty ({count}):

{_offer_lines(offers)}

Całe wyszukiwanie: {search_url}

Aby nie dostawać więcej tych powiadomień, wypisz się: {unsubscribe_url}""",
        f"""Hello,

the search {english} has new offers ({count}), listed above.

The whole search: {search_url}

To stop these alerts, unsubscribe: {unsubscribe_url}""",
        f"""Добрий день,

у пошуку {ukrainian} з'явилися нові пропозиції ({count}), їх перелічено вище.

Увесь пошук: {search_url}

Щоб більше не отримувати цих сповіщень, відпишіться: {unsubscribe_url}""",
    )
