"""JAX native bindings: optimizers (optax), stepped once per given gradient."""

from __future__ import annotations

import jax.numpy as jnp
import optax

from mlcanon import native


def _trajectory(optimizer: optax.GradientTransformation, theta: jnp.ndarray,
                grads: jnp.ndarray) -> jnp.ndarray:
    """theta after each step of the usual optax loop, one row per gradient."""
    state = optimizer.init(theta)
    path = []
    for g in grads:
        updates, state = optimizer.update(g, state, theta)
        theta = optax.apply_updates(theta, updates)
        path.append(theta)
    return jnp.stack(path)


@native("optax.adam")
def adam(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> jnp.ndarray:
    return _trajectory(optax.adam(lr, b1=beta1, b2=beta2, eps=eps), theta, grads)


@native("optax.adamw")
def adamw(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> jnp.ndarray:
    optimizer = optax.adamw(lr, b1=beta1, b2=beta2, eps=eps, weight_decay=weight_decay)
    return _trajectory(optimizer, theta, grads)


@native("optax.sgd")
def gradient_descent(theta: jnp.ndarray, a: jnp.ndarray, b: jnp.ndarray, *, lr: float = 0.1,
                     steps: int = 1) -> jnp.ndarray:
    optimizer = optax.sgd(lr)
    state = optimizer.init(theta)
    path = []
    for _ in range(steps):
        # the gradient of the quadratic 1/2 theta^T a theta - b^T theta
        updates, state = optimizer.update(a @ theta - b, state, theta)
        theta = optax.apply_updates(theta, updates)
        path.append(theta)
    return jnp.stack(path)
