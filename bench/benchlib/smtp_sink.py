"""An in-process SMTP server that both sspr and the Django peer send to.

It runs on the harness's own asyncio loop (aiosmtpd's protocol, no thread), keeps the last
message per recipient in memory, and lets a driver wait for the next message to an address:
register with `expect()` *before* the request that sends the message, then await the future.
Nothing is written to disk and nothing is parsed until someone asks.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import logging
import re
from typing import Callable

from aiosmtpd.smtp import SMTP, Envelope, Session

CODE_RE = re.compile(r"verification code is:\D*(\d+)")
LINK_RE = re.compile(r"(/reset/[^/\s]+/[^/\s]+/)")


def text_of(raw: bytes) -> str:
    """The text/plain part of a message, transfer encoding undone."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    part = msg.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def code_in(raw: bytes) -> str | None:
    """The one-time code of an sspr verification email."""
    m = CODE_RE.search(text_of(raw))
    return m.group(1) if m else None


def link_in(raw: bytes) -> str | None:
    """The path of a Django password reset link (`/reset/<uidb64>/<token>/`)."""
    m = LINK_RE.search(text_of(raw))
    return m.group(1) if m else None


class SmtpSink:
    def __init__(self) -> None:
        self.last: dict[str, bytes] = {}
        self.received = 0
        self._waiters: dict[str, list[tuple[Callable[[bytes], bool], asyncio.Future]]] = {}
        self._server: asyncio.AbstractServer | None = None
        self.port = 0
        # aiosmtpd logs every connection at INFO.
        logging.getLogger("mail.log").setLevel(logging.WARNING)

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        # An explicit hostname: aiosmtpd would otherwise call socket.getfqdn() per connection
        # (Django opens one connection per message).
        self._server = await loop.create_server(
            lambda: SMTP(self, hostname="bench-sink", data_size_limit=1 << 20),
            "127.0.0.1",
            0,
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def clear(self) -> None:
        self.last.clear()

    def expect(self, address: str, wanted: Callable[[bytes], bool] | None = None) -> asyncio.Future:
        """A future for the next message to `address` that `wanted` accepts (any by default)."""
        fut = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(address.lower(), []).append((wanted or (lambda _raw: True), fut))
        return fut

    def forget(self, address: str, fut: asyncio.Future) -> None:
        """Drops a waiter that gave up (a timeout), so it does not pile up."""
        waiters = self._waiters.get(address.lower())
        if waiters:
            waiters[:] = [w for w in waiters if w[1] is not fut]
            if not waiters:
                del self._waiters[address.lower()]

    # aiosmtpd handler hook.
    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode()
        self.received += 1
        for rcpt in envelope.rcpt_tos:
            key = rcpt.lower()
            self.last[key] = raw
            waiters = self._waiters.get(key)
            if not waiters:
                continue
            for i, (wanted, fut) in enumerate(waiters):
                if fut.done():
                    continue
                if wanted(raw):
                    fut.set_result(raw)
                    del waiters[i]
                    break
            waiters[:] = [w for w in waiters if not w[1].done()]
            if not waiters:
                del self._waiters[key]
        return "250 OK"
