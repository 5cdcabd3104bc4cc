"""Lion on any array namespace: step by the sign of a momentum interpolation."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.optimizers._portable import check_grads, check_unit_interval


def lion(xp: Any, theta: Any, grads: Any, *, lr: float = 1e-4, beta1: float = 0.9,
         beta2: float = 0.99, weight_decay: float = 0.0) -> Any:
    check_grads(theta, grads)
    check_unit_interval("beta1", beta1)
    check_unit_interval("beta2", beta2)
    steps = grads.shape[0]
    if steps == 0:
        return xp.empty((0, *theta.shape), dtype=theta.dtype, device=device(theta))
    m = xp.zeros_like(theta)
    path = []
    for t in range(steps):
        g = grads[t, ...]
        update = xp.sign(beta1 * m + (1 - beta1) * g)
        theta = theta - lr * (update + weight_decay * theta)
        m = beta2 * m + (1 - beta2) * g
        path.append(theta)
    return xp.stack(path)
