"""JAX native bindings: tensor operations (jax.numpy.matmul)."""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import native


@native("jax.numpy.matmul")
def matmul(a: jnp.ndarray, b: jnp.ndarray) -> jnp.ndarray:
    # HIGHEST keeps float32 products in float32 on GPUs/TPUs (no TF32 or bf16 passes).
    return jnp.matmul(a, b, precision=jax.lax.Precision.HIGHEST)
