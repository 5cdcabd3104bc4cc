"""KV-cache quantization on any array namespace: per-token or per-channel scales."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.quantization._portable import calibrate, quantize

GRANULARITIES = ("per_token", "per_channel")


def kv_cache_quantization(xp: Any, x: Any, *, bits: int = 8, granularity: str = "per_token",
                          scheme: str = "symmetric") -> tuple[Any, Any, Any, Any]:
    if x.ndim < 2:
        msg = f"kv_cache_quantization needs (..., tokens, head_dim) input, got {tuple(x.shape)}"
        raise ValueError(msg)
    if granularity not in GRANULARITIES:
        msg = f"granularity must be one of {GRANULARITIES}, got {granularity!r}"
        raise ValueError(msg)
    # per token: one scale per (..., token) over head_dim; per channel: one per (..., channel)
    # over the tokens (KIVI's choice for keys, whose outliers sit in fixed channels)
    axis = x.ndim - 1 if granularity == "per_token" else x.ndim - 2
    scale, zero_point, q_min, q_max = calibrate(xp, x, (axis,), bits, scheme)
    q = quantize(xp, x, scale, zero_point, q_min, q_max)
    x_hat = scale * (q - zero_point)
    return xp.astype(q, xp.int8), scale, xp.astype(zero_point, xp.int64), x_hat
