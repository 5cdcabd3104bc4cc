"""The oracle of alibi: per-head linear distance penalties added to the scores (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import allowed_keys


def _slopes(heads: int) -> list[object]:
    """The paper's geometric slopes; for a head count between powers of two, the slopes of
    the power of two below, then every other slope of the power of two above."""
    def geometric(n: int) -> list[object]:
        return [mpa.mpf(2) ** (-mpa.mpf(8) * (h + 1) / n) for h in range(n)]
    below = 1
    while below * 2 <= heads:
        below *= 2
    if below == heads:
        return geometric(heads)
    extra = geometric(2 * below)[0::2]
    return geometric(below) + extra[: heads - below]


@oracle("alibi")
def alibi(q: np.ndarray, k: np.ndarray, v: np.ndarray, *, is_causal: bool = True,
          scale: float | None = None) -> np.ndarray:
    heads, lq, d = q.shape[-3:]
    lk = k.shape[-2]
    factor = 1 / mpa.mp.sqrt(d) if scale is None else mpa.mpf(scale)
    slopes = _slopes(heads)
    bias = np.empty((heads, lq, lk), dtype=object)
    for h in range(heads):
        for i in range(lq):
            for j in range(lk):
                bias[h, i, j] = -slopes[h] * abs(i - j)
    scores = np.matmul(q, np.swapaxes(k, -1, -2)) * factor + bias
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    allowed = allowed_keys(lq, lk, None, is_causal, batch)
    return _softmax_rows(scores, allowed) @ v


def _softmax_rows(scores: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    scores = np.broadcast_to(scores, allowed.shape)
    out = np.empty(allowed.shape, dtype=object)
    for index in np.ndindex(*allowed.shape[:-1]):
        keep = [j for j in range(allowed.shape[-1]) if allowed[(*index, j)]]
        top = max(scores[(*index, j)] for j in keep)
        terms = [mpa.mp.exp(scores[(*index, j)] - top) if j in keep else mpa.mpf(0)
                 for j in range(allowed.shape[-1])]
        total = sum(terms)
        for j, term in enumerate(terms):
            out[(*index, j)] = term / total
    return out
