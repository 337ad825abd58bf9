"""The moves of "Help me now", as methods the Session gains: thin calls into the guide's rules."""

from __future__ import annotations

import contextlib
import time

import flet as ft

from app.content.guide import questions
from app.content.loader import library
from app.domain.episode import StepRecord, utc_now
from app.domain.guide import Answer, Step, answer_urgent, answer_yes, next_step
from app.domain.guide_resume import resumable_guide
from app.domain.recheck import checked_clear_recently
from app.domain.records import SosCheck
from app.ui.guide.state import GuideState


class GuideFlow:
    """Mixed into Session: every step is saved, so a reload comes back to the same place."""

    guide: GuideState | None

    def _guide_to(self, state: GuideState | None) -> None:
        self.guide = state
        self.set_setting("guide", state.saved() if state else None)

    def open_guide(self) -> None:
        active = self.active
        saved = GuideState.restore(resumable_guide(self.settings.get("guide"), time.time()))
        resume = active is not None and saved is not None and saved.episode == active.id
        self.overlay, self.result, self.notice = "guide", None, None
        if resume:
            self._guide_to(saved)
        elif active is not None and active.stale(utc_now()):
            self._guide_to(GuideState(stage="same", episode=active.id))
        elif checked_clear_recently(self.log.checks(), utc_now()):
            self._guide_to(GuideState(episode=active.id if active else None, checked_recently=True,
                                      stage="pain" if active else "start"))
        else:
            self._guide_to(GuideState(episode=active.id if active else None))
        self._resume_timer()
        _show_route("/now")

    def close_guide(self) -> None:
        self.overlay = None
        _show_route("/")

    def guide_same(self, same: bool) -> None:
        """'Is this the same spasm?' Yes goes on with it; No ends it at its last entry and starts afresh."""
        active = self.active
        if not same and active is not None:
            self.end(active.id, active.last_entry)
        self._guide_to(GuideState(episode=self.active.id if self.active else None))

    def guide_recheck(self) -> None:
        """'Check again': back to the first safety question."""
        self._guide_to(self.guide.to(stage="safety", question=0, checked_recently=False))

    # safety first
    def guide_answer(self, answer: Answer) -> None:
        state = self.guide
        question = questions()[state.question]
        if answer == "yes" and len(question.flags) == 1:
            self.guide_pick(question.flags[0])
        elif answer == "yes":
            self._guide_to(state.to(picking=True))
        elif answer == "not-sure":
            self.open_sos()
        elif state.question + 1 < len(questions()):
            self._guide_to(state.to(question=state.question + 1))
        else:
            self.log.add_record(SosCheck(tier="self-care"))
            self._guide_to(state.to(stage="pain" if self.active else "start"))

    def guide_pick(self, sign: str) -> None:
        """The one sign that is true, after a Yes: what the call handler needs to hear."""
        result = answer_yes(questions()[self.guide.question], sign)
        self.log.add_record(SosCheck(tier=result.tier, flags=[f.id for f in result.reasons]))
        self._guide_to(self.guide.to(picking=False))
        self.overlay, self.result = "sos", result

    def guide_start(self, minutes_ago: int) -> None:
        self.start_episode(minutes_ago)
        self._guide_to(self.guide.to(stage="pain", episode=self.active.id))

    def guide_pain(self, score: int) -> None:
        self.log_pain(score)
        self._guide_to(self.guide.to(stage="step", episode=self.active.id))

    # relief steps
    def guide_step(self) -> Step | None:
        active = self.active
        return next_step(active, utc_now(), self.guide.easier, self.guide.another) if active else None

    def _latest_pain(self) -> int | None:
        active = self.active
        return max(active.pain, key=lambda r: r.at).score if active and active.pain else None

    def _record(self, card: str, outcome: str, before: int | None, after: int | None = None) -> None:
        active = self.active
        record = StepRecord(card=card, at=utc_now(), outcome=outcome, pain_before=before,
                            pain_after=after)
        self.edit_active(steps=[*active.steps, record])

    def _advance(self) -> None:
        state = self.guide.to(another=0, timer_card=None, timer_end=None, pain_before=None,
                              stage="step" if self.guide.urgent_asked else "urgent")
        self.guide = state
        if state.stage == "step" and self.guide_step() is None:
            state = state.to(stage="end")
        self._guide_to(state)

    def guide_done(self, card: str) -> None:
        """Done; on a timed step, even before its end, the pain check-in comes first."""
        state = self.guide
        if state.timer_card == card:
            self.timers.stop()
            self._guide_to(state.to(timer_end=time.time()))
            return
        self._record(card, "done", self._latest_pain())
        self._advance()

    def guide_skip(self, cards: tuple[str, ...]) -> None:
        """Skip the step on screen: its card, or both heat and ice when neither was chosen."""
        active, before = self.active, self._latest_pain()
        records = [StepRecord(card=c, at=utc_now(), outcome="skipped", pain_before=before) for c in cards]
        self.edit_active(steps=[*active.steps, *records])
        self._advance()

    def guide_another(self) -> None:
        self._guide_to(self.guide.to(another=self.guide.another + 1))

    def guide_easier(self) -> None:
        self._guide_to(self.guide.to(easier=True))

    def guide_timer(self, card_id: str, minutes: int | None = None) -> None:
        cards = library().cards_by_id()
        self.timers.start(cards[card_id], minutes, pace=_pace())
        self._guide_to(self.guide.to(timer_card=card_id, timer_end=time.time() + self.timers.total,
                                     pain_before=self._latest_pain()))

    def guide_checkin(self, score: int) -> None:
        """Pain after a timed step: the step is recorded with the score before and after it."""
        state = self.guide
        self.log_pain(score)
        self._record(state.timer_card, "done", state.pain_before, score)
        self.timers.dismiss()
        self._advance()

    def guide_waiting_for_checkin(self) -> bool:
        state = self.guide
        if state is None or state.timer_card is None:
            return False
        return self.timers.done_card == state.timer_card or (
            not self.timers.running(state.timer_card) and time.time() >= (state.timer_end or 0))

    def _resume_timer(self) -> None:
        state = self.guide
        if state.timer_card is None or self.timers.running(state.timer_card):
            return
        left = (state.timer_end or 0) - time.time()
        if left > 1:
            self.timers.start(library().cards_by_id()[state.timer_card], seconds=int(left), pace=_pace())

    # later: urgent signs, then the end
    def guide_urgent(self, ticked: list[str]) -> None:
        """The later check: the signs ticked go through triage, and the log keeps which they were."""
        self.guide = self.guide.to(urgent_asked=True)
        if ticked:
            result = answer_urgent(ticked)
            self.log.add_record(SosCheck(tier=result.tier, flags=[f.id for f in result.reasons]))
            self.overlay, self.result = "sos", result
        self._advance()

    def guide_finish(self, end_episode: bool) -> None:
        if end_episode:
            self.end_episode()
        self._guide_to(None)
        self.overlay, self.tab = None, "log"
        _show_route("/")


def _pace() -> tuple[int, int]:
    """The slow-breathing card's rhythm, offered during every timed step of the guide."""
    timer = library().cards_by_id()["slow-breathing"].timer
    return timer.inhale, timer.exhale


def _show_route(route: str) -> None:
    """Keep the address bar on /now while the guide is open, so a reload comes back to it."""
    with contextlib.suppress(RuntimeError):  # no page: the UI state is driven by a unit test
        page = ft.context.page
        if (page.route or "/") != route:
            page.navigate(route)
