"""RMSprop on any array namespace: divide by the root of a running mean of squared gradients."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.optimizers._portable import check_grads, check_unit_interval


def rmsprop(xp: Any, theta: Any, grads: Any, *, lr: float = 0.01, beta: float = 0.9,
            eps: float = 1e-8, eps_in_sqrt: bool = True) -> Any:
    check_grads(theta, grads)
    check_unit_interval("beta", beta)
    steps = grads.shape[0]
    if steps == 0:
        return xp.empty((0, *theta.shape), dtype=theta.dtype, device=device(theta))
    s = xp.zeros_like(theta)
    path = []
    for t in range(steps):
        g = grads[t, ...]
        s = beta * s + (1 - beta) * (g * g)
        root = xp.sqrt(s + eps) if eps_in_sqrt else xp.sqrt(s) + eps
        theta = theta - lr * (g / root)
        path.append(theta)
    return xp.stack(path)
