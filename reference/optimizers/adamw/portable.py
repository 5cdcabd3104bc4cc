"""AdamW on any array namespace: bias-corrected Adam steps with decoupled, lr-scaled decay."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def _check_grads(theta: Any, grads: Any) -> None:
    if grads.ndim != theta.ndim + 1 or tuple(grads.shape[1:]) != tuple(theta.shape):
        msg = (f"grads has shape {tuple(grads.shape)}, expected (steps, "
               f"{', '.join(map(str, theta.shape))})")
        raise ValueError(msg)


def adamw(xp: Any, theta: Any, grads: Any, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> Any:
    _check_grads(theta, grads)
    steps = grads.shape[0]
    if steps == 0:
        return xp.empty((0, *theta.shape), dtype=theta.dtype, device=device(theta))
    m = xp.zeros_like(theta)
    v = xp.zeros_like(theta)
    path = []
    for t in range(1, steps + 1):
        g = grads[t - 1, ...]
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        # the decay and the Adam step both read the pre-step theta; eps sits outside the sqrt
        theta = theta - lr * weight_decay * theta - lr * m_hat / (xp.sqrt(v_hat) + eps)
        path.append(theta)
    return xp.stack(path)
