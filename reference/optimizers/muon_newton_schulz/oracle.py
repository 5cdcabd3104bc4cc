"""The oracle of muon_newton_schulz: the odd matrix polynomial applied from the right, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

COEFFICIENTS = {"quintic": ("3.4445", "-4.7750", "2.0315"), "cubic": ("1.5", "-0.5", "0")}


@oracle("muon_newton_schulz")
def muon_newton_schulz(g: np.ndarray, *, steps: int = 5, form: str = "quintic",
                       eps: float = 1e-7) -> np.ndarray:
    # the coefficients are the decimal numbers the reference prints; the run rounds them
    # to float64 once, so the oracle does too
    a, b, c = (mpa.mpf(float(v)) for v in COEFFICIENTS[form])
    rows, cols = g.shape
    norm = mpa.sqrt(np.asarray([sum(v * v for v in g.reshape(-1))], dtype=object))[0]
    x = g / (norm + mpa.mpf(eps))
    for _ in range(steps):
        # X p(X^T X) = a X + b X (X^T X) + c X (X^T X)^2, the same as the left form
        gram = np.empty((cols, cols), dtype=object)
        for i in range(cols):
            for j in range(cols):
                gram[i, j] = sum(x[k, i] * x[k, j] for k in range(rows))
        poly = b * gram + c * (gram @ gram)
        for i in range(cols):
            poly[i, i] = poly[i, i] + a
        x = x @ poly
    return x
