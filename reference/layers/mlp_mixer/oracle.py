"""The oracle of mlp_mixer: one Mixer block by explicit loops over tokens and channels (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _act(name: str, z: object) -> object:
    if name == "gelu":
        return z * (1 + mpa.mp.erf(z / mpa.mp.sqrt(2))) / 2
    inner = mpa.mp.sqrt(2 / mpa.mp.pi) * (z + mpa.mpf("0.044715") * z**3)
    return z * (1 + mpa.mp.tanh(inner)) / 2


def _layer_norm(row: list, eps: object) -> list:
    mean = sum(row) / len(row)
    var = sum((v - mean) ** 2 for v in row) / len(row)
    return [(v - mean) / mpa.mp.sqrt(var + eps) for v in row]


def _mlp(v: list, w1: np.ndarray, b1: object, w2: np.ndarray, b2: object, act: str) -> list:
    """w2·act(w1·v + b1) + b2 on one vector, written as sums."""
    hidden = [_act(act, sum(w1[j, i] * v[i] for i in range(len(v))) + (0 if b1 is None else b1[j]))
              for j in range(w1.shape[0])]
    return [sum(w2[k, j] * hidden[j] for j in range(len(hidden))) + (0 if b2 is None else b2[k])
            for k in range(w2.shape[0])]


@oracle("mlp_mixer")
def mlp_mixer(x: np.ndarray, token_weight1: np.ndarray, token_weight2: np.ndarray,
              channel_weight1: np.ndarray, channel_weight2: np.ndarray,
              token_bias1: np.ndarray | None = None, token_bias2: np.ndarray | None = None,
              channel_bias1: np.ndarray | None = None, channel_bias2: np.ndarray | None = None,
              *, activation: str = "gelu", eps: float = 1e-6) -> np.ndarray:
    if activation not in ("gelu", "gelu_tanh"):
        msg = f"activation must be gelu or gelu_tanh, got {activation!r}"
        raise ValueError(msg)
    if x.ndim < 2:
        msg = f"x must be (..., S, C), got shape {x.shape}"
        raise ValueError(msg)
    s, c = x.shape[-2:]
    if token_weight1.shape[1] != s or token_weight2.shape != (s, token_weight1.shape[0]) or \
            channel_weight1.shape[1] != c or channel_weight2.shape != (c, channel_weight1.shape[0]):
        msg = f"weights do not fit S = {s}, C = {c}"
        raise ValueError(msg)
    e = mpa.mpf(eps)
    y = np.empty(x.shape, dtype=object)
    for lead in np.ndindex(*x.shape[:-2]):
        tokens = x[lead]
        normed = [_layer_norm(list(tokens[p]), e) for p in range(s)]
        u = np.empty((s, c), dtype=object)
        for ch in range(c):  # token mixing: one MLP over positions, per channel
            column = [normed[p][ch] for p in range(s)]
            mixed = _mlp(column, token_weight1, token_bias1, token_weight2, token_bias2,
                         activation)
            for p in range(s):
                u[p, ch] = tokens[p, ch] + mixed[p]
        for p in range(s):  # channel mixing: one MLP over channels, per position
            mixed = _mlp(_layer_norm(list(u[p]), e), channel_weight1, channel_bias1,
                         channel_weight2, channel_bias2, activation)
            for ch in range(c):
                y[(*lead, p, ch)] = u[p, ch] + mixed[ch]
    return y
