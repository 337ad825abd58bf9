"""Draw the app icon (a white spine and a red first-aid badge on navy) as opaque PNGs."""

from __future__ import annotations

import math
from pathlib import Path

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


def render(size: int, scale: float) -> bytes:
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
            for d, paint in _layers(x, y):
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
    return written
