"""The oracle of greedy_decoding: follow the bigram table by hand (float64: comparisons only)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("greedy_decoding", precision="float64")
def greedy_decoding(logits: np.ndarray, *, start: int = 0, steps: int = 4,
                    eos: int | None = None) -> np.ndarray:
    tokens = []
    current = start
    for _ in range(steps):
        if eos is not None and current == eos and tokens:
            tokens.append(eos)  # finished: pad with eos
            continue
        row = [float(v) for v in logits[current]]
        best = 0
        for i, value in enumerate(row):
            if value > row[best]:  # strictly greater: the first of tied maxima wins
                best = i
        tokens.append(best)
        current = best
    return np.asarray(tokens, dtype=np.int64)
