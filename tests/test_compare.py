"""Comparison rules: special values strictly, finite values under the bound."""

from __future__ import annotations

import numpy as np
import pytest

from mlcanon.compare import check_dtype, compare
from mlcanon.tolerances import EPS, Bound

F64 = Bound(EPS["float64"], 4.0)


def test_equal_arrays_pass_with_zero_error():
    x = np.array([1.0, 2.0])
    result = compare(x, x, F64)
    assert result.ok and result.error_eps == 0.0


def test_error_is_measured_in_eps_units_relative_to_the_output_scale():
    expected = np.array([1.0, 2.0])
    actual = expected + np.array([0.0, 2 * EPS["float64"]])
    result = compare(actual, expected, F64)
    # |err| / (eps * (|e| + max|e|)) = 2 eps / (eps * 4)
    assert result.ok and result.error_eps == pytest.approx(0.5)
    assert result.index == (1,)


def test_out_of_tolerance_names_index_values_and_bound():
    expected = np.array([1.0, 2.0, 3.0])
    actual = expected + np.array([0.0, 0.0, 1e-10])
    result = compare(actual, expected, F64)
    assert not result.ok
    assert "worst at [2]" in result.message and "allowed 4 eps units" in result.message


@pytest.mark.parametrize(("actual", "expected", "what"), [
    ([np.nan, 1.0], [0.0, 1.0], "NaN mismatch"),
    ([0.0, 1.0], [np.nan, 1.0], "NaN mismatch"),
    ([np.inf, 1.0], [-np.inf, 1.0], "infinity mismatch"),
    ([1e308, 1.0], [np.inf, 1.0], "infinity mismatch"),
])
def test_special_values_are_compared_exactly(actual, expected, what):
    result = compare(np.array(actual), np.array(expected), Bound(EPS["float64"], 1e12))
    assert not result.ok and what in result.message


def test_signed_zero_only_when_asked():
    actual, expected = np.array([0.0]), np.array([-0.0])
    assert compare(actual, expected, F64).ok
    assert "signed zero" in compare(actual, expected, F64, signed_zeros=True).message


def test_printed_tolerance_adds_to_the_dtype_bound():
    book = Bound(EPS["float64"], 4.0, printed_atol=5e-4)
    assert compare(np.array([0.6594]), np.array([0.659001138886]), book).ok
    assert not compare(np.array([0.6600]), np.array([0.659001138886]), book).ok


def test_exact_comparison_for_integer_outputs():
    result = compare(np.array([1, 2, 3]), np.array([1, 2, 4]), F64, exact=True)
    assert not result.ok and "1 of 3 values differ" in result.message


def test_shape_mismatch():
    result = compare(np.zeros(2), np.zeros(3), F64)
    assert not result.ok and result.message == "shape (2,), expected (3,)"


@pytest.mark.parametrize(("dtype", "kind", "wanted", "problem"), [
    ("float64", "float", "float32", "dtype float64, expected float32"),
    ("float32", "float", "float32", ""),
    ("float64", "int", "float32", "dtype float64, expected an integer dtype"),
    ("int32", "int", "float32", ""),
])
def test_dtype_check(dtype, kind, wanted, problem):
    assert check_dtype(np.zeros(1, dtype=dtype), kind, wanted) == problem


def test_infinities_beside_finite_values_compare_without_warnings():
    """An exact bound (k = 0) beside an expected inf: the finite values are still
    measured, and no 0 * inf reaches NumPy (a RuntimeWarning in every run)."""
    expected = np.array([np.inf, 1.0, 0.0])
    with np.errstate(all="raise"):
        assert compare(expected.copy(), expected, Bound(EPS["float64"], 0.0)).ok
        result = compare(np.array([np.inf, 1.5, 0.0]), expected, Bound(EPS["float64"], 0.0))
    assert not result.ok and result.index == (1,)
