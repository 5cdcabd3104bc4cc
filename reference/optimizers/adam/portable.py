"""Adam on any array namespace: AdamW's bias-corrected steps without weight decay."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.optimizers.adamw.portable import adamw


def adam(xp: Any, theta: Any, grads: Any, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> Any:
    # weight_decay = 0 drops the decay term exactly: theta - 0 * theta is theta
    return adamw(xp, theta, grads, lr=lr, beta1=beta1, beta2=beta2, eps=eps, weight_decay=0.0)
