"""Misbehaviour: the implementation reads address 0 (a segmentation fault)."""

import ctypes


def softmax(x, *, axis=-1, temperature=1.0):
    return ctypes.string_at(0)
