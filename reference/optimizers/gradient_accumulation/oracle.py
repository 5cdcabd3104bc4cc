"""The oracle of gradient_accumulation: the plain sum of micro-batch gradients, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("gradient_accumulation")
def gradient_accumulation(grads: np.ndarray, *, scale_loss: str = "mean") -> np.ndarray:
    total = grads[0] * 0
    for g in grads:
        total = total + g
    return total / mpa.mpf(len(grads)) if scale_loss == "mean" else total
