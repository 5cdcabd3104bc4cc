"""Stochastic and property checks of top_p_filter (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import (
    CheckFailed,
    assert_close,
    property_check,
)


def _softmax64(z: np.ndarray) -> np.ndarray:
    """Float64 probabilities along the last axis (max-shifted; -inf gets exactly 0)."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@property_check("nucleus_prefix")
def nucleus_prefix(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                   dtype: str, bound: Any, *, input: str = "logits") -> None:
    """The kept tokens are the top of the ranking, and just enough of them to reach p.

    Kept logits are unchanged and dropped ones are -inf; no dropped token outranks a
    kept one (ties: the lower index ranks first); the kept mass reaches p while the mass
    without the weakest kept token does not (up to rounding); probs sum to 1.
    """
    logits = np.asarray(inputs[input], dtype=np.float64)
    p = float(params.get("p", 0.9))
    out = run(inputs, params)
    filtered, probs = out["filtered"].astype(np.float64), out["probs"].astype(np.float64)
    kept = np.isfinite(filtered)
    if not np.array_equal(filtered[kept], logits[kept]):
        raise CheckFailed("a kept logit was changed")
    if np.any(filtered[~kept] != -np.inf):
        raise CheckFailed("a dropped logit is not -inf")
    q = _softmax64(logits)
    slack = 64 * np.finfo(dtype).eps * logits.shape[-1]
    n = logits.shape[-1]
    for row in np.ndindex(logits.shape[:-1]):
        k, z, m = kept[row], logits[row], q[row]
        if not k.any():
            raise CheckFailed(f"row {row} keeps no token")
        for i in np.flatnonzero(k):
            for j in np.flatnonzero(~k):
                if z[j] > z[i] or (z[j] == z[i] and j < i):
                    msg = f"row {row}: token {j} (logit {z[j]}) dropped but {i} ({z[i]}) kept"
                    raise CheckFailed(msg)
        mass = m[k].sum()
        weakest = m[k].min()
        if k.sum() < n and mass < p - slack:
            raise CheckFailed(f"row {row}: kept mass {mass} does not reach p = {p}")
        if k.sum() > 1 and mass - weakest >= p + slack:
            msg = f"row {row}: kept mass {mass} reaches p = {p} without its weakest token"
            raise CheckFailed(msg)
    total = probs.sum(axis=-1)
    assert_close(total, np.ones_like(total), bound, "sum of renormalised probs")
    if np.any(probs[~kept] != 0):
        raise CheckFailed("a dropped token has non-zero probability")
