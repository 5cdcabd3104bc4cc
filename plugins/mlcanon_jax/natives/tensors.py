"""Tensor operations in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def _check_inner(a: jnp.ndarray, b: jnp.ndarray) -> None:
    # jnp.matmul raises TypeError on a shape mismatch; the canon says ValueError.
    if a.ndim == 0 or b.ndim == 0:
        msg = f"matmul needs inputs of at least one dimension, got {a.shape} and {b.shape}"
        raise ValueError(msg)
    k_a, k_b = a.shape[-1], b.shape[0] if b.ndim == 1 else b.shape[-2]
    if k_a != k_b:
        msg = f"matmul inner dimensions differ: {a.shape} @ {b.shape}"
        raise ValueError(msg)


def matmul(a: jnp.ndarray, b: jnp.ndarray) -> jnp.ndarray:
    _check_inner(a, b)
    # HIGHEST keeps float32 products in float32 on GPUs/TPUs (no TF32 or bf16 passes).
    return jnp.matmul(a, b, precision=jax.lax.Precision.HIGHEST)
