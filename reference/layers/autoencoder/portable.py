"""A one-layer autoencoder on any array namespace: encode, decode linearly, squared error."""

from __future__ import annotations

import math
from typing import Any

from mlcanon_reference.layers._portable import activation as apply_activation
from mlcanon_reference.layers._portable import dense

_ACTIVATIONS = ("tanh", "relu", "sigmoid", "identity")


def autoencoder(xp: Any, x: Any, weight_enc: Any, bias_enc: Any = None, weight_dec: Any = None,
                bias_dec: Any = None, *, activation: str = "tanh",
                reduction: str = "mean") -> tuple[Any, Any, Any]:
    if activation not in _ACTIVATIONS:
        msg = f"activation must be one of {_ACTIVATIONS}, got {activation!r}"
        raise ValueError(msg)
    if reduction not in ("mean", "sum"):
        msg = f"reduction must be 'mean' or 'sum', got {reduction!r}"
        raise ValueError(msg)
    if x.ndim < 1 or weight_enc.ndim != 2:
        msg = f"x {tuple(x.shape)} must be (..., d) and weight_enc (k, d)"
        raise ValueError(msg)
    dec = xp.matrix_transpose(weight_enc) if weight_dec is None else weight_dec
    if tuple(dec.shape) != (weight_enc.shape[1], weight_enc.shape[0]):
        msg = (f"weight_dec {tuple(dec.shape)} must be (d, k) = "
               f"{(weight_enc.shape[1], weight_enc.shape[0])}")
        raise ValueError(msg)
    z = apply_activation(xp, activation, dense(xp, x, weight_enc, bias_enc, "encoder"))
    x_hat = dense(xp, z, dec, bias_dec, "decoder")
    err = x - x_hat
    loss = xp.sum(err * err)
    return z, x_hat, loss / max(math.prod(err.shape), 1) if reduction == "mean" else loss
