"""A bottleneck adapter on any array namespace: down-project, activate, up-project, scale,
add to the input."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import activation as activate
from mlcanon_reference.layers._portable import check_activation, dense


def adapter_layer(xp: Any, x: Any, down_weight: Any, up_weight: Any, down_bias: Any = None,
                  up_bias: Any = None, *, activation: str = "relu", scale: float = 1.0) -> Any:
    check_activation(activation)
    if down_weight.ndim != 2 or tuple(up_weight.shape) != (x.shape[-1], down_weight.shape[0]):
        msg = (f"up_weight {tuple(up_weight.shape)} must be (d, r) = "
               f"({x.shape[-1]}, {down_weight.shape[0] if down_weight.ndim else '?'}) for "
               f"down_weight {tuple(down_weight.shape)}")
        raise ValueError(msg)
    h = activate(xp, activation, dense(xp, x, down_weight, down_bias, "down projection"))
    return x + scale * dense(xp, h, up_weight, up_bias, "up projection")
