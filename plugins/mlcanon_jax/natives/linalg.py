"""Linear algebra in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def vector_norm(x: jnp.ndarray, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> jnp.ndarray:
    # jnp.linalg.vector_norm computes sqrt(sum(x*x)) and overflows for |x_i| > 1e154;
    # scaling by max|x_i| (1 where the slice is all zero) keeps every power in range. The
    # scale is a constant for autodiff: the norm is homogeneous, the gradient unchanged.
    scale = jax.lax.stop_gradient(jnp.max(jnp.abs(x), axis=axis, keepdims=True))
    scale = jnp.where(scale == 0, 1, scale)
    norm = jnp.linalg.vector_norm(x / scale, ord=ord, axis=axis, keepdims=keepdims)
    return norm * scale.reshape(norm.shape)


def svd(a: jnp.ndarray, *, full_matrices: bool = False) -> tuple[jnp.ndarray, ...]:
    u, s, vh = jnp.linalg.svd(a, full_matrices=full_matrices)
    return u, s, vh  # a plain tuple, not SVDResult, so vjp cotangents match its structure


def symmetric_eigendecomposition(a: jnp.ndarray) -> tuple[jnp.ndarray, jnp.ndarray]:
    # symmetrize_input=True (the default) decomposes (A + A^T) / 2, as the canon does.
    eigenvalues, eigenvectors = jnp.linalg.eigh(a, symmetrize_input=True)
    return eigenvalues, eigenvectors


def qr_decomposition(a: jnp.ndarray, *, mode: str = "reduced"
                     ) -> tuple[jnp.ndarray, jnp.ndarray]:
    q, r = jnp.linalg.qr(a, mode=mode)
    return q, r
