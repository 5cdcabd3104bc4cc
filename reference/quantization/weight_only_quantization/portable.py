"""Group-wise weight-only quantization (round to nearest) on any array namespace."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.quantization._portable import calibrate, quantize


def weight_only_quantization(xp: Any, w: Any, *, bits: int = 4, group_size: int = 128,
                             scheme: str = "affine") -> tuple[Any, Any, Any, Any]:
    if w.ndim != 2:
        msg = f"weight_only_quantization needs an (out, in) weight, got shape {tuple(w.shape)}"
        raise ValueError(msg)
    rows, cols = w.shape
    if group_size < 1 or cols % group_size:
        msg = f"group_size {group_size} must divide the {cols} input features"
        raise ValueError(msg)
    groups = cols // group_size
    grouped = xp.reshape(w, (rows, groups, group_size))
    scale, zero_point, q_min, q_max = calibrate(xp, grouped, (2,), bits, scheme)
    q = quantize(xp, grouped, scale, zero_point, q_min, q_max)
    w_hat = xp.reshape(scale * (q - zero_point), (rows, cols))
    return (xp.astype(xp.reshape(q, (rows, cols)), xp.int8), xp.reshape(scale, (rows, groups)),
            xp.astype(xp.reshape(zero_point, (rows, groups)), xp.int64), w_hat)
