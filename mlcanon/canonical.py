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


def _column_signs(actual: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """+-1 per column (last-but-one axis reduced) so actual columns align with expected."""
    dots = np.sum(actual.astype(np.float64) * expected, axis=-2)
    return np.where(dots < 0, -1.0, 1.0)


def _flip(value: np.ndarray, signs: np.ndarray, axis: int) -> np.ndarray:
    shape = signs[..., None, :] if axis == -1 else signs[..., :, None]
    return value * shape.astype(value.dtype)


def _aligner(by: str, columns: tuple[str, ...], rows: tuple[str, ...] = (),
             transpose: bool = False) -> Canonicalizer:
    """Align the vectors of output ``by`` with the expected ones; flip the columns of
    ``columns`` and the rows of ``rows`` by the same signs (U with Vh, Q with R).
    ``transpose``: the vectors of ``by`` are its rows (principal axes)."""

    def align(actual: Outputs, expected: Outputs) -> Outputs:
        if by not in expected:  # a case may expect only the sign-free outputs
            return actual
        a, e = actual[by], expected[by]
        if transpose:
            a, e = np.swapaxes(a, -1, -2), np.swapaxes(e, -1, -2)
        signs = _column_signs(a, e)
        flipped = {name: _flip(actual[name], signs, -1) for name in columns}
        flipped.update({name: _flip(actual[name], signs, -2) for name in rows})
        return {**actual, **flipped}

    return align


CANONICALIZERS: dict[str, Canonicalizer] = {
    "eigh": _aligner("eigenvectors", columns=("eigenvectors",)),
    "svd": _aligner("U", columns=("U",), rows=("Vh",)),
    "qr": _aligner("Q", columns=("Q",), rows=("R",)),
    "row_signs": _aligner("components", columns=(), rows=("components",), transpose=True),
}


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
