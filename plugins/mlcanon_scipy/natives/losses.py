"""scikit-learn native bindings: losses (sklearn.metrics), which compute only the mean."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import log_loss, mean_squared_error

from mlcanon import native


@native("sklearn.metrics.log_loss", only={"reduction": "mean"})
def binary_cross_entropy(p: np.ndarray, y: np.ndarray, *, reduction: str = "mean") -> np.ndarray:
    # labels=[0, 1]: a 1-D p is the probability of class 1 even when y holds one class only
    return log_loss(y, p, labels=[0, 1])


@native("sklearn.metrics.mean_squared_error", only={"reduction": "mean"})
def mse_loss(pred: np.ndarray, target: np.ndarray, *, reduction: str = "mean") -> np.ndarray:
    return mean_squared_error(target, pred)
