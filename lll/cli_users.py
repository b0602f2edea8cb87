"""`lll user create`: the first coordinator (and advisers) are made here, not by registering.

lll user create --role coordinator --email koordynator@wup.example --name "Jan Kowalski"
printf '%s' "$PASSWORD" | lll user create --role adviser --email d@x.example --password-stdin
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from catalogue.accounts import Role
from lll.settings import get_settings

app = typer.Typer(help="Konta koordynatorów i doradców / Staff accounts.", no_args_is_help=True)

ERRORS = {
    "email_invalid": "To nie jest adres e-mail.",
    "email_taken": "Konto z tym adresem już istnieje.",
    "password_short": "Hasło musi mieć co najmniej 12 znaków.",
    "password_long": "Hasło może mieć najwyżej 1000 znaków.",
    "password_is_email": "Hasło nie może być adresem e-mail.",
    "required": "Podaj adres e-mail.",
}


@app.command()
def create(
    email: Annotated[str, typer.Option(help="The person's e-mail address (the sign-in name).")],
    role: Annotated[str, typer.Option(help="coordinator or adviser.")] = Role.coordinator.value,
    name: Annotated[str, typer.Option(help="How the person is addressed.")] = "",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Create a coordinator's or adviser's account, its address confirmed at once."""
    from sqlmodel import Session

    from catalogue.db import create_all, get_engine
    from operations.accounts import FormInvalid, create_staff_account

    if role not in (Role.coordinator.value, Role.adviser.value):
        raise typer.BadParameter("coordinator albo adviser", param_hint="--role")
    if password_stdin:
        password = sys.stdin.read().rstrip("\r\n")
    else:
        password = typer.prompt("Hasło / Password", hide_input=True, confirmation_prompt=True)
    engine = get_engine(get_settings().catalogue.database_url)
    create_all(engine)
    with Session(engine) as db:
        try:
            account = create_staff_account(db, email, password, Role(role), name=name)
        except FormInvalid as invalid:
            for error in invalid.errors:
                typer.echo(ERRORS.get(error.code, error.code), err=True)
            raise typer.Exit(code=1) from None
    typer.echo(f"Utworzono konto {account.email} ({account.role.value}).")
