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
    # w * sign(w) rather than abs(w): it is |w| exactly, and since every framework gives
    # sign a zero derivative, its gradient is sign(w), so a zero weight gets the
    # subgradient 0 (jax.grad(jnp.abs)(0.0) is 1; max(w, -w) depends on how a framework
    # breaks the tie: torch and JAX split it, MLX sends it all to -w)
    return loss + lam * xp.sum(w * xp.sign(w))
