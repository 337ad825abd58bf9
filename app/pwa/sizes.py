"""Measure a built site: total bytes raw and gzipped, and the largest files."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SiteSize:
    raw: int
    gz: int
    files: int

    def describe(self) -> str:
        return f"{self.files} files, {mb(self.raw)} raw, {mb(self.gz)} gzipped"


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def gz_size(data: bytes) -> int:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    return len(comp.compress(data) + comp.flush())


def measure(out: Path) -> SiteSize:
    raw = gz = count = 0
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            gz += gz_size(data)
            count += 1
    return SiteSize(raw, gz, count)
