"""The flow-matching objective on any array namespace (noise at t = 0, data at t = 1)."""

from __future__ import annotations

from typing import Any


def flow_matching(xp: Any, x0: Any, x1: Any, t: Any, v_pred: Any, *,
                  sigma_min: float = 0.0) -> dict[str, Any]:
    if not 0.0 <= sigma_min < 1.0:
        msg = f"sigma_min must lie in [0, 1), got {sigma_min!r}"
        raise ValueError(msg)
    if tuple(x1.shape) != tuple(x0.shape) or tuple(v_pred.shape) != tuple(x0.shape):
        msg = (f"x0 {tuple(x0.shape)}, x1 {tuple(x1.shape)} and v_pred "
               f"{tuple(v_pred.shape)} must have one shape")
        raise ValueError(msg)
    if t.ndim > 1 or (t.ndim == 1 and (x0.ndim == 0 or t.shape[0] != x0.shape[0])):
        msg = f"t {tuple(t.shape)} must be a scalar or one time per sample of x0 {tuple(x0.shape)}"
        raise ValueError(msg)
    if xp.any(t < 0) or xp.any(t > 1):
        msg = "times t must lie in [0, 1]"
        raise ValueError(msg)
    time = xp.reshape(t, (t.shape[0],) + (1,) * (x0.ndim - 1)) if t.ndim == 1 else t
    keep = 1.0 - sigma_min
    xt = (1 - keep * time) * x0 + time * x1
    target = x1 - keep * x0
    return {"xt": xt, "target": target, "loss": xp.mean((v_pred - target) ** 2)}
