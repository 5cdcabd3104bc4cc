"""SciPy native bindings: statistics (scipy.stats)."""

from __future__ import annotations

import numpy as np
import scipy.stats

from mlcanon import native


@native("scipy.stats.tvar")
def variance(x: np.ndarray, *, axis: int | None = None, ddof: int = 0) -> np.ndarray:
    # tvar defaults to axis = 0 and ddof = 1 (the sample variance): pass both through
    return scipy.stats.tvar(x, axis=axis, ddof=ddof)


@native("scipy.stats.ttest_ind")
def two_sample_t_test(a: np.ndarray, b: np.ndarray, *,
                      equal_var: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    result = scipy.stats.ttest_ind(a, b, equal_var=equal_var)
    return result.statistic, result.df, result.pvalue
