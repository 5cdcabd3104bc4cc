"""Property and stochastic checks of ddpm_reverse_step (named by the spec's cases)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import stats

from mlcanon.checks import CheckFailed, assert_close, property_check, require_p, stochastic_check


def _schedule(params: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """beta_1..beta_T and alpha_bar_0..alpha_bar_T of the linear schedule (float64)."""
    steps = int(params.get("num_steps", 50))
    beta = np.linspace(float(params.get("beta_start", 1e-4)),
                       float(params.get("beta_end", 0.1)), steps)
    return beta, np.concatenate([[1.0], np.cumprod(1 - beta)])


def _per_sample(values: np.ndarray, like: np.ndarray) -> np.ndarray:
    if not values.ndim:
        return values
    return values.reshape(values.shape + (1,) * (like.ndim - values.ndim))


@property_check("reverse_mean_is_posterior_mean")
def reverse_mean_is_posterior_mean(run: Any, inputs: dict[str, np.ndarray],
                                   params: dict[str, Any], dtype: str, bound: Any) -> None:
    """With z = 0 the step is the mean of q(x_{t-1} | x_t, x0) at the x0 that eps_hat
    implies, x0 = (x_t - sqrt(1 - a_t) eps_hat)/sqrt(a_t): the two DDPM derivations agree."""
    beta, abar = _schedule(params)
    t = inputs["t"].astype(np.int64)
    xt, eps = (inputs[k].astype(dtype).astype(np.float64) for k in ("xt", "eps_hat"))
    b, now, before = (_per_sample(v, xt) for v in (beta[t - 1], abar[t], abar[t - 1]))
    x0 = (xt - np.sqrt(1 - now) * eps) / np.sqrt(now)
    mean = (np.sqrt(before) * b / (1 - now)) * x0 + (np.sqrt(1 - b) * (1 - before) / (1 - now)) * xt
    zero = {**inputs, "z": np.zeros_like(inputs["xt"])}
    # x0 is recovered by dividing by sqrt(a_t), which amplifies rounding at large t
    loose = type(bound)(bound.eps, bound.k * 8, bound.printed_atol)
    assert_close(run(zero, params)["x_prev"], mean, loose, "x_(t-1) versus the posterior mean")


@stochastic_check("reverse_noise_gaussian")
def reverse_noise_gaussian(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str) -> None:
    """Drawn z: (x_{t-1} - mean)/sigma_t is N(0, 1) (Kolmogorov-Smirnov), with the mean the
    step's own result at z = 0; the same seed repeats and seed + 1 differs."""
    beta, abar = _schedule(params)
    t = inputs["t"].astype(np.int64)
    if params.get("variance", "beta") == "beta":
        var = beta[t - 1]
    else:
        var = (1 - abar[t - 1]) / (1 - abar[t]) * beta[t - 1]
    sigma = _per_sample(np.sqrt(var), inputs["xt"])
    drawn = run(inputs, params)["x_prev"].astype(np.float64)
    mean = run({**inputs, "z": np.zeros_like(inputs["xt"])}, params)["x_prev"].astype(np.float64)
    residual = (drawn - mean) / sigma
    require_p(stats.kstest(residual.ravel(), "norm").pvalue,
              f"residual mean {residual.mean():.4g}, std {residual.std():.4g} is not N(0, 1)")
    if not np.array_equal(run(inputs, params)["x_prev"], drawn.astype(dtype)):
        msg = f"seed {params.get('seed', 0)} gave different noise on a second call"
        raise CheckFailed(msg)
    other = run(inputs, {**params, "seed": int(params.get("seed", 0)) + 1})["x_prev"]
    if np.array_equal(other.astype(np.float64), drawn) and not math.isclose(float(sigma.max()), 0):
        msg = "seed + 1 gave the same noise: the seed is ignored"
        raise CheckFailed(msg)
