"""The oracle of bidirectional_rnn: two explicit time loops, then concatenation (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import affine_rows, mp_activation


def _run(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray | None,
         b_hh: np.ndarray | None, activation: str, steps: range) -> np.ndarray:
    t_len, n, _ = x.shape
    states = np.empty((t_len, n, w_hh.shape[0]), dtype=object)
    h = np.full((n, w_hh.shape[0]), mpa.mpf(0), dtype=object)
    for t in steps:
        h = mp_activation(activation, affine_rows(x[t], w_ih, 0 if b_ih is None else b_ih)
                          + affine_rows(h, w_hh, 0 if b_hh is None else b_hh))
        states[t] = h
    return states


@oracle("bidirectional_rnn")
def bidirectional_rnn(x: np.ndarray, weight_ih: np.ndarray, weight_hh: np.ndarray,
                      weight_ih_reverse: np.ndarray, weight_hh_reverse: np.ndarray,
                      bias_ih: np.ndarray | None = None, bias_hh: np.ndarray | None = None,
                      bias_ih_reverse: np.ndarray | None = None,
                      bias_hh_reverse: np.ndarray | None = None, *,
                      activation: str = "tanh") -> np.ndarray:
    if x.ndim != 3 or activation not in ("tanh", "relu"):
        msg = f"x must be (T, N, I) and activation tanh or relu, got {x.shape}, {activation!r}"
        raise ValueError(msg)
    t_len = x.shape[0]
    forward = _run(x, weight_ih, weight_hh, bias_ih, bias_hh, activation, range(t_len))
    backward = _run(x, weight_ih_reverse, weight_hh_reverse, bias_ih_reverse, bias_hh_reverse,
                    activation, range(t_len - 1, -1, -1))
    return np.concatenate([forward, backward], axis=-1)
