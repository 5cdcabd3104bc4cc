"""The oracle of top_p_filter: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.sampling_decoding._oracle import softmax_last


@oracle("top_p_filter")
def top_p_filter(logits: np.ndarray, *, p: float = 0.9,
                 keep_crossing_token: bool = True) -> dict[str, np.ndarray]:
    if not 0.0 <= p <= 1.0:
        msg = f"p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    p = mpa.mpf(p)
    probs = softmax_last(logits)
    keep = np.zeros(logits.shape, dtype=bool)
    n = logits.shape[-1]
    for row in np.ndindex(logits.shape[:-1]):
        # rank by descending probability; equal probabilities: lower index first
        order = sorted(range(n), key=lambda i, row=row: (-probs[(*row, i)], i))
        before = mpa.mpf(0)  # probability mass of the tokens ranked above this one
        for rank, i in enumerate(order):
            mass = probs[(*row, i)]
            if keep_crossing_token:
                keep[(*row, i)] = rank == 0 or before < p
            else:
                keep[(*row, i)] = before + mass <= p
            before += mass
    filtered = np.where(keep, logits, mpa.mpf("-inf"))
    kept = np.where(keep, probs, mpa.mpf(0))
    total = np.sum(kept, axis=-1, keepdims=True)
    nan = mpa.mpf("nan")
    renormalized = np.vectorize(lambda a, t: a / t if t != 0 else nan, otypes=[object])(
        kept, np.broadcast_to(total, kept.shape))
    return {"filtered": filtered, "probs": renormalized}
