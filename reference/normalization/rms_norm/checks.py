"""Stochastic and property checks of rms_norm (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("unit_rms")
def unit_rms(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str,
             bound: Any, *, input: str = "x", output: str = "y") -> None:
    """With ``eps = 0`` every row (last axis) has root mean square 1.

    Rows whose RMS is tiny (squares near underflow) are ill-conditioned and skipped.
    """
    x = inputs[input].astype(np.float64)
    y = run(inputs, params)[output].astype(np.float64)
    keep = np.sqrt(np.mean(x * x, axis=-1)) > 1e-3
    if not keep.any():
        return
    mean_square = np.mean(y * y, axis=-1)[keep]
    assert_close(mean_square, np.ones_like(mean_square), bound, "mean square of each row")
