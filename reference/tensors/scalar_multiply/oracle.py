"""The oracle of scalar_multiply: the exact product per entry (mpmath)."""

from __future__ import annotations

import math

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("scalar_multiply")
def scalar_multiply(v: np.ndarray, *, scalar: float | None = None) -> np.ndarray:
    if scalar is None:
        msg = "scalar_multiply needs a scalar"
        raise TypeError(msg)
    c = mpa.mpf(scalar)
    out = np.empty(v.shape, dtype=object)
    for index in np.ndindex(v.shape):
        value = c * v[index]
        if value == 0:  # mpmath has no -0: the sign of the zero is the product of the signs
            negative = (math.copysign(1.0, float(scalar)) < 0) != \
                (math.copysign(1.0, float(v[index])) < 0)
            value = -0.0 if negative else 0.0
        out[index] = value
    return out
