"""The oracle of gaussian_nll: -ln N(target; pred, max(var, eps)) per element (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


@oracle("gaussian_nll")
def gaussian_nll(pred: np.ndarray, target: np.ndarray, var: np.ndarray, *, full: bool = True,
                 eps: float = 1e-6, reduction: str = "mean") -> object:
    same_shape(pred, target)
    same_shape(pred, var)
    if eps < 0:
        msg = f"eps must be >= 0, got {eps!r}"
        raise ValueError(msg)
    loss = np.empty(pred.shape, dtype=object)
    for i in np.ndindex(pred.shape):
        if var[i] < 0:
            msg = f"variances must be >= 0, got {var[i]}"
            raise ValueError(msg)
        v = max(var[i], mp.mpf(eps))
        if v == 0:
            msg = "a variance of 0 (with eps = 0) has no density"
            raise ValueError(msg)
        density = mp.exp(-((target[i] - pred[i]) ** 2) / (2 * v)) / mp.sqrt(2 * mp.pi * v)
        nll = -mp.log(density)  # mpmath's exponent range keeps exp(-2^119) > 0
        loss[i] = nll if full else nll - mp.log(2 * mp.pi) / 2
    return reduce(loss, reduction)
