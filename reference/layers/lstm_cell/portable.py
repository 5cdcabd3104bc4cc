"""One LSTM step on any array namespace: packed gates in torch's order i, f, g, o."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import check_cell, gate_preactivations


def _sigmoid(xp: Any, z: Any) -> Any:
    # 1/(1 + e^-z) overflows e^-z for very negative z (harmlessly: 1/inf = 0); the tanh
    # form keeps every intermediate finite
    return 0.5 * (xp.tanh(0.5 * z) + 1.0)


def lstm_cell(xp: Any, x: Any, h: Any, c: Any, weight_ih: Any, weight_hh: Any,
              bias_ih: Any = None, bias_hh: Any = None) -> tuple[Any, Any]:
    check_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, gates=4)
    if tuple(c.shape) != tuple(h.shape):
        msg = f"c {tuple(c.shape)} must have the shape of h {tuple(h.shape)}"
        raise ValueError(msg)
    from_x = gate_preactivations(xp, x, weight_ih, bias_ih, 4)
    from_h = gate_preactivations(xp, h, weight_hh, bias_hh, 4)
    i, f, g, o = (a + b for a, b in zip(from_x, from_h, strict=True))
    c_next = _sigmoid(xp, f) * c + _sigmoid(xp, i) * xp.tanh(g)
    return _sigmoid(xp, o) * xp.tanh(c_next), c_next
