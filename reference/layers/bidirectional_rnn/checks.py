"""Property checks of bidirectional_rnn (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("time_reversal_swaps_directions")
def time_reversal_swaps_directions(run: Any, inputs: dict[str, np.ndarray],
                                   params: dict[str, Any], dtype: str, bound: Any) -> None:
    """Reversing the sequence and swapping the two directions' weights reverses the output
    in time and swaps its two halves."""
    swapped = {"x": np.ascontiguousarray(inputs["x"][::-1])}
    for name, value in inputs.items():
        if name == "x":
            continue
        other = name.removesuffix("_reverse") if name.endswith("_reverse") else f"{name}_reverse"
        swapped[other] = value
    y = run(inputs, params)["y"].astype(np.float64)
    h = y.shape[-1] // 2
    expected = np.concatenate([y[::-1, :, h:], y[::-1, :, :h]], axis=-1)
    assert_close(run(swapped, params)["y"], expected, bound,
                 "reversed sequence with swapped directions")
