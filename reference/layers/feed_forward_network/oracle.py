"""The oracle of feed_forward_network: expand, activate, project, by explicit sums (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import affine_rows, mp_activation


def _gelu_tanh(z: np.ndarray) -> np.ndarray:
    inner = mpa.mp.sqrt(2 / mpa.mp.pi) * (z + mpa.mpf("0.044715") * z**3)
    return z * (1 + mpa.tanh(inner)) / 2


@oracle("feed_forward_network")
def feed_forward_network(x: np.ndarray, weight1: np.ndarray, weight2: np.ndarray,
                         bias1: np.ndarray | None = None, bias2: np.ndarray | None = None, *,
                         activation: str = "gelu") -> np.ndarray:
    if activation not in ("gelu", "gelu_tanh", "relu"):
        msg = f"activation must be gelu, gelu_tanh or relu, got {activation!r}"
        raise ValueError(msg)
    if weight1.shape[1] != x.shape[-1] or weight2.shape != (x.shape[-1], weight1.shape[0]):
        msg = f"weights {weight1.shape} and {weight2.shape} do not fit d_model {x.shape[-1]}"
        raise ValueError(msg)
    z = affine_rows(x, weight1, 0 if bias1 is None else bias1)
    hidden = _gelu_tanh(z) if activation == "gelu_tanh" else mp_activation(activation, z)
    return affine_rows(hidden, weight2, 0 if bias2 is None else bias2)
