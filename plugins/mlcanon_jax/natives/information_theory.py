"""JAX native bindings: information theory (jax.scipy.special.entr and rel_entr)."""

from __future__ import annotations

import math

import jax.numpy as jnp
from jax.scipy.special import entr, rel_entr

from mlcanon import native


def _log_base(base: float | str) -> float:
    return 1.0 if base == "e" else math.log(base)


@native("jax.scipy.special.entr")
def entropy(p: jnp.ndarray, *, axis: int = -1, base: float | str = "e") -> jnp.ndarray:
    return jnp.sum(entr(p), axis=axis) / _log_base(base)


@native("jax.scipy.special.rel_entr")
def kl_divergence(p: jnp.ndarray, q: jnp.ndarray, *, axis: int = -1,
                  base: float | str = "e") -> jnp.ndarray:
    return jnp.sum(rel_entr(p, q), axis=axis) / _log_base(base)
