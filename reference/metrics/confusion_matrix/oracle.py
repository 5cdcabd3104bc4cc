"""The oracle of confusion_matrix: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


def _counts(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int | None) -> np.ndarray:
    """C[i, j] = number of samples with true label i and predicted label j (a plain loop)."""
    y_true = [int(v) for v in np.asarray(y_true).ravel()]
    y_pred = [int(v) for v in np.asarray(y_pred).ravel()]
    if len(y_true) != len(y_pred):
        msg = f"y_true has {len(y_true)} labels, y_pred {len(y_pred)}"
        raise ValueError(msg)
    if num_classes is None:
        if not y_true:
            msg = "num_classes is needed when there are no labels"
            raise ValueError(msg)
        num_classes = max(y_true + y_pred) + 1
    matrix = np.zeros((num_classes, num_classes), dtype=np.int64)
    for t, p in zip(y_true, y_pred, strict=True):
        if not (0 <= t < num_classes and 0 <= p < num_classes):
            msg = f"label pair ({t}, {p}) outside [0, {num_classes})"
            raise IndexError(msg)
        matrix[t, p] += 1
    return matrix


@oracle("confusion_matrix", precision="float64")
def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, *,
                     num_classes: int | None = None) -> np.ndarray:
    return _counts(y_true, y_pred, num_classes)
