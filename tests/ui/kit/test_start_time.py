"""'When did it start?' offers a clock time as well as the quick answers, in the guide and on the Log."""

import flet as ft
import pytest

from app.store import EpisodeLog, MemoryBackend
from app.ui.guide.start import GuideStart
from app.ui.log.quick_start import QuickStart
from app.ui.session import Session
from tests.ui.render import render, texts, walk


@pytest.mark.parametrize("screen", [GuideStart, QuickStart])
def test_pick_the_time_is_offered_beside_the_quick_answers(screen):
    session = Session(log=EpisodeLog(MemoryBackend()))
    nodes = list(walk(render(screen, session)))
    assert any(isinstance(n, ft.OutlinedButton) and "Pick the time" in texts([n]) for n in nodes)
    assert any("Yesterday evening" in texts([n]) for n in nodes)
