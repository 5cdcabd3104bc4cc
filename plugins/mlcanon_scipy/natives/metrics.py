"""scikit-learn native bindings: classification metrics (sklearn.metrics)."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import confusion_matrix as sklearn_confusion_matrix
from sklearn.metrics import precision_recall_fscore_support

from mlcanon import native


@native("sklearn.metrics.confusion_matrix")
def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, *,
                     num_classes: int | None = None) -> np.ndarray:
    # labels = 0 .. K-1 is how sklearn is told the number of classes
    labels = None if num_classes is None else np.arange(num_classes)
    return sklearn_confusion_matrix(y_true, y_pred, labels=labels)


@native("sklearn.metrics.precision_recall_fscore_support")
def precision_recall_f1(y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary",
                        pos_label: int = 1, zero_division: float = 0.0
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    precision, recall, f1, _support = precision_recall_fscore_support(
        y_true, y_pred, average=average, pos_label=pos_label, zero_division=zero_division)
    return precision, recall, f1
