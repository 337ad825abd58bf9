"""Cut the icon font and Flet's icon name maps down to what the client draws itself and the app names."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import flet as ft
from fontTools import subset

from app.pwa.errors import BuildError

FONT = "assets/fonts/MaterialIcons-Regular.otf"
NAME_MAPS = {"Icons": "__pypackages__/flet/controls/material/icons.json",
             "CupertinoIcons": "__pypackages__/flet/controls/cupertino/cupertino_icons.json"}
MATERIAL_SET = 1  # Flet packs an icon as set << 16 | index into the client's icon table
CONSTANT = re.compile(r'(B\.[\w$]+)=new A\.[\w$]+\((\d+),"MaterialIcons",')
TABLE = re.compile(r"\[(?:B\.[\w$]+,){1000,}B\.[\w$]+\]")
REFERENCE = re.compile(r"B\.[\w$]+")
NAMED = re.compile(r"\b(Icons|CupertinoIcons)\.([A-Z][A-Z0-9_]*)\b")
DYNAMIC = re.compile(r"\b(?:Cupertino)?Icons\s*(?:\[|\.random\b)"
                     r"|getattr\(\s*(?:ft\.|flet\.)?(?:Cupertino)?Icons\b")


@dataclass(frozen=True)
class Kept:
    """What the subset keeps, or why the whole font ships."""

    client: int
    app: int
    before: int
    after: int
    whole_font_because: str | None = None

    def describe(self) -> str:
        if self.whole_font_because:
            return f"icon font: kept whole ({self.whole_font_because})"
        return (f"icon font: {self.client} glyphs the client draws itself + {self.app} the app names; "
                f"{self.before / 1000:.0f} KB -> {self.after / 1000:.0f} KB")


def app_icon_names(sources: list[Path]) -> tuple[set[tuple[str, str]], str | None]:
    """(set, NAME) for each Icons.NAME in the code, or the file that picks icons at run time."""
    names: set[tuple[str, str]] = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        if DYNAMIC.search(text):
            return set(), f"{path.name} looks icons up by name at run time"
        names.update(NAMED.findall(text))
    return names, None


def client_icons(main_js: str) -> tuple[list[int], set[int]]:
    """The client's icon table (index -> code point) and the code points its own widgets use."""
    constants = {name: int(cp) for name, cp in CONSTANT.findall(main_js)}
    table = max(TABLE.findall(main_js), key=len, default="[]")[1:-1].split(",")
    if len(constants) < 1000 or sum(ref in constants for ref in table) < 0.95 * len(table):
        raise BuildError("main.dart.js no longer holds the MaterialIcons table; review app/pwa/icon_font.py")
    in_table = Counter(table)
    used = Counter(REFERENCE.findall(main_js))
    own = {cp for name, cp in constants.items() if used[name] - 1 - in_table[name] > 0}
    return [constants.get(ref, 0) for ref in table], own


def code_points(names: set[str], table: list[int]) -> set[int]:
    points = set()
    for name in sorted(names):
        value = int(getattr(ft.Icons, name))
        if value >> 16 != MATERIAL_SET or (value & 0xFFFF) >= len(table):
            raise BuildError(f"Icons.{name} is not in the client's MaterialIcons table")
        points.add(table[value & 0xFFFF])
    return points


def trim(site: Path, tree: Path) -> Kept:
    """Subset the font in site and the name maps in the archive tree to the icons named in tree."""
    font = site / FONT
    before = font.stat().st_size
    names, dynamic = app_icon_names(sorted(tree.rglob("*.py")))
    if dynamic:
        return Kept(0, 0, before, before, dynamic)
    for kind, rel in NAME_MAPS.items():
        wanted = {name for k, name in names if k == kind}
        full = json.loads((tree / rel).read_text(encoding="utf-8"))
        (tree / rel).write_text(json.dumps({k: v for k, v in full.items() if k in wanted}), encoding="utf-8")
    table, own = client_icons((site / "main.dart.js").read_text(encoding="utf-8"))
    mine = code_points({name for kind, name in names if kind == "Icons"}, table)
    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    loaded = subset.load_font(str(font), options)
    subsetter.populate(unicodes=own | mine)
    subsetter.subset(loaded)
    subset.save_font(loaded, str(font), options)
    return Kept(len(own), len(mine - own), before, font.stat().st_size)
