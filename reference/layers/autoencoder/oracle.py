"""The oracle of autoencoder: encode, decode and the squared error by explicit sums (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import mp_activation


@oracle("autoencoder")
def autoencoder(x: np.ndarray, weight_enc: np.ndarray, bias_enc: np.ndarray | None = None,
                weight_dec: np.ndarray | None = None, bias_dec: np.ndarray | None = None, *,
                activation: str = "tanh", reduction: str = "mean"
                ) -> tuple[np.ndarray, np.ndarray, object]:
    if activation not in ("tanh", "relu", "sigmoid", "identity") or \
            reduction not in ("mean", "sum"):
        msg = f"unknown activation {activation!r} or reduction {reduction!r}"
        raise ValueError(msg)
    k, d = weight_enc.shape
    dec = weight_enc.T if weight_dec is None else weight_dec  # tied: W_dec = W_encᵀ
    if x.shape[-1] != d or dec.shape != (d, k):
        msg = f"weights {weight_enc.shape} and {dec.shape} do not fit d = {x.shape[-1]}"
        raise ValueError(msg)
    z = np.empty((*x.shape[:-1], k), dtype=object)
    x_hat = np.empty(x.shape, dtype=object)
    total = mpa.mpf(0)
    for lead in np.ndindex(*x.shape[:-1]):
        for j in range(k):
            pre = sum(weight_enc[j, i] * x[(*lead, i)] for i in range(d))
            z[(*lead, j)] = pre + (0 if bias_enc is None else bias_enc[j])
        z[lead] = mp_activation(activation, z[lead])
        for i in range(d):
            out = sum(dec[i, j] * z[(*lead, j)] for j in range(k))
            x_hat[(*lead, i)] = out + (0 if bias_dec is None else bias_dec[i])
            total += (x[(*lead, i)] - x_hat[(*lead, i)]) ** 2
    loss = total / x.size if reduction == "mean" else total
    return z, x_hat, np.asarray(loss, dtype=object)
