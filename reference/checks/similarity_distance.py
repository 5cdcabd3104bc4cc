"""Invariants of the similarity_distance family."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("symmetric_in_arguments")
def symmetric_in_arguments(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """f(a, b) = f(b, a): similarities and distances do not depend on argument order."""
    forward = run({"a": inputs["a"], "b": inputs["b"]}, params)["y"]
    backward = run({"a": inputs["b"], "b": inputs["a"]}, params)["y"]
    assert_close(backward, forward.astype(np.float64), bound, "f(b, a) against f(a, b)")
