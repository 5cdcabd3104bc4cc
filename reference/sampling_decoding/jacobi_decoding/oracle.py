"""The oracle of jacobi_decoding: Jacobi sweeps position by position (float64: comparisons only)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


def _first_max(row: np.ndarray) -> int:
    best = 0
    for i, value in enumerate(row):
        if value > row[best]:  # strictly greater: the first of tied maxima wins
            best = i
    return best


@oracle("jacobi_decoding", precision="float64")
def jacobi_decoding(logits: np.ndarray, init: np.ndarray, *,
                    start: int = 0) -> dict[str, np.ndarray]:
    current = [int(t) for t in init]
    k = 0
    while True:
        # every position reads the previous iterate only: y'_i = argmax logits[y_(i-1)]
        update = [_first_max(logits[start if i == 0 else current[i - 1]])
                  for i in range(len(current))]
        if update == current:
            break
        current, k = update, k + 1
    return {"tokens": np.asarray(current, dtype=np.int64), "iterations": np.asarray(k)}
