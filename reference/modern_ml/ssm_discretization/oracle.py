"""The oracle of ssm_discretization: the three rules per state, then the recurrence (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _discretize(a: object, b: object, delta: object, method: str) -> tuple:
    if method == "zoh":
        return mp.exp(delta * a), (mp.exp(delta * a) - 1) / a * b if a != 0 else delta * b
    if method == "bilinear":
        if 1 - delta * a / 2 == 0:
            msg = "bilinear rule singular at delta·A = 2"
            raise ValueError(msg)
        return (1 + delta * a / 2) / (1 - delta * a / 2), delta * b / (1 - delta * a / 2)
    if method == "mamba":
        return mp.exp(delta * a), delta * b
    msg = f"unknown method {method!r}"
    raise ValueError(msg)


@oracle("ssm_discretization")
def ssm_discretization(A: np.ndarray, B: np.ndarray, C: np.ndarray, D: np.ndarray,
                       u: np.ndarray, *, delta: float = 0.1,
                       method: str = "zoh") -> dict[str, np.ndarray]:
    if not delta > 0 or not A.shape == B.shape == C.shape:
        msg = f"delta {delta!r} must be > 0 and A, B, C one length"
        raise ValueError(msg)
    step = mp.mpf(delta)
    pairs = [_discretize(a, b, step, method) for a, b in zip(A, B, strict=True)]
    a_bar = np.array([p[0] for p in pairs], dtype=object)
    b_bar = np.array([p[1] for p in pairs], dtype=object)
    y = np.empty(u.shape, dtype=object)
    for lead in np.ndindex(u.shape[:-1]):
        state = [mp.mpf(0)] * len(pairs)
        for k in range(u.shape[-1]):
            state = [a * s + b * u[(*lead, k)] for (a, b), s in zip(pairs, state, strict=True)]
            now = u[(*lead, k)]
            y[(*lead, k)] = sum(c * s for c, s in zip(C, state, strict=True)) + D[()] * now
    return {"A_bar": a_bar, "B_bar": b_bar, "y": y}
