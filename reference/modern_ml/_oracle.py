"""Oracle helpers several modern_ml concepts share: the DDPM noise schedules (mpmath)."""

from __future__ import annotations

from mlcanon import mparray as mpa

mp = mpa.mp

#: Nichol & Dhariwal's offset s and beta clip of the cosine schedule
COSINE_OFFSET = 0.008
MAX_BETA = 0.999


def betas(num_steps: int, beta_start: float, beta_end: float, schedule: str) -> list:
    """beta_1 .. beta_T as a plain list, index 0 holding beta_1 (checked like the canon)."""
    if num_steps < 1:
        msg = f"num_steps must be >= 1, got {num_steps}"
        raise ValueError(msg)
    if schedule == "linear":
        if not (0 < beta_start < 1 and 0 < beta_end < 1):
            msg = f"betas must lie in (0, 1), got {beta_start}, {beta_end}"
            raise ValueError(msg)
        start, end = mp.mpf(beta_start), mp.mpf(beta_end)
        if num_steps == 1:
            return [start]
        return [start + (end - start) * s / (num_steps - 1) for s in range(num_steps)]
    if schedule == "cosine":
        offset = mp.mpf(COSINE_OFFSET)

        def f(t: int) -> object:
            return mp.cos((mp.mpf(t) / num_steps + offset) / (1 + offset) * mp.pi / 2) ** 2

        return [min(1 - f(t) / f(t - 1), mp.mpf(MAX_BETA)) for t in range(1, num_steps + 1)]
    msg = f"unknown schedule {schedule!r}"
    raise ValueError(msg)


def alpha_bar(beta: list, t: int) -> object:
    """prod_{s=1}^{t} (1 - beta_s); 1 for t = 0 (1-indexed t, the DDPM paper's)."""
    if not 0 <= t <= len(beta):
        msg = f"t = {t} outside [0, {len(beta)}]"
        raise ValueError(msg)
    product = mp.mpf(1)
    for s in range(1, t + 1):
        product *= 1 - beta[s - 1]
    return product
