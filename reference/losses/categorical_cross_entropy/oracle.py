"""The oracle of categorical_cross_entropy: -sum_c y_c ln(p_c [+ eps]) per row (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


@oracle("categorical_cross_entropy")
def categorical_cross_entropy(p: np.ndarray, y: np.ndarray, *, eps: float | None = None,
                              reduction: str = "mean") -> object:
    same_shape(p, y)
    if eps is not None and eps < 0:
        msg = f"eps must be >= 0, got {eps!r}"
        raise ValueError(msg)
    offset = mp.mpf(0) if eps is None else mp.mpf(eps)
    loss = np.empty(p.shape[:-1], dtype=object)
    for row in np.ndindex(loss.shape):
        total = mp.mpf(0)
        for prob, label in zip(p[row], y[row], strict=True):
            if not 0 <= prob <= 1:
                msg = f"probabilities must lie in [0, 1], got {prob}"
                raise ValueError(msg)
            if label != 0:  # 0 ln 0 = 0
                total -= label * mp.log(prob + offset)
        loss[row] = total
    return reduce(loss, reduction)
