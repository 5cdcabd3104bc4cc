"""Optimizers in NumPy: the update rules step by step, returning the trajectory."""

from __future__ import annotations

import numpy as np


def _check_grads(theta: np.ndarray, grads: np.ndarray) -> None:
    if grads.shape[1:] != theta.shape or grads.ndim != theta.ndim + 1:
        msg = f"grads has shape {grads.shape}, expected (steps, {', '.join(map(str, theta.shape))})"
        raise ValueError(msg)


def _adam_path(theta: np.ndarray, grads: np.ndarray, lr: float, beta1: float, beta2: float,
               eps: float, weight_decay: float) -> np.ndarray:
    _check_grads(theta, grads)
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    path = np.empty_like(grads)
    for t, g in enumerate(grads, start=1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        theta = theta - lr * weight_decay * theta - lr * m_hat / (np.sqrt(v_hat) + eps)
        path[t - 1] = theta
    return path


def adam(theta: np.ndarray, grads: np.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> np.ndarray:
    return _adam_path(theta, grads, lr, beta1, beta2, eps, 0.0)


def adamw(theta: np.ndarray, grads: np.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> np.ndarray:
    return _adam_path(theta, grads, lr, beta1, beta2, eps, weight_decay)


def gradient_descent(theta: np.ndarray, a: np.ndarray, b: np.ndarray, *, lr: float = 0.1,
                     steps: int = 1) -> np.ndarray:
    n = theta.shape[0] if theta.ndim == 1 else -1
    if n < 0 or a.shape != (n, n) or b.shape != (n,):
        msg = f"need theta (n,), a (n, n), b (n,); got {theta.shape}, {a.shape}, {b.shape}"
        raise ValueError(msg)
    if steps < 1:
        msg = f"steps must be at least 1, got {steps}"
        raise ValueError(msg)
    path = np.empty((steps, n), dtype=theta.dtype)
    for k in range(steps):
        theta = theta - lr * (a @ theta - b)
        path[k] = theta
    return path
