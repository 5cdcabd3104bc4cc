"""Mini-batch SGD on linear least squares on any array namespace: consecutive batches, the
mean gradient of each, one step per batch."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def sgd_minibatch(xp: Any, x: Any, y: Any, theta: Any, *, lr: float = 0.01,
                  batch_size: int = 32, epochs: int = 1, drop_last: bool = False) -> Any:
    if x.ndim != 2 or tuple(y.shape) != (x.shape[0],) or tuple(theta.shape) != (x.shape[1],):
        msg = (f"need x (n, d), y (n,), theta (d,); got {tuple(x.shape)}, {tuple(y.shape)}, "
               f"{tuple(theta.shape)}")
        raise ValueError(msg)
    if batch_size < 1:
        msg = f"batch_size must be at least 1, got {batch_size!r}"
        raise ValueError(msg)
    if epochs < 1:
        msg = f"epochs must be at least 1, got {epochs!r}"
        raise ValueError(msg)
    n = x.shape[0]
    if drop_last and batch_size > n:
        msg = f"drop_last with batch_size {batch_size} > n = {n} leaves no batch to train on"
        raise ValueError(msg)
    full, rest = divmod(n, batch_size)
    bounds = [(k * batch_size, (k + 1) * batch_size) for k in range(full)]
    if rest and not drop_last:
        bounds.append((full * batch_size, n))  # the short last batch
    path = []
    for _ in range(epochs):
        for lo, hi in bounds:
            xb, yb = x[lo:hi, ...], y[lo:hi]
            residual = xb @ theta - yb
            grad = 2.0 * (residual @ xb) / (hi - lo)  # mean over the batch's own size
            theta = theta - lr * grad
            path.append(theta)
    if not path:  # n = 0
        return xp.empty((0, x.shape[1]), dtype=theta.dtype, device=device(theta))
    return xp.stack(path)
