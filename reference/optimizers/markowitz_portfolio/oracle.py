"""The oracle of markowitz_portfolio: the KKT system of the equality-constrained quadratic,
solved in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("markowitz_portfolio")
def markowitz_portfolio(cov: np.ndarray, mu: np.ndarray, *,
                        risk_tolerance: float = 1.0) -> np.ndarray:
    lam = mpa.mpf(risk_tolerance)
    n = len(mu)
    # stationarity 2 S w - lam mu - nu 1 = 0 and feasibility 1^T w = 1, unknowns (w, nu)
    kkt = mpa.mp.matrix(n + 1, n + 1)
    rhs = mpa.mp.matrix(n + 1, 1)
    for i in range(n):
        for j in range(n):
            kkt[i, j] = 2 * cov[i, j]
        kkt[i, n] = -1
        kkt[n, i] = 1
        rhs[i] = lam * mu[i]
    rhs[n] = 1
    solution = mpa.mp.lu_solve(kkt, rhs)
    return np.asarray([solution[i] for i in range(n)], dtype=object)
