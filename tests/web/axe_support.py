"""axe-core in a real page: the WCAG 2.0 and 2.1 A and AA rules, and a readable failure.

`assert_no_axe_violations(page)` runs axe-core (the copy axe-playwright-python ships) on the page
as it stands and fails with one line per violation and element: rule, impact, target, help.
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}, "resultTypes": ["violations"]}

_AXE = Axe()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The violations axe-core finds in the page (its own result objects)."""
    results = _AXE.run(page, options=AXE_OPTIONS)
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> list[str]:
    """One line per element that breaks a rule: `rule (impact) target: help`."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(
                f"{violation['id']} ({violation['impact']}) {target}: {violation['help']}"
                f" [{summary}]"
            )
    return lines


def assert_no_axe_violations(page: Page, where: str = "") -> None:
    """Fail with the list of violations of WCAG 2.1 A/AA axe-core finds in the page."""
    lines = describe(axe_violations(page))
    if lines:
        place = where or page.url
        raise AssertionError(f"axe-core finds on {place}:\n" + "\n".join(lines))


# The widest elements of the page that stick out past its right edge (outermost first).
_STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const out = element => element.getBoundingClientRect().right > width + 1;
  return [...document.querySelectorAll("body *")]
    .filter(element => out(element) && !(element.parentElement && out(element.parentElement)))
    .slice(0, 5)
    .map(element => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
      + (element.className && typeof element.className === "string"
         ? "." + element.className.trim().split(/\\s+/).join(".") : ""));
}"""


def assert_fits_the_width(page: Page, where: str = "") -> None:
    """Fail when the page scrolls sideways (WCAG 1.4.10 reflow, checked at a phone's width),
    naming what sticks out. A wide table in its own scrolling region does not count."""
    width = page.evaluate("document.documentElement.clientWidth")
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    if scrolled > width:
        sticking_out = page.evaluate(_STICKING_OUT)
        raise AssertionError(
            f"{where or page.url} is {scrolled}px wide in a {width}px window: {sticking_out}"
        )
