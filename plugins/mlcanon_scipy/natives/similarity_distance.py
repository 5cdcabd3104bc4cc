"""scikit-learn native bindings: similarity and distance (sklearn.metrics.pairwise).

sklearn takes 2-D arrays of rows: the spec's vectors along axis are broadcast, moved to the
last axis and flattened into rows, and the result is reshaped back."""

from __future__ import annotations

import numpy as np
from sklearn.metrics.pairwise import cosine_similarity as sklearn_cosine_similarity
from sklearn.metrics.pairwise import paired_euclidean_distances

from mlcanon import native


def _as_rows(a: np.ndarray, b: np.ndarray, axis: int
             ) -> tuple[np.ndarray, np.ndarray, tuple[int, ...]]:
    a, b = (np.moveaxis(v, axis, -1) for v in np.broadcast_arrays(a, b))
    return a.reshape(-1, a.shape[-1]), b.reshape(-1, b.shape[-1]), a.shape[:-1]


@native("sklearn.metrics.pairwise.cosine_similarity")
def cosine_similarity(a: np.ndarray, b: np.ndarray, *, axis: int = -1,
                      eps: float = 1e-8) -> np.ndarray:
    # sklearn has no eps: it normalises the rows, leaving a zero row zero
    rows_a, rows_b, shape = _as_rows(a, b, axis)
    # the pairwise matrix's diagonal pairs row i of a with row i of b
    return np.diagonal(sklearn_cosine_similarity(rows_a, rows_b)).reshape(shape)


@native("sklearn.metrics.pairwise.paired_euclidean_distances")
def euclidean_distance(a: np.ndarray, b: np.ndarray, *, axis: int = -1) -> np.ndarray:
    rows_a, rows_b, shape = _as_rows(a, b, axis)
    return paired_euclidean_distances(rows_a, rows_b).reshape(shape)
