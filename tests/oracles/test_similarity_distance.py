"""The similarity_distance oracles agree with scikit-learn, SciPy and Python's math.

sklearn's cosine_similarity is pairwise and leaves zero rows at zero (so zero vectors give
0, as the canon); the paired values are its diagonal. It normalizes rows exactly, so it
does not follow the eps floor: the case whose norms fall below eps is compared with the
closed form instead. math.dist is overflow-safe, like the canon.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.spatial import distance
from sklearn.metrics import pairwise

from tests.oracles.conftest import frozen_inputs, oracle_outputs

KINDS = ("generated", "grad", "book", "edge")


def _pairs(a: np.ndarray, b: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Broadcast a and b and list their vectors along axis as rows."""
    a, b = np.broadcast_arrays(a, b)
    a, b = np.moveaxis(a, axis, -1), np.moveaxis(b, axis, -1)
    return a.reshape(-1, a.shape[-1]), b.reshape(-1, b.shape[-1])


def test_cosine_similarity_matches_sklearn(close):
    for case, inputs in frozen_inputs("cosine_similarity", KINDS):
        params = {"axis": -1, "eps": 1e-8, **case.params}
        ours = oracle_outputs("cosine_similarity", inputs, case.params)["y"].reshape(-1)
        rows_a, rows_b = _pairs(inputs["a"], inputs["b"], params["axis"])
        norms = np.minimum(np.linalg.norm(rows_a, axis=1), np.linalg.norm(rows_b, axis=1))
        if np.any((norms > 0) & (norms < params["eps"])):
            # below eps the floor decides: a.b / eps^2 for the tiny-norm case
            close(ours, np.sum(rows_a * rows_b, axis=1) / params["eps"] ** 2)
            continue
        close(ours, np.diagonal(pairwise.cosine_similarity(rows_a, rows_b)))


def test_cosine_similarity_is_one_minus_scipy_cosine_distance(close):
    for case, inputs in frozen_inputs("cosine_similarity", KINDS):
        ours = oracle_outputs("cosine_similarity", inputs, case.params)["y"].reshape(-1)
        rows = _pairs(inputs["a"], inputs["b"], case.params.get("axis", -1))
        for value, a, b in zip(ours, *rows, strict=True):
            if np.linalg.norm(a) > 1e-8 and np.linalg.norm(b) > 1e-8:
                close(value, 1 - distance.cosine(a, b), atol=1e-14)


def test_euclidean_distance_matches_math_dist_and_scipy(close):
    for case, inputs in frozen_inputs("euclidean_distance", KINDS):
        ours = oracle_outputs("euclidean_distance", inputs, case.params)["y"].reshape(-1)
        rows = _pairs(inputs["a"], inputs["b"], case.params.get("axis", -1))
        close(ours, [math.dist(a, b) for a, b in zip(*rows, strict=True)])
        with np.errstate(over="ignore"):
            theirs = np.array([distance.euclidean(a, b) for a, b in zip(*rows, strict=True)])
        finite = np.isfinite(theirs)
        assert finite.sum() >= len(theirs) - 2  # only the overflow cases may be inf
        close(ours[finite], theirs[finite])
