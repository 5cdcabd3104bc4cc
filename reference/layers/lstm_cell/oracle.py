"""The oracle of lstm_cell: the gate equations written out one gate at a time (mpmath)."""

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


@oracle("lstm_cell")
def lstm_cell(x: np.ndarray, h: np.ndarray, c: np.ndarray, weight_ih: np.ndarray,
              weight_hh: np.ndarray, bias_ih: np.ndarray | None = None,
              bias_hh: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    hidden = check_cell_shapes(x, h, weight_ih, weight_hh, gates=4)

    def gate(number: int) -> np.ndarray:
        w_x, b_x = gate_rows(weight_ih, bias_ih, number, hidden)
        w_h, b_h = gate_rows(weight_hh, bias_hh, number, hidden)
        return affine_rows(x, w_x, b_x) + affine_rows(h, w_h, b_h)

    input_gate, forget_gate = mp_sigmoid(gate(0)), mp_sigmoid(gate(1))
    candidate, output_gate = mpa.tanh(gate(2)), mp_sigmoid(gate(3))
    c_next = forget_gate * c + input_gate * candidate
    return output_gate * mpa.tanh(c_next), c_next
