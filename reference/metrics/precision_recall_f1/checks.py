"""Stochastic and property checks of precision_recall_f1 (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


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
