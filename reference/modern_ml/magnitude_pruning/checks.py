"""Property checks of magnitude_pruning (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("keeps_largest_magnitudes")
def keeps_largest_magnitudes(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             dtype: str, bound: Any, *, sparsity: float = 0.5) -> None:
    """Exactly round(s·n) weights are pruned, every kept |w| is >= every pruned |w|, and
    the kept weights are returned unchanged."""
    w = inputs["w"].astype(dtype)
    out = run(inputs, {**params, "sparsity": sparsity})
    mask = out["mask"].astype(bool)
    k = round(sparsity * w.size)
    if int((~mask).sum()) != k:
        msg = f"{int((~mask).sum())} weights pruned, expected round({sparsity} * {w.size}) = {k}"
        raise CheckFailed(msg)
    magnitude = np.abs(w.astype(np.float64))
    if k and mask.any() and magnitude[mask].min() < magnitude[~mask].max():
        msg = (f"a kept weight of magnitude {magnitude[mask].min()!r} is smaller than a "
               f"pruned one of {magnitude[~mask].max()!r}")
        raise CheckFailed(msg)
    pruned = out["pruned"].astype(np.float64)
    if not np.array_equal(pruned[mask], w.astype(np.float64)[mask]) or np.any(pruned[~mask] != 0):
        msg = "kept weights changed or pruned weights are not zero"
        raise CheckFailed(msg)
