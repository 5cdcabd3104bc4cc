"""Layer normalization on any array namespace: two-pass statistics over the last axis."""

from __future__ import annotations

from typing import Any


def _check_feature_vector(name: str, value: Any, size: int) -> None:
    if value is not None and tuple(value.shape) != (size,):
        msg = f"{name} has shape {tuple(value.shape)}, expected ({size},)"
        raise ValueError(msg)


def layer_norm(xp: Any, x: Any, weight: Any = None, bias: Any = None, *,
               eps: float = 1e-5) -> Any:
    d = x.shape[-1]
    _check_feature_vector("weight", weight, d)
    _check_feature_vector("bias", bias, d)
    # float16 statistics are taken in float32 (as torch and flax do), then rounded back:
    # x^2 overflows float16 from |x| = 256 on
    z = xp.astype(x, xp.result_type(x.dtype, xp.float32))
    centred = z - xp.mean(z, axis=-1, keepdims=True)
    var = xp.mean(centred * centred, axis=-1, keepdims=True)  # biased, two-pass
    y = centred / xp.sqrt(var + eps)  # eps = 0 on a constant row: 0/0 = NaN
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return xp.astype(y, x.dtype)
