"""One hot encoding on any array namespace: labels compared with 0..K-1."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device


def one_hot_encoding(xp: Any, labels: Any, *, num_classes: int | None = None) -> Any:
    empty = math.prod(labels.shape) == 0
    if num_classes is None:
        if empty:
            msg = "num_classes is needed when there are no labels"
            raise ValueError(msg)
        num_classes = int(xp.max(labels)) + 1
    if not empty:
        low, high = int(xp.min(labels)), int(xp.max(labels))
        if low < 0 or high >= num_classes:
            # jax.nn.one_hot would give an all-zero row here
            msg = f"labels must lie in [0, {num_classes}), got [{low}, {high}]"
            raise IndexError(msg)
    classes = xp.arange(num_classes, dtype=labels.dtype, device=device(labels))
    return xp.astype(labels[..., None] == classes, xp.float64)
