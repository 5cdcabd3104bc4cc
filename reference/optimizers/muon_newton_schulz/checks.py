"""Property checks of muon_newton_schulz: symmetries of an odd matrix polynomial."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("muon_transpose_equivariant")
def muon_transpose_equivariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                               dtype: str, bound: Any) -> None:
    """X p(X^T X) = p(X X^T) X: orthogonalizing g^T gives the transpose of g's output."""
    base = run(inputs, params)["x"].astype(np.float64)
    after = run({"g": inputs["g"].T.copy()}, params)["x"]
    assert_close(after, base.T, bound, "output of g^T")


@property_check("muon_scale_invariant")
def muon_scale_invariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any, *, factor: float = 8.0) -> None:
    """With eps = 0 the normalization removes any scale: g * 8 (exact in binary) gives g's
    output."""
    base = run(inputs, params)["x"].astype(np.float64)
    after = run({"g": inputs["g"] * factor}, params)["x"]
    assert_close(after, base, bound, f"output of g * {factor}")


@property_check("muon_row_permutation_equivariant")
def muon_row_permutation_equivariant(run: Any, inputs: dict[str, np.ndarray],
                                     params: dict[str, Any], dtype: str, bound: Any) -> None:
    """An orthogonal map on the left commutes with the iteration: reversing the rows of g
    reverses the rows of the output."""
    base = run(inputs, params)["x"].astype(np.float64)
    after = run({"g": np.flip(inputs["g"], 0).copy()}, params)["x"]
    assert_close(after, np.flip(base, 0), bound, "output of g with its rows reversed")
