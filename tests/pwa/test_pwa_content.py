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


def test_a_pickle_that_does_not_load_falls_back_to_the_toml(tmp_path, monkeypatch):
    from app.content import loader

    stale = tmp_path / "library.pickle"
    stale.write_bytes(b"not a pickle")
    monkeypatch.setattr(loader, "PACKED", stale)
    loader.library.cache_clear()
    try:
        assert loader.library() == load_library()
    finally:
        loader.library.cache_clear()
