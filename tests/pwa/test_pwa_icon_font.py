"""The shipped icon font keeps Flutter's own icons and every icon the app names, and little else."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import flet as ft
import pytest
from flet_web import get_package_web_dir
from fontTools.ttLib import TTFont

from app.pwa import archive, icon_font
from app.pwa.build import PROJECT
from app.pwa.errors import BuildError

WEB = Path(get_package_web_dir())
FULL = TTFont(str(WEB / icon_font.FONT)).getBestCmap()
BY_GLYPH = {glyph: cp for cp, glyph in FULL.items()}
# Drawn by Flutter's widgets themselves: back button, dropdown, checkbox menu, dialogs, snack bars.
FLUTTER_OWN = ("arrow_back_baseline", "arrow_drop_down_baseline", "close_baseline", "check_baseline",
               "expand_more_baseline", "more_vert_baseline", "cancel_baseline")


def _glyph(name: str) -> str:
    lower = name.lower()
    return lower if lower.endswith(("_outlined", "_rounded", "_sharp")) else f"{lower}_baseline"


def _shipped_cmap(dist) -> dict[int, str]:
    return TTFont(str(dist.out / icon_font.FONT)).getBestCmap()


def test_font_keeps_flutters_icons_and_the_apps_but_is_a_fraction_of_the_size(fixture_dist):
    shipped = _shipped_cmap(fixture_dist)
    assert (fixture_dist.out / icon_font.FONT).stat().st_size < 50_000 < (WEB / icon_font.FONT).stat().st_size
    for glyph in (*FLUTTER_OWN, "healing_baseline"):  # the fixture app draws Icons.HEALING
        assert BY_GLYPH[glyph] in shipped, glyph
    assert BY_GLYPH["ac_unit_baseline"] not in shipped
    assert fixture_dist.icons.whole_font_because is None


def test_icon_name_map_lists_only_the_names_in_the_code(fixture_dist):
    with tarfile.open(fixture_dist.out / "app.tar.gz") as tar:
        names = json.load(tar.extractfile(icon_font.NAME_MAPS["Icons"]))
    assert names["HEALING"] == ft.Icons.HEALING.value
    assert "AC_UNIT" not in names and len(names) < 100


def test_every_icon_the_real_app_names_maps_to_its_own_glyph():
    sources = [src for src, name in archive.app_files(PROJECT) if name.endswith(".py")]
    names, dynamic = icon_font.app_icon_names(sources)
    assert dynamic is None
    material = {name for kind, name in names if kind == "Icons"}
    assert {"CALL", "EMERGENCY", "HEALING", "BEDTIME", "SHIELD"} <= material
    table, _own = icon_font.client_icons((WEB / "main.dart.js").read_text(encoding="utf-8"))
    for name in material:
        (point,) = icon_font.code_points({name}, table)
        assert FULL[point] == _glyph(name), name


def test_an_app_that_picks_icons_by_name_at_run_time_keeps_the_whole_font(tmp_path):
    picker = tmp_path / "picker.py"
    picker.write_text("import flet as ft\nicon = getattr(ft.Icons, user_choice)\n", encoding="utf-8")
    names, dynamic = icon_font.app_icon_names([picker])
    assert names == set() and "picker.py" in dynamic


def test_main_js_without_the_icon_table_is_a_clear_build_error():
    with pytest.raises(BuildError, match="MaterialIcons table"):
        icon_font.client_icons("var x = 1;")


def test_shipped_font_is_a_valid_font_flutter_can_load(fixture_dist):
    data = (fixture_dist.out / icon_font.FONT).read_bytes()
    font = TTFont(io.BytesIO(data))
    assert font["CFF "] and font["cmap"] and font["hmtx"]
    assert font["head"].unitsPerEm == TTFont(str(WEB / icon_font.FONT))["head"].unitsPerEm
