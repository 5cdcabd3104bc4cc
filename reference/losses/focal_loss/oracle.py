"""The oracle of focal_loss: -alpha_t (1 - p_t)^gamma ln p_t written with sigmoids (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


def _sigmoid(z: object) -> object:
    return 1 / (1 + mp.exp(-z))


@oracle("focal_loss")
def focal_loss(logits: np.ndarray, y: np.ndarray, *, alpha: float | None = None,
               gamma: float = 2.0, reduction: str = "mean") -> object:
    same_shape(logits, y)
    if gamma < 0 or (alpha is not None and not 0 <= alpha <= 1):
        msg = f"need gamma >= 0 and alpha in [0, 1], got gamma={gamma!r}, alpha={alpha!r}"
        raise ValueError(msg)
    loss = np.empty(logits.shape, dtype=object)
    for i in np.ndindex(logits.shape):
        z, t = logits[i], y[i]
        if not 0 <= t <= 1:
            msg = f"labels must lie in [0, 1], got {t}"
            raise ValueError(msg)
        # -ln p = ln(1 + e^-z) and -ln(1 - p) = ln(1 + e^z), weighted by the (soft) label
        ce = t * mp.log1p(mp.exp(-z)) + (1 - t) * mp.log1p(mp.exp(z))
        # 1 - p_t: the probability given to the wrong side, each sigmoid taken directly
        miss = t * _sigmoid(-z) + (1 - t) * _sigmoid(z)
        weight = 1 if alpha is None else mp.mpf(alpha) * t + (1 - mp.mpf(alpha)) * (1 - t)
        loss[i] = weight * miss ** mp.mpf(gamma) * ce
    return reduce(loss, reduction)
