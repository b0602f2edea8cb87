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


# Marks every element a keyboard should reach (one per radio group) with `data-keyboard`.
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def assert_accessible_at_both_sizes(page: Page, where: str) -> None:
    """No axe-core violations at desktop and phone sizes, nothing wider than the phone's
    screen; the page is left at desktop size."""
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)  # type: ignore[arg-type]
        assert_no_axe_violations(page, f"{where} at {size['width']} px")
    assert_fits_the_width(page, where)
    page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]


_MARK_FOCUSABLE = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary,'
    + ' [tabindex]:not([tabindex="-1"])';
  const groups = new Map();
  let count = 0;
  for (const element of document.querySelectorAll(selector)) {
    if (!element.getClientRects().length) continue;  // not rendered (e.g. in a closed <details>)
    const group = element.type === 'radio' ? 'radio:' + element.form?.id + ':' + element.name : '';
    if (group && groups.has(group)) {
      element.dataset.keyboard = groups.get(group);
      continue;
    }
    element.dataset.keyboard = String(count);
    if (group) groups.set(group, String(count));
    count += 1;
  }
  return count;
}"""

_FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  // A date field's focused part is highlighted by the browser itself.
  const shown = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    || style.boxShadow !== 'none' || ['date', 'time', 'month', 'week'].includes(element.type);
  const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
    + (element.getAttribute('name') ? '[name=' + element.getAttribute('name') + ']' : '');
  return {mark: element.dataset.keyboard ?? null, shown: shown, name: name};
}"""


def assert_keyboard_reaches_everything(page: Page, where: str = "") -> None:
    """Tab through the page: every link, button and field is reached (WCAG 2.1.1), in one
    pass, and each shows where the focus is (2.4.7)."""
    count = page.evaluate(_MARK_FOCUSABLE)
    reached: set[str] = set()
    unseen_focus: list[str] = []
    for _ in range(count * 4 + 10):  # a date field takes a Tab for each of its parts
        if len(reached) == count:
            break
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:
            continue
        if focused["mark"] is not None:
            reached.add(focused["mark"])
        if not focused["shown"]:
            unseen_focus.append(focused["name"])
    missed = page.evaluate(
        "marks => [...document.querySelectorAll('[data-keyboard]')]"
        ".filter(e => !marks.includes(e.dataset.keyboard))"
        ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' "
        "+ (e.textContent || e.getAttribute('name') || '').trim().slice(0, 40))",
        sorted(reached),
    )
    problems = [f"not reached by Tab: {name}" for name in missed]
    problems += [f"no visible focus: {name}" for name in dict.fromkeys(unseen_focus)]
    if problems:
        raise AssertionError(f"keyboard on {where or page.url}:\n" + "\n".join(problems))
