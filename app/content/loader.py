"""Load and validate the TOML content files; a bad file fails naming file, card and field."""

from __future__ import annotations

import pickle
import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from app.content.schema import Choice, Deck, Library, RedFlag, Source

DATA_DIR = Path(__file__).parent / "data"
DECK_FILES = ("relief.toml", "sleep.toml", "prevention.toml")
PACKED = DATA_DIR / "library.pickle"  # only in the PWA: validated at build time (app/pwa/web/compile_job.py)


class ContentError(RuntimeError):
    """A content file is missing, unreadable or breaks the schema."""


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ContentError(f"{path.name}: cannot read: {exc}") from exc


def _where(path: Path, raw: dict, loc: tuple) -> str:
    """Turn a pydantic error location into 'file, card 'id', field 'x''."""
    parts, node = [path.name], raw
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
            label = node.get("id", key) if isinstance(node, dict) else key
            parts.append(f"item '{label}'")
        elif isinstance(node, dict) and key in node:
            node = node[key]
            parts.append(f"field '{key}'")
        else:
            parts.append(f"field '{key}'")
    return ", ".join(parts)


def _validate(model: type[BaseModel], path: Path, raw: dict):
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ContentError(f"{_where(path, raw, first['loc'])}: {first['msg']}") from exc


def _list(path: Path, key: str, model: type[BaseModel], optional: bool = False) -> tuple:
    raw = _read(path)
    if optional and key not in raw:
        return ()
    if not isinstance(raw.get(key), list):
        raise ContentError(f"{path.name}: expected a [[{key}]] list")
    return tuple(_item(model, path, raw, key, i) for i in range(len(raw[key])))


def _item(model: type[BaseModel], path: Path, raw: dict, key: str, i: int):
    item = raw[key][i]
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _where(path, raw, (key, i, *first["loc"]))
        raise ContentError(f"{where}: {first['msg']}") from exc


def _cross_check(lib: Library) -> None:
    source_ids = {s.id for s in lib.sources}
    if len(source_ids) != len(lib.sources):
        twice = sorted({s.id for s in lib.sources if [t.id for t in lib.sources].count(s.id) > 1})
        raise ContentError(f"sources.toml, red_flags.toml: source id listed twice: {twice}")
    seen: set[str] = set()
    for deck in lib.decks:
        for card in deck.cards:
            if card.id in seen:
                raise ContentError(f"{deck.id}.toml, card '{card.id}': duplicate id")
            seen.add(card.id)
            for sid in card.sources:
                if sid not in source_ids:
                    raise ContentError(f"{deck.id}.toml, card '{card.id}', field 'sources': "
                                       f"unknown source '{sid}'")
    flag_ids = [f.id for f in lib.red_flags]
    if len(set(flag_ids)) != len(flag_ids):
        raise ContentError("red_flags.toml: duplicate flag id")
    for flag in lib.red_flags:
        for sid in flag.sources:
            if sid not in source_ids:
                raise ContentError(f"red_flags.toml, flag '{flag.id}', field 'sources': "
                                   f"unknown source '{sid}'")


def load_library(data_dir: Path = DATA_DIR) -> Library:
    """Read every content file from data_dir, validate it and return the library."""
    decks = tuple(_validate(Deck, data_dir / name, _read(data_dir / name)) for name in DECK_FILES)
    flags_file = data_dir / "red_flags.toml"
    lib = Library(
        decks=decks,
        red_flags=_list(flags_file, "flag", RedFlag),
        # red_flags.toml may list sources only its flags cite, beside them
        sources=(_list(data_dir / "sources.toml", "source", Source)
                 + _list(flags_file, "source", Source, optional=True)),
        triggers=_list(data_dir / "triggers.toml", "trigger", Choice),
    )
    _cross_check(lib)
    return lib


@cache
def library() -> Library:
    """The bundled content, loaded once."""
    if PACKED.is_file():
        try:
            return pickle.loads(PACKED.read_bytes())
        except Exception:  # noqa: BLE001 - made by another pydantic or schema: read the TOML instead
            pass
    return load_library()
