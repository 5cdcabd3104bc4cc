"""The oracle of mlp_training_pytorch: full-batch Adam on a tanh MLP with the logistic loss,
the backward pass and the Adam moments written out per parameter entry (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _loss_and_grads(x: np.ndarray, y: np.ndarray, w1: np.ndarray, b1: np.ndarray,
                    w2: np.ndarray, b2: np.ndarray) -> tuple[object, list[np.ndarray]]:
    n, d = x.shape
    hidden = w1.shape[0]
    g1, gb1 = np.full(w1.shape, mpa.mpf(0), dtype=object), np.full(hidden, mpa.mpf(0), dtype=object)
    g2, gb2 = np.full(w2.shape, mpa.mpf(0), dtype=object), np.full(1, mpa.mpf(0), dtype=object)
    loss = mpa.mpf(0)
    for a in range(n):
        h = [mpa.mp.tanh(sum(w1[j, i] * x[a, i] for i in range(d)) + b1[j]) for j in range(hidden)]
        z = sum(w2[0, j] * h[j] for j in range(hidden)) + b2[0]
        loss += (mpa.mp.log(1 + mpa.mp.exp(z)) - y[a] * z) / n  # −y·log σ(z) − (1−y)·log(1−σ(z))
        dz = (1 / (1 + mpa.mp.exp(-z)) - y[a]) / n
        gb2[0] += dz
        for j in range(hidden):
            g2[0, j] += dz * h[j]
            d_pre = dz * w2[0, j] * (1 - h[j] ** 2)
            gb1[j] += d_pre
            for i in range(d):
                g1[j, i] += d_pre * x[a, i]
    return loss, [g1, gb1, g2, gb2]


@oracle("mlp_training_pytorch")
def mlp_training_pytorch(x: np.ndarray, y: np.ndarray, weight1: np.ndarray, bias1: np.ndarray,
                         weight2: np.ndarray, bias2: np.ndarray, *, lr: float = 0.05,
                         beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
                         steps: int = 1) -> tuple[np.ndarray, ...]:
    if not (lr >= 0 and 0 <= beta1 < 1 and 0 <= beta2 < 1 and eps >= 0 and steps >= 0):
        msg = f"bad hyperparameters lr {lr}, betas ({beta1}, {beta2}), eps {eps}, steps {steps}"
        raise ValueError(msg)
    if x.ndim != 2 or y.shape != (x.shape[0],) or weight2.shape != (1, weight1.shape[0]):
        msg = f"shapes disagree: x {x.shape}, y {y.shape}, W1 {weight1.shape}, W2 {weight2.shape}"
        raise ValueError(msg)
    b_1, b_2, rate, e = (mpa.mpf(v) for v in (beta1, beta2, lr, eps))
    params = [np.array(p, dtype=object) for p in (weight1, bias1, weight2, bias2)]
    first = [np.full(p.shape, mpa.mpf(0), dtype=object) for p in params]
    second = [np.full(p.shape, mpa.mpf(0), dtype=object) for p in params]
    losses = []
    for t in range(1, steps + 1):
        loss, grads = _loss_and_grads(x, y, *params)
        losses.append(loss)
        for p, m, v, g in zip(params, first, second, grads, strict=True):
            for idx in np.ndindex(*p.shape):
                m[idx] = b_1 * m[idx] + (1 - b_1) * g[idx]
                v[idx] = b_2 * v[idx] + (1 - b_2) * g[idx] ** 2
                m_hat, v_hat = m[idx] / (1 - b_1**t), v[idx] / (1 - b_2**t)
                p[idx] = p[idx] - rate * m_hat / (mpa.mp.sqrt(v_hat) + e)
    return (*params, np.array(losses, dtype=object))
