"""Misbehaviour: the implementation turns off the interval timer the time limit set, then
never returns."""

import signal
import time


def softmax(x, *, axis=-1, temperature=1.0):
    signal.setitimer(signal.ITIMER_REAL, 0)
    while True:
        time.sleep(0.01)
