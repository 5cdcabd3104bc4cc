"""The oracle of mlp_forward: two affine maps by explicit sums, activations in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import affine_rows, mp_activation


@oracle("mlp_forward")
def mlp_forward(x: np.ndarray, weight1: np.ndarray, weight2: np.ndarray,
                bias1: np.ndarray | None = None, bias2: np.ndarray | None = None, *,
                hidden_activation: str = "relu", output_activation: str = "sigmoid"
                ) -> dict[str, np.ndarray]:
    if weight1.shape[1] != x.shape[-1] or weight2.shape[1] != weight1.shape[0]:
        msg = f"x {x.shape}, weight1 {weight1.shape} and weight2 {weight2.shape} do not chain"
        raise ValueError(msg)
    hidden = mp_activation(hidden_activation,
                           affine_rows(x, weight1, 0 if bias1 is None else bias1))
    y = mp_activation(output_activation,
                      affine_rows(hidden, weight2, 0 if bias2 is None else bias2))
    return {"hidden": hidden, "y": y}
