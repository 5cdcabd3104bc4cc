"""The oracle of weight_init_xavier_he: only bad input (an error) and an empty weight (an
empty weight: no entry to draw) have a definite answer."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("weight_init_xavier_he", precision="float64")
def weight_init_xavier_he(weight: np.ndarray, *, scheme: str = "he",
                          distribution: str = "normal", mode: str = "fan_in",
                          seed: int = 0) -> np.ndarray:
    if weight.ndim < 2:
        msg = f"a weight of shape {weight.shape} has no fan_in and fan_out"
        raise ValueError(msg)
    if scheme not in ("xavier", "he", "lecun") or distribution not in ("normal", "uniform") \
            or mode not in ("fan_in", "fan_out"):
        msg = f"unknown scheme {scheme!r}, distribution {distribution!r} or mode {mode!r}"
        raise ValueError(msg)
    if 0 in weight.shape:
        return np.zeros(weight.shape, dtype=np.float64)
    msg = ("the weights are random draws from the backend's generator: only their law is "
           "canonical (stochastic check 'init_distribution')")
    raise ValueError(msg)
