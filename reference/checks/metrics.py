"""Invariants of the metrics family."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


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


@property_check("swap_exchanges_precision_and_recall")
def swap_exchanges_precision_and_recall(run: Any, inputs: dict[str, np.ndarray],
                                        params: dict[str, Any], dtype: str,
                                        bound: Any) -> None:
    """Swapping y_true and y_pred swaps FP and FN: precision <-> recall, F1 unchanged;
    every score lies in [0, 1] and F1 is the harmonic mean of P and R where both are > 0."""
    out = run(inputs, params)
    swapped = run({"y_true": inputs["y_pred"], "y_pred": inputs["y_true"]}, params)
    p, r, f1 = (np.asarray(out[k], dtype=np.float64) for k in ("precision", "recall", "f1"))
    for name, value in (("precision", p), ("recall", r), ("f1", f1)):
        if not (0 <= value <= 1):
            msg = f"{name} = {value!r} outside [0, 1]"
            raise CheckFailed(msg)
    assert_close(swapped["precision"], r, bound, "precision after swapping y_true and y_pred")
    assert_close(swapped["recall"], p, bound, "recall after swapping y_true and y_pred")
    assert_close(swapped["f1"], f1, bound, "f1 after swapping y_true and y_pred")
    if params.get("average", "binary") == "binary" and p > 0 and r > 0:
        assert_close(f1, 2 * p * r / (p + r), bound, "f1 against 2PR/(P + R)")
