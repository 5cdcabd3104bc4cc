"""A per-case time limit, so one hanging implementation cannot stall a run.

Uses ``SIGALRM`` (like pytest-timeout's signal method): the alarm interrupts Python code
and framework calls that return to the interpreter. Off the main thread, or where the
platform has no ``SIGALRM``, the limit is not enforced.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class CaseTimeout(BaseException):
    """Raised inside a case that ran past its limit.

    A BaseException, so an implementation's ``except Exception`` cannot swallow it.
    """


@contextmanager
def deadline(seconds: float | None, message: str) -> Iterator[None]:
    usable = (seconds and hasattr(signal, "SIGALRM")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise CaseTimeout(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
