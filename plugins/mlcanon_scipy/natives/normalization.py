"""SciPy native bindings: normalization (scipy.stats.zscore)."""

from __future__ import annotations

import numpy as np
import scipy.stats
import sklearn.preprocessing

from mlcanon import KnownDeviation, native


@native("scipy.stats.zscore", only={"eps": 0.0})
def standardize(x: np.ndarray, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> np.ndarray:
    # zscore has no eps: it divides by the bare std (a constant slice gives NaN), which is
    # the canon with eps = 0; with the default eps = 1e-12 float64 differs in the 12th digit
    return scipy.stats.zscore(x, axis=axis, ddof=ddof)


@native("sklearn.preprocessing.minmax_scale", only={"eps": 0.0})
def min_max_scale(x: np.ndarray, *, axis: int = 0, eps: float = 1e-12) -> np.ndarray:
    # scikit-learn has no eps: the canon with eps = 0
    return sklearn.preprocessing.minmax_scale(x, axis=axis)


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="min_max_scale", case="constant_feature_without_eps",
        reason="minmax_scale replaces a zero range by 1, so a constant column maps to 0 "
               "instead of 0/0 = NaN",
        link="https://scikit-learn.org/stable/modules/generated/"
             "sklearn.preprocessing.minmax_scale.html",
    ),
    KnownDeviation(
        concept="min_max_scale", case="tiny_range_without_eps", dtype="float32",
        reason="minmax_scale treats any range below 10 eps (absolute: 1.2e-6 in float32) as "
               "zero and divides by 1, so a float32 column with a range of 1.2e-7 keeps its "
               "maximum at 1.2e-7 instead of 1",
        link="https://scikit-learn.org/stable/modules/generated/"
             "sklearn.preprocessing.minmax_scale.html",
    ),
    KnownDeviation(
        concept="min_max_scale", case="random_3d_middle_axis",
        reason="minmax_scale accepts only 2-d input: a (2, 3, 4) array raises ValueError "
               "('Found array with dim 3')",
        link="https://scikit-learn.org/stable/modules/generated/"
             "sklearn.preprocessing.minmax_scale.html",
    ),
)
