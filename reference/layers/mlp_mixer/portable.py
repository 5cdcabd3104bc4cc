"""One MLP-Mixer block on any array namespace: token mixing over positions, then channel mixing."""

from __future__ import annotations

import math
from typing import Any

from mlcanon_reference.layers._portable import dense


def _layer_norm(xp: Any, v: Any, eps: float) -> Any:
    mean = xp.mean(v, axis=-1, keepdims=True)
    centred = v - mean  # two passes: E[x²] − E[x]² cancels for rows far from 0
    var = xp.mean(centred * centred, axis=-1, keepdims=True)
    return centred / xp.sqrt(var + eps)


def _gelu(xp: Any, z: Any, activation: str) -> Any:
    from mlcanon import xp as extra

    if activation == "gelu_tanh":
        return z * (1 + xp.tanh(math.sqrt(2 / math.pi) * (z + 0.044715 * z**3))) / 2
    return z * extra.special().erfc(-z / math.sqrt(2.0)) / 2


def mlp_mixer(xp: Any, x: Any, token_weight1: Any, token_weight2: Any, channel_weight1: Any,
              channel_weight2: Any, token_bias1: Any = None, token_bias2: Any = None,
              channel_bias1: Any = None, channel_bias2: Any = None, *,
              activation: str = "gelu", eps: float = 1e-6) -> Any:
    if activation not in ("gelu", "gelu_tanh"):
        msg = f"activation must be 'gelu' or 'gelu_tanh', got {activation!r}"
        raise ValueError(msg)
    if x.ndim < 2:
        msg = f"x must be (..., S, C) tokens by channels, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    s, c = x.shape[-2], x.shape[-1]
    if token_weight2.ndim != 2 or token_weight2.shape[0] != s:
        msg = f"token_weight2 {tuple(token_weight2.shape)} must return S = {s} positions"
        raise ValueError(msg)
    if channel_weight2.ndim != 2 or channel_weight2.shape[0] != c:
        msg = f"channel_weight2 {tuple(channel_weight2.shape)} must return C = {c} channels"
        raise ValueError(msg)
    # token mixing acts on the transposed (..., C, S) view: positions become the features
    t = xp.matrix_transpose(_layer_norm(xp, x, eps))
    t = dense(xp, _gelu(xp, dense(xp, t, token_weight1, token_bias1, "token mixing"), activation),
              token_weight2, token_bias2, "token mixing")
    u = x + xp.matrix_transpose(t)
    h = dense(xp, _layer_norm(xp, u, eps), channel_weight1, channel_bias1, "channel mixing")
    return u + dense(xp, _gelu(xp, h, activation), channel_weight2, channel_bias2,
                     "channel mixing")
