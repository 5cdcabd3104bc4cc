"""The clustering_dimred oracles agree with scikit-learn where it pins the same convention."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA

from tests.oracles.conftest import frozen_inputs, oracle_outputs


@pytest.mark.parametrize("kinds", [("generated", "edge")])
def test_kmeans_matches_sklearn_lloyd(kinds, close):
    compared = 0
    for case, inputs in frozen_inputs("kmeans", kinds):
        max_iter = case.params.get("max_iter", 100)
        ours = oracle_outputs("kmeans", inputs, case.params)
        k = inputs["init_centroids"].shape[0]
        if max_iter < 1 or len(np.unique(ours["labels"])) < k:
            continue  # sklearn needs max_iter >= 1 and relocates empty clusters
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = KMeans(k, init=inputs["init_centroids"], n_init=1, algorithm="lloyd",
                            tol=0.0, max_iter=max_iter).fit(inputs["x"])
        np.testing.assert_array_equal(ours["labels"], theirs.labels_)
        close(ours["centroids"], theirs.cluster_centers_, rtol=1e-12, atol=1e-13)
        close(ours["inertia"], theirs.inertia_, rtol=1e-12, atol=1e-13)
        compared += 1
    assert compared >= 5


@pytest.mark.parametrize("kinds", [("generated", "edge")])
def test_pca_matches_sklearn(kinds, close):
    compared = 0
    for case, inputs in frozen_inputs("pca", kinds):
        ours = oracle_outputs("pca", inputs, case.params)
        theirs = PCA(case.params.get("n_components"), svd_solver="full").fit(inputs["x"])
        signs = np.sign(np.sum(ours["components"] * theirs.components_, axis=1))
        close(ours["components"], theirs.components_ * signs[:, None], atol=1e-13)
        close(ours["explained_variance"], theirs.explained_variance_)
        close(ours["mean"], theirs.mean_, atol=1e-13)
        compared += 1
    assert compared >= 5


def test_pca_oracle_sign_convention():
    """The oracle writes every component with its largest-magnitude entry positive."""
    for case, inputs in frozen_inputs("pca", ("generated", "edge")):
        components = oracle_outputs("pca", inputs, case.params)["components"]
        biggest = components[np.arange(len(components)), np.argmax(np.abs(components), axis=1)]
        assert np.all(biggest > 0), case.name
