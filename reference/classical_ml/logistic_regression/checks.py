"""Stochastic and property checks of logistic_regression (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


def _mean_bce(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> float:
    """Mean binary cross-entropy of sigmoid(X w + b) in float64, from the logits."""
    z = X @ w + b
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


@property_check("gd_loss_decreases")
def gd_loss_decreases(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                      dtype: str, bound: Any, *, steps: tuple[int, ...] = (0, 1, 5, 20)
                      ) -> None:
    """Zero steps return the start; with a stable lr the mean BCE never increases.

    The data are bounded so that lr = 0.1 < 1 / L (L = lambda_max(X~^T X~) / (4 n) <= 4
    for |X| <= 2 with the bias column), where gradient descent decreases the loss.
    """
    X = np.asarray(inputs["X"], dtype=np.float64)
    y = np.asarray(inputs["y"], dtype=np.float64)
    eps = float(np.finfo(dtype).eps)
    last = None
    for count in steps:
        out = run(inputs, {**params, "steps": count})
        w, b = out["w"].astype(np.float64), float(out["b"])
        if count == 0:
            b0 = float(inputs.get("b0", 0.0))
            if not (np.array_equal(w, np.asarray(inputs["w0"], dtype=dtype)) and
                    b == np.asarray(b0, dtype=dtype)):
                raise CheckFailed(f"steps = 0 changed the start: w {w.tolist()}, b {b}")
        loss = _mean_bce(X, y, w, b)
        if last is not None and loss > last + bound.k * eps * (1.0 + last):
            msg = f"mean BCE rose from {last!r} to {loss!r} at steps = {count}"
            raise CheckFailed(msg)
        last = loss
