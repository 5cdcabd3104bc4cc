"""Stochastic and property checks of temperature_sampling (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import (
    CheckFailed,
    chi_square_pvalue,
    require_p,
    require_support,
    stochastic_check,
)


def _softmax64(z: np.ndarray) -> np.ndarray:
    """Float64 probabilities along the last axis (max-shifted; -inf gets exactly 0)."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@stochastic_check("categorical_fit")
def categorical_fit(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, *, input: str = "logits", output: str = "samples") -> None:
    """Samples follow softmax(logits / T): chi-square over every row, exact facts exactly.

    Exact facts: integer samples of shape (..., num_samples) in [0, n); categories of
    probability 0 (logit -inf) never drawn; the same seed gives the same samples and
    another seed other samples.
    """
    logits = np.asarray(inputs[input], dtype=np.float64).astype(dtype).astype(np.float64)
    temperature = float(params.get("temperature", 1.0))
    num_samples = int(params.get("num_samples", 1))
    n = logits.shape[-1]
    samples = run(inputs, params)[output]
    if samples.dtype.kind not in "iu":
        msg = f"samples have dtype {samples.dtype}, expected an integer dtype"
        raise CheckFailed(msg)
    want = (*logits.shape[:-1], num_samples)
    if samples.shape != want:
        msg = f"samples have shape {samples.shape}, expected {want}"
        raise CheckFailed(msg)
    if samples.min() < 0 or samples.max() >= n:
        msg = f"samples outside [0, {n}): min {samples.min()}, max {samples.max()}"
        raise CheckFailed(msg)
    probs = _softmax64(logits / temperature).reshape(-1, n)
    rows = samples.reshape(-1, num_samples)
    counts = np.stack([np.bincount(r, minlength=n) for r in rows])
    for i, (c, q) in enumerate(zip(counts, probs, strict=True)):
        require_support(c, q, f"row {i}")
    # one goodness-of-fit decision over all rows: each row's expected counts are q * N
    pvalue = chi_square_pvalue(counts.ravel(), probs.ravel())
    require_p(pvalue, f"sample counts {counts.tolist()} do not follow softmax(logits / "
                      f"{temperature:g}) = {np.round(probs, 4).tolist()}")
    again = run(inputs, params)[output]
    if not np.array_equal(again, samples):
        msg = f"seed {params.get('seed', 0)} gave different samples on a second call"
        raise CheckFailed(msg)
    other = run(inputs, {**params, "seed": int(params.get("seed", 0)) + 1})[output]
    if np.array_equal(other, samples) and probs.max() < 1:
        msg = "a different seed gave exactly the same samples: the seed is ignored"
        raise CheckFailed(msg)
