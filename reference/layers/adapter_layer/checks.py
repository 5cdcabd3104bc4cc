"""Property checks of adapter_layer (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import dtypes
from mlcanon.checks import CheckFailed, property_check


@property_check("zero_up_projection_is_identity")
def zero_up_projection_is_identity(run: Any, inputs: dict[str, np.ndarray],
                                   params: dict[str, Any], dtype: str, bound: Any) -> None:
    """With the up projection at zero (Houlsby's near-identity initialization, exactly),
    the adapter returns x bit for bit, whatever the down projection computes.

    Subnormal entries of x may come back flushed to zero (XLA on CPU does): this property
    is about the identity path, not about subnormals.
    """
    x = inputs["x"].astype(dtype).astype(np.float64)
    given = {**inputs, "up_weight": np.zeros_like(inputs["up_weight"])}
    given.pop("up_bias", None)
    y = run(given, params)["y"].astype(np.float64)
    flushed = (np.abs(x) < dtypes.tiny(dtype)) & (y == 0)
    if not np.all((y == x) | flushed):
        msg = f"x + 0 changed x: {y!r} versus {x!r}"
        raise CheckFailed(msg)
