"""Linear layer on any array namespace: y = x W^T + b with W stored (out, in)."""

from __future__ import annotations

from typing import Any


def linear_layer(xp: Any, x: Any, weight: Any, bias: Any = None) -> Any:
    if weight.ndim != 2 or x.ndim < 1 or x.shape[-1] != weight.shape[1]:
        msg = (f"x {tuple(x.shape)} does not match weight {tuple(weight.shape)} "
               "(out_features, in_features)")
        raise ValueError(msg)
    out_features = weight.shape[0]
    # a length-1 bias would broadcast silently: the canon wants exactly out_features
    if bias is not None and tuple(bias.shape) != (out_features,):
        msg = f"bias shape {tuple(bias.shape)} must be ({out_features},)"
        raise ValueError(msg)
    y = xp.matmul(x, xp.permute_dims(weight, (1, 0)))
    return y if bias is None else y + bias
