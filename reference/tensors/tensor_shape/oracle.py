"""The oracle of tensor_shape: count the nesting depth and each level's length."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("tensor_shape", precision="float64")
def tensor_shape(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lengths = []
    level = x.tolist()
    while isinstance(level, list):  # one nesting level per axis
        lengths.append(len(level))
        level = level[0] if level else None
    if len(lengths) < x.ndim:  # an empty axis hides the lengths below it
        lengths.extend(x.shape[len(lengths):])
    return np.asarray(lengths, dtype=np.int64), np.asarray(len(lengths), dtype=np.int64)
