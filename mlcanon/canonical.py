"""Making non-unique outputs comparable.

Eigenvectors, singular vectors, QR factors and principal axes are unique only up to a
sign per vector. A canonicalizer flips the signs of the actual output so each vector
points the way the expected one does (the sign of their dot product), applying the same
flip to every output that shares it (U and Vh, Q and R). Values, not signs, are then
compared as usual. A spec names its canonicalizer with ``canonicalize = "<name>"``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Outputs = dict[str, np.ndarray]
Canonicalizer = Callable[[Outputs, Outputs], Outputs]
CANONICALIZERS: dict[str, Canonicalizer] = {}


def canonicalizer(name: str) -> Callable[[Canonicalizer], Canonicalizer]:
    def register(fn: Canonicalizer) -> Canonicalizer:
        CANONICALIZERS[name] = fn
        return fn

    return register


def _column_signs(actual: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """+-1 per column (last-but-one axis reduced) so actual columns align with expected."""
    dots = np.sum(actual.astype(np.float64) * expected, axis=-2)
    return np.where(dots < 0, -1.0, 1.0)


@canonicalizer("eigh")
def _eigh(actual: Outputs, expected: Outputs) -> Outputs:
    if "eigenvectors" not in expected:  # a case may expect only the sign-free outputs
        return actual
    signs = _column_signs(actual["eigenvectors"], expected["eigenvectors"])
    return {**actual, "eigenvectors": actual["eigenvectors"] * signs[..., None, :].astype(
        actual["eigenvectors"].dtype)}


@canonicalizer("svd")
def _svd(actual: Outputs, expected: Outputs) -> Outputs:
    if "U" not in expected:  # a case may expect only the sign-free outputs
        return actual
    signs = _column_signs(actual["U"], expected["U"])
    dtype = actual["U"].dtype
    return {
        **actual,
        "U": actual["U"] * signs[..., None, :].astype(dtype),
        "Vh": actual["Vh"] * signs[..., :, None].astype(dtype),
    }


@canonicalizer("qr")
def _qr(actual: Outputs, expected: Outputs) -> Outputs:
    if "Q" not in expected:  # a case may expect only the sign-free outputs
        return actual
    signs = _column_signs(actual["Q"], expected["Q"])
    dtype = actual["Q"].dtype
    return {
        **actual,
        "Q": actual["Q"] * signs[..., None, :].astype(dtype),
        "R": actual["R"] * signs[..., :, None].astype(dtype),
    }


@canonicalizer("row_signs")
def _row_signs(actual: Outputs, expected: Outputs) -> Outputs:
    """Every 2-D float output whose rows are sign-free vectors (principal axes)."""
    name = "components"
    signs = _column_signs(np.swapaxes(actual[name], -1, -2), np.swapaxes(expected[name], -1, -2))
    return {**actual, name: actual[name] * signs[..., :, None].astype(actual[name].dtype)}


def canonicalize(name: str, actual: Outputs, expected: Outputs) -> Outputs:
    if not name:
        return actual
    if name not in CANONICALIZERS:
        msg = f"unknown canonicalizer {name!r}; expected one of {sorted(CANONICALIZERS)}"
        raise ValueError(msg)
    result = CANONICALIZERS[name](actual, expected)
    # A zero in a sign-free vector has no meaningful sign, and a flip turns +0.0 into -0.0
    # (an R below its diagonal): every output the canonicalizer touched gets +0.0 zeros.
    return {k: v if v is actual.get(k) else v + 0 for k, v in result.items()}
