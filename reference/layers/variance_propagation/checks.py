"""Stochastic check of variance_propagation: the mean square of every layer's pre-activations
has the expectation that Var(z) = n_in·Var(w)·E[h²] predicts, over many independent seeds."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from mlcanon.checks import CheckFailed, require_p, stochastic_check


def expected_mean_squares(x: np.ndarray, depth: int, width: int, scheme: str,
                          activation: str) -> np.ndarray:
    """E[mean z_l²] for l = 1..depth, exact for weights independent of their input.

    Given h, z_j = Σ_i W_ji h_i is N(0, σ²‖h‖²), so E[z_j²] = σ²·n_in·E[mean h²]; relu keeps
    half of a symmetric variable's second moment, E[relu(z)²] = E[z²]/2.
    """
    fan_in = x.shape[1]
    moment = float(np.mean(x.astype(np.float64) ** 2))  # the input layer is not activated
    out = []
    for _ in range(depth):
        var_w = 2.0 / fan_in if scheme == "he" else 2.0 / (fan_in + width)
        moment = fan_in * var_w * moment
        out.append(moment)
        moment = moment / 2.0 if activation == "relu" else moment
        fan_in = width
    return np.asarray(out)


@stochastic_check("mean_square_per_layer")
def mean_square_per_layer(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, *, runs: int = 200) -> None:
    """runs seeds give runs independent networks: at the first, middle and last layer a
    t-test of the ratio mean square / expectation against 1 (3 decisions, Bonferroni)."""
    depth, width = int(params.get("depth", 10)), int(params.get("width", 64))
    expected = expected_mean_squares(inputs["x"], depth, width, params.get("scheme", "he"),
                                     params.get("activation", "relu"))
    first = int(params.get("seed", 0))
    draws = np.stack([run(inputs, {**params, "seed": first + r})["ms"].astype(np.float64)
                      for r in range(runs)])
    if draws.shape != (runs, depth):
        msg = f"output shape {draws.shape[1:]}, expected ({depth},)"
        raise CheckFailed(msg)
    again = run(inputs, {**params, "seed": first})["ms"].astype(np.float64)
    if not np.array_equal(again, draws[0]):
        msg = f"the same seed {first} gave different networks: {again} versus {draws[0]}"
        raise CheckFailed(msg)
    if np.array_equal(draws[0], draws[1]):
        msg = "seed + 1 gave the same network: the seed is ignored"
        raise CheckFailed(msg)
    layers = sorted({0, depth // 2, depth - 1})
    for layer in layers:
        ratios = draws[:, layer] / expected[layer]
        require_p(float(stats.ttest_1samp(ratios, 1.0).pvalue),
                  f"layer {layer + 1}: mean square {np.mean(draws[:, layer]):.6g} over {runs} "
                  f"networks versus the expected {expected[layer]:.6g} (ratio "
                  f"{np.mean(ratios):.4g})", tests=len(layers))
