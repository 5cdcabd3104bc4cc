"""DDPM forward noising on any array namespace: the schedule on the host, the mix on device."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from array_api_compat import device

from mlcanon_reference.modern_ml._portable import (
    check_steps,
    log_alpha_bar,
    lookup,
    schedule_betas,
)


def ddpm_forward_noising(xp: Any, x0: Any, t: Any, noise: Any = None, *, num_steps: int = 50,
                         beta_start: float = 0.0001, beta_end: float = 0.1,
                         schedule: str = "linear", seed: int = 0) -> dict[str, Any]:
    betas = schedule_betas(num_steps, beta_start, beta_end, schedule)
    check_steps(xp, t, num_steps)
    if t.ndim == 1 and (x0.ndim == 0 or t.shape[0] != x0.shape[0]):
        msg = f"t {tuple(t.shape)} must give one step per sample of x0 {tuple(x0.shape)}"
        raise ValueError(msg)
    if noise is None:
        # the array API has no random module: draw on the host, then move
        drawn = np.random.default_rng(seed).standard_normal(tuple(x0.shape))
        noise = xp.asarray(drawn, dtype=x0.dtype, device=device(x0))
    elif tuple(noise.shape) != tuple(x0.shape):
        msg = f"noise shape {tuple(noise.shape)} must equal x0's {tuple(x0.shape)}"
        raise ValueError(msg)
    logs = log_alpha_bar(betas)
    # sqrt(1 - alpha_bar) through expm1: alpha_bar_1 = 0.9999 would lose digits in 1 - a
    signal = [math.exp(s / 2) for s in logs]
    spread = [math.sqrt(-math.expm1(s)) for s in logs]
    xt = lookup(xp, signal, t, x0) * x0 + lookup(xp, spread, t, x0) * noise
    abar = xp.asarray([math.exp(s) for s in logs], dtype=x0.dtype, device=device(x0))
    picked = xp.reshape(xp.take(abar, xp.reshape(t, (-1,)), axis=0), tuple(t.shape))
    return {"xt": xt, "alpha_bar": picked}
