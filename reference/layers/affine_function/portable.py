"""An affine function (linear model prediction) on any array namespace."""

from __future__ import annotations

from typing import Any


def affine_function(xp: Any, x: Any, w: Any, b: Any = None) -> Any:
    if w.ndim == 0:
        y = x * w
    elif w.ndim == 1 and x.ndim >= 1 and x.shape[-1] == w.shape[0]:
        y = xp.sum(x * w, axis=-1)
    else:
        msg = f"w {tuple(w.shape)} must be a scalar or one weight per feature of x {tuple(x.shape)}"
        raise ValueError(msg)
    return y if b is None else y + b
