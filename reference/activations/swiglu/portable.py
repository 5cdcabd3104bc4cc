"""The SwiGLU feed-forward block on any array namespace."""

from __future__ import annotations

from typing import Any


def swiglu(xp: Any, x: Any, w_gate: Any, w_up: Any, w_down: Any) -> Any:
    if w_gate.ndim != 2 or tuple(w_up.shape) != tuple(w_gate.shape):
        msg = f"w_gate {tuple(w_gate.shape)} and w_up {tuple(w_up.shape)} must be the same (d, h)"
        raise ValueError(msg)
    d, h = w_gate.shape
    if x.ndim < 1 or x.shape[-1] != d:
        msg = f"x has {x.shape[-1] if x.ndim else 0} features, the weights expect {d}"
        raise ValueError(msg)
    if w_down.ndim != 2 or w_down.shape[0] != h:
        msg = f"w_down {tuple(w_down.shape)} needs {h} rows, one per hidden unit"
        raise ValueError(msg)
    gate = xp.matmul(x, w_gate)
    up = xp.matmul(x, w_up)
    # SiLU through a sigmoid on exp(-|z|): z e^z/(1 + e^z) would be inf/inf for large z
    positive = gate >= 0
    t = xp.exp(xp.where(positive, -gate, gate))
    sigmoid = xp.where(positive, 1 / (1 + t), t / (1 + t))
    y = xp.matmul(gate * sigmoid * up, w_down)
    return xp.astype(y, x.dtype)  # NumPy's bfloat16 matmul comes back as float32
