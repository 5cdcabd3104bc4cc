"""Adagrad on any array namespace: divide by the root of the summed squared gradients."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.optimizers._portable import check_grads


def adagrad(xp: Any, theta: Any, grads: Any, *, lr: float = 0.01, eps: float = 1e-10,
            initial_accumulator: float = 0.0, eps_in_sqrt: bool = True) -> Any:
    check_grads(theta, grads)
    if initial_accumulator < 0 or eps < 0:
        msg = (f"initial_accumulator and eps must be >= 0, got {initial_accumulator!r} "
               f"and {eps!r}")
        raise ValueError(msg)
    steps = grads.shape[0]
    if steps == 0:
        return xp.empty((0, *theta.shape), dtype=theta.dtype, device=device(theta))
    total = xp.full_like(theta, initial_accumulator)
    path = []
    for t in range(steps):
        g = grads[t, ...]
        total = total + g * g
        root = xp.sqrt(total + eps) if eps_in_sqrt else xp.sqrt(total) + eps
        theta = theta - lr * (g / root)
        path.append(theta)
    return xp.stack(path)
