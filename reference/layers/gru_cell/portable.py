"""One GRU step on any array namespace: gates r, z, n (torch's order), either reset placement."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import check_cell, gate_preactivations


def _sigmoid(xp: Any, z: Any) -> Any:
    return 0.5 * (xp.tanh(0.5 * z) + 1.0)  # finite everywhere, unlike 1/(1 + e^-z)


def gru_cell(xp: Any, x: Any, h: Any, weight_ih: Any, weight_hh: Any, bias_ih: Any = None,
             bias_hh: Any = None, *, reset_after: bool = True) -> Any:
    check_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, gates=3)
    r_x, z_x, n_x = gate_preactivations(xp, x, weight_ih, bias_ih, 3)
    r_h, z_h, n_h = gate_preactivations(xp, h, weight_hh, bias_hh, 3)
    r = _sigmoid(xp, r_x + r_h)
    z = _sigmoid(xp, z_x + z_h)
    if reset_after:
        n = xp.tanh(n_x + r * n_h)  # n_h carries b_hn: the reset gate scales it too
    else:
        hidden = h.shape[-1]
        w_hn = weight_hh[2 * hidden:, :]
        b_hn = None if bias_hh is None else bias_hh[2 * hidden:]
        (n_rh,) = gate_preactivations(xp, r * h, w_hn, b_hn, 1)
        n = xp.tanh(n_x + n_rh)
    return (1.0 - z) * n + z * h
