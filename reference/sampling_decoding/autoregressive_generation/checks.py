"""Stochastic checks of autoregressive_generation (named by the spec's cases)."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from mlcanon.checks import (
    CheckFailed,
    chi_square_pvalue,
    require_p,
    require_support,
    stochastic_check,
)


def _sequence_law(weights: np.ndarray, prompt: list[int], steps: int,
                  temperature: float) -> dict[tuple[int, ...], float]:
    """P(x_1..x_steps) by the chain rule, each factor from the cropped window."""
    block, v = weights.shape[0], weights.shape[1]
    law = {}
    for seq in itertools.product(range(v), repeat=steps):
        context, p = list(prompt), 1.0
        for token in seq:
            window = context[-block:]
            z = sum(weights[i, t] for i, t in enumerate(window)) / temperature
            q = np.exp(z - z.max())
            p *= q[token] / q.sum()
            context.append(token)
        law[seq] = p
    return law


@stochastic_check("generation_law")
def generation_law(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                   dtype: str, *, rows: int = 20000) -> None:
    """Tile the one prompt to ``rows`` independent rows; the generated sequences follow the
    model's joint law (chi-square over all V^steps outcomes), outcomes of probability 0
    never occur, and the seed fixes the samples."""
    weights = np.asarray(inputs["weights"], dtype=np.float64).astype(dtype).astype(np.float64)
    prompt = np.asarray(inputs["prompt"])
    steps = int(params.get("steps", 4))
    temperature = float(params.get("temperature", 0.8))
    tiled = {**inputs, "prompt": np.repeat(prompt[:1], rows, axis=0)}
    tokens = run(tiled, params)["tokens"]
    v = weights.shape[1]
    if tokens.dtype.kind not in "iu" or tokens.shape != (rows, steps):
        msg = (f"tokens have dtype {tokens.dtype} and shape {tokens.shape}, expected integers "
               f"of shape {(rows, steps)}")
        raise CheckFailed(msg)
    if tokens.min() < 0 or tokens.max() >= v:
        msg = f"tokens outside [0, {v}): min {tokens.min()}, max {tokens.max()}"
        raise CheckFailed(msg)
    law = _sequence_law(weights, [int(t) for t in prompt[0]], steps, temperature)
    index = np.ravel_multi_index(tokens.T, (v,) * steps)
    counts = np.bincount(index, minlength=v**steps)
    probs = np.array([law[s] for s in itertools.product(range(v), repeat=steps)])
    require_support(counts, probs, "sequences")
    require_p(chi_square_pvalue(counts, probs),
              f"the {rows} generated sequences do not follow the model's law")
    if not np.array_equal(run(tiled, params)["tokens"], tokens):
        msg = f"seed {params.get('seed', 0)} gave different tokens on a second call"
        raise CheckFailed(msg)
    other = run(tiled, {**params, "seed": int(params.get("seed", 0)) + 1})["tokens"]
    if np.array_equal(other, tokens):
        msg = "a different seed gave exactly the same tokens: the seed is ignored"
        raise CheckFailed(msg)
