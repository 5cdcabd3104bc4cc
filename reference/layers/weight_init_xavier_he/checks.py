"""Stochastic check of weight_init_xavier_he: the drawn weights follow the scheme's law."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import stats

from mlcanon.checks import CheckFailed, require_p, stochastic_check

TESTS = 2  # the KS test and the second-moment z-test share the false-alarm rate


def scheme_std(shape: tuple[int, ...], scheme: str, mode: str) -> float:
    """σ of the scheme for a torch-layout weight (out, in, *kernel)."""
    receptive = math.prod(shape[2:])
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    fan = fan_in if mode == "fan_in" else fan_out
    variance = {"xavier": 2.0 / (fan_in + fan_out), "he": 2.0 / fan, "lecun": 1.0 / fan}[scheme]
    return math.sqrt(variance)


@stochastic_check("init_distribution")
def init_distribution(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                      dtype: str, *, std: float | None = None, bound: float | None = None,
                      printed_atol: float = 0.0) -> None:
    """Shape, support, law (Kolmogorov-Smirnov) and scale (mean of w², a z-test) of the draw.

    A book case gives the printed σ or bound; it must agree with the scheme's own value to
    the printed digit before the sample is tested against it.
    """
    shape = inputs["weight"].shape
    scheme, mode = params.get("scheme", "he"), params.get("mode", "fan_in")
    uniform = params.get("distribution", "normal") == "uniform"
    sigma = scheme_std(shape, scheme, mode)
    printed = std if std is not None else bound
    exact = sigma * math.sqrt(3.0) if uniform else sigma
    if printed is not None and abs(printed - exact) > printed_atol + 1e-15:
        msg = f"the book's value {printed!r} is not the scheme's {exact!r}"
        raise CheckFailed(msg)
    w = run(inputs, params)["w"]
    if w.shape != shape:
        msg = f"output shape {w.shape}, expected {shape}"
        raise CheckFailed(msg)
    w = w.astype(np.float64).ravel()
    if uniform:
        a = float(np.asarray(exact, dtype=dtype))
        if np.any(np.abs(w) > a):
            msg = f"a draw {float(np.max(np.abs(w)))!r} lies outside the bound ±{a!r}"
            raise CheckFailed(msg)
        law = stats.uniform(loc=-a, scale=2 * a)
        second, spread = a * a / 3.0, math.sqrt(4.0 * a**4 / 45.0)
    else:
        law = stats.norm(scale=sigma)
        second, spread = sigma * sigma, math.sqrt(2.0) * sigma * sigma
    require_p(stats.kstest(w, law.cdf).pvalue,
              f"the draws do not follow {'U(±a)' if uniform else 'N(0, σ²)'} with σ = {sigma:.6g}",
              tests=TESTS)
    z = (np.mean(w * w) - second) / (spread / math.sqrt(w.size))
    require_p(2.0 * stats.norm.sf(abs(z)),
              f"mean of w² {np.mean(w * w):.6g} versus σ² = {second:.6g} (z = {z:.3g})",
              tests=TESTS)
    again = run(inputs, params)["w"].astype(np.float64).ravel()
    if not np.array_equal(again, w):
        msg = f"the same seed {params.get('seed', 0)} gave different weights"
        raise CheckFailed(msg)
    other = run(inputs, {**params, "seed": int(params.get("seed", 0)) + 1})["w"]
    if np.array_equal(other.astype(np.float64).ravel(), w):
        msg = "seed + 1 gave the same weights: the seed is ignored"
        raise CheckFailed(msg)
