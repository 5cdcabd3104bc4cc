"""Planted bug: the MLP recipe's loss computed from probabilities, −y·log σ(z) −
(1 − y)·log(1 − σ(z)), instead of from the logits: σ(40) rounds to 1 and the loss is inf
(confident_logits)."""

import numpy as np


def mlp_training_pytorch(x, y, weight1, bias1, weight2, bias2, *, lr=0.05, beta1=0.9,
                         beta2=0.999, eps=1e-8, steps=1):
    if not (lr >= 0 and 0 <= beta1 < 1 and 0 <= beta2 < 1 and eps >= 0) or \
            isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise ValueError("bad hyperparameters")
    if x.ndim != 2 or y.shape != (x.shape[0],) or weight2.shape != (1, weight1.shape[0]) or \
            weight1.shape[1] != x.shape[1]:
        raise ValueError("shapes disagree")
    params = [np.array(p) for p in (weight1, bias1, weight2, bias2)]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    losses = []
    for t in range(1, steps + 1):
        w1, b1, w2, b2 = params
        h = np.tanh(x @ w1.T + b1)
        z = (h @ w2.T)[:, 0] + b2
        p = 1 / (1 + np.exp(-z))
        with np.errstate(divide="ignore", invalid="ignore"):
            losses.append(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))  # the bug
        dz = (p - y) / x.shape[0]
        d_pre = dz[:, None] * w2 * (1 - h * h)
        grads = [d_pre.T @ x, d_pre.sum(0), dz[None, :] @ h, dz.sum(0, keepdims=True)]
        first = [beta1 * m + (1 - beta1) * g for m, g in zip(first, grads, strict=True)]
        second = [beta2 * v + (1 - beta2) * g * g for v, g in zip(second, grads, strict=True)]
        params = [q - lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
                  for q, m, v in zip(params, first, second, strict=True)]
    history = np.array(losses, dtype=x.dtype)
    return (*(q.astype(x.dtype) for q in params), history)
