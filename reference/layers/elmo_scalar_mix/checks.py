"""Property checks of elmo_scalar_mix (named by the spec's cases)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from mlcanon import dtypes
from mlcanon.checks import assert_close, property_check


@property_check("equal_layers_pass_through")
def equal_layers_pass_through(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any) -> None:
    """The softmax weights sum to 1, so a stack of L copies of one layer mixes back to
    that layer (times gamma), whatever the scalars are.

    Each weighted copy w_j·h of a subnormal h may underflow (float16's smallest subnormal
    times 1/3 rounds to 0): the smallest normal is allowed on top, as this property is
    about the weights summing to 1, not about subnormals.
    """
    h = inputs["h"]
    stack = np.ascontiguousarray(np.broadcast_to(h[:1], h.shape))
    y = run({**inputs, "h": stack}, params)["y"]
    gamma = inputs["gamma"].astype(np.float64) if "gamma" in inputs else 1.0
    floor = replace(bound, printed_atol=bound.printed_atol + dtypes.tiny(dtype))
    assert_close(y, gamma * h[0].astype(dtype).astype(np.float64), floor,
                 "the mix of identical layers against gamma times that layer")
