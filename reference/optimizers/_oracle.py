"""Oracle helpers that several optimizers concepts share."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa


def adam_path(theta: np.ndarray, grads: np.ndarray, lr: float, beta1: float, beta2: float,
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

