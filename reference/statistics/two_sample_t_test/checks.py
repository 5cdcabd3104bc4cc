"""Stochastic and property checks of two_sample_t_test (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import dtypes
from mlcanon.checks import CheckFailed, assert_close, property_check


def _without_spread(x: np.ndarray, dtype: str) -> bool:
    """No spread the run's dtype can carry through the statistic: the deviations from the
    mean are lost to rounding (below a few eps of the values), or Welch's df, which squares
    the squared standard errors, underflows (spread^4 near the smallest normal: in float32
    a spread of 1e-12 gives df = 0/0), so t, df or the p-value is not pinned."""
    spread = float(np.ptp(x))
    return (spread <= 8 * dtypes.eps(dtype) * float(np.max(np.abs(x)))
            or spread ** 4 <= 2.0 ** 20 * dtypes.tiny(dtype))


@property_check("swap_negates_t")
def swap_negates_t(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                   dtype: str, bound: Any) -> None:
    """t(b, a) = -t(a, b) with the same df and p-value; 0 <= p <= 1."""
    a, b = inputs["a"], inputs["b"]
    if _without_spread(a, dtype) or _without_spread(b, dtype):
        return  # a sample without spread: t = +-inf or nan is not pinned
    out = run(inputs, params)
    swapped = run({"a": b, "b": a}, params)
    p = float(out["pvalue"])
    if not 0 <= p <= 1:
        msg = f"p-value {p!r} outside [0, 1]"
        raise CheckFailed(msg)
    assert_close(swapped["statistic"], -np.asarray(out["statistic"], dtype=np.float64), bound,
                 "t after swapping a and b")
    assert_close(swapped["df"], np.asarray(out["df"], dtype=np.float64), bound,
                 "df after swapping a and b")
    assert_close(swapped["pvalue"], np.asarray(out["pvalue"], dtype=np.float64), bound,
                 "p-value after swapping a and b")
