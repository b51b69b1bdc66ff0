"""Ctrl-C around a forked second process (``import twarc`` reading, ``report`` judging): the
parent holds SIGINT while it forks, so the child starts with it blocked; the child then ignores
it, and the parent, which gets it too, stops the child and exits with 130 alone."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def interrupt_held() -> Iterator[None]:
    """SIGINT blocked (kept pending, not lost) meanwhile: a process forked here starts with it
    blocked too."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def ignore_interrupts() -> None:
    """In the forked process: Ctrl-C is the parent's to handle (it was blocked while forking)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
