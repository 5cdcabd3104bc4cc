"""The oracle of single_neuron: the weighted sum written out, then the activation (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import affine_rows, mp_activation


@oracle("single_neuron")
def single_neuron(x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None, *,
                  activation: str = "sigmoid") -> dict[str, np.ndarray]:
    if w.shape != (x.shape[-1],) or activation not in ("sigmoid", "tanh", "relu"):
        msg = f"w {w.shape} must match x {x.shape}; activation {activation!r}"
        raise ValueError(msg)
    z = affine_rows(x, w.reshape(1, -1), 0 if b is None else b[()])[..., 0]
    return {"z": z, "a": mp_activation(activation, z)}
