"""JAX native bindings: linear algebra (jax.numpy.linalg)."""

from __future__ import annotations

import jax.numpy as jnp

from mlcanon import KnownDeviation, native


@native("jax.numpy.linalg.vector_norm")
def vector_norm(x: jnp.ndarray, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> jnp.ndarray:
    return jnp.linalg.vector_norm(x, ord=ord, axis=axis, keepdims=keepdims)


@native("jax.numpy.linalg.svd")
def svd(a: jnp.ndarray, *, full_matrices: bool = False) -> tuple[jnp.ndarray, ...]:
    u, s, vh = jnp.linalg.svd(a, full_matrices=full_matrices)
    return u, s, vh  # a plain tuple, not SVDResult, so vjp cotangents match its structure


@native("jax.numpy.linalg.eigh")
def symmetric_eigendecomposition(a: jnp.ndarray) -> tuple[jnp.ndarray, jnp.ndarray]:
    eigenvalues, eigenvectors = jnp.linalg.eigh(a)
    return eigenvalues, eigenvectors


@native("jax.numpy.linalg.qr")
def qr_decomposition(a: jnp.ndarray, *, mode: str = "reduced"
                     ) -> tuple[jnp.ndarray, jnp.ndarray]:
    q, r = jnp.linalg.qr(a, mode=mode)
    return q, r


KNOWN_DEVIATIONS = (
    # the gradient is right for the factors jnp.linalg.qr returns; only their gauge differs
    KnownDeviation(
        concept="qr_decomposition", case="grad_square_householder_gauge",
        reason="jnp.linalg.qr returns LAPACK's Householder factors with diag(R) = (-2.29, -0.98, "
               "-1.45) here, not the canon's diag(R) > 0, and differentiates them as they "
               "are: with all three column pairs flipped the VJP is exactly minus the canon's",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.linalg.qr.html"),
)
