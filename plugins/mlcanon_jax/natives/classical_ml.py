"""JAX native bindings: classical machine learning (jax.numpy.linalg.lstsq)."""

from __future__ import annotations

import jax.numpy as jnp

from mlcanon import native


@native("jax.numpy.linalg.lstsq", only={"fit_intercept": False})
def linear_regression_ols(X: jnp.ndarray, y: jnp.ndarray, *,
                          fit_intercept: bool = True) -> tuple[jnp.ndarray, jnp.ndarray]:
    # lstsq fits no intercept: the model through the origin has intercept 0.
    coef = jnp.linalg.lstsq(X, y)[0]
    return coef, jnp.zeros((), dtype=X.dtype)
