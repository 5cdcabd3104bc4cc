"""The transformer's position-wise feed-forward network on any array namespace."""

from __future__ import annotations

import math
from typing import Any

from mlcanon_reference.layers._portable import activation as apply_activation
from mlcanon_reference.layers._portable import dense


def feed_forward_network(xp: Any, x: Any, weight1: Any, weight2: Any, bias1: Any = None,
                         bias2: Any = None, *, activation: str = "gelu") -> Any:
    if activation not in ("gelu", "gelu_tanh", "relu"):
        msg = f"activation must be 'gelu', 'gelu_tanh' or 'relu', got {activation!r}"
        raise ValueError(msg)
    if weight2.ndim != 2 or weight2.shape[0] != x.shape[-1]:
        msg = f"weight2 {tuple(weight2.shape)} must return d_model = {x.shape[-1]} features"
        raise ValueError(msg)
    z = dense(xp, x, weight1, bias1, "expansion")
    if activation == "gelu_tanh":
        hidden = z * (1 + xp.tanh(math.sqrt(2 / math.pi) * (z + 0.044715 * z**3))) / 2
    else:
        hidden = apply_activation(xp, activation, z)
    return dense(xp, hidden, weight2, bias2, "projection")
