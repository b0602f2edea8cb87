"""The web layer's settings, and the settings the web app is built from.

`create_app` takes any object with the four layers' settings (`AppSettings`); the command line
composes them once (`lll.settings.Settings`), tests compose their own.
"""

from __future__ import annotations

from typing import Protocol

from pydantic_settings import BaseSettings, SettingsConfigDict

from operations.settings import OperationSettings


class WebSettings(BaseSettings):
    """SAMPLE_DATA: show the banner saying the catalogue holds the bundled sample sources
    (on by default; `false` in a real deployment)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    sample_data: bool = True


class AppSettings(OperationSettings, Protocol):
    """What the web app reads: its own settings and those of the layers below it."""

    @property
    def web(self) -> WebSettings: ...
