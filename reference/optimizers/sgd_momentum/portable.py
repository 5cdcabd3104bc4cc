"""SGD with momentum on any array namespace: an EMA (textbook) or summing (library) velocity."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.optimizers._portable import check_choice, check_grads, check_unit_interval


def sgd_momentum(xp: Any, theta: Any, grads: Any, *, lr: float = 0.01, beta: float = 0.9,
                 form: str = "ema") -> Any:
    check_grads(theta, grads)
    check_unit_interval("beta", beta)
    check_choice("form", form, ("ema", "library"))
    steps = grads.shape[0]
    if steps == 0:
        return xp.empty((0, *theta.shape), dtype=theta.dtype, device=device(theta))
    dampening = (1 - beta) if form == "ema" else 1.0
    v = xp.zeros_like(theta)
    path = []
    for t in range(steps):
        v = beta * v + dampening * grads[t, ...]
        theta = theta - lr * v
        path.append(theta)
    return xp.stack(path)
