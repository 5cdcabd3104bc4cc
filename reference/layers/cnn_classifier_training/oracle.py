"""The oracle of cnn_classifier_training: the forward pass and the loss by explicit loops
(mpmath), the gradient by central differences of that loss at 50 digits, then plain SGD.

Central differences are an independent route to the gradient: nothing of backpropagation
(pooling masks, transposed convolutions) is written here.
"""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _conv_same_relu(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    n, c, h, wd = x.shape
    o, _, k, _ = w.shape
    p = k // 2
    y = np.empty((n, o, h, wd), dtype=object)
    for a, q, i, j in np.ndindex(n, o, h, wd):
        total = b[q]
        for ch, u, v in np.ndindex(c, k, k):
            r, s = i + u - p, j + v - p
            if 0 <= r < h and 0 <= s < wd:  # zero padding contributes nothing
                total += w[q, ch, u, v] * x[a, ch, r, s]
        y[a, q, i, j] = total if total > 0 else mpa.mpf(0)
    return y


def _pool(x: np.ndarray) -> np.ndarray:
    n, c, h, w = x.shape
    y = np.empty((n, c, h // 2, w // 2), dtype=object)
    for idx in np.ndindex(*y.shape):
        a, ch, i, j = idx
        y[idx] = max(x[a, ch, 2 * i + u, 2 * j + v] for u in range(2) for v in range(2))
    return y


def _loss(x: np.ndarray, labels: np.ndarray, params: list[np.ndarray]) -> object:
    w1, b1, w2, b2, wh, bh = params
    feats = _pool(_conv_same_relu(_pool(_conv_same_relu(x, w1, b1)), w2, b2))
    flat = feats.reshape(feats.shape[0], -1)  # channel-major, as torch.flatten of NCHW
    total = mpa.mpf(0)
    for a in range(flat.shape[0]):
        logits = [sum(wh[k, f] * flat[a, f] for f in range(flat.shape[1])) + bh[k]
                  for k in range(wh.shape[0])]
        total += mpa.mp.log(sum(mpa.mp.exp(z) for z in logits)) - logits[int(labels[a])]
    return total / flat.shape[0]


def _gradient(x: np.ndarray, labels: np.ndarray, params: list[np.ndarray]) -> list[np.ndarray]:
    step = mpa.mpf("1e-15")
    grads = []
    for p in params:
        g = np.empty(p.shape, dtype=object)
        for idx in np.ndindex(*p.shape):
            keep = p[idx]
            p[idx] = keep + step
            up = _loss(x, labels, params)
            p[idx] = keep - step
            down = _loss(x, labels, params)
            p[idx] = keep
            g[idx] = (up - down) / (2 * step)
        grads.append(g)
    return grads


@oracle("cnn_classifier_training")
def cnn_classifier_training(x: np.ndarray, labels: np.ndarray, conv1_weight: np.ndarray,
                            conv1_bias: np.ndarray, conv2_weight: np.ndarray,
                            conv2_bias: np.ndarray, head_weight: np.ndarray,
                            head_bias: np.ndarray, *, lr: float = 0.1,
                            steps: int = 1) -> tuple[np.ndarray, ...]:
    k1, k2 = conv1_weight.shape[-1], conv2_weight.shape[-1]
    features = conv2_weight.shape[0] * (x.shape[2] // 4) * (x.shape[3] // 4)
    if x.ndim != 4 or k1 % 2 == 0 or k2 % 2 == 0 or head_weight.shape[1] != features or \
            not (lr >= 0 and steps >= 0) or np.any(labels < 0) or \
            np.any(labels >= head_weight.shape[0]):
        msg = "bad input for the CNN classifier"
        raise ValueError(msg)
    params = [np.array(p, dtype=object) for p in (conv1_weight, conv1_bias, conv2_weight,
                                                  conv2_bias, head_weight, head_bias)]
    rate, losses = mpa.mpf(lr), []
    for _ in range(steps):
        losses.append(_loss(x, labels, params))
        grads = _gradient(x, labels, params)
        params = [p - rate * g for p, g in zip(params, grads, strict=True)]
    return (*params, np.array(losses, dtype=object))
