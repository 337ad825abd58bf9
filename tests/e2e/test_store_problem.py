"""A log file that cannot be read is moved aside, and the person is told where it went."""

import pytest

from tests.e2e.conftest import Server, open_app, text


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    (data / "episodes.json").write_text('{"format": "spasm-sos-log", "episodes": [tru')
    srv = Server(data)
    yield srv
    srv.stop()


def test_corrupt_log_is_kept_and_explained(server, browser_context):
    page = open_app(browser_context[0], server.url)
    text(page, "could not be read").first.wait_for()
    moved = [p.name for p in server.data_dir.iterdir() if ".corrupt-" in p.name]
    assert len(moved) == 1
    assert text(page, moved[0]).count() >= 1, "the message does not say where the old file went"
    assert (server.data_dir / moved[0]).read_text().endswith("[tru")
    page.get_by_role("button", name="Dismiss message").click()
    page.get_by_role("tab", name="Log").click()
    page.get_by_role("button", name="I'm having a spasm").wait_for()
    page.close()
