"""Property checks of empirical_risk (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("risk_samples_exchangeable")
def risk_samples_exchangeable(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any) -> None:
    """The risk is an average over samples: reversing their order (pred and target alike)
    leaves it unchanged."""
    base = run(inputs, params)["risk"].astype(np.float64)
    moved = {name: value[::-1].copy() for name, value in inputs.items()}
    assert_close(run(moved, params)["risk"], base, bound, "after reversing the samples")
