"""The UI's observable state: what is on screen, plus thin calls into domain and store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import flet as ft

from app.content.loader import library
from app.domain import daylight
from app.domain.episode import EndsBeforeStart, Episode, PainReading, Taken
from app.domain.records import SosCheck
from app.domain.regions import EmergencyHelp, choice, emergency_help
from app.domain.triage import TriageResult, triage
from app.store import EpisodeLog
from app.ui.guide.flow import GuideFlow
from app.ui.guide.state import GuideState
from app.ui.kit.theme import theme_mode
from app.ui.timers.timers import Timers

DELETED = "Deleted: the episodes, checks and settings this app kept on this device are gone."
TABS = ("relief", "sleep", "prevention", "log")


def now() -> datetime:
    return datetime.now(UTC).astimezone()


@ft.observable
@dataclass
class Session(GuideFlow):
    log: EpisodeLog
    tab: str = "relief"
    overlay: str | None = None  # "sos" | "settings" | "guide" | "report"
    ticked: list[str] = field(default_factory=list)
    result: TriageResult | None = None
    revision: int = 0
    problem: str | None = None
    notice: str | None = None
    undo: Episode | None = None
    undo_generation: int = 0  # the log's generation when `undo` was taken; delete-all ends it
    seen_changes: int = 0  # the log's change count this screen last drew
    settings: dict = field(default_factory=dict)
    positions: dict = field(default_factory=dict)  # deck id -> card on screen, kept across tabs
    reduce_motion: bool = False  # the platform asks for no flashing or moving screens
    locale_region: str = ""  # ISO country of the device locale ("" unknown); a Settings choice wins
    night: bool = False  # 21:00 to 07:00 on this device's clock
    platform_dark: bool = False  # the phone or browser itself is in dark mode
    timers: Timers = field(default_factory=Timers)
    guide: GuideState | None = None  # "Help me now", while open or resumable

    @property
    def dark(self) -> bool:
        return daylight.dark(self.settings.get("theme"), self.night, self.platform_dark)

    def theme_mode(self) -> ft.ThemeMode:
        """The person's choice, else dark at night, else the platform's own."""
        chosen = self.settings.get("theme")
        chosen = chosen if chosen in ("light", "dark") else None
        return ft.ThemeMode.DARK if self.night and chosen is None else theme_mode(chosen)

    # navigation
    def show_tab(self, tab: str) -> None:
        self.tab, self.overlay, self.result = tab, None, None

    def show_card(self, deck_id: str, index: int) -> None:
        self.positions = {**self.positions, deck_id: index}

    def open_sos(self) -> None:
        self.overlay, self.result, self.ticked, self.notice = "sos", None, [], None

    def open_settings(self) -> None:
        self.overlay = "settings"

    def open_report(self) -> None:
        """The "For your doctor" summary; closing it comes back to the Log."""
        self.overlay, self.tab = "report", "log"

    def follow_route(self, route: str | None) -> None:
        """The browser's back and forward buttons move between the guide, SOS and the tabs."""
        path = (route or "/").split("?")[0].rstrip("/") or "/"
        if path == "/now" and self.overlay != "guide":
            self.open_guide()
        elif path == "/sos" and self.overlay != "sos":
            self.open_sos()
        elif path not in ("/now", "/sos") and self.overlay == "guide":
            self.overlay = None

    def close_overlay(self) -> None:
        self.overlay, self.result = None, None

    # triage
    def toggle_flag(self, flag_id: str) -> None:
        ticked = list(self.ticked)
        ticked.remove(flag_id) if flag_id in ticked else ticked.append(flag_id)
        self.ticked = ticked

    def pending(self) -> TriageResult:
        """What the ticked signs mean, before the person taps to check them."""
        return triage(self.ticked, library().red_flags)

    def check(self) -> None:
        self.result = self.pending()
        self.log.add_record(SosCheck(tier=self.result.tier, flags=[f.id for f in self.result.reasons]))
        if self.result.tier == "self-care":
            self.show_tab("relief")
            self.show_card("relief", 0)
            self.notice = "No red flags ticked. Start with these relief steps."

    @property
    def region(self) -> str:
        """The country in use (ISO code), "custom", "unknown", or "" when nothing is known."""
        return choice(self.settings, self.locale_region.upper())

    @property
    def emergency(self) -> EmergencyHelp:
        return emergency_help(self.region, self.settings.get("custom", ""), self.locale_region.upper())

    @property
    def number(self) -> str:
        return self.emergency.number

    # settings
    def set_setting(self, key: str, value) -> None:
        self.log.set_setting(key, value)
        self.settings = self.log.settings()

    # the log
    @property
    def active(self) -> Episode | None:
        return self.log.active()

    def _changed(self) -> None:
        self.seen_changes = self.log.changes
        self.revision += 1

    async def catch_up(self) -> None:
        """Redraw after another tab or window changed the log (called in this session's context)."""
        if self.log.changes != self.seen_changes:
            self.settings = self.log.settings()
            if self.log.problem:  # e.g. the file was damaged on disk and moved aside
                self.problem = self.log.problem.message
            self._changed()

    @property
    def save_error(self) -> str | None:
        return self.log.save_error

    def dismiss_problem(self) -> None:
        """The notice about the stored log has been read: no later visit shows it again."""
        self.problem, self.log.problem = None, None

    def start_episode(self, minutes_ago: int = 0) -> None:
        self.log.add(Episode(start=now() - timedelta(minutes=minutes_ago)))
        self._changed()

    def edit(self, episode_id: str, **changes) -> None:
        self.log.update(self.log.get(episode_id).model_copy(update=changes))
        self._changed()

    def edit_active(self, **changes) -> None:
        if (episode := self.active) is not None:
            self.edit(episode.id, **changes)

    def log_pain(self, score: int) -> None:
        episode = self.active
        if episode:
            self.edit_active(pain=[*episode.pain, PainReading(at=now(), score=score)])

    def add_taken(self, episode_id: str, what: str, at: datetime) -> None:
        """Something taken or used, in the person's own words; the app never suggests what."""
        episode = self.log.get(episode_id)
        self.edit(episode_id, taken=[*episode.taken, Taken(at=at, what=what)])

    def set_effect(self, episode_id: str, index: int, effect: str) -> None:
        taken = list(self.log.get(episode_id).taken)
        taken[index] = Taken.model_validate({**taken[index].model_dump(), "effect": effect})
        self.edit(episode_id, taken=taken)

    def toggle_choice(self, attr: str, choice: str) -> None:
        episode = self.active
        if episode:
            values = list(getattr(episode, attr))
            values.remove(choice) if choice in values else values.append(choice)
            self.edit_active(**{attr: values})

    def end_episode(self) -> None:
        if (episode := self.active) is not None:
            self.end(episode.id)

    def end(self, episode_id: str, at: datetime | None = None) -> None:
        """End an episode; one dated later than the end (a wrong clock) says so instead of failing."""
        try:
            self.log.update(self.log.get(episode_id).ended(at or now()))
        except EndsBeforeStart as exc:
            self.problem = str(exc)
        self._changed()

    def retime(self, episode_id: str, *, start: datetime | None = None, end: datetime | None = None) -> None:
        """Correct when an episode started or ended; one that would end first says so and changes nothing."""
        try:
            self.log.update(self.log.get(episode_id).retimed(start=start, end=end))
        except EndsBeforeStart as exc:
            self.problem = str(exc)
        self._changed()

    def delete(self, episode_id: str) -> None:
        self.undo, self.undo_generation = self.log.delete(episode_id), self.log.generation
        self._changed()

    def undo_delete(self) -> None:
        if self.undo is not None and self.undo_generation == self.log.generation \
                and self.undo.id not in self.log:
            self.log.add(self.undo)
        self.undo = None
        self._changed()

    @property
    def can_undo(self) -> bool:
        return self.undo is not None and self.undo_generation == self.log.generation

    async def clear_all(self) -> None:
        self.log.clear()
        self.undo = None
        await self.log.settled()
        if self.log.saved:  # a write that failed shows its own warning instead
            self.notice = DELETED
        self._changed()
