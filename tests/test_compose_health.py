"""compose.yaml restarts what stops and checks what runs: the web by `/healthz`, the scheduler by
its process."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def services() -> dict[str, dict]:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))["services"]


def test_every_compose_service_restarts_unless_stopped_and_has_a_healthcheck():
    for name, service in services().items():
        assert service.get("restart") == "unless-stopped", name
        assert service.get("healthcheck", {}).get("test"), name


def test_the_web_is_checked_by_its_health_endpoint():
    assert "/healthz" in " ".join(services()["web"]["healthcheck"]["test"])


def test_the_schedulers_check_passes_only_while_lll_schedule_runs():
    test = services()["scheduler"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]

    def check() -> int:
        return subprocess.run([sys.executable, "-c", test[3]], timeout=30).returncode

    assert check() != 0
    # A process whose arguments are those of `lll schedule` (python /usr/local/bin/lll schedule).
    scheduler = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)", "/usr/local/bin/lll", "schedule"]
    )
    try:
        time.sleep(0.3)
        assert check() == 0
    finally:
        scheduler.kill()
        scheduler.wait()
