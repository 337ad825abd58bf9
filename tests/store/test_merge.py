"""Two writers' copies of the log merge so that neither loses what the other did."""

from app.store.merge import merge


def row(note: str, stamp: str = "2026-01-01T00:00:00Z") -> dict:
    return {"notes": note, "updated_at": stamp}


def test_each_side_adds_its_own_entry_and_both_are_kept():
    base = {"a": row("a")}
    assert merge(base, {**base, "mine": row("m")}, {**base, "theirs": row("t")}) == {
        "a": row("a"), "mine": row("m"), "theirs": row("t")}


def test_a_change_wins_over_the_other_sides_unchanged_copy():
    base = {"a": row("old"), "b": row("old")}
    assert merge(base, {"a": row("mine"), "b": row("old")}, {"a": row("old"), "b": row("theirs")}) == {
        "a": row("mine"), "b": row("theirs")}


def test_a_delete_on_one_side_goes_through_when_the_other_did_not_touch_it():
    base = {"a": row("a"), "b": row("b")}
    assert merge(base, {"a": row("a")}, base) == {"a": row("a")}
    assert merge(base, base, {"b": row("b")}) == {"b": row("b")}


def test_an_edit_is_never_lost_to_the_other_sides_delete():
    base = {"a": row("a")}
    assert merge(base, {}, {"a": row("edited")}) == {"a": row("edited")}
    assert merge(base, {"a": row("edited")}, {}) == {"a": row("edited")}


def test_both_changed_the_same_entry_the_later_edit_wins():
    base = {"a": row("old")}
    later, earlier = row("later", "2026-02-02T00:00:00Z"), row("earlier", "2026-02-01T00:00:00Z")
    assert merge(base, {"a": earlier}, {"a": later}) == {"a": later}
    assert merge(base, {"a": later}, {"a": earlier}) == {"a": later}


def test_plain_settings_values_merge_by_key():
    assert merge({"theme": "dark"}, {"theme": "light"}, {"theme": "dark", "country": "JP"}) == {
        "theme": "light", "country": "JP"}


def test_the_later_edit_wins_by_time_whatever_zone_its_stamp_is_written_in():
    base = {"a": row("old")}
    # 10:00 in Paris (+01:00) is 09:00 UTC: earlier than 09:30 UTC, though it sorts later as text
    paris = row("edited in Paris", "2026-02-01T10:00:00+01:00")
    london = row("edited later in London", "2026-02-01T09:30:00Z")
    assert merge(base, {"a": paris}, {"a": london}) == {"a": london}
    assert merge(base, {"a": london}, {"a": paris}) == {"a": london}


def test_an_unreadable_stamp_loses_to_a_readable_one_and_never_crashes():
    base = {"a": row("old")}
    readable = row("readable", "2020-01-01T00:00:00Z")
    for broken in ({"notes": "no stamp"}, row("bad", "yesterday"), {"notes": "n", "updated_at": 5}):
        assert merge(base, {"a": broken}, {"a": readable}) == {"a": readable}
        assert merge(base, {"a": readable}, {"a": broken}) == {"a": readable}
