"""The VAE reparameterization trick on any array namespace; ε drawn on the host if omitted."""

from __future__ import annotations

from typing import Any

import numpy as np
from array_api_compat import device


def vae_reparameterization(xp: Any, mu: Any, logvar: Any, eps: Any = None, *,
                           seed: int = 0) -> Any:
    if tuple(mu.shape) != tuple(logvar.shape) or \
            (eps is not None and tuple(eps.shape) != tuple(mu.shape)):
        msg = (f"mu {tuple(mu.shape)}, logvar {tuple(logvar.shape)} and eps "
               f"{None if eps is None else tuple(eps.shape)} must have one shape")
        raise ValueError(msg)
    if eps is None:
        draw = np.random.default_rng(seed).standard_normal(tuple(mu.shape))
        eps = xp.asarray(draw, dtype=mu.dtype, device=device(mu))
    return mu + xp.exp(0.5 * logvar) * eps
