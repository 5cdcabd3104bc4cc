"""Misbehaviour: the implementation never returns."""

import time


def softmax(x, *, axis=-1, temperature=1.0):
    while True:
        time.sleep(0.01)
