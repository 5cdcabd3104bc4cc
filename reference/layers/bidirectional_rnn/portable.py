"""A bidirectional Elman RNN on any array namespace: two scans, states concatenated."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import check_cell, gate_preactivations


def _scan(xp: Any, x: Any, w_ih: Any, w_hh: Any, b_ih: Any, b_hh: Any, activation: str,
          steps: range) -> list[Any]:
    h = xp.zeros((x.shape[1], w_hh.shape[0]), dtype=x.dtype)
    states: dict[int, Any] = {}
    for t in steps:
        (from_x,) = gate_preactivations(xp, x[t, ...], w_ih, b_ih, 1)
        (from_h,) = gate_preactivations(xp, h, w_hh, b_hh, 1)
        pre = from_x + from_h
        h = xp.tanh(pre) if activation == "tanh" else xp.maximum(pre, xp.zeros_like(pre))
        states[t] = h
    return [states[t] for t in range(x.shape[0])]


def bidirectional_rnn(xp: Any, x: Any, weight_ih: Any, weight_hh: Any, weight_ih_reverse: Any,
                      weight_hh_reverse: Any, bias_ih: Any = None, bias_hh: Any = None,
                      bias_ih_reverse: Any = None, bias_hh_reverse: Any = None, *,
                      activation: str = "tanh") -> Any:
    if activation not in ("tanh", "relu"):
        msg = f"activation must be 'tanh' or 'relu', got {activation!r}"
        raise ValueError(msg)
    if x.ndim != 3:
        msg = f"x must be a time-major (T, N, I) sequence, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    biases = (bias_ih, bias_hh, bias_ih_reverse, bias_hh_reverse)
    if any(b is None for b in biases) and not all(b is None for b in biases):
        msg = "give all four biases or none"
        raise ValueError(msg)
    hidden = xp.zeros((x.shape[1], weight_hh.shape[0]), dtype=x.dtype)
    check_cell(x[0, ...], hidden, weight_ih, weight_hh, bias_ih, bias_hh, gates=1)
    check_cell(x[0, ...], hidden, weight_ih_reverse, weight_hh_reverse, bias_ih_reverse,
               bias_hh_reverse, gates=1)
    t_len = x.shape[0]
    forward = _scan(xp, x, weight_ih, weight_hh, bias_ih, bias_hh, activation, range(t_len))
    backward = _scan(xp, x, weight_ih_reverse, weight_hh_reverse, bias_ih_reverse,
                     bias_hh_reverse, activation, range(t_len - 1, -1, -1))
    return xp.concat([xp.stack(forward, axis=0), xp.stack(backward, axis=0)], axis=-1)
