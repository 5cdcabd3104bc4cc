"""The oracle of early_stopping: the patience counter replayed over the monitored values."""

from __future__ import annotations

import math

import numpy as np

from mlcanon.oracles import oracle


@oracle("early_stopping", precision="float64")
def early_stopping(losses: np.ndarray, *, patience: int = 3, min_delta: float = 0.0,
                   mode: str = "min") -> tuple[np.ndarray, np.ndarray]:
    sign = 1.0 if mode == "min" else -1.0  # maximizing v is minimizing -v
    values = [sign * float(v) for v in losses]
    best, best_epoch, waited = math.inf, 0, 0
    for epoch, value in enumerate(values):
        # NaN compares False, so it never improves
        if value < best - min_delta:
            best, best_epoch, waited = value, epoch, 0
            continue
        waited += 1
        if epoch > 0 and waited >= max(patience, 1):
            return np.int64(epoch), np.int64(best_epoch)
    return np.int64(len(values) - 1), np.int64(best_epoch)
