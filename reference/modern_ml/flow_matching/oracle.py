"""The oracle of flow_matching: the interpolant, its velocity and the squared error (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("flow_matching")
def flow_matching(x0: np.ndarray, x1: np.ndarray, t: np.ndarray, v_pred: np.ndarray, *,
                  sigma_min: float = 0.0) -> dict[str, object]:
    if not 0 <= sigma_min < 1 or x1.shape != x0.shape or v_pred.shape != x0.shape:
        msg = f"sigma_min {sigma_min!r} outside [0, 1) or shapes differ"
        raise ValueError(msg)
    keep = 1 - mp.mpf(sigma_min)
    xt = np.empty(x0.shape, dtype=object)
    target = np.empty(x0.shape, dtype=object)
    total = mp.mpf(0)
    for index in np.ndindex(x0.shape):
        time = t[()] if t.ndim == 0 else t[index[0]]
        if not 0 <= time <= 1:
            msg = f"t = {time} outside [0, 1]"
            raise ValueError(msg)
        xt[index] = (1 - keep * time) * x0[index] + time * x1[index]
        target[index] = x1[index] - keep * x0[index]
        total += (v_pred[index] - target[index]) ** 2
    return {"xt": xt, "target": target, "loss": total / x0.size}
