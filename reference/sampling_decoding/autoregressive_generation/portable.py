"""Autoregressive generation on any array namespace: crop, score, sample, append, repeat.

The model is a table of position-dependent token logits: the next-token logits of a
context are sum_p weights[p, window[p]] over the window of its last block tokens,
block = weights.shape[0] (a GPT's learned position embeddings in miniature).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from array_api_compat import device


def _validate(xp: Any, weights: Any, prompt: Any, uniforms: Any, steps: int,
              temperature: float) -> None:
    if weights.ndim != 3 or weights.shape[0] < 1 or weights.shape[1] != weights.shape[2] \
            or weights.shape[1] < 1:
        msg = f"weights must be a (block, V, V) table with block >= 1, got {weights.shape}"
        raise ValueError(msg)
    if prompt.ndim != 2 or prompt.shape[1] < 1:
        msg = f"prompt must be (N, P) token ids with P >= 1, got shape {prompt.shape}"
        raise ValueError(msg)
    if steps < 1:
        msg = f"steps must be at least 1, got {steps}"
        raise ValueError(msg)
    if not temperature > 0:
        msg = f"temperature must be > 0, got {temperature!r}"
        raise ValueError(msg)
    v = weights.shape[1]
    if prompt.shape[0] and not (int(xp.min(prompt)) >= 0 and int(xp.max(prompt)) < v):
        msg = f"prompt token ids must lie in [0, {v})"
        raise ValueError(msg)
    if uniforms is None:
        return
    if tuple(uniforms.shape) != (prompt.shape[0], steps):
        msg = f"uniforms must have shape {(prompt.shape[0], steps)}, got {tuple(uniforms.shape)}"
        raise ValueError(msg)
    if uniforms.shape[0] and not (float(xp.min(uniforms)) >= 0 and float(xp.max(uniforms)) < 1):
        msg = "uniforms must lie in [0, 1)"
        raise ValueError(msg)


def autoregressive_generation(xp: Any, weights: Any, prompt: Any, uniforms: Any = None, *,
                              steps: int = 4, temperature: float = 0.8,
                              seed: int = 0) -> Any:
    _validate(xp, weights, prompt, uniforms, steps, temperature)
    n, block = prompt.shape[0], weights.shape[0]
    if uniforms is None:
        # the reference stream: numpy's default_rng(seed), one uniform per row and step,
        # on a 2**-24 grid so that it stays below 1 in float32
        draws = np.floor(np.random.default_rng(seed).random((n, steps)) * 2.0**24) / 2.0**24
        uniforms = xp.asarray(draws, dtype=weights.dtype, device=device(weights))
    context = xp.astype(prompt, xp.int64)
    for t in range(steps):
        window = context[:, -block:] if context.shape[1] > block else context
        logits = xp.take(weights[0, ...], window[:, 0], axis=0)
        for p in range(1, window.shape[1]):
            logits = logits + xp.take(weights[p, ...], window[:, p], axis=0)
        z = logits / temperature
        e = xp.exp(z - xp.max(z, axis=-1, keepdims=True))
        cdf = xp.cumulative_sum(e, axis=-1)
        # inverse CDF: the number of boundaries at or below u * total; zero-probability
        # tokens add no width and are skipped
        target = uniforms[:, t:t + 1] * cdf[:, -1:]
        token = xp.sum(xp.astype(cdf[:, :-1] <= target, xp.int64), axis=-1)
        context = xp.concat([context, token[:, None]], axis=1)
    return context[:, prompt.shape[1]:]
