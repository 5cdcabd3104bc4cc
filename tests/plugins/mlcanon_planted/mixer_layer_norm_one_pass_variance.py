"""Planted bug: the Mixer's layer norm takes the variance in one pass, E[x²] − E[x]²,
which cancels catastrophically for tokens far from zero (large_offset)."""

import numpy as np


def _norm(v, eps):
    mean = v.mean(axis=-1, keepdims=True)
    var = (v * v).mean(axis=-1, keepdims=True) - mean * mean  # the bug: one pass
    return (v - mean) / np.sqrt(np.maximum(var, 0) + eps)


def _gelu(z, activation):
    from scipy.special import erf

    if activation == "gelu_tanh":
        return 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))
    return (0.5 * z * (1 + erf(z / np.sqrt(2)))).astype(z.dtype)


def _dense(v, w, b):
    return v @ w.T if b is None else v @ w.T + b


def mlp_mixer(x, token_weight1, token_weight2, channel_weight1, channel_weight2,
              token_bias1=None, token_bias2=None, channel_bias1=None, channel_bias2=None, *,
              activation="gelu", eps=1e-6):
    if activation not in ("gelu", "gelu_tanh") or x.ndim < 2:
        raise ValueError("bad mixer input")
    if token_weight2.shape[0] != x.shape[-2] or channel_weight2.shape[0] != x.shape[-1] or \
            token_weight1.shape[1] != x.shape[-2] or channel_weight1.shape[1] != x.shape[-1]:
        raise ValueError("weights do not fit")
    t = np.swapaxes(_norm(x, eps), -1, -2)
    t = _dense(_gelu(_dense(t, token_weight1, token_bias1), activation), token_weight2, token_bias2)
    u = x + np.swapaxes(t, -1, -2)
    h = _gelu(_dense(_norm(u, eps), channel_weight1, channel_bias1), activation)
    return (u + _dense(h, channel_weight2, channel_bias2)).astype(x.dtype)
