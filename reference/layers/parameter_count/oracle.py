"""The oracle of parameter_count: each layer's weights and biases counted by name (integers)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


def _layer(kind: int, a: int, b: int, k: int, bias: int) -> int:
    if min(a, b, k) < 0:
        msg = f"negative size in layer ({kind}, {a}, {b}, {k})"
        raise ValueError(msg)
    if kind == 0:  # nn.Linear(a, b): weight (b, a), bias (b,)
        return b * a + bias * b
    if kind == 1:  # nn.Conv2d(a, b, k): weight (b, a, k, k), bias (b,)
        return b * a * k * k + bias * b
    if kind == 2:  # nn.Embedding(a, b): weight (a, b)
        return a * b
    if kind == 3:  # nn.LayerNorm(a): gamma (a,), beta (a,)
        return a + bias * a
    if kind == 4:  # nn.MultiheadAttention(a): in_proj (3a, a) + (3a,), out_proj (a, a) + (a,)
        return 3 * a * a + a * a + bias * (3 * a + a)
    msg = f"unknown layer kind {kind}"
    raise ValueError(msg)


@oracle("parameter_count", precision="float64")
def parameter_count(layers: np.ndarray, *, bias: bool = True) -> dict[str, np.ndarray]:
    counts = [_layer(*(int(v) for v in row), int(bool(bias))) for row in np.asarray(layers)]
    return {"per_layer": np.array(counts, dtype=np.int64),
            "total": np.array(sum(counts), dtype=np.int64)}
