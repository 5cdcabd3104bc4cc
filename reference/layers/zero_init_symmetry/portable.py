"""Full-batch gradient descent on a one-hidden-layer MLP with MSE, backpropagation by hand."""

from __future__ import annotations

import math
from typing import Any

_ACTIVATIONS = ("tanh", "sigmoid", "relu", "identity")


def _forward(xp: Any, pre: Any, activation: str) -> tuple[Any, Any]:
    """act(pre) and act'(pre); relu'(0) = 0 as torch and jax."""
    if activation == "tanh":
        h = xp.tanh(pre)
        return h, 1 - h * h
    if activation == "sigmoid":
        h = 0.5 * (xp.tanh(0.5 * pre) + 1.0)
        return h, h * (1 - h)
    if activation == "relu":
        positive = pre > 0
        return xp.where(positive, pre, xp.zeros_like(pre)), xp.astype(positive, pre.dtype)
    return pre, xp.ones_like(pre)


def _check(x: Any, y: Any, weight1: Any, bias1: Any, weight2: Any, bias2: Any,
           activation: str, lr: float, steps: int) -> None:
    if activation not in _ACTIVATIONS:
        msg = f"activation must be one of {_ACTIVATIONS}, got {activation!r}"
        raise ValueError(msg)
    if isinstance(steps, bool) or not isinstance(steps, int):
        msg = f"steps must be an int, got {steps!r}"
        raise TypeError(msg)
    if steps < 0 or not lr >= 0:
        msg = f"steps must be >= 0 and lr >= 0, got steps = {steps}, lr = {lr!r}"
        raise ValueError(msg)
    hidden = weight1.shape[0]
    if (x.ndim != 2 or y.ndim != 2 or y.shape[0] != x.shape[0] or weight1.ndim != 2
            or weight1.shape[1] != x.shape[1] or tuple(bias1.shape) != (hidden,)
            or tuple(weight2.shape) != (y.shape[1], hidden) or tuple(bias2.shape) != (y.shape[1],)):
        msg = (f"shapes disagree: x {tuple(x.shape)} (N, d), y {tuple(y.shape)} (N, m), weight1 "
               f"{tuple(weight1.shape)}, bias1 {tuple(bias1.shape)}, weight2 "
               f"{tuple(weight2.shape)}, bias2 {tuple(bias2.shape)}")
        raise ValueError(msg)


def zero_init_symmetry(xp: Any, x: Any, y: Any, weight1: Any, bias1: Any, weight2: Any,
                       bias2: Any, *, activation: str = "tanh", lr: float = 0.1,
                       steps: int = 1) -> tuple[Any, Any, Any, Any]:
    _check(x, y, weight1, bias1, weight2, bias2, activation, lr, steps)
    scale = 2.0 / math.prod(y.shape)  # d/dŷ of the mean of (ŷ − y)²
    for _ in range(steps):
        h, slope = _forward(xp, xp.matmul(x, xp.matrix_transpose(weight1)) + bias1, activation)
        g = scale * (xp.matmul(h, xp.matrix_transpose(weight2)) + bias2 - y)
        d_pre = xp.matmul(g, weight2) * slope
        weight1, bias1, weight2, bias2 = (
            weight1 - lr * xp.matmul(xp.matrix_transpose(d_pre), x),
            bias1 - lr * xp.sum(d_pre, axis=0),
            weight2 - lr * xp.matmul(xp.matrix_transpose(g), h),
            bias2 - lr * xp.sum(g, axis=0))
    return weight1, bias1, weight2, bias2
