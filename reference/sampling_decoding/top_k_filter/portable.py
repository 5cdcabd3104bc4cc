"""Top-k filtering on any array namespace: keep each row's logits that reach its k-th largest."""

from __future__ import annotations

import math
from typing import Any


def top_k_filter(xp: Any, logits: Any, *, k: int = 50) -> tuple[Any, Any]:
    if k < 1:
        msg = f"k must be at least 1, got {k!r}"
        raise ValueError(msg)
    n = logits.shape[-1]
    if k >= n:
        filtered = logits  # every token reaches the k-th value when there are at most k
    else:
        threshold = xp.sort(logits, axis=-1, descending=True)[..., k - 1:k]
        # ties with the k-th value all survive, as Hugging Face's and nanoGPT's `< kth` test
        filtered = xp.where(logits >= threshold, logits, -math.inf)
    top = xp.max(filtered, axis=-1, keepdims=True)
    e = xp.exp(filtered - top)  # exp(-inf) = 0 for dropped tokens; an all -inf row is NaN
    return filtered, e / xp.sum(e, axis=-1, keepdims=True)
