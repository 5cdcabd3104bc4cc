"""The statistics oracles agree with exact rational arithmetic, NumPy and SciPy."""

from __future__ import annotations

import statistics
from fractions import Fraction

import numpy as np
from scipy import stats

from tests.oracles.conftest import frozen_inputs, oracle_outputs

KINDS = ("book", "edge", "generated", "grad")


def _exact_variance(values: np.ndarray, ddof: int) -> float:
    """The variance in exact rational arithmetic (the stdlib's pvariance / variance)."""
    data = [Fraction(float(v)) for v in values]
    if ddof == 0:
        return float(statistics.pvariance(data))
    if len(data) < 2:
        return float("nan")
    return float(statistics.variance(data))


def test_variance_matches_exact_fractions(close):
    for case, inputs in frozen_inputs("variance", KINDS):
        x = inputs["x"]
        axis, ddof = case.params.get("axis"), case.params.get("ddof", 0)
        ours = oracle_outputs("variance", inputs, case.params)["var"]
        if axis is None:
            theirs = np.asarray(_exact_variance(x.ravel(), ddof))
        else:
            theirs = np.apply_along_axis(_exact_variance, axis, x, ddof)
        np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs), err_msg=case.name)
        close(np.nan_to_num(ours), np.nan_to_num(theirs), rtol=1e-15, atol=0)


def test_variance_matches_numpy(close):
    for case, inputs in frozen_inputs("variance", ("generated", "grad", "book")):
        ours = oracle_outputs("variance", inputs, case.params)["var"]
        theirs = np.var(inputs["x"], axis=case.params.get("axis"), ddof=case.params.get("ddof", 0))
        close(ours, theirs, rtol=1e-13, atol=0)


def test_t_test_matches_scipy(close):
    for case, inputs in frozen_inputs("two_sample_t_test", ("book", "edge", "generated")):
        equal_var = case.params.get("equal_var", True)
        ours = oracle_outputs("two_sample_t_test", inputs, case.params)
        theirs = stats.ttest_ind(inputs["a"], inputs["b"], equal_var=equal_var)
        close(ours["statistic"], theirs.statistic, rtol=1e-13, atol=0)
        close(ours["df"], theirs.df, rtol=1e-13, atol=0)
        close(ours["pvalue"], theirs.pvalue, rtol=1e-12, atol=0)


def test_t_test_pvalue_is_the_student_t_tail(close):
    """p = 2 * sf(|t|) of Student's t with df degrees of freedom (scipy.stats.t)."""
    for case, inputs in frozen_inputs("two_sample_t_test", ("book", "edge", "generated")):
        ours = oracle_outputs("two_sample_t_test", inputs, case.params)
        tail = 2 * stats.t.sf(abs(ours["statistic"]), ours["df"])
        close(ours["pvalue"], tail, rtol=1e-12, atol=0)
