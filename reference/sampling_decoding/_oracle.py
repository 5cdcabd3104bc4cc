"""Oracle helpers that several sampling_decoding concepts share."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa


def softmax_last(z: np.ndarray) -> np.ndarray:
    """Softmax along the last axis of an object array; -inf entries get exactly 0."""
    top = np.max(z, axis=-1, keepdims=True)
    e = mpa.exp(z - top)
    return e / np.sum(e, axis=-1, keepdims=True)

