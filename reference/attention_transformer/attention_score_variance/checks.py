"""Stochastic check of attention_score_variance: Var(q·k) = d_k·σ⁴ and Var(q·k/√d_k) = σ⁴."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import stats

from mlcanon.checks import CheckFailed, binomial_pvalue, require_p, stochastic_check
from mlcanon.dtypes import eps

TESTS = 4  # two second-moment z-tests, the mean z-test and the tail test share the rate


def _second_moment_z(values: np.ndarray, mean_square: float, fourth: float) -> float:
    """z of the sample mean of values² against mean_square (the mean of values is 0)."""
    spread = math.sqrt((fourth - mean_square**2) / values.size)
    return float((np.mean(values * values) - mean_square) / spread)


@stochastic_check("score_variance")
def score_variance(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str,
                   *, var: float = 1.0, mu4: float = 3.0, beyond: float | None = None) -> None:
    """Scores of iid zero-mean pairs: mean 0, Var(q·k) = d·σ⁴, Var(q·k/√d) = σ⁴.

    The entries of q and k are iid with variance ``var`` (σ²) and standardized fourth moment
    ``mu4`` (3 for a normal, 9/5 for a uniform). For s = Σ q_i k_i, E s² = d σ⁴ and
    E s⁴ = σ⁸ (d·mu4² + 3 d (d − 1)), which sizes the z-tests on the sample mean of s².
    ``beyond`` also tests the share of |q·k| above it against the normal tail 2·Φ(−beyond/(σ²√d)).
    """
    d = inputs["q"].shape[-1]
    out = run(inputs, params)
    score, scaled = (out[name].astype(np.float64).ravel() for name in ("score", "scaled"))
    slack = 8 * eps(dtype) * (np.abs(score) / math.sqrt(d) + math.sqrt(d) * var)
    if np.any(np.abs(scaled - score / math.sqrt(d)) > slack):
        worst = int(np.argmax(np.abs(scaled - score / math.sqrt(d))))
        msg = (f"scaled[{worst}] = {scaled[worst]!r} is not score/sqrt({d}) = "
               f"{score[worst] / math.sqrt(d)!r}")
        raise CheckFailed(msg)
    fourth = var**4 * (d * mu4**2 + 3 * d * (d - 1))
    z = _second_moment_z(score, d * var**2, fourth)
    require_p(2 * stats.norm.sf(abs(z)),
              f"Var(q·k) ≈ {np.mean(score * score):.6g}, expected d_k·σ⁴ = {d * var**2:g} "
              f"(z = {z:.3g})", tests=TESTS)
    z = _second_moment_z(scaled, var**2, fourth / d**2)
    require_p(2 * stats.norm.sf(abs(z)),
              f"Var(q·k/√d_k) ≈ {np.mean(scaled * scaled):.6g}, expected σ⁴ = {var**2:g} "
              f"(z = {z:.3g})", tests=TESTS)
    z = float(np.mean(score) / math.sqrt(d * var**2 / score.size))
    require_p(2 * stats.norm.sf(abs(z)), f"mean of q·k {np.mean(score):.6g}, expected 0",
              tests=TESTS)
    if beyond is not None:
        tail = 2 * stats.norm.sf(beyond / (var * math.sqrt(d)))
        count = int(np.sum(np.abs(score) > beyond))
        require_p(binomial_pvalue(count, score.size, tail),
                  f"{count} of {score.size} scores beyond ±{beyond}, expected a share {tail:.4g}",
                  tests=TESTS)
