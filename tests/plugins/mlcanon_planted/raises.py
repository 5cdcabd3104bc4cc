"""Misbehaviour: the implementation raises."""


def softmax(x, *, axis=-1, temperature=1.0):
    raise RuntimeError("planted failure inside softmax")
