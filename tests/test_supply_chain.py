"""The supply chain: `make` installs from a lock that covers pyproject.toml, with hashes and an
up-to-date pip and setuptools; the image installs the lock's runtime part at the same versions;
`make lint`'s audit fails on a known vulnerability and says plainly when it checked nothing."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
PRODUCTION = ROOT / "requirements" / "production.txt"
# What the locks are written for (Makefile's LOCK_FLAGS): Linux, Python 3.11.
TARGET: dict[str, str] = {
    **{name: str(value) for name, value in default_environment().items()},
    "sys_platform": "linux",
    "python_version": "3.11",
}
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)", re.MULTILINE)


def pins(lock: Path) -> dict[str, str]:
    return {canonicalize_name(n): v for n, v in PIN.findall(lock.read_text(encoding="utf-8"))}


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def requirements(*extras: str) -> list[Requirement]:
    table = project()["project"]
    lines = table["dependencies"] + [
        line for extra in extras for line in table["optional-dependencies"][extra]
    ]
    found = [Requirement(line) for line in lines]
    return [r for r in found if r.marker is None or r.marker.evaluate(TARGET)]


def load_audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lock_pins_every_dependency_of_pyproject_within_its_range():
    locked = pins(LOCK)
    for requirement in requirements("postgres", "test"):
        version = locked.get(canonicalize_name(requirement.name))
        assert version, f"{requirement.name} is not in the lock: run `make lock`"
        assert requirement.specifier.contains(version, prereleases=True), (requirement, version)


def test_every_pin_of_both_locks_carries_its_hashes():
    for lock in (LOCK, PRODUCTION):
        blocks = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text(encoding="utf-8"))
        pinned = [block for block in blocks if PIN.match(block)]
        assert len(pinned) == len(pins(lock)) > 50
        assert all("--hash=sha256:" in block for block in pinned)


def test_the_lock_holds_an_up_to_date_pip_and_setuptools_that_build_the_package():
    locked = pins(LOCK)
    assert Version(locked["pip"]) >= Version("25.0")
    build = [Requirement(line) for line in project()["build-system"]["requires"]]
    setuptools = next(r for r in build if r.name == "setuptools")
    assert setuptools.specifier.contains(locked["setuptools"])
    assert Version(locked["setuptools"]) >= Version("78.1.1")  # CVE-2025-47273 fixed there
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes -r $(LOCK)" in makefile
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in makefile


def test_the_images_lock_is_the_runtime_part_of_the_lock_at_the_same_versions():
    locked, production = pins(LOCK), pins(PRODUCTION)
    assert {name: locked.get(name) for name in production} == production
    for requirement in requirements("postgres"):
        assert canonicalize_name(requirement.name) in production
    for tool in ("pytest", "mypy", "playwright", "ruff", "pip-audit"):
        assert tool not in production
    assert {"pip", "setuptools"} <= set(production)


def test_a_vulnerable_locked_package_fails_the_audit_naming_the_advisory_and_its_fix():
    report = {
        "dependencies": [
            {"name": "idna", "version": "3.7", "vulns": []},
            {
                "name": "jinja2",
                "version": "3.1.2",
                "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"], "aliases": []}],
            },
        ],
        "fixes": [],
    }
    status, message = load_audit().verdict(report)
    assert status == 1
    assert "jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (fixed in 3.1.3)" in message


def test_the_audit_names_the_packages_it_could_not_check():
    report = {
        "dependencies": [
            {"name": "idna", "version": "3.7", "vulns": []},
            {"name": "lll-lubuskie", "skip_reason": "Dependency not found on PyPI"},
        ]
    }
    status, message = load_audit().verdict(report)
    assert status == 0
    assert message == (
        "pip-audit: 1 locked packages checked, no known vulnerabilities; "
        "not found on PyPI, not checked: lll-lubuskie"
    )


def test_the_audit_says_plainly_that_nothing_was_checked_when_the_database_is_unreachable(
    tmp_path: Path,
):
    pytest.importorskip("pip_audit", reason="pip-audit comes with the lock (`make install`)")
    lock = tmp_path / "lock.txt"
    (idna,) = [b for b in re.split(r"\n(?=[a-z])", LOCK.read_text()) if b.startswith("idna==")]
    lock.write_text(idna + "\n", encoding="utf-8")
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens there
    environment = {
        **os.environ,
        "HTTPS_PROXY": closed,
        "https_proxy": closed,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),  # no answer remembered from earlier runs
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "audit.py"), str(lock)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pip-audit: advisory database unreachable, not checked"
