"""Planted bug: the patience counter compared before it counts the current epoch (wait >
patience), so training runs one epoch longer than the canon's patience allows."""

import numpy as np


def early_stopping(losses, *, patience=3, min_delta=0.0, mode="min"):
    if losses.ndim != 1 or losses.shape[0] == 0 or mode not in ("min", "max"):
        raise ValueError("bad input")
    if patience < 0 or min_delta < 0:
        raise ValueError("bad input")
    values = losses if mode == "min" else -losses
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, value in enumerate(values.tolist()):
        if value < best - min_delta:
            best, best_epoch, wait = value, epoch, 0
        elif wait > patience and epoch > 0:  # the bug: compared before counting
            return np.int64(epoch), np.int64(best_epoch)
        else:
            wait += 1
    return np.int64(len(values) - 1), np.int64(best_epoch)
