"""Property checks of conv_output_size (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("same_padding_keeps_size")
def same_padding_keeps_size(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """An odd kernel 2q + 1 with padding q at stride 1 keeps every size (the 'same' recipe)."""
    half = np.abs(inputs["kernel"]).astype(np.int64)
    size = inputs["size"].astype(np.int64)
    out = run({"size": size, "kernel": 2 * half + 1, "padding": half}, params)["out"]
    if not np.array_equal(np.asarray(out, dtype=np.int64), size):
        msg = f"kernel 2q + 1 with padding q changed the sizes {size.tolist()} to {out.tolist()}"
        raise CheckFailed(msg)
