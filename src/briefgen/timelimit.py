"""A time limit for work done in this process (a worker process is simply killed instead).

Only where signals allow it: on POSIX, in the main thread. Elsewhere the work runs unlimited.
"""
from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitReached(BaseException):
    """Raised inside the limited work. A BaseException, so that no `except Exception` of the
    work itself (reporting a bug as a skipped article) takes it for an error of its own."""


@contextmanager
def time_limited(seconds: float) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or not math.isfinite(seconds):
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeLimitReached

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
