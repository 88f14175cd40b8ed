"""A deadline for one whole request (connect, headers and body), enforced whatever the server does.

Socket timeouts only bound the wait for the *next* bytes: a server that sends its response headers
one line every few seconds, or a body one byte at a time, never trips them. So every request runs
under a Watchdog: a timer that shuts the request's socket down when the deadline passes. A blocked
read then returns at once, and the client reports the deadline instead of whatever error the dead
socket produced.

The sockets are found through urllib3's connection classes: `WatchedAdapter` makes the session's
pools build connections that hand their socket to the watchdog of the current thread, both when a
connection is opened and when a pooled one is reused. DNS resolution happens before a socket
exists and is not covered (the system resolver has its own timeouts).
"""

from __future__ import annotations

import socket
import threading
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()


class Watchdog:
    """`with Watchdog(seconds) as dog:` around one request on this thread; `dog.fired` afterwards
    says whether the deadline cut it."""

    def __init__(self, seconds: float) -> None:
        self._lock = threading.Lock()
        self._sockets: list[Any] = []
        self._active = False
        self.fired = False
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True  # a pending timer must never keep the interpreter alive

    def __enter__(self) -> Watchdog:
        self._previous = getattr(_current, "watchdog", None)
        _current.watchdog = self
        self._active = True
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        with self._lock:
            self._active = False
            self._sockets.clear()
        _current.watchdog = self._previous

    def watch(self, sock: Any) -> None:
        with self._lock:
            if not self._active:
                return
            if self.fired:  # the deadline passed while connecting
                _shut(sock)
                return
            self._sockets.append(sock)

    def _fire(self) -> None:
        with self._lock:
            if not self._active:
                return
            self.fired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: Any) -> None:
    """Wake any thread blocked on the socket: recv returns b"" and the request fails fast."""
    try:
        if isinstance(sock, socket.socket):
            # the plain socket's shutdown, also for an SSLSocket: its own shutdown would drop the
            # TLS object under the feet of the reading thread
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        else:
            sock.shutdown(socket.SHUT_RDWR)
    except (OSError, ValueError, AttributeError):
        pass  # already closed or never connected: nothing to wake


def _watch_current(sock: Any) -> None:
    dog = getattr(_current, "watchdog", None)
    if dog is not None and sock is not None:
        dog.watch(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch_current(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        _watch_current(self.sock)  # a pooled connection: its socket exists already
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch_current(sock)  # before the TLS handshake, so a stalled handshake is covered too
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        _watch_current(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedHTTPConnectionPool, "https": _WatchedHTTPSConnectionPool}


class WatchedAdapter(HTTPAdapter):
    """requests' adapter whose connections report their sockets to the current Watchdog."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_WATCHED_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if hasattr(manager, "pool_classes_by_scheme") and not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_WATCHED_POOLS)
        return manager
