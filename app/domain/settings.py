"""The person's settings as a model with defaults: what is read back is checked, a bad value is never used."""

from __future__ import annotations

import logging
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

Theme = Literal["system", "light", "dark"]
log = logging.getLogger("spasm_sos")


class SettingRefused(ValueError):
    """A setting the model does not accept; str() names the setting and why."""


class Settings(BaseModel):
    """Every setting the app keeps, with the value used while none is saved.

    A new setting is added here first: set_setting refuses names this model does not know.
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    theme: Theme = "system"
    # "" follows the phone's locale; an ISO country code, "custom" (own number) or "unknown" (112)
    country: str = Field(default="", pattern=r"^(|[A-Za-z]{2}|custom|unknown)$")
    region: str = Field(default="", max_length=16)  # the choice saved before "country" existed
    custom: str = Field(default="", max_length=32)  # the person's own emergency number, as typed
    install_dismissed: bool = False
    # the pain reminder the person answered "Not now" to (app/domain/reminders.py reminder_key)
    reminder_dismissed: str = Field(default="", max_length=120)
    guide: dict[str, Any] | None = None  # "Help me now" progress; see app/domain/guide_resume.py


def _why(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return str(err["msg"])[:120]


def check_setting(name: str, value: Any) -> Any:
    """The value as it will be stored, or SettingRefused when the model does not accept it."""
    if name not in Settings.model_fields:
        raise SettingRefused(f"unknown setting {name!r}: add it to app/domain/settings.py first")
    try:
        Settings.model_validate({name: value})
    except ValidationError as exc:
        raise SettingRefused(f"setting {name!r} refused: {_why(exc)}") from None
    return value


def valid_settings(saved: Any) -> dict[str, Any]:
    """The saved settings that pass, by name; each one dropped is noted in the log, never returned."""
    if not isinstance(saved, dict):
        if saved is not None:
            log.warning("saved settings ignored: not a JSON object but %s", type(saved).__name__)
        return {}
    out = {}
    for name, value in saved.items():
        try:
            out[name] = check_setting(name, value)
        except SettingRefused as exc:
            log.warning("saved %s; the default is used instead", exc)
    return out
