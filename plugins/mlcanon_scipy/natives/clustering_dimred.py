"""scikit-learn native bindings: clustering and dimensionality reduction."""

from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA

from mlcanon import native


@native("sklearn.cluster.KMeans")
def kmeans(x: np.ndarray, init_centroids: np.ndarray, *,
           max_iter: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # the canon's Lloyd iteration from given centroids, run until the labels repeat (tol=0)
    model = KMeans(n_clusters=init_centroids.shape[0], init=init_centroids, n_init=1,
                   max_iter=max_iter, tol=0.0, algorithm="lloyd").fit(x)
    return model.cluster_centers_, model.labels_, model.inertia_


@native("sklearn.decomposition.PCA")
def pca(x: np.ndarray, *, n_components: int | None = None
        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    model = PCA(n_components=n_components).fit(x)
    return model.components_, model.explained_variance_, model.mean_
