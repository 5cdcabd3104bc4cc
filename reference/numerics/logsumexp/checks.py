"""Stochastic and property checks of logsumexp (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("shift_equivariant")
def shift_equivariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                      dtype: str, bound: Any, *, shift: float, input: str = "x",
                      output: str = "y") -> None:
    """Adding a constant to every input adds the same constant to the result."""
    base = run(inputs, params)[output].astype(np.float64)
    moved = run({**inputs, input: inputs[input] + shift}, params)[output]
    assert_close(moved, base + shift, bound, f"after adding {shift} to {input}")
