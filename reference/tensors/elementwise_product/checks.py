"""Property checks of elementwise_product (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("multiplicative_identity")
def multiplicative_identity(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """a * 1 is a, exactly."""
    a = inputs["a"]
    y = run({"a": a, "b": np.ones_like(a)}, params)["y"].astype(np.float64)
    if not np.array_equal(y, a.astype(np.float64), equal_nan=True):
        msg = f"a * 1 is {y!r}, expected a = {a!r}"
        raise CheckFailed(msg)
