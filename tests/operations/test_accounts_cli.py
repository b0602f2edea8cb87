"""`lll user create` makes staff accounts; `lll serve` wants SECRET_KEY where real data is served;
`lll demo` keeps its mail on a local SMTP server. Run as a person runs them (a new process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlmodel import Session, select

from catalogue.accounts import Account, Role
from catalogue.db import get_engine
from catalogue.settings import CatalogueSettings
from lll.cli import _demo_mail, _with_secret_key
from lll.settings import Settings
from operations.mail import send_mail
from operations.mailbox import read_message
from web.settings import WebSettings

OURS = ("DATABASE_URL", "SECRET_KEY", "SMTP_URL", "SAMPLE_DATA")


def lll(*arguments: str, database_url: str, cwd: Path, stdin: str = "", **env: str):
    environment = {k: v for k, v in os.environ.items() if k not in OURS}
    environment.update(DATABASE_URL=database_url, **env)
    return subprocess.run(
        [sys.executable, "-m", "lll.cli", *arguments],
        env=environment, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def accounts(database_url: str) -> list[Account]:
    engine = get_engine(database_url)
    with Session(engine) as db:
        found = list(db.exec(select(Account)))
    engine.dispose()
    return found


def test_user_create_makes_a_confirmed_coordinator_once(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    create = ("user", "create", "--role", "coordinator", "--email", "WUP@example.org",
              "--name", "Jan Kowalski", "--password-stdin")  # fmt: skip
    made = lll(*create, database_url=url, cwd=tmp_path, stdin="hasło koordynatora\n")
    assert made.returncode == 0, made.stderr
    (account,) = accounts(url)
    assert (account.email, account.role, account.name) == (
        "wup@example.org", Role.coordinator, "Jan Kowalski",
    )  # fmt: skip
    assert account.email_confirmed_at is not None and account.password_hash.startswith("$argon2id")
    again = lll(*create, database_url=url, cwd=tmp_path, stdin="hasło koordynatora\n")
    assert again.returncode == 1 and "już istnieje" in again.stderr


def test_user_create_asks_for_the_password_twice(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    create = ("user", "create", "--role", "adviser", "--email", "doradca@example.org")
    typed = "hasło doradcy 123\nhasło doradcy 123\n"
    made = lll(*create, database_url=url, cwd=tmp_path, stdin=typed)
    assert made.returncode == 0, made.stdout + made.stderr
    assert [a.role for a in accounts(url)] == [Role.adviser]
    short = lll("user", "create", "--email", "x@example.org", "--password-stdin",
                database_url=url, cwd=tmp_path, stdin="krótkie")  # fmt: skip
    assert short.returncode == 1 and "12 znaków" in short.stderr


def test_serve_refuses_to_start_on_real_data_without_a_secret_key(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    refused = lll("serve", "--port", "1", database_url=url, cwd=tmp_path, SAMPLE_DATA="false")
    assert refused.returncode == 1 and "SECRET_KEY" in refused.stderr


def test_sample_data_gets_one_key_for_the_process_and_its_workers(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    settings = Settings(web=WebSettings(sample_data=True))
    keyed = _with_secret_key(settings.model_copy(update={"accounts": settings.accounts.model_copy(
        update={"secret_key": ""})}))  # fmt: skip
    assert len(keyed.accounts.secret_key) == 64
    assert os.environ["SECRET_KEY"] == keyed.accounts.secret_key  # what workers read


def test_the_demo_keeps_its_mail_in_a_folder(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("SMTP_URL", raising=False)
    settings = Settings(catalogue=CatalogueSettings(database_url="sqlite://"))
    settings = settings.model_copy(
        update={"accounts": settings.accounts.model_copy(update={"smtp_url": ""})}
    )
    with _demo_mail(settings, tmp_path / "mail") as demo:
        assert demo.accounts.smtp_url.startswith("smtp://127.0.0.1:")
        assert os.environ["SMTP_URL"] == demo.accounts.smtp_url
        send_mail(demo.accounts, "ola@example.org", "Witaj", "Treść")
    (kept,) = sorted((tmp_path / "mail").glob("*.eml"))
    assert str(read_message(kept)["Subject"]) == "Witaj"
