"""Helpers several modern_ml portable implementations share: DDPM schedules on the host.

The schedule is a table of T numbers computed once in float64 on the host (as diffusers
does in its scheduler), with log1p/expm1 so that 1 - alpha_bar keeps its digits where
alpha_bar is close to 1, then moved to the device in the run's dtype.
"""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device

SCHEDULES = ("linear", "cosine")
COSINE_OFFSET = 0.008  # Nichol & Dhariwal's s
MAX_BETA = 0.999  # and their clip of beta


def schedule_betas(num_steps: int, beta_start: float, beta_end: float,
                   schedule: str) -> list[float]:
    """beta_1 .. beta_T (index 0 holds beta_1), validated."""
    if schedule not in SCHEDULES:
        msg = f"schedule must be one of {SCHEDULES}, got {schedule!r}"
        raise ValueError(msg)
    if num_steps < 1:
        msg = f"num_steps must be >= 1, got {num_steps}"
        raise ValueError(msg)
    if schedule == "cosine":
        def f(t: int) -> float:
            angle = (t / num_steps + COSINE_OFFSET) / (1 + COSINE_OFFSET) * math.pi / 2
            return math.cos(angle) ** 2

        return [min(1 - f(t) / f(t - 1), MAX_BETA) for t in range(1, num_steps + 1)]
    if not (0 < beta_start < 1 and 0 < beta_end < 1):
        msg = f"beta_start and beta_end must lie in (0, 1), got {beta_start!r}, {beta_end!r}"
        raise ValueError(msg)
    if num_steps == 1:
        return [beta_start]
    step = (beta_end - beta_start) / (num_steps - 1)
    return [beta_start + step * s for s in range(num_steps)]


def log_alpha_bar(betas: list[float]) -> list[float]:
    """ln alpha_bar_t for t = 0 .. T (exactly summed logs of 1 - beta_s)."""
    logs = [math.log1p(-b) for b in betas]
    return [math.fsum(logs[:t]) for t in range(len(betas) + 1)]


def check_steps(xp: Any, t: Any, num_steps: int) -> None:
    """t must be integer time steps in [0, T]."""
    if t.ndim > 1:
        msg = f"t must be a scalar or a vector of one step per sample, got shape {tuple(t.shape)}"
        raise ValueError(msg)
    if t.shape != (0,) and (xp.any(t < 0) or xp.any(t > num_steps)):
        msg = f"time steps t must lie in [0, {num_steps}] (1-indexed, 0 = clean data)"
        raise ValueError(msg)


def lookup(xp: Any, table: list[float], t: Any, like: Any) -> Any:
    """table[t] in like's dtype and device, shaped to broadcast over like (t: () or (B,))."""
    values = xp.asarray(table, dtype=like.dtype, device=device(like))
    picked = xp.take(values, xp.reshape(t, (-1,)), axis=0)
    if t.ndim == 0:
        return xp.reshape(picked, ())
    return xp.reshape(picked, (t.shape[0],) + (1,) * (like.ndim - 1))


def linear_recurrence(xp: Any, a: Any, b: Any, h0: Any = None) -> Any:
    """h_k = a_k ⊙ h_{k-1} + b_k along axis -2 of b (time), from h_{-1} = h0 (default 0).

    a broadcasts against one time slice of b (a constant A_bar) or has b's shape (a
    selective, time-varying one). A sequential loop: the order of the canon's recurrence,
    so its rounding is the reference's.
    """
    steps = b.shape[-2]
    state = xp.zeros_like(b[..., 0, :]) if h0 is None else h0 + xp.zeros_like(b[..., 0, :])
    varying = a.ndim >= 2 and a.shape[-2] == steps and a.ndim == b.ndim
    out = []
    for k in range(steps):
        factor = a[..., k, :] if varying else a
        state = factor * state + b[..., k, :]
        out.append(state)
    return xp.stack(out, axis=-2)
