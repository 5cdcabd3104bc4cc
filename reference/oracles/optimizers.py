"""Oracles of the optimizers family: the update rules step by step at mpmath precision.

Each returns the trajectory: row k holds the parameters after update k + 1.
"""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _adam_path(theta: np.ndarray, grads: np.ndarray, lr: float, beta1: float, beta2: float,
               eps: float, weight_decay: float) -> np.ndarray:
    lr, b1, b2 = mpa.mpf(lr), mpa.mpf(beta1), mpa.mpf(beta2)
    eps, wd = mpa.mpf(eps), mpa.mpf(weight_decay)
    m = theta * 0
    v = theta * 0
    path = []
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat = m / (1 - b1**t)
        v_hat = v / (1 - b2**t)
        theta = theta - lr * wd * theta - lr * m_hat / (mpa.sqrt(v_hat) + eps)
        path.append(theta)
    return np.stack(path)


@oracle("adam")
def adam(theta: np.ndarray, grads: np.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> np.ndarray:
    return _adam_path(theta, grads, lr, beta1, beta2, eps, 0.0)


@oracle("adamw")
def adamw(theta: np.ndarray, grads: np.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> np.ndarray:
    return _adam_path(theta, grads, lr, beta1, beta2, eps, weight_decay)


@oracle("gradient_descent")
def gradient_descent(theta: np.ndarray, a: np.ndarray, b: np.ndarray, *, lr: float = 0.1,
                     steps: int = 1) -> np.ndarray:
    lr = mpa.mpf(lr)
    path = []
    for _ in range(steps):
        theta = theta - lr * (a @ theta - b)
        path.append(theta)
    return np.stack(path)
