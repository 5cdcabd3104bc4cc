"""The oracle of variance_propagation: bad input has a definite answer (an error), and so
does a zero batch (every pre-activation is 0 whatever the draws); the law of the random
output otherwise is the stochastic check's business (checks.py)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("variance_propagation", precision="float64")
def variance_propagation(x: np.ndarray, *, depth: int = 10, width: int = 64,
                         scheme: str = "he", activation: str = "relu",
                         seed: int = 0) -> np.ndarray:
    if x.ndim != 2 or depth < 1 or width < 1:
        msg = f"x must be (N, d) and depth, width >= 1; got {x.shape}, {depth}, {width}"
        raise ValueError(msg)
    if scheme not in ("he", "xavier") or activation not in ("relu", "identity"):
        msg = f"unknown scheme {scheme!r} or activation {activation!r}"
        raise ValueError(msg)
    if not np.any(x):
        return np.zeros(depth)  # z_1 = 0·W_1ᵀ = 0, act(0) = 0 for relu and identity
    msg = ("the layers' weights are random draws from the backend's generator: only the "
           "expected mean square per layer is canonical (stochastic check)")
    raise ValueError(msg)
