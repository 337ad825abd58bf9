"""End WebSocket handlers that would otherwise wait forever: never registered, or left and stuck."""

from __future__ import annotations

import asyncio
import contextlib

REGISTER_TIMEOUT = 10.0  # seconds from the handshake to the app's first frame (the client registered)
GONE_GRACE = 2.0  # seconds a handler may take to finish after its client left
# A closed tab's session is kept this long, so a reload, a phone that slept or a call to 999 resumes it
# where it was (Flet's default: an hour). A disconnected session is not redrawn meanwhile.
SESSION_TIMEOUT = 15 * 60


class SessionWatch:
    """Pure ASGI middleware around Flet's WebSocket handler.

    Flet's handler waits on its send loop forever when a client closes, or sends a frame it cannot
    read, before registering: the connection and its memory were kept for good. Here a handler whose
    client left before registering is cancelled at once; one that has not answered a registration
    within REGISTER_TIMEOUT is closed and cancelled; one still running GONE_GRACE seconds after its
    client left is cancelled.
    """

    def __init__(self, app, register_timeout: float = REGISTER_TIMEOUT, gone_grace: float = GONE_GRACE):
        self.app, self.register_timeout, self.gone_grace = app, register_timeout, gone_grace

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return
        answered, gone = asyncio.Event(), asyncio.Event()
        inbox: asyncio.Queue = asyncio.Queue(maxsize=1)
        closed = False

        async def pump() -> None:
            """Read for the handler, one message ahead, so a client leaving is seen even when the
            handler has stopped reading (as Flet's does after a frame it cannot decode)."""
            while True:
                message = await receive()
                if message["type"] == "websocket.disconnect":
                    gone.set()
                await inbox.put(message)
                if message["type"] == "websocket.disconnect":
                    return

        async def watched_send(message) -> None:
            nonlocal closed
            if message["type"] == "websocket.send":
                answered.set()
            elif message["type"] == "websocket.close":
                closed = True
            try:
                await send(message)
            except OSError:
                # The client left mid-send. Raising here would end Flet's handler before it marks the
                # session disconnected, and such a session never expires: drop the frame instead, and
                # let the handler see the disconnect on its next read.
                if message["type"] == "websocket.accept":
                    raise

        reader = asyncio.ensure_future(pump())
        handler = asyncio.ensure_future(self.app(scope, inbox.get, watched_send))
        try:
            await _first(handler, answered, gone, timeout=self.register_timeout)
            if not handler.done() and not answered.is_set():
                # Left before registering (nothing to clean up), or silent for too long: end it now.
                await _stop(handler)
                if not closed and not gone.is_set():
                    with contextlib.suppress(Exception):  # the socket may be half gone already
                        await send({"type": "websocket.close", "code": 1008, "reason": "No registration"})
                return
            await _first(handler, gone)
            if not handler.done() and not await _settled(handler, self.gone_grace):
                await _stop(handler)
        finally:
            for task in (handler, reader):
                if not task.done():  # ended above, or this watch itself was cancelled (shutdown)
                    await _stop(task)
        if not handler.cancelled() and handler.exception() is not None:
            raise handler.exception()  # as if the handler had been called directly


async def _first(task: asyncio.Future, *events: asyncio.Event, timeout: float | None = None) -> bool:
    """Wait until the task ends or an event is set (or the timeout); True unless the task ended."""
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait([task, *waiters], timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
    return not task.done()


async def _settled(task: asyncio.Future, timeout: float) -> bool:
    await asyncio.wait([task], timeout=timeout)
    return task.done()


async def _stop(task: asyncio.Future) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task
