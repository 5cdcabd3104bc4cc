"""The oracle of temperature_sampling: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.sampling_decoding._oracle import softmax_last


@oracle("temperature_sampling")
def temperature_sampling(logits: np.ndarray, *, temperature: float = 1.0,
                         num_samples: int = 1, seed: int = 0) -> np.ndarray:
    """Only rows whose distribution is a point mass have a seed-free answer.

    A row with one finite logit and every other logit -inf draws that index every time,
    on every backend; any other row is random and is judged by the stochastic check
    ``categorical_fit`` instead, so the oracle refuses it.
    """
    if not temperature > 0:
        msg = f"temperature must be > 0, got {temperature!r}"
        raise ValueError(msg)
    probs = softmax_last(logits / mpa.mpf(temperature))
    out = np.zeros((*logits.shape[:-1], num_samples), dtype=np.int64)
    for row in np.ndindex(logits.shape[:-1]):
        support = [i for i in range(logits.shape[-1]) if probs[(*row, i)] != 0]
        if len(support) != 1:
            msg = f"row {row} is not a point mass; its samples depend on the random stream"
            raise ValueError(msg)
        out[row] = support[0]
    return out
