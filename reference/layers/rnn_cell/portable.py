"""One Elman RNN step on any array namespace (torch's weight layout and two biases)."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import check_cell, gate_preactivations


def rnn_cell(xp: Any, x: Any, h: Any, weight_ih: Any, weight_hh: Any, bias_ih: Any = None,
             bias_hh: Any = None, *, activation: str = "tanh") -> Any:
    if activation not in ("tanh", "relu"):
        msg = f"activation must be 'tanh' or 'relu', got {activation!r}"
        raise ValueError(msg)
    check_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, gates=1)
    (from_x,) = gate_preactivations(xp, x, weight_ih, bias_ih, 1)
    (from_h,) = gate_preactivations(xp, h, weight_hh, bias_hh, 1)
    pre = from_x + from_h
    return xp.tanh(pre) if activation == "tanh" else xp.maximum(pre, xp.zeros_like(pre))
