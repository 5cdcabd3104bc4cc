"""Planted slowdown: a correct softmax that wastes time, for the regression demo."""

import time

from mlcanon_numpy.concepts.activations import softmax as fast_softmax


def softmax(x, *, axis=-1, temperature=1.0):
    time.sleep(0.004)
    return fast_softmax(x, axis=axis, temperature=temperature)
