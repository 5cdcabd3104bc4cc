"""Parameter counts of a layer table on any array namespace (integer arithmetic)."""

from __future__ import annotations

from typing import Any


def parameter_count(xp: Any, layers: Any, *, bias: bool = True) -> tuple[Any, Any]:
    if layers.ndim != 2 or layers.shape[1] != 4:
        msg = f"layers must be an (L, 4) table of (kind, a, b, k), got shape {tuple(layers.shape)}"
        raise ValueError(msg)
    kind, a, b, k = (layers[:, i] for i in range(4))
    if xp.any((kind < 0) | (kind > 4)):
        msg = "layer kinds are 0 (linear) to 4 (attention)"
        raise ValueError(msg)
    if xp.any(layers[:, 1:] < 0):
        msg = "layer sizes must be >= 0"
        raise ValueError(msg)
    with_bias = 1 if bias else 0
    by_kind = [b * a + with_bias * b,            # linear
               b * a * k * k + with_bias * b,    # conv2d
               a * b,                            # embedding
               a + with_bias * a,                # layer_norm
               4 * a * a + with_bias * 4 * a]    # attention
    counts = xp.zeros_like(a)
    for code, count in enumerate(by_kind):
        counts = xp.where(kind == code, count, counts)
    return counts, xp.sum(counts)
