"""Temperature sampling on any array namespace: Gumbel-max draws from softmax(z / T)."""

from __future__ import annotations

from typing import Any

import numpy as np
from array_api_compat import device


def temperature_sampling(xp: Any, logits: Any, *, temperature: float = 1.0,
                         num_samples: int = 1, seed: int = 0) -> Any:
    if not temperature > 0:
        msg = f"temperature must be > 0, got {temperature!r}"
        raise ValueError(msg)
    z = logits / temperature
    # the array API has no random module: the noise is drawn on the host, as numpy's
    # default_rng(seed) stream, then moved to the logits' device and dtype
    rng = np.random.default_rng(seed)
    draw = rng.gumbel(size=(*z.shape[:-1], num_samples, z.shape[-1]))
    noise = xp.asarray(draw, dtype=z.dtype, device=device(z))
    # Gumbel-max: argmax(z + G) ~ Categorical(softmax(z)) with no exp to overflow, and a
    # -inf logit can never win
    return xp.astype(xp.argmax(z[..., None, :] + noise, axis=-1), xp.int64)
