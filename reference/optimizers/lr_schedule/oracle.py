"""The oracle of lr_schedule: the piecewise formula evaluated per step in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("lr_schedule")
def lr_schedule(t: np.ndarray, *, peak_lr: float = 1.0, warmup_steps: int = 0,
                total_steps: int = 100, final_lr: float = 0.0,
                decay: str = "cosine") -> np.ndarray:
    peak, final = mpa.mpf(peak_lr), mpa.mpf(final_lr)
    pi = mpa.mp.pi

    def at(step: object) -> object:
        if step < warmup_steps:
            return peak * step / warmup_steps
        if decay == "constant":
            return peak
        progress = min(mpa.mpf(1), (step - warmup_steps) / mpa.mpf(total_steps - warmup_steps))
        if decay == "linear":
            return peak + (final - peak) * progress
        return final + (peak - final) * (1 + mpa.mp.cos(pi * progress)) / 2

    out = np.empty(t.shape, dtype=object)
    for index in np.ndindex(t.shape):
        out[index] = at(t[index])
    return out
