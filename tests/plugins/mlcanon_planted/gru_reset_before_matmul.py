"""Planted bug: a GRU that applies the reset gate to h before the hidden matmul (Cho et al.,
Keras reset_after=False) while claiming torch's reset-after form, as weights ported between
the two conventions do."""

import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def gru_cell(x, h, weight_ih, weight_hh, bias_ih=None, bias_hh=None, *, reset_after=True):
    hidden = h.shape[-1]
    b_ih = np.zeros(3 * hidden, dtype=x.dtype) if bias_ih is None else bias_ih
    b_hh = np.zeros(3 * hidden, dtype=x.dtype) if bias_hh is None else bias_hh
    gx = x @ weight_ih.T + b_ih
    gh = h @ weight_hh.T + b_hh
    r = _sigmoid(gx[..., :hidden] + gh[..., :hidden])
    z = _sigmoid(gx[..., hidden:2 * hidden] + gh[..., hidden:2 * hidden])
    # the bug: reset_after is ignored and r always scales h before W_hn
    n = np.tanh(gx[..., 2 * hidden:] + (r * h) @ weight_hh[2 * hidden:].T + b_hh[2 * hidden:])
    return (1.0 - z) * n + z * h
