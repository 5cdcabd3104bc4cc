"""A one-hidden-layer MLP forward pass on any array namespace ((out, in) weights)."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import activation, check_activation, dense


def mlp_forward(xp: Any, x: Any, weight1: Any, weight2: Any, bias1: Any = None,
                bias2: Any = None, *, hidden_activation: str = "relu",
                output_activation: str = "sigmoid") -> tuple[Any, Any]:
    check_activation(hidden_activation, "hidden_activation")
    check_activation(output_activation, "output_activation")
    hidden = activation(xp, hidden_activation, dense(xp, x, weight1, bias1, "hidden layer"))
    y = activation(xp, output_activation, dense(xp, hidden, weight2, bias2, "output layer"))
    return hidden, y
