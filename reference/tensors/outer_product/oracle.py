"""The oracle of outer_product: y[i, j] = u[i] * v[j], one exact product per entry."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlcanon.oracles import oracle


def _negative(value: Any) -> bool:
    return value < 0 or (isinstance(value, float) and math.copysign(1.0, value) < 0)


@oracle("outer_product")
def outer_product(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    if u.ndim != 1 or v.ndim != 1:
        msg = f"outer_product takes two vectors, got shapes {u.shape} and {v.shape}"
        raise ValueError(msg)
    y = np.empty((u.shape[0], v.shape[0]), dtype=object)
    for i in range(u.shape[0]):
        for j in range(v.shape[0]):
            product = u[i] * v[j]
            if product == 0:  # mpmath has no -0: the sign is the product of the signs
                product = -0.0 if _negative(u[i]) != _negative(v[j]) else 0.0
            y[i, j] = product
    return y
