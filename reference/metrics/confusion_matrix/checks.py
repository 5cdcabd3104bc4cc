"""Stochastic and property checks of confusion_matrix (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("confusion_margins")
def confusion_margins(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                      dtype: str, bound: Any) -> None:
    """Row sums count the true labels, column sums the predictions, the trace the hits."""
    y_true, y_pred = inputs["y_true"], inputs["y_pred"]
    matrix = run(inputs, params)["matrix"]
    k = params.get("num_classes") or int(max(y_true.max(), y_pred.max())) + 1
    if matrix.shape != (k, k):
        msg = f"shape {matrix.shape}, expected {(k, k)}"
        raise CheckFailed(msg)
    if matrix.dtype.kind not in "iu" or np.any(matrix < 0):
        msg = f"counts must be non-negative integers, got dtype {matrix.dtype}"
        raise CheckFailed(msg)
    facts = {
        "row sums (true label counts)": (matrix.sum(axis=1), np.bincount(y_true, minlength=k)),
        "column sums (predicted label counts)": (matrix.sum(axis=0),
                                                 np.bincount(y_pred, minlength=k)),
        "trace (correct predictions)": (np.trace(matrix), np.sum(y_true == y_pred)),
    }
    for what, (got, want) in facts.items():
        if not np.array_equal(got, want):
            msg = f"{what}: {np.asarray(got).tolist()}, expected {np.asarray(want).tolist()}"
            raise CheckFailed(msg)
