"""Export, delete everything after confirming, then import the export back: nothing is lost."""

import json

from tests.e2e.conftest import reveal, shot, text


def test_export_delete_all_import_round_trip(app, tmp_path):
    app.get_by_role("tab", name="Log").click()
    app.get_by_role("button", name="I'm having a spasm").click()
    app.get_by_role("button", name="Pain 6").click()
    text(app, "last: 6").first.wait_for()
    reveal(app, app.get_by_role("button", name="End this episode")).click()
    reveal(app, text(app, "History (1)"))

    with app.expect_download() as download:
        reveal(app, app.get_by_role("button", name="Export JSON")).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    exported = json.loads(saved.read_text())
    assert [r["score"] for r in exported["episodes"][0]["pain"]] == [6]
    shot(app, "log-history")

    app.get_by_role("button", name="Settings").click()
    reveal(app, app.get_by_role("button", name="Delete all my data")).click()
    text(app, "Delete all 1 episode, 0 SOS checks, your settings").first.wait_for()
    assert reveal(app, app.get_by_role("button", name="Export JSON")).is_visible()
    shot(app, "settings-delete-confirm")
    reveal(app, app.get_by_role("button", name="Yes, delete everything")).click()
    app.get_by_role("button", name="Back").click()
    app.get_by_role("tab", name="Log").click()
    reveal(app, text(app, "History (0)")).wait_for()

    with app.expect_file_chooser() as chooser:
        reveal(app, app.get_by_role("button", name="Import JSON")).click()
    chooser.value.set_files(str(saved))
    text(app, "Imported 1 episode.").first.wait_for()
    shot(app, "log-imported")
    reveal(app, text(app, "History (1)")).wait_for()
    assert text(app, "worst pain 6/10").count() >= 1
