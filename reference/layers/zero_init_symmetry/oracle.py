"""The oracle of zero_init_symmetry: gradient descent on a one-hidden-layer MLP, backpropagation
written out element by element (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _act(name: str, z: object) -> tuple[object, object]:
    """The activation at z and its derivative there (relu'(0) = 0)."""
    if name == "tanh":
        t = mpa.mp.tanh(z)
        return t, 1 - t * t
    if name == "sigmoid":
        s = 1 / (1 + mpa.mp.exp(-z))
        return s, s * (1 - s)
    if name == "relu":
        return (z, mpa.mpf(1)) if z > 0 else (mpa.mpf(0), mpa.mpf(0))
    return z, mpa.mpf(1)


def _step(x: np.ndarray, y: np.ndarray, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray,
          b2: np.ndarray, activation: str, lr: object) -> tuple[np.ndarray, ...]:
    n, d = x.shape
    hidden, m = w1.shape[0], w2.shape[0]
    h = np.empty((n, hidden), dtype=object)
    slope = np.empty((n, hidden), dtype=object)
    for a, j in np.ndindex(n, hidden):
        h[a, j], slope[a, j] = _act(activation, sum(w1[j, i] * x[a, i] for i in range(d)) + b1[j])
    g = np.empty((n, m), dtype=object)  # dL/dŷ for L = mean of (ŷ − y)² over all N·m entries
    for a, o in np.ndindex(n, m):
        y_hat = sum(w2[o, j] * h[a, j] for j in range(hidden)) + b2[o]
        g[a, o] = 2 * (y_hat - y[a, o]) / (n * m)
    d_pre = np.empty((n, hidden), dtype=object)
    for a, j in np.ndindex(n, hidden):
        d_pre[a, j] = sum(g[a, o] * w2[o, j] for o in range(m)) * slope[a, j]
    new_w1 = np.array([[w1[j, i] - lr * sum(d_pre[a, j] * x[a, i] for a in range(n))
                        for i in range(d)] for j in range(hidden)], dtype=object)
    new_b1 = np.array([b1[j] - lr * sum(d_pre[a, j] for a in range(n)) for j in range(hidden)],
                      dtype=object)
    new_w2 = np.array([[w2[o, j] - lr * sum(g[a, o] * h[a, j] for a in range(n))
                        for j in range(hidden)] for o in range(m)], dtype=object)
    new_b2 = np.array([b2[o] - lr * sum(g[a, o] for a in range(n)) for o in range(m)], dtype=object)
    return new_w1, new_b1, new_w2, new_b2


@oracle("zero_init_symmetry")
def zero_init_symmetry(x: np.ndarray, y: np.ndarray, weight1: np.ndarray, bias1: np.ndarray,
                       weight2: np.ndarray, bias2: np.ndarray, *, activation: str = "tanh",
                       lr: float = 0.1, steps: int = 1) -> tuple[np.ndarray, ...]:
    if activation not in ("tanh", "sigmoid", "relu", "identity"):
        msg = f"unknown activation {activation!r}"
        raise ValueError(msg)
    if lr < 0 or isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        msg = f"lr must be >= 0 and steps an int >= 0, got {lr!r}, {steps!r}"
        raise ValueError(msg) if isinstance(steps, int) else TypeError(msg)
    if x.ndim != 2 or y.ndim != 2 or weight1.shape[1] != x.shape[1] or \
            weight2.shape != (y.shape[1], weight1.shape[0]) or y.shape[0] != x.shape[0]:
        msg = f"shapes disagree: x {x.shape}, y {y.shape}, W1 {weight1.shape}, W2 {weight2.shape}"
        raise ValueError(msg)
    params = (weight1, bias1, weight2, bias2)
    for _ in range(steps):
        params = _step(x, y, *params, activation, mpa.mpf(lr))
    return params
