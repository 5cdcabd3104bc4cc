"""Planted bug: Huber loss computed as smooth L1 with beta = delta (off by a factor delta)."""

import numpy as np


def huber_loss(pred, target, *, delta=1.0, reduction="mean"):
    size = np.abs(pred - target)
    # smooth_l1's curve: r^2 / (2 beta) inside, |r| - beta / 2 outside; Huber is delta times it
    loss = np.where(size < delta, 0.5 * size * size / delta, size - 0.5 * delta)
    if reduction in (None, "none"):
        return loss
    return np.sum(loss) if reduction == "sum" else np.mean(loss)
