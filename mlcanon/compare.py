"""Comparing a backend's output with the expected value.

NaN, infinities and (for hand-written values) the sign of zero are compared exactly
and separately; finite values are compared under a :class:`~mlcanon.tolerances.Bound`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlcanon.tolerances import Bound


@dataclass(frozen=True)
class Comparison:
    ok: bool
    max_abs_error: float = 0.0
    max_rel_error: float = 0.0
    error_eps: float = 0.0
    index: tuple[int, ...] | None = None
    message: str = ""


def _where(index: tuple[int, ...]) -> str:
    return f"[{', '.join(map(str, index))}]" if index else "[]"


def check_dtype(actual: np.ndarray, kind: str, dtype: str) -> str:
    """Empty if ``actual`` has the dtype the spec asks for, else the complaint."""
    if kind == "float" and actual.dtype != np.dtype(dtype):
        return f"dtype {actual.dtype}, expected {dtype}"
    if kind == "int" and actual.dtype.kind not in "iu":
        return f"dtype {actual.dtype}, expected an integer dtype"
    if kind == "bool" and actual.dtype.kind != "b":
        return f"dtype {actual.dtype}, expected bool"
    return ""


def compare(actual: np.ndarray, expected: np.ndarray, bound: Bound, *,
            exact: bool = False, signed_zeros: bool = False,
            exact_zeros: bool = False) -> Comparison:
    """Compare one output; ``exact`` for integer and boolean outputs.

    ``signed_zeros``: hand-written values, whose sign of zero counts. ``exact_zeros``: a
    zero they pin is pinned elementwise (a masked logit's probability is 0, not rounding
    noise beside the row's other values); decompositions, whose zeros come out as
    rounding of the larger entries, leave it off.
    """
    if actual.shape != expected.shape:
        return Comparison(False, message=f"shape {actual.shape}, expected {expected.shape}")
    if exact:
        return _compare_exact(actual, expected)
    actual = actual.astype(np.float64)
    special = _compare_special(actual, expected, signed_zeros, exact_zeros)
    if special is not None:
        return special
    return _compare_finite(actual, expected, bound)


def _compare_exact(actual: np.ndarray, expected: np.ndarray) -> Comparison:
    wrong = actual != expected
    if not wrong.any():
        return Comparison(True)
    index = tuple(int(i) for i in np.argwhere(wrong)[0])
    message = (f"{int(wrong.sum())} of {wrong.size} values differ; first at {_where(index)}: "
               f"{actual[index]!r}, expected {expected[index]!r}")
    return Comparison(False, 1.0, 1.0, float("inf"), index, message)


def _compare_special(actual: np.ndarray, expected: np.ndarray, signed_zeros: bool,
                     exact_zeros: bool = False) -> Comparison | None:
    checks = [
        (np.isnan(expected) != np.isnan(actual), "NaN mismatch"),
        (np.isinf(expected) & (actual != expected), "infinity mismatch"),
        (np.isinf(actual) & ~np.isinf(expected), "infinity mismatch"),
    ]
    if exact_zeros:
        checks.append(((expected == 0) & (actual != 0) & np.isfinite(actual),
                       "nonzero where the case pins an exact zero"))
    if signed_zeros:
        zero = (expected == 0) & (actual == 0)
        checks.append((zero & (np.signbit(expected) != np.signbit(actual)),
                       "signed zero mismatch"))
    for wrong, what in checks:
        if wrong.any():
            index = tuple(int(i) for i in np.argwhere(wrong)[0])
            message = (f"{what} at {_where(index)}: {actual[index]!r}, "
                       f"expected {expected[index]!r} ({int(wrong.sum())} such)")
            return Comparison(False, float("inf"), float("inf"), float("inf"), index, message)
    return None


def _compare_finite(actual: np.ndarray, expected: np.ndarray, bound: Bound) -> Comparison:
    finite = np.isfinite(expected)
    if not finite.any():
        return Comparison(True)
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf at non-finite positions
        abs_err = np.where(finite, np.abs(actual - expected), 0.0)
    # non-finite expected values are compared elsewhere: zero them here so that no
    # arithmetic below meets an inf (0 * inf warns when a bound allows no error at all)
    magnitude = np.where(finite, np.abs(expected), 0.0)
    scale = float(np.max(magnitude))
    with np.errstate(divide="ignore", invalid="ignore"):
        rel_err = np.where(finite & (expected != 0), abs_err / magnitude, 0.0)
        units = np.where(finite, abs_err / (bound.eps * (magnitude + scale)), 0.0)
        if scale == 0:
            units = np.where(abs_err > 0, np.inf, 0.0)
    excess = np.where(finite, abs_err - bound.printed_atol
                      - bound.k * bound.eps * (magnitude + scale), 0.0)
    worst = tuple(int(i) for i in np.unravel_index(np.argmax(units), units.shape))
    result = {
        "max_abs_error": float(abs_err.max()),
        "max_rel_error": float(rel_err.max()),
        "error_eps": float(units.max()),
        "index": worst,
    }
    if np.all(excess <= 0):
        return Comparison(True, **result)
    bad = tuple(int(i) for i in np.unravel_index(np.argmax(excess), excess.shape))
    message = (f"{int((excess > 0).sum())} of {excess.size} values out of tolerance; worst at "
               f"{_where(bad)}: {actual[bad]!r}, expected {expected[bad]!r} "
               f"(abs error {abs_err[bad]:.3g}, {units[bad]:.3g} eps units, "
               f"allowed {bound.k:.3g} eps units"
               + (f" + printed {bound.printed_atol:g}" if bound.printed_atol else "") + ")")
    return Comparison(False, **{**result, "index": bad}, message=message)
