"""GloVe's weighted least-squares loss on any array namespace."""

from __future__ import annotations

from typing import Any

from array_api_compat import size


def glove_loss(xp: Any, w: Any, w_tilde: Any, b: Any, b_tilde: Any, X: Any, *,
               x_max: float = 100.0, alpha: float = 0.75) -> Any:
    _check(xp, w, w_tilde, b, b_tilde, X, x_max, alpha)
    seen = X > 0
    ones = xp.ones_like(X)
    # 0 and log 1 stand in for unseen pairs so neither log 0 nor 0 ** alpha reaches a gradient
    counts = xp.where(seen, X, ones)
    weight = xp.where(counts < x_max, (counts / x_max) ** alpha, ones)
    fit = w @ xp.matrix_transpose(w_tilde) + b[:, None] + b_tilde[None, :] - xp.log(counts)
    return xp.sum(xp.where(seen, weight * fit * fit, xp.zeros_like(fit)))


def _check(xp: Any, w: Any, w_tilde: Any, b: Any, b_tilde: Any, X: Any,
           x_max: float, alpha: float) -> None:
    v = w.shape[0]
    shapes = (tuple(w_tilde.shape) == tuple(w.shape) and tuple(b.shape) == (v,)
              and tuple(b_tilde.shape) == (v,) and tuple(X.shape) == (v, v))
    if w.ndim != 2 or not shapes:
        msg = (f"need w and w_tilde (V, d), b and b_tilde (V,), X (V, V); got {tuple(w.shape)}, "
               f"{tuple(w_tilde.shape)}, {tuple(b.shape)}, {tuple(b_tilde.shape)}, "
               f"{tuple(X.shape)}")
        raise ValueError(msg)
    if not x_max > 0 or not alpha >= 0:
        msg = f"need x_max > 0 and alpha >= 0, got x_max={x_max!r}, alpha={alpha!r}"
        raise ValueError(msg)
    if size(X) and bool(xp.any(X < 0)):
        msg = "co-occurrence counts X must be >= 0"
        raise ValueError(msg)
