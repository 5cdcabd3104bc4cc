"""A learning-rate schedule on any array namespace: linear warmup from 0, then decay to final_lr."""

from __future__ import annotations

import math
from typing import Any

from mlcanon_reference.optimizers._portable import check_choice


def lr_schedule(xp: Any, t: Any, *, peak_lr: float = 1.0, warmup_steps: int = 0,
                total_steps: int = 100, final_lr: float = 0.0, decay: str = "cosine") -> Any:
    check_choice("decay", decay, ("cosine", "linear", "constant"))
    if warmup_steps < 0 or total_steps <= warmup_steps:
        msg = (f"need 0 <= warmup_steps < total_steps, got warmup_steps={warmup_steps}, "
               f"total_steps={total_steps}")
        raise ValueError(msg)
    if xp.any(t < 0):
        msg = "step indices must be >= 0"
        raise ValueError(msg)
    # past total_steps the schedule stays at its end value: progress is clipped to 1
    progress = xp.clip((t - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
    if decay == "cosine":
        after = final_lr + (peak_lr - final_lr) * (1 + xp.cos(math.pi * progress)) / 2
    elif decay == "linear":
        after = peak_lr + (final_lr - peak_lr) * progress
    else:
        after = xp.full_like(t, peak_lr)
    if warmup_steps == 0:
        return after
    return xp.where(t < warmup_steps, peak_lr * (t / warmup_steps), after)
