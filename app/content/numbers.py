"""The emergency-number table as data: pydantic models and the loader for emergency_numbers.toml."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.content.loader import DATA_DIR, ContentError

NUMBERS_FILE = DATA_DIR / "emergency_numbers.toml"
Code = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")
Dialled = Field(pattern=r"^[0-9]{2,6}$", description="a short number, dialled as written")
Source = Field(min_length=10, max_length=300)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UrgentLine(_Strict):
    """A national health line for 'today, not an ambulance' signs, with an official source."""

    number: str = Field(pattern=r"^[0-9][0-9 ]{2,15}$", description="as shown; spaces are dropped to dial")
    name: str = Field(min_length=3, max_length=20)
    note: str | None = Field(default=None, max_length=160)
    source: str = Source

    @property
    def dial(self) -> str:
        return self.number.replace(" ", "")

    @property
    def call_label(self) -> str:
        """'Call NHS 111', or 'Call Healthline, 0800 611 116' when the name does not hold the number."""
        if self.dial in self.name.replace(" ", ""):
            return f"Call {self.name}"
        return f"Call {self.name}, {self.number}"


class CountryNumber(_Strict):
    """One country's ambulance number, who publishes it, when a person last checked it, and any override."""

    code: str = Code
    name: str = Field(min_length=2, max_length=40)
    emergency: str = Dialled
    source: str = Source
    checked: date = Field(description="the day the row was last reviewed against its official source")
    override: str | None = Field(
        default=None, min_length=40, max_length=300,
        description="why the official number wins where libphonenumber does not list it, with the source")
    check_local: bool = False
    urgent: UrgentLine | None = None


class Omitted(_Strict):
    """A populous country left out of the table, and why; `unverified` is the number we could not check."""

    code: str = Code
    reason: str = Source
    unverified: str | None = Field(default=None, pattern=r"^[0-9]{2,6}$")


class NumberTable(_Strict):
    countries: tuple[CountryNumber, ...] = Field(min_length=1)
    omitted: tuple[Omitted, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> NumberTable:
        codes = [c.code for c in self.countries] + [o.code for o in self.omitted]
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        if dupes:
            raise ValueError(f"listed more than once: {', '.join(dupes)}")
        return self

    def by_code(self) -> dict[str, CountryNumber]:
        return {c.code: c for c in self.countries}


def load_numbers(path: Path = NUMBERS_FILE) -> NumberTable:
    """Read and validate the table; an error names the file, the row's code and the field."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ContentError(f"{path.name}: cannot read: {exc}") from exc
    raw = {"countries": raw.pop("country", []), "omitted": raw.pop("omitted", []), **raw}
    try:
        return NumberTable.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = list(first["loc"])
        if len(loc) >= 2 and isinstance(loc[1], int) and loc[1] < len(raw.get(loc[0], [])):
            row = raw[loc[0]][loc[1]]
            loc[1] = f"'{row.get('code', loc[1])}'" if isinstance(row, dict) else loc[1]
        raise ContentError(f"{path.name}, {' '.join(str(p) for p in loc)}: {first['msg']}") from exc


@cache
def numbers() -> NumberTable:
    """The bundled table, loaded once."""
    return load_numbers()
