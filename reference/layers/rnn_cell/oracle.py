"""The oracle of rnn_cell: the plain formula by explicit sums (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import affine_rows, check_cell_shapes


@oracle("rnn_cell")
def rnn_cell(x: np.ndarray, h: np.ndarray, weight_ih: np.ndarray, weight_hh: np.ndarray,
             bias_ih: np.ndarray | None = None, bias_hh: np.ndarray | None = None, *,
             activation: str = "tanh") -> np.ndarray:
    check_cell_shapes(x, h, weight_ih, weight_hh, gates=1)
    pre = affine_rows(x, weight_ih, 0 if bias_ih is None else bias_ih) + \
        affine_rows(h, weight_hh, 0 if bias_hh is None else bias_hh)
    if activation == "tanh":
        return mpa.tanh(pre)
    if activation == "relu":
        return np.where(pre > 0, pre, mpa.mpf(0))
    msg = f"activation must be 'tanh' or 'relu', got {activation!r}"
    raise ValueError(msg)
