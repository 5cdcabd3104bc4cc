"""The oracle of one_hot_encoding: a zero array with a 1 placed at each label (float64)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("one_hot_encoding", precision="float64")
def one_hot_encoding(labels: np.ndarray, *, num_classes: int | None = None) -> np.ndarray:
    labels = np.asarray(labels)
    if num_classes is None:
        if labels.size == 0:
            msg = "num_classes is needed when there are no labels"
            raise ValueError(msg)
        num_classes = int(labels.max()) + 1
    y = np.zeros((*labels.shape, num_classes), dtype=np.float64)
    for index in np.ndindex(labels.shape):
        k = int(labels[index])
        if not 0 <= k < num_classes:
            msg = f"label {k} outside [0, {num_classes})"
            raise IndexError(msg)
        y[(*index, k)] = 1.0
    return y
