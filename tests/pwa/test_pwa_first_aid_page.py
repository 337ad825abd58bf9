"""The pre-boot first-aid page says what the app says: A&E, keep still, history signs, the guide."""

from html import escape

from app.content.loader import library
from app.pwa.firstaid import first_aid_html


def test_the_page_offers_the_guide_right_after_the_call_now_section():
    html = first_aid_html(library())
    call_now_ends = html.index("</section>")
    guide = html.index('id="fa-guide"')
    assert call_now_ends < guide < html.index('class="fa-urgent"')
    assert 'href="now"' in html


def test_the_page_says_a_and_e_with_someone_else_driving_and_keep_still_after_a_fall():
    html = first_aid_html(library())
    assert "with someone else driving" in html and "keep still" in html


def test_history_items_sit_under_their_own_heading():
    html = first_aid_html(library())
    heading = html.index("Also tell a doctor today if")
    for flag in library().red_flags:
        if flag.section == "history":
            assert html.index(escape(flag.label)) > heading
