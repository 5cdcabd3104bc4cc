"""The oracle of two_sample_t_test: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _mean_var(sample: np.ndarray) -> tuple[object, object, int]:
    """Mean and the ddof = 1 (sample) variance of a 1-D sample."""
    n = sample.shape[0]
    if n < 2:
        msg = f"each sample needs at least 2 values for a ddof = 1 variance, got {n}"
        raise ValueError(msg)
    mean = np.sum(sample) / n
    return mean, np.sum((sample - mean) ** 2) / (n - 1), n


@oracle("two_sample_t_test")
def two_sample_t_test(a: np.ndarray, b: np.ndarray, *,
                      equal_var: bool = True) -> tuple[object, object, object]:
    mean_a, var_a, n_a = _mean_var(a)
    mean_b, var_b, n_b = _mean_var(b)
    if equal_var:
        df = mpa.mpf(n_a + n_b - 2)
        pooled = ((n_a - 1) * var_a + (n_b - 1) * var_b) / df
        standard_error = mpa.mp.sqrt(pooled * (mpa.mpf(1) / n_a + mpa.mpf(1) / n_b))
    else:
        va, vb = var_a / n_a, var_b / n_b
        standard_error = mpa.mp.sqrt(va + vb)
        # Welch-Satterthwaite degrees of freedom
        df = (va + vb) ** 2 / (va**2 / (n_a - 1) + vb**2 / (n_b - 1))
    t = (mean_a - mean_b) / standard_error
    # two-sided: P(|T| >= |t|) = I_{df/(df + t^2)}(df/2, 1/2), the regularized incomplete beta
    pvalue = mpa.mp.betainc(df / 2, mpa.mpf(1) / 2, 0, df / (df + t**2), regularized=True)
    return t, df, pvalue
