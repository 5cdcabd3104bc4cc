"""The oracle of autoregressive_generation: one sequence at a time, probabilities in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _next_token_probs(weights: np.ndarray, context: list[int],
                      temperature: object) -> list[object]:
    block = weights.shape[0]
    window = context[-block:]  # the crop: only the last block tokens reach the model
    logits = [sum(weights[p, token, v] for p, token in enumerate(window))
              for v in range(weights.shape[2])]
    top = max(logits)
    e = [mpa.mp.exp((z - top) / temperature) for z in logits]
    return [x / sum(e) for x in e]


@oracle("autoregressive_generation")
def autoregressive_generation(weights: np.ndarray, prompt: np.ndarray,
                              uniforms: np.ndarray | None = None, *, steps: int = 4,
                              temperature: float = 0.8, seed: int = 0) -> np.ndarray:
    """With uniforms the draws are given and every output is fixed: token t is the
    smallest i with uniforms[t] < P(token <= i). Without them only point masses (one
    token of non-zero probability at every step) have a seed-free answer."""
    out = np.zeros((prompt.shape[0], steps), dtype=np.int64)
    for row in range(prompt.shape[0]):
        context = [int(t) for t in prompt[row]]
        for t in range(steps):
            probs = _next_token_probs(weights, context, mpa.mpf(temperature))
            if uniforms is None:
                support = [i for i, p in enumerate(probs) if p != 0]
                if len(support) != 1:
                    msg = f"row {row} step {t} is not a point mass: its token depends on the stream"
                    raise ValueError(msg)
                token = support[0]
            else:
                cumulative, token = mpa.mpf(0), None
                for i, p in enumerate(probs):
                    cumulative += p
                    if token is None and uniforms[row, t] < cumulative:
                        token = i
            context.append(token)
            out[row, t] = token
    return out
