"""Property checks of lms_adaptive_filter."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("lms_linear_in_desired")
def lms_linear_in_desired(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any, *, factor: float = 4.0) -> None:
    """From w_0 = 0 the LMS recursion is linear in d: d * 4 (exact) scales y, e and w by 4."""
    base = run(inputs, params)
    after = run({**inputs, "d": inputs["d"] * factor}, params)
    for name in ("y", "e", "w"):
        assert_close(after[name], base[name].astype(np.float64) * factor, bound,
                     f"{name} with d * {factor}")
