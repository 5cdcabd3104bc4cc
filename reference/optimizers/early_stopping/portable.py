"""Early stopping on any array namespace: the epoch where patience runs out, and the best."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.optimizers._portable import check_choice


def early_stopping(xp: Any, losses: Any, *, patience: int = 3, min_delta: float = 0.0,
                   mode: str = "min") -> tuple[Any, Any]:
    if losses.ndim != 1 or losses.shape[0] == 0:
        msg = f"losses must be a non-empty vector, got shape {tuple(losses.shape)}"
        raise ValueError(msg)
    check_choice("mode", mode, ("min", "max"))
    if patience < 0 or min_delta < 0:
        msg = f"patience and min_delta must be >= 0, got {patience!r} and {min_delta!r}"
        raise ValueError(msg)
    n = losses.shape[0]
    signed = losses if mode == "min" else -losses  # maximizing v is minimizing -v
    values = [float(signed[i]) for i in range(n)]
    best = float("inf")
    best_epoch, wait, stop = 0, 0, n - 1
    for epoch in range(n):
        improved = values[epoch] < best - min_delta  # False for NaN
        if improved:
            best, best_epoch, wait = values[epoch], epoch, 0
        else:
            wait += 1
            # patience 0 acts as 1; the first epoch never stops the run
            if wait >= patience and epoch > 0:
                stop = epoch
                break
    where = device(losses)
    return (xp.asarray(stop, dtype=xp.int64, device=where),
            xp.asarray(best_epoch, dtype=xp.int64, device=where))
