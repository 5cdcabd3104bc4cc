"""Property checks of top_k_filter (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("top_k_keeps_largest")
def top_k_keeps_largest(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                        dtype: str, bound: Any) -> None:
    """Each row keeps at least min(k, n) tokens, every kept logit unchanged and >= every
    dropped one (strictly greater: ties with the k-th value are kept); a larger k keeps
    a superset; probs sum to 1 and vanish on dropped tokens."""
    k = int(params.get("k", 50))
    logits = np.asarray(inputs["logits"], dtype=np.float64)
    out = run(inputs, params)
    filtered, probs = out["filtered"].astype(np.float64), out["probs"].astype(np.float64)
    kept = np.isfinite(filtered)
    if not np.array_equal(filtered[kept], logits[kept]) or np.any(filtered[~kept] != -np.inf):
        raise CheckFailed("kept logits must be unchanged and dropped ones -inf")
    n = logits.shape[-1]
    for row in np.ndindex(logits.shape[:-1]):
        z, keep = logits[row], kept[row]
        if keep.sum() < min(k, n):
            raise CheckFailed(f"row {row} keeps {keep.sum()} tokens, fewer than k = {k}")
        if (~keep).any() and z[~keep].max() >= z[keep].min():
            raise CheckFailed(f"row {row}: a dropped logit reaches a kept one")
    wider = np.isfinite(run(inputs, {**params, "k": k + 1})["filtered"].astype(np.float64))
    if np.any(kept & ~wider):
        raise CheckFailed(f"k = {k + 1} dropped a token that k = {k} kept")
    total = probs.sum(axis=-1)
    assert_close(total, np.ones_like(total), bound, "sum of renormalised probs")
    if np.any(probs[~kept] != 0):
        raise CheckFailed("a dropped token has non-zero probability")
