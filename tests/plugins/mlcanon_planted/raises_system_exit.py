"""Misbehaviour: the implementation raises SystemExit, which `except Exception` misses."""

import sys


def softmax(x, *, axis=-1, temperature=1.0):
    sys.exit("planted exit inside softmax")
