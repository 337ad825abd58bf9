"""uvicorn's h11 protocol that cannot be stalled: capped headers (431), a deadline per request (408)."""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_LIMIT = 16 * 1024  # bytes of request line and headers; a browser sends well under 8 KB
REQUEST_TIMEOUT = 10.0  # seconds for a request to arrive whole, from its first byte or the last response
MIN_RATE = 32 * 1024  # bytes a second: each byte that arrives adds 1/MIN_RATE s, so a slow upload
# keeps going while a trickle (slowloris) gains nothing
MAX_WAITING = 200  # connections waiting on a request at once; past it the longest-waiting is dropped
LINGER = 1.0  # seconds to keep reading (and discarding) after a refusal, so the client reads it
REASONS = {400: "Bad Request", 408: "Request Timeout", 431: "Request Header Fields Too Large"}


class _Connection(h11.Connection):
    """h11's server side that remembers the status its last protocol error called for."""

    refusal = 400

    def next_event(self):
        try:
            event = super().next_event()
        except h11.RemoteProtocolError as exc:
            self.refusal = exc.error_status_hint
            raise
        if isinstance(event, h11.Request) and _size(event) > HEADER_LIMIT:
            # h11 caps only a request still arriving; one that came whole in a single read is capped here.
            self.refusal = 431
            raise h11.RemoteProtocolError("Request headers too large", error_status_hint=431)
        return event


def _size(request: h11.Request) -> int:
    return len(request.method) + len(request.target) + sum(len(k) + len(v) + 4 for k, v in request.headers)


class LimitedH11Protocol(H11Protocol):
    """Each request must arrive whole within `timeout` seconds (plus its bytes at MIN_RATE) and its
    headers fit in HEADER_LIMIT bytes.

    Refusals happen here, before any ASGI code (the Host/Origin guard included) sees the request.
    """

    timeout = REQUEST_TIMEOUT
    rate = MIN_RATE

    def __init__(self, config, server_state, app_state, _loop=None) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.conn = _Connection(h11.SERVER, HEADER_LIMIT)
        # Connections waiting on a request, oldest first; shared by every connection of this server.
        self.waiting: dict[LimitedH11Protocol, None] = server_state.__dict__.setdefault("spasm_waiting", {})
        self.deadline = None
        self.since, self.received = 0.0, 0  # when the deadline started; bytes arrived since
        self.begun = False  # bytes of the awaited request have arrived
        self.refused = False
        self.upgraded = False  # handed over to the WebSocket protocol: no longer ours to time

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._watch(restart=True)
        while len(self.waiting) > MAX_WAITING:
            next(iter(self.waiting))._expire()

    def data_received(self, data: bytes) -> None:
        if self.refused:
            return  # the answer is sent; the rest of an oversized request is read and dropped
        if self.conn.their_state is h11.IDLE:
            self.begun = True
        self.received += len(data)
        super().data_received(data)
        self._watch()
        if self.deadline is not None:  # still arriving: its bytes so far buy it time
            self.deadline.cancel()
            self.deadline = self.loop.call_at(self.since + self.timeout + self.received / self.rate,
                                              self._expire)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self.begun = self.conn.their_state is not h11.IDLE or bool(self.conn.trailing_data[0])
        self._watch(restart=True)

    def handle_websocket_upgrade(self, event) -> None:
        self._unwatch()  # the WebSocket protocol takes the connection over, with its own pings
        self.upgraded = True
        super().handle_websocket_upgrade(event)

    def connection_lost(self, exc) -> None:
        self._unwatch()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        self._refuse(self.conn.refusal if self.conn.refusal in REASONS else 400, msg)

    def _watch(self, restart: bool = False) -> None:
        """Run the deadline while a request is awaited or still arriving; stop it once it is all here."""
        awaited = (not self.upgraded and self.conn.their_state in (h11.IDLE, h11.SEND_BODY)
                   and not self.transport.is_closing())
        if not awaited or restart:
            self._unwatch()
        if awaited and self.deadline is None:
            self.since, self.received = self.loop.time(), 0
            self.deadline = self.loop.call_later(self.timeout, self._expire)
            self.waiting[self] = None

    def _unwatch(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None
        self.waiting.pop(self, None)

    def _expire(self) -> None:
        """Too slow (or crowded out): a started request is answered 408; an idle connection just closes."""
        self._unwatch()
        if self.transport.is_closing():
            return
        if self.begun and self.conn.our_state is h11.IDLE:
            self._refuse(408, "The request did not arrive in time")
        else:
            self.transport.close()

    def _refuse(self, status: int, why: str) -> None:
        self._unwatch()
        self.refused = True
        body = f"{why}\n".encode()
        self.transport.write(
            f"HTTP/1.1 {status} {REASONS[status]}\r\ncontent-type: text/plain; charset=utf-8\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n".encode() + body)
        if status != 431:
            self.transport.close()
            return
        # The client may still be sending its headers: read and drop them a moment, so it reads the 431.
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER, self.transport.close)
