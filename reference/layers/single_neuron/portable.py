"""A single neuron on any array namespace: weighted sum plus bias, then the activation."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import activation as apply_activation


def single_neuron(xp: Any, x: Any, w: Any, b: Any = None, *,
                  activation: str = "sigmoid") -> tuple[Any, Any]:
    if activation not in ("sigmoid", "tanh", "relu"):
        msg = f"activation must be 'sigmoid', 'tanh' or 'relu', got {activation!r}"
        raise ValueError(msg)
    if w.ndim != 1 or x.ndim < 1 or w.shape[0] != x.shape[-1]:
        msg = f"w {tuple(w.shape)} must have one weight per input of x {tuple(x.shape)}"
        raise ValueError(msg)
    z = xp.sum(x * w, axis=-1)
    if b is not None:
        z = z + b
    return z, apply_activation(xp, activation, z)
