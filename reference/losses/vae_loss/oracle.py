"""The oracle of vae_loss: squared reconstruction error plus the Gaussian KL, per example
(mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


@oracle("vae_loss")
def vae_loss(x: np.ndarray, x_hat: np.ndarray, mu: np.ndarray, logvar: np.ndarray, *,
             reduction: str = "sum") -> object:
    same_shape(x, x_hat)
    same_shape(mu, logvar)
    if x.ndim < 2 or mu.ndim < 2 or x.shape[0] != mu.shape[0]:
        msg = f"need batch-first x {x.shape} and mu {mu.shape} with one batch size"
        raise ValueError(msg)
    loss = np.empty(x.shape[0], dtype=object)
    for n in range(x.shape[0]):
        recon = sum(((a - b) ** 2 for a, b in zip(x[n].flat, x_hat[n].flat, strict=True)),
                    mp.mpf(0))
        # KL(N(mu, sigma^2) || N(0, 1)) per latent, with sigma^2 = e^logvar
        kl = sum(((m * m + mp.exp(v) - v - 1) / 2
                  for m, v in zip(mu[n].flat, logvar[n].flat, strict=True)), mp.mpf(0))
        loss[n] = recon + kl
    return reduce(loss, reduction)
