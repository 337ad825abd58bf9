"""Draw the app icon (a white spine and a red badge on navy) and the shortcuts' icons as opaque PNGs."""

from __future__ import annotations

import math
from pathlib import Path

from app.pwa.manifest import SHORTCUT_ICON_PX, shortcut_icon
from app.pwa.png import encode_rgb

NAVY = (0x1F, 0x3A, 0x5F)
RED = (0xB3, 0x26, 0x1E)
WHITE = (0xFF, 0xFF, 0xFF)
ART_RADIUS = 1.22
SAFE_SCALE = 0.30
FULL_SCALE = 0.36
VERTEBRAE = tuple((-0.2 + dx, y, w) for dx, y, w in (
    (-0.04, -0.72, 0.30), (0.02, -0.36, 0.33), (0.05, 0.0, 0.36), (0.02, 0.36, 0.39),
    (-0.04, 0.72, 0.42),
))
BADGE = (0.52, 0.52)
OUTPUTS = (
    ("icon.png", 1024, SAFE_SCALE),
    ("icons/icon-192.png", 192, FULL_SCALE),
    ("icons/icon-512.png", 512, FULL_SCALE),
    ("icons/icon-maskable-192.png", 192, SAFE_SCALE),
    ("icons/icon-maskable-512.png", 512, SAFE_SCALE),
    ("icons/apple-touch-icon-180.png", 180, FULL_SCALE),
)


def _round_rect(x: float, y: float, cx: float, cy: float, hw: float, hh: float, r: float) -> float:
    qx, qy = abs(x - cx) - hw + r, abs(y - cy) - hh + r
    return math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - r


def _layers(x: float, y: float) -> list[tuple[float, tuple[int, int, int]]]:
    """Signed distances (art units) of each shape at (x, y), bottom layer first."""
    spine = min(_round_rect(x, y, cx, cy, hw, 0.13, 0.08) for cx, cy, hw in VERTEBRAE)
    bx, by = x - BADGE[0], y - BADGE[1]
    dist = math.hypot(bx, by)
    plus = min(_round_rect(bx, by, 0, 0, 0.24, 0.075, 0.02), _round_rect(bx, by, 0, 0, 0.075, 0.24, 0.02))
    return [(spine, WHITE), (dist - 0.50, NAVY), (dist - 0.46, WHITE), (dist - 0.39, RED),
            (plus, WHITE)]


def _polygon(x: float, y: float, points: tuple[tuple[float, float], ...]) -> float:
    """Signed distance (negative inside) to a convex polygon, exact along its edges."""
    cx, cy = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    worst = -math.inf
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1], strict=True):
        nx, ny = by - ay, ax - bx
        length = math.hypot(nx, ny)
        nx, ny = nx / length, ny / length
        if (cx - ax) * nx + (cy - ay) * ny > 0:
            nx, ny = -nx, -ny
        worst = max(worst, (x - ax) * nx + (y - ay) * ny)
    return worst


def _help_now(x: float, y: float) -> list[tuple[float, tuple[int, int, int]]]:
    """A start button: a play triangle in a ring (the guide, one step at a time)."""
    ring = abs(math.hypot(x, y) - 1.0) - 0.09
    play = _polygon(x, y, ((-0.32, -0.52), (0.56, 0.0), (-0.32, 0.52)))
    return [(ring, WHITE), (play, WHITE)]


def _sos(x: float, y: float) -> list[tuple[float, tuple[int, int, int]]]:
    """An alert: a white exclamation mark on a red disc."""
    bar = _round_rect(x, y, 0, -0.2, 0.13, 0.48, 0.1)
    return [(math.hypot(x, y) - 1.12, RED), (bar, WHITE), (math.hypot(x, y - 0.62) - 0.15, WHITE)]


def _log(x: float, y: float) -> list[tuple[float, tuple[int, int, int]]]:
    """A page of entries, with the red badge's plus: add one to the log."""
    page = _round_rect(x, y, -0.12, 0, 0.72, 0.98, 0.12)
    lines = min(_round_rect(x, y, -0.22, cy, 0.42, 0.065, 0.06) for cy in (-0.5, -0.15, 0.2))
    bx, by = x - 0.55, y - 0.62
    dist = math.hypot(bx, by)
    plus = min(_round_rect(bx, by, 0, 0, 0.22, 0.07, 0.02), _round_rect(bx, by, 0, 0, 0.07, 0.22, 0.02))
    return [(page, WHITE), (lines, NAVY), (dist - 0.46, NAVY), (dist - 0.4, RED), (plus, WHITE)]


SHORTCUT_ART = {"now": _help_now, "sos": _sos, "log": _log}


def render(size: int, scale: float, layers=_layers) -> bytes:
    """An opaque size×size PNG; the artwork reaches scale×ART_RADIUS of the width from the centre."""
    unit = scale * size
    rows = []
    reach = ART_RADIUS * unit + 2
    for py in range(size):
        row = bytearray(NAVY * size)
        y = (py + 0.5 - size / 2) / unit
        for px in range(size):
            if math.hypot(px + 0.5 - size / 2, py + 0.5 - size / 2) > reach:
                continue
            x = (px + 0.5 - size / 2) / unit
            colour = NAVY
            for d, paint in layers(x, y):
                cover = min(max(0.5 - d * unit, 0.0), 1.0)
                if cover > 0:
                    colour = tuple(round(c + (p - c) * cover) for c, p in zip(colour, paint, strict=True))
            row[px * 3:px * 3 + 3] = bytes(colour)
        rows.append(bytes(row))
    return encode_rgb(size, size, rows)


def write_all(assets: Path) -> list[Path]:
    written = []
    for name, size, scale in OUTPUTS:
        path = assets / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(size, scale))
        written.append(path)
    for route, art in SHORTCUT_ART.items():
        path = assets / shortcut_icon(route)
        path.write_bytes(render(SHORTCUT_ICON_PX, SAFE_SCALE, art))
        written.append(path)
    return written
