"""`make lint`'s supply-chain check: pip-audit against the lock (requirements/lock.txt).

Usage: `python scripts/audit.py [LOCK]`. It reads the pins and their hashes without installing
anything (`--require-hashes --disable-pip`) and asks PyPI's advisory service, pip-audit's
default (OSV is the other one). Exit status 1 when a locked package has a known vulnerability.

Where the advisory database cannot be reached (no network, a proxy that answers 404 for every
`/pypi/<name>/<version>/json`), pip-audit itself says "No known vulnerabilities found" with
every package skipped; this script says plainly that nothing was checked instead, and does not
fail the build for it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

DEFAULT_LOCK = Path(__file__).resolve().parent.parent / "requirements" / "lock.txt"
UNREACHABLE = "pip-audit: advisory database unreachable, not checked"
# What a failed connection leaves in pip-audit's error output (requests' exceptions).
NETWORK_ERRORS = ("ConnectionError", "ConnectTimeout", "ReadTimeout", "ProxyError", "SSLError")


def audit(lock: Path, service: str = "pypi") -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable, "-m", "pip_audit", "--requirement", str(lock), "--require-hashes",
        "--disable-pip", "--format", "json", "--progress-spinner", "off",
        "--vulnerability-service", service, "--timeout", "20",
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=900)


def verdict(report: dict[str, Any]) -> tuple[int, str]:
    """The exit status and the message for pip-audit's JSON report."""
    dependencies = report.get("dependencies", [])
    checked = [d for d in dependencies if "skip_reason" not in d]
    skipped = [d["name"] for d in dependencies if "skip_reason" in d]
    vulnerable = [d for d in checked if d.get("vulns")]
    if vulnerable:
        lines = [f"pip-audit: {len(vulnerable)} locked packages have known vulnerabilities:"]
        for dependency in vulnerable:
            for vuln in dependency["vulns"]:
                fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
                lines.append(
                    f"  {dependency['name']} {dependency['version']}: {vuln['id']} (fixed in "
                    f"{fixed})"
                )
        return 1, "\n".join(lines)
    if not checked:
        return 0, UNREACHABLE
    message = f"pip-audit: {len(checked)} locked packages checked, no known vulnerabilities"
    if skipped:
        message += f"; not found on PyPI, not checked: {', '.join(skipped)}"
    return 0, message


def main(arguments: list[str]) -> int:
    lock = Path(arguments[0]) if arguments else DEFAULT_LOCK
    done = audit(lock)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        if any(error in done.stderr for error in NETWORK_ERRORS):
            print(UNREACHABLE)
            return 0
        print(done.stderr.strip() or f"pip-audit exited with {done.returncode}", file=sys.stderr)
        return 1
    status, message = verdict(report)
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
