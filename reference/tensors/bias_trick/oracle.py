"""The oracle of bias_trick: each example's features copied, with 1 added at one end."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("bias_trick")
def bias_trick(x: np.ndarray, *, position: str = "last") -> np.ndarray:
    if position not in ("last", "first"):
        msg = f"position must be 'last' or 'first', got {position!r}"
        raise ValueError(msg)
    if x.ndim == 0:
        msg = "bias_trick needs a feature axis"
        raise ValueError(msg)
    d = x.shape[-1]
    y = np.empty((*x.shape[:-1], d + 1), dtype=object)
    shift = 1 if position == "first" else 0
    for example in np.ndindex(x.shape[:-1]):
        for j in range(d):
            y[(*example, j + shift)] = x[(*example, j)]
        y[(*example, 0 if position == "first" else d)] = 1.0
    return y
