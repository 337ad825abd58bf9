"""The PWA ships its content validated at build time: the start unpickles it instead of parsing TOML."""

from __future__ import annotations

import pickle
import tarfile

from app.content.loader import load_library


def test_the_real_build_ships_the_content_it_validated(real_dist):
    assert real_dist.bytecode.content_packed
    with tarfile.open(real_dist.out / "app.tar.gz") as tar:
        packed = tar.extractfile("app/content/data/library.pickle").read()
    assert pickle.loads(packed) == load_library(), "the same content as the TOML files"
