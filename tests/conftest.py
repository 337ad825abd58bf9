"""Run the suite on two workers, keeping each PWA build's tests together and each module together."""

from __future__ import annotations

import pytest

PWA = "tests/pwa/"


def _group(item: pytest.Item) -> str:
    path = item.nodeid.split("::")[0]
    if not path.startswith(PWA):
        return path  # one server and one browser per module
    return "pwa-real" if "real_dist" in getattr(item, "fixturenames", ()) else "pwa"


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The two PWA groups share session-scoped builds and are the longest: they start first, one on
    # each worker, and the browser-test modules fill in around them.
    order = {"pwa-real": 0, "pwa": 1}
    items.sort(key=lambda item: order.get(_group(item), 2))
    for item in items:
        item.add_marker(pytest.mark.xdist_group(_group(item)))
