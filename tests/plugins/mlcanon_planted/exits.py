"""Misbehaviour: the implementation ends its process without cleanup."""

import os


def softmax(x, *, axis=-1, temperature=1.0):
    os._exit(3)
