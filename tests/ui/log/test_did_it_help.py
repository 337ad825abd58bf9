"""'Did it help?' shows once, right after the pain buttons on the open episode, not below the choices."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.episode import Episode, PainReading, Taken
from app.store import EpisodeLog, MemoryBackend
from app.ui.log.active_episode import ActiveEpisode
from app.ui.log.episode_detail import EpisodeDetail
from app.ui.session import Session
from tests.ui.render import render, texts, walk

T0 = datetime.now().astimezone() - timedelta(hours=1)


def _episode(end: datetime | None) -> Episode:
    return Episode(id="e", start=T0, end=end, pain=[PainReading(at=T0, score=7),
                                                  PainReading(at=T0 + timedelta(minutes=30), score=4)],
                   taken=[Taken(at=T0 + timedelta(minutes=5), what="Ibuprofen gel")])


def _read(component, episode: Episode) -> list[str]:
    session = Session(log=EpisodeLog(MemoryBackend()))
    session.log.add(episode)
    return texts(walk(render(component, session, episode)))


def test_the_open_episode_asks_just_after_its_pain_buttons_and_only_there():
    shown = _read(ActiveEpisode, _episode(None))
    asked = shown.index("Did Ibuprofen gel help?")
    assert shown.count("Did Ibuprofen gel help?") == 1
    assert asked < shown.index("What set it off?"), shown
    assert shown.index("How bad is the pain now? (0 = none, 10 = worst) · last: 4") < asked


def test_a_past_episode_still_asks_in_what_was_taken():
    shown = _read(EpisodeDetail, _episode(T0 + timedelta(minutes=50)))
    assert shown.count("Did Ibuprofen gel help?") == 1
