"""The kernels oracle agrees with scikit-learn's rbf_kernel and SciPy's cdist.

sklearn computes squared distances in the expanded form |x|^2 + |y|^2 - 2 x.y, whose
rounding the edge case diagonal_exactly_one exists to expose (about 1e-9 there in
float64): that case is compared with SciPy's difference-based cdist only.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import distance
from sklearn.metrics import pairwise

from tests.oracles.conftest import frozen_inputs, oracle_outputs

KINDS = ("generated", "grad", "book", "edge")


def test_rbf_kernel_matches_sklearn_and_scipy(close):
    for case, inputs in frozen_inputs("rbf_kernel", KINDS):
        gamma = case.params.get("gamma", 1.0)
        x = inputs["x"]
        y = inputs.get("y", x)
        ours = oracle_outputs("rbf_kernel", inputs, case.params)["K"]
        close(ours, np.exp(-gamma * distance.cdist(x, y, "sqeuclidean")))
        if case.name != "diagonal_exactly_one":
            close(ours, pairwise.rbf_kernel(x, inputs.get("y"), gamma=gamma))
