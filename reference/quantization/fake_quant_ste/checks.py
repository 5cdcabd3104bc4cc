"""Property checks of fake_quant_ste (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("fake_quant_idempotent")
def fake_quant_idempotent(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any) -> None:
    """Values already on the grid come back unchanged, with the full gradient: fake
    quantization is a projection, and the straight-through mask of a grid point is 1."""
    first = run(inputs, params)
    y = np.asarray(first["y"], dtype=np.float64)
    again = run({"x": y, "dy": inputs["dy"]}, params)
    assert_close(again["y"], y, bound, "fake_quant(fake_quant(x)) against fake_quant(x)")
    if not np.array_equal(np.asarray(again["dx"], dtype=np.float64), inputs["dy"]):
        msg = "a value on the grid lost (part of) its straight-through gradient"
        raise CheckFailed(msg)
