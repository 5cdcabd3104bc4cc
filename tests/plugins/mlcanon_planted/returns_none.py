"""Misbehaviour: the implementation returns None."""


def softmax(x, *, axis=-1, temperature=1.0):
    return None
