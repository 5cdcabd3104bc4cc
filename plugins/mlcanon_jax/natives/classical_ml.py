"""Classical machine learning in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def logistic_regression(X: jnp.ndarray, y: jnp.ndarray, w0: jnp.ndarray,
                        b0: jnp.ndarray | None = None, *, lr: float = 0.1,
                        steps: int = 20000) -> tuple[jnp.ndarray, jnp.ndarray]:
    n, d = X.shape
    if y.shape != (n,) or w0.shape != (d,):
        msg = f"X {X.shape}, y {y.shape} and w0 {w0.shape} must be (n, d), (n,), (d,)"
        raise ValueError(msg)
    w, b = w0, jnp.zeros((), dtype=X.dtype) if b0 is None else b0
    for _ in range(steps):
        # the gradient of mean BCE from the logits, sigmoid(z) - y, written out: jax.grad
        # without jit would retrace the loss at every step (20x slower op by op)
        residual = jax.nn.sigmoid(X @ w + b) - y
        w, b = w - lr * (X.T @ residual) / n, b - lr * jnp.mean(residual)
    return w, b


def linear_regression_ols(X: jnp.ndarray, y: jnp.ndarray, *,
                          fit_intercept: bool = True) -> tuple[jnp.ndarray, jnp.ndarray]:
    if X.ndim != 2 or y.shape != X.shape[:1]:
        msg = f"X {X.shape} and y {y.shape} must be (n, d) and (n,)"
        raise ValueError(msg)
    if not fit_intercept:
        return jnp.linalg.lstsq(X, y)[0], jnp.zeros((), dtype=X.dtype)
    x_mean, y_mean = jnp.mean(X, axis=0), jnp.mean(y)
    coef = jnp.linalg.lstsq(X - x_mean, y - y_mean)[0]
    return coef, y_mean - x_mean @ coef
