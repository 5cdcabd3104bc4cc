"""Stochastic and property checks of weight_quantization (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("quantization_round_trip")
def quantization_round_trip(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """q and z lie in [q_min, q_max]; w_hat = s (q - z); |w - w_hat| <= s/2 (rounding to
    the nearest grid point, clamping included); a zero weight comes back exactly zero."""
    bits = params.get("bits", 8)
    qmin, qmax = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    w = np.asarray(inputs["w"], dtype=np.float64)
    out = run(inputs, params)
    q, z = np.asarray(out["q"]), np.asarray(out["zero_point"])
    scale = float(out["scale"])
    w_hat = np.asarray(out["w_hat"], dtype=np.float64)
    if q.dtype.kind not in "iu" or np.any(q < qmin) or np.any(q > qmax):
        msg = f"q outside [{qmin}, {qmax}] or not integer: {q.tolist()} ({q.dtype})"
        raise CheckFailed(msg)
    if not qmin <= int(z) <= qmax:
        msg = f"zero_point {int(z)} outside [{qmin}, {qmax}]"
        raise CheckFailed(msg)
    if not scale > 0:
        msg = f"scale {scale!r} must be positive"
        raise CheckFailed(msg)
    assert_close(w_hat, scale * (q.astype(np.float64) - int(z)), bound, "w_hat against s(q - z)")
    slack = bound.k * bound.eps * (np.abs(w) + np.max(np.abs(w), initial=0.0) + scale)
    excess = np.abs(w - w_hat) - scale / 2 - slack
    if np.any(excess > 0):
        i = int(np.argmax(excess))
        msg = (f"|w - w_hat| = {abs(w.ravel()[i] - w_hat.ravel()[i])!r} exceeds s/2 = "
               f"{scale / 2!r} at flat index {i} (w = {w.ravel()[i]!r})")
        raise CheckFailed(msg)
    if np.any(w_hat[w == 0] != 0):
        msg = "a zero weight does not come back as exactly 0"
        raise CheckFailed(msg)
