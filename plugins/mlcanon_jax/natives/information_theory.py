"""Information theory in JAX."""

from __future__ import annotations

import math

import jax.numpy as jnp
from jax.scipy.special import entr, rel_entr


def _log_base(base: float | str) -> float:
    return 1.0 if base == "e" else math.log(base)


def entropy(p: jnp.ndarray, *, axis: int = -1, base: float | str = "e") -> jnp.ndarray:
    # entr(0) = 0; + 0.0 turns a -0.0 sum into +0.0
    return (jnp.sum(entr(p), axis=axis) + 0.0) / _log_base(base)


def kl_divergence(p: jnp.ndarray, q: jnp.ndarray, *, axis: int = -1,
                  base: float | str = "e") -> jnp.ndarray:
    # rel_entr: p log(p / q), 0 where p = 0 (also for q = 0), +inf where p > 0 = q
    return jnp.sum(rel_entr(p, q), axis=axis) / _log_base(base)
