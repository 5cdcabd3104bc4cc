"""The LMS / NLMS adaptive FIR filter on any array namespace, sample by sample."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.optimizers._portable import check_choice


def lms_adaptive_filter(xp: Any, x: Any, d: Any, *, taps: int = 4, mu: float = 0.01,
                        form: str = "lms", eps: float = 1e-8) -> tuple[Any, Any, Any]:
    if x.ndim != 1 or tuple(d.shape) != tuple(x.shape):
        msg = f"x and d must be vectors of one length, got {tuple(x.shape)} and {tuple(d.shape)}"
        raise ValueError(msg)
    check_choice("form", form, ("lms", "nlms"))
    if taps < 1 or mu < 0 or eps < 0:
        msg = f"need taps >= 1, mu >= 0 and eps >= 0, got {taps!r}, {mu!r}, {eps!r}"
        raise ValueError(msg)
    n = x.shape[0]
    # x with taps - 1 zeros in front: the regressor of sample t is a reversed window of it
    padded = xp.concat([xp.zeros((taps - 1,), dtype=x.dtype), x])
    w = xp.zeros((taps,), dtype=x.dtype)
    ys, es = [], []
    for t in range(n):
        u = xp.flip(padded[t:t + taps])
        y = xp.sum(w * u)
        e = d[t] - y
        step = mu * e if form == "lms" else mu * e / (eps + xp.sum(u * u))
        w = w + step * u
        ys.append(y)
        es.append(e)
    if n == 0:
        empty = xp.zeros((0,), dtype=x.dtype)
        return empty, empty, w
    return xp.stack(ys), xp.stack(es), w
