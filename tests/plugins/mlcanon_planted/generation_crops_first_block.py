"""Planted bug: autoregressive generation that crops the context to its first block tokens
(idx[:, :block_size]) instead of its last ones, so the model stops seeing new tokens once
the context outgrows the block."""

import numpy as np


def autoregressive_generation(weights, prompt, uniforms=None, *, steps=4, temperature=0.8,
                              seed=0):
    if uniforms is None:
        draws = np.random.default_rng(seed).random((prompt.shape[0], steps))
    else:
        draws = np.asarray(uniforms, dtype=np.float64)
    block = weights.shape[0]
    context = np.asarray(prompt, dtype=np.int64)
    for t in range(steps):
        window = context[:, :block]  # the bug: the first block tokens, not the last
        logits = sum(weights[p][window[:, p]] for p in range(window.shape[1])) / temperature
        e = np.exp(logits - logits.max(axis=-1, keepdims=True))
        cdf = np.cumsum(e, axis=-1)
        token = np.sum(cdf[:, :-1] <= draws[:, t:t + 1] * cdf[:, -1:], axis=-1)
        context = np.concatenate([context, token[:, None]], axis=1)
    return context[:, prompt.shape[1]:]
