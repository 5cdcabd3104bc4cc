"""What SciPy and scikit-learn do by default where the canon pins a choice (measured, not
typed in)."""

from __future__ import annotations

import numpy as np

from mlcanon import Backend, DefaultProbe

VALUES = [2.0, 4.0, 4.0, 5.0]
LOGITS_2D = [[1.0, 2.0], [3.0, 0.0]]
SAMPLE_A = [1.0, 2.0, 3.0, 4.0]
SAMPLE_B = [2.0, 4.0, 9.0]
NON_SYMMETRIC = [[3.0, 1.0], [3.0, 1.0]]
CONSTANT_COLUMN = [[1.0, 2.0], [1.0, 3.0], [1.0, 4.0]]


def probes(backend: Backend) -> list[DefaultProbe]:
    import scipy.linalg
    import scipy.special
    import scipy.stats
    from sklearn.metrics import log_loss

    def a(value: list) -> np.ndarray:
        return backend.from_numpy(np.asarray(value, dtype=np.float64))

    return [
        DefaultProbe("softmax", "which axis without axis (2-D input)?",
                     "scipy.special.softmax(x)", {"x": LOGITS_2D},
                     lambda: scipy.special.softmax(a(LOGITS_2D))),
        DefaultProbe("variance", "which divisor does the variance use by default?",
                     "scipy.stats.tvar(x)", {"x": VALUES},
                     lambda: scipy.stats.tvar(a(VALUES))),
        DefaultProbe("two_sample_t_test", "Student's or Welch's test by default?",
                     "scipy.stats.ttest_ind(a, b).df", {"a": SAMPLE_A, "b": SAMPLE_B},
                     lambda: scipy.stats.ttest_ind(a(SAMPLE_A), a(SAMPLE_B)).df,
                     output="df"),
        DefaultProbe("binary_cross_entropy", "a confident wrong prediction (p=1, y=0)?",
                     "sklearn.metrics.log_loss(y, p)", {"p": [1.0, 1.0], "y": [0.0, 1.0]},
                     lambda: log_loss(a([0.0, 1.0]), a([1.0, 1.0]))),
        DefaultProbe("entropy", "is p renormalised?", "scipy.stats.entropy(p)",
                     {"p": [0.5, 0.25]}, lambda: scipy.stats.entropy(a([0.5, 0.25]))),
        DefaultProbe("symmetric_eigendecomposition", "a non-symmetric input?",
                     "scipy.linalg.eigh(a)", {"a": NON_SYMMETRIC},
                     lambda: scipy.linalg.eigh(a(NON_SYMMETRIC))[0], output="eigenvalues"),
        DefaultProbe("standardize", "a constant column?", "scipy.stats.zscore(x)",
                     {"x": CONSTANT_COLUMN},
                     lambda: scipy.stats.zscore(a(CONSTANT_COLUMN))),
        DefaultProbe("vector_norm", "does the 2-norm survive huge entries?",
                     "scipy.linalg.norm(x)", {"x": [1e200, 1e200]},
                     lambda: scipy.linalg.norm(a([1e200, 1e200]))),
    ]
