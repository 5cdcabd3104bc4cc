"""L1-regularized loss on any array namespace: loss + lam * sum(|w|), subgradient 0 at 0."""

from __future__ import annotations

from typing import Any


def l1_regularization(xp: Any, loss: Any, w: Any, *, lam: float = 0.01) -> Any:
    if tuple(loss.shape) != ():
        msg = f"loss must be a scalar (reduce it first), got shape {tuple(loss.shape)}"
        raise ValueError(msg)
    if not lam >= 0:
        msg = f"lam must be >= 0, got {lam!r}"
        raise ValueError(msg)
    # max(w, -w) rather than abs(w): autograd splits the tie at w = 0 evenly, so a zero
    # weight gets the subgradient 0 (jax.grad(jnp.abs)(0.0) is 1)
    return loss + lam * xp.sum(xp.maximum(w, -w))
