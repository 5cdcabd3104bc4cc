"""The oracle of lms_adaptive_filter: the tap-by-tap recursion in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _over(num: object, den: object) -> object:
    # IEEE 0 / 0 (a silent input with eps = 0): mpmath would raise
    return num / den if den != 0 else mpa.mpf("nan")


@oracle("lms_adaptive_filter")
def lms_adaptive_filter(x: np.ndarray, d: np.ndarray, *, taps: int = 4, mu: float = 0.01,
                        form: str = "lms", eps: float = 1e-8
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mu, eps = mpa.mpf(mu), mpa.mpf(eps)
    n = len(x)
    w = [mpa.mpf(0)] * taps
    ys, es = [], []
    for t in range(n):
        # u_t[k] = x[t - k], zero before the signal starts
        u = [x[t - k] if t - k >= 0 else mpa.mpf(0) for k in range(taps)]
        y = sum(w[k] * u[k] for k in range(taps))
        e = d[t] - y
        if form == "lms":
            gain = mu
        else:
            gain = _over(mu, eps + sum(v * v for v in u))
        w = [w[k] + gain * e * u[k] for k in range(taps)]
        ys.append(y)
        es.append(e)
    return np.asarray(ys, dtype=object), np.asarray(es, dtype=object), np.asarray(w, dtype=object)
