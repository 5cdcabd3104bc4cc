"""The oracle of skipgram_negative_sampling: pairs by nested loops, the loss in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _log_sigmoid(x: object) -> object:
    return -mp.log(1 + mp.exp(-x))


def _dot(a: np.ndarray, b: np.ndarray) -> object:
    return mp.fsum(x * y for x, y in zip(a, b, strict=True))


@oracle("skipgram_negative_sampling")
def skipgram_negative_sampling(tokens: np.ndarray, w_in: np.ndarray, w_out: np.ndarray,
                               negatives: np.ndarray, *, window: int = 2,
                               reduction: str | None = "mean") -> dict[str, object]:
    if window < 1:
        msg = f"window must be at least 1, got {window}"
        raise ValueError(msg)
    vocab, length = w_in.shape[0], len(tokens)
    if any(not 0 <= int(k) < vocab for k in [*tokens, *negatives.flat]):
        msg = "a token id is outside the vocabulary"
        raise IndexError(msg)
    pairs = [(int(tokens[t]), int(tokens[j]))
             for t in range(length) for j in range(t - window, t + window + 1)
             if j != t and 0 <= j < length]
    if negatives.shape[0] != len(pairs):
        msg = f"{len(pairs)} pairs need as many rows of negatives, got {negatives.shape[0]}"
        raise ValueError(msg)
    loss = np.empty(len(pairs), dtype=object)
    for p, (center, context) in enumerate(pairs):
        value = -_log_sigmoid(_dot(w_in[center], w_out[context]))
        for k in negatives[p]:
            value -= _log_sigmoid(-_dot(w_in[center], w_out[int(k)]))
        loss[p] = value
    counts = [sum(1 for t in tokens if int(t) == v) for v in range(vocab)]
    weights = [mp.mpf(c) ** mp.mpf(0.75) for c in counts]
    noise = np.array([w / mp.fsum(weights) for w in weights], dtype=object)
    if reduction == "sum":
        reduced = mp.fsum(loss)
    elif reduction == "mean":
        reduced = mp.fsum(loss) / len(pairs) if pairs else mp.nan
    elif reduction in ("none", None):
        reduced = loss
    else:
        msg = f"unknown reduction {reduction!r}"
        raise ValueError(msg)
    pair_array = np.array(pairs, dtype=np.int64).reshape(len(pairs), 2)
    return {"loss": reduced, "pairs": pair_array, "pair_count": np.int64(len(pairs)),
            "noise": noise}
