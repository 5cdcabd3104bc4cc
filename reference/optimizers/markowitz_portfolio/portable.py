"""Mean-variance (Markowitz) weights on any array namespace: the closed form of the
budget-constrained quadratic, shorts allowed."""

from __future__ import annotations

from typing import Any


def markowitz_portfolio(xp: Any, cov: Any, mu: Any, *, risk_tolerance: float = 1.0) -> Any:
    n = mu.shape[0] if mu.ndim == 1 else -1
    if n < 1 or tuple(cov.shape) != (n, n):
        msg = (f"need cov (n, n) and mu (n,) with n >= 1; got {tuple(cov.shape)} and "
               f"{tuple(mu.shape)}")
        raise ValueError(msg)
    if risk_tolerance < 0:
        msg = f"risk_tolerance must be >= 0, got {risk_tolerance!r}"
        raise ValueError(msg)
    ones = xp.ones_like(mu)
    # S^-1 mu and S^-1 1 in one solve
    solved = xp.linalg.solve(cov, xp.stack([mu, ones], axis=1))
    toward_return, toward_budget = solved[:, 0], solved[:, 1]
    # w = S^-1 (lam mu + nu 1) / 2 with nu chosen so that the weights sum to 1
    nu = (2 - risk_tolerance * xp.sum(toward_return)) / xp.sum(toward_budget)
    return (risk_tolerance * toward_return + nu * toward_budget) / 2
