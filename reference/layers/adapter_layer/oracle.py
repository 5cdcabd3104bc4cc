"""The oracle of adapter_layer: the two projections as explicit sums per token (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import affine_rows, mp_activation


@oracle("adapter_layer")
def adapter_layer(x: np.ndarray, down_weight: np.ndarray, up_weight: np.ndarray,
                  down_bias: np.ndarray | None = None, up_bias: np.ndarray | None = None, *,
                  activation: str = "relu", scale: float = 1.0) -> np.ndarray:
    r, d = down_weight.shape
    if x.shape[-1] != d or up_weight.shape != (d, r):
        msg = f"x {x.shape}, down {down_weight.shape} and up {up_weight.shape} do not fit"
        raise ValueError(msg)
    h = mp_activation(activation, affine_rows(x, down_weight,
                                              mpa.mpf(0) if down_bias is None else down_bias))
    update = affine_rows(h, up_weight, mpa.mpf(0) if up_bias is None else up_bias)
    return x + mpa.mpf(scale) * update
