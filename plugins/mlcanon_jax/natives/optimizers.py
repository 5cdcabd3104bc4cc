"""Optimizers in JAX: the update rules in jax.numpy, step by step (no optax)."""

from __future__ import annotations

import jax.numpy as jnp


def _check_grads(theta: jnp.ndarray, grads: jnp.ndarray) -> None:
    if grads.shape[1:] != theta.shape or grads.ndim != theta.ndim + 1:
        msg = f"grads has shape {grads.shape}, expected (steps, {', '.join(map(str, theta.shape))})"
        raise ValueError(msg)


def _adam_path(theta: jnp.ndarray, grads: jnp.ndarray, lr: float, beta1: float, beta2: float,
               eps: float, weight_decay: float) -> jnp.ndarray:
    _check_grads(theta, grads)
    m = jnp.zeros_like(theta)
    v = jnp.zeros_like(theta)
    path = []
    for t in range(1, grads.shape[0] + 1):
        g = grads[t - 1]
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * jnp.square(g)
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        theta = theta - lr * weight_decay * theta - lr * m_hat / (jnp.sqrt(v_hat) + eps)
        path.append(theta)
    return jnp.stack(path)


def adam(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> jnp.ndarray:
    return _adam_path(theta, grads, lr, beta1, beta2, eps, 0.0)


def adamw(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> jnp.ndarray:
    return _adam_path(theta, grads, lr, beta1, beta2, eps, weight_decay)


def gradient_descent(theta: jnp.ndarray, a: jnp.ndarray, b: jnp.ndarray, *, lr: float = 0.1,
                     steps: int = 1) -> jnp.ndarray:
    n = theta.shape[0] if theta.ndim == 1 else -1
    if n < 0 or a.shape != (n, n) or b.shape != (n,):
        msg = f"need theta (n,), a (n, n), b (n,); got {theta.shape}, {a.shape}, {b.shape}"
        raise ValueError(msg)
    if steps < 1:
        msg = f"steps must be at least 1, got {steps}"
        raise ValueError(msg)
    path = []
    for _ in range(steps):
        theta = theta - lr * (a @ theta - b)
        path.append(theta)
    return jnp.stack(path)
