"""Invariants of the normalization family."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("zero_mean_unit_variance")
def zero_mean_unit_variance(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any, *, axis: int | list[int] = 0,
                            input: str = "x", output: str = "y",
                            min_spread: float = 0.25) -> None:
    """Every normalized slice along ``axis`` has mean 0 and population variance 1.

    Holds exactly when the case sets ``eps = 0``. Slices whose input is (nearly) constant
    are ill-conditioned, not wrong: only slices whose population std is at least
    ``min_spread`` times their largest magnitude are checked.
    """
    axis = tuple(axis) if isinstance(axis, list) else axis
    x = inputs[input].astype(np.float64)
    y = run(inputs, params)[output].astype(np.float64)
    spread = x.std(axis=axis)
    size = np.max(np.abs(x), axis=axis)
    keep = (spread >= min_spread * size) & (spread > 1e-3)
    if not keep.any():
        return
    mean = y.mean(axis=axis)[keep]
    allowed = bound.k * bound.eps * max(float(np.max(np.abs(y))), 1.0)
    if np.any(np.abs(mean) > allowed):
        worst = float(np.max(np.abs(mean)))
        msg = f"normalized mean {worst!r} is not 0 (allowed {allowed:.3g})"
        raise CheckFailed(msg)
    variance = y.var(axis=axis)[keep]
    assert_close(variance, np.ones_like(variance), bound, "population variance of the output")


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
