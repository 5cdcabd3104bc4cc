"""One DDPM reverse step on any array namespace: coefficient tables on the host (float64)."""

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

VARIANCES = ("beta", "beta_tilde")


def _tables(betas: list[float], variance: str) -> tuple[list[float], list[float], list[float]]:
    """1/sqrt(alpha_t), beta_t/sqrt(1 - alpha_bar_t) and sigma_t for t = 0 .. T (t = 0 unused)."""
    logs = log_alpha_bar(betas)
    one_minus = [-math.expm1(s) for s in logs]  # 1 - alpha_bar_t with its digits
    scale, eps_coef, sigma = [math.nan], [math.nan], [math.nan]
    for t in range(1, len(betas) + 1):
        b = betas[t - 1]
        scale.append(1 / math.sqrt(1 - b))
        eps_coef.append(b / math.sqrt(one_minus[t]))
        var = b if variance == "beta" else one_minus[t - 1] / one_minus[t] * b
        sigma.append(math.sqrt(var) if t > 1 else 0.0)  # the last step adds no noise
    return scale, eps_coef, sigma


def ddpm_reverse_step(xp: Any, xt: Any, eps_hat: Any, t: Any, z: Any = None, *,
                      num_steps: int = 50, beta_start: float = 0.0001, beta_end: float = 0.1,
                      schedule: str = "linear", variance: str = "beta", seed: int = 0) -> Any:
    if variance not in VARIANCES:
        msg = f"variance must be one of {VARIANCES}, got {variance!r}"
        raise ValueError(msg)
    betas = schedule_betas(num_steps, beta_start, beta_end, schedule)
    check_steps(xp, t, num_steps)
    if xp.any(t < 1):
        msg = "t = 0 has no reverse step: t must lie in [1, T]"
        raise ValueError(msg)
    if tuple(eps_hat.shape) != tuple(xt.shape) or (z is not None and
                                                   tuple(z.shape) != tuple(xt.shape)):
        msg = f"eps_hat and z must have xt's shape {tuple(xt.shape)}"
        raise ValueError(msg)
    if t.ndim == 1 and (xt.ndim == 0 or t.shape[0] != xt.shape[0]):
        msg = f"t {tuple(t.shape)} must give one step per sample of xt {tuple(xt.shape)}"
        raise ValueError(msg)
    if z is None:
        drawn = np.random.default_rng(seed).standard_normal(tuple(xt.shape))
        z = xp.asarray(drawn, dtype=xt.dtype, device=device(xt))
    scale, eps_coef, sigma = (lookup(xp, table, t, xt) for table in _tables(betas, variance))
    # sigma is 0 at t = 1, and where(): an inf or NaN z must not leak into the last step
    noise = xp.where(sigma > 0, sigma * z, xp.zeros_like(xt))
    return scale * (xt - eps_coef * eps_hat) + noise
