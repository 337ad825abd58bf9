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
