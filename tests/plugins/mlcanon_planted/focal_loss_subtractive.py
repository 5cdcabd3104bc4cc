"""Planted bug: focal loss forming 1 - p_t by subtraction (the weight of an easy example
cancels to 0 in float32 and loses half its digits in float64)."""

import numpy as np


def focal_loss(logits, y, *, alpha=None, gamma=2.0, reduction="mean"):
    p = 1 / (1 + np.exp(-logits))
    ce = np.maximum(logits, 0) - logits * y + np.log1p(np.exp(-np.abs(logits)))
    p_t = p * y + (1 - p) * (1 - y)
    loss = (1 - p_t) ** gamma * ce
    if alpha is not None:
        loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    if reduction in (None, "none"):
        return loss
    return np.sum(loss) if reduction == "sum" else np.mean(loss)
