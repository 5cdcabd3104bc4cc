"""Property checks of constraint_substitution."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("substitution_constraint_scale_free")
def substitution_constraint_scale_free(run: Any, inputs: dict[str, np.ndarray],
                                       params: dict[str, Any], dtype: str, bound: Any) -> None:
    """Multiplying the constraint by -4 describes the same line, and scaling f by 2 keeps its
    stationary point: the point is unchanged and the value doubles."""
    base = run(inputs, params)
    after = run({"f": inputs["f"] * 2, "g": inputs["g"] * -4}, params)
    assert_close(after["point"], base["point"].astype(np.float64), bound, "point")
    assert_close(after["value"], base["value"].astype(np.float64) * 2, bound, "value")
