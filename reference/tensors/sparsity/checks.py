"""Property checks of sparsity (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("sparsity_scale_invariant")
def sparsity_scale_invariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             dtype: str, bound: Any, *, scale: float = 2.0) -> None:
    """Scaling by a nonzero number moves no entry to or from zero; nnz + zeros = n."""
    v = inputs["v"]
    before = run({"v": v}, params)
    after = run({"v": v * scale}, params)
    if int(before["nnz"]) != int(after["nnz"]) or int(before["nnz"]) != np.count_nonzero(v):
        msg = f"nnz {before['nnz']!r} before and {after['nnz']!r} after scaling by {scale}"
        raise CheckFailed(msg)
