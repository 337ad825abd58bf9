"""The one running countdown (ice, heat, stretch hold or breathing); it outlives tab switches."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass

import flet as ft
import flet_audio as fta

from app.content.schema import Card

TICK = 0.25
TONE = "sounds/time-up.wav"  # three short beeps, under assets/
# Browser tests run a 15-minute ice timer to its end in seconds; people never set this.
CLOCK_SPEED = float(os.environ.get("SPASM_CLOCK_SPEED", "1"))


@ft.observable
@dataclass
class Timers:
    card_id: str | None = None
    title: str = ""
    kind: str = ""
    total: int = 0
    remaining: int = 0
    rep: int = 1
    reps: int = 1
    breath: str = ""
    done_card: str | None = None
    _task: asyncio.Task | None = None
    _services: tuple | None = None

    def _devices(self) -> tuple[ft.Wakelock, ft.HapticFeedback, fta.Audio]:
        """Created once, inside the page's context, the first time a timer starts."""
        if self._services is None:
            self._services = (ft.Wakelock(), ft.HapticFeedback(), fta.Audio(src=TONE))
        return self._services

    def running(self, card_id: str) -> bool:
        return self.card_id == card_id

    def start(self, card: Card, minutes: int | None = None, seconds: int | None = None,
              pace: tuple[int, int] | None = None) -> None:
        """Start the card's timer, for `minutes` of its choices, or the `seconds` left of one resumed.

        `pace` (inhale, exhale seconds) adds the breathing pacer to a timer that has none.
        """
        timer = card.timer
        if timer is None:
            return
        self.stop()
        self.card_id, self.title, self.kind = card.id, card.title, timer.kind
        self.total = seconds or (minutes * 60 if minutes else timer.total_seconds)
        self.reps = timer.repeats if timer.kind == "hold" else 1
        self.rep, self.remaining, self.done_card, self.breath = 1, self.total, None, ""
        page = ft.context.page
        self._task = page.run_task(self._run, *(pace or (timer.inhale, timer.exhale)))
        page.run_task(self._wakelock, True)

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
            with contextlib.suppress(RuntimeError):
                ft.context.page.run_task(self._wakelock, False)
        self.card_id = None

    def dismiss(self) -> None:
        self.done_card = None

    async def _run(self, inhale: int, exhale: int) -> None:
        for rep in range(1, self.reps + 1):
            self.rep = rep
            end = time.monotonic() + self.total / CLOCK_SPEED
            while (left := (end - time.monotonic()) * CLOCK_SPEED) > 0:
                remaining = int(left + 0.999)
                if remaining != self.remaining:
                    self.remaining = remaining
                if inhale and exhale:
                    elapsed = (self.total - left) % (inhale + exhale)
                    breath = "Breathe in" if elapsed < inhale else "Breathe out"
                    if breath != self.breath:
                        self.breath = breath
                await asyncio.sleep(TICK)
        self.remaining, self.done_card, self.card_id, self._task = 0, self.card_id, None, None
        await self._wakelock(False)
        _, haptics, tone = self._devices()
        with contextlib.suppress(Exception):  # no speaker, or the browser refused to play
            await tone.play()
        with contextlib.suppress(Exception):  # no vibration motor on this platform
            await haptics.vibrate()

    async def _wakelock(self, on: bool) -> None:
        wakelock = self._devices()[0]
        with contextlib.suppress(Exception):  # not every browser offers a wake lock
            await (wakelock.enable() if on else wakelock.disable())
