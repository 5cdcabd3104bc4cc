"""The oracle of gru_cell: the gate equations one gate at a time, both reset placements (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import (
    affine_rows,
    check_cell_shapes,
    gate_rows,
    mp_sigmoid,
)


@oracle("gru_cell")
def gru_cell(x: np.ndarray, h: np.ndarray, weight_ih: np.ndarray, weight_hh: np.ndarray,
             bias_ih: np.ndarray | None = None, bias_hh: np.ndarray | None = None, *,
             reset_after: bool = True) -> np.ndarray:
    hidden = check_cell_shapes(x, h, weight_ih, weight_hh, gates=3)

    def from_x(number: int) -> np.ndarray:
        return affine_rows(x, *gate_rows(weight_ih, bias_ih, number, hidden))

    def from_h(number: int, state: np.ndarray) -> np.ndarray:
        return affine_rows(state, *gate_rows(weight_hh, bias_hh, number, hidden))

    reset = mp_sigmoid(from_x(0) + from_h(0, h))
    update = mp_sigmoid(from_x(1) + from_h(1, h))
    if reset_after:
        candidate = mpa.tanh(from_x(2) + reset * from_h(2, h))
    else:
        candidate = mpa.tanh(from_x(2) + from_h(2, reset * h))
    return (1 - update) * candidate + update * h
