"""Invariants of the clustering_dimred family."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


def _sq_distances(x: np.ndarray, c: np.ndarray) -> np.ndarray:
    return ((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=-1)


@property_check("lloyd_monotone")
def lloyd_monotone(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                   dtype: str, bound: Any, *, max_iters: tuple[int, ...] = (0, 1, 2, 100)
                   ) -> None:
    """Lloyd's inertia never grows with more iterations; labels are nearest centroids.

    For each max_iter: every label is a nearest returned centroid (up to rounding) and
    inertia is the sum of those squared distances; inertia does not increase with
    max_iter, since neither the assignment nor the update step can increase it.
    """
    x = np.asarray(inputs["x"], dtype=np.float64)
    eps = float(np.finfo(dtype).eps)
    slack = 64 * eps * x.shape[0]
    last = None
    for max_iter in max_iters:
        out = run(inputs, {**params, "max_iter": max_iter})
        c, labels = out["centroids"].astype(np.float64), out["labels"]
        inertia = float(out["inertia"])
        if labels.shape != (x.shape[0],) or labels.min() < 0 or labels.max() >= c.shape[0]:
            raise CheckFailed(f"max_iter={max_iter}: labels {labels.tolist()} out of range")
        d = _sq_distances(x, c)
        picked = d[np.arange(x.shape[0]), labels]
        nearest = d.min(axis=1)
        scale = 1.0 + np.abs(d).max()
        if np.any(picked > nearest + slack * scale):
            i = int(np.argmax(picked - nearest))
            msg = (f"max_iter={max_iter}: point {i} labelled {labels[i]} at squared distance "
                   f"{picked[i]} but a centroid lies at {nearest[i]}")
            raise CheckFailed(msg)
        assert_close(np.array(inertia), np.array(picked.sum()), bound,
                     f"max_iter={max_iter}: inertia vs the sum of squared distances")
        if last is not None and inertia > last + slack * (1.0 + last):
            msg = f"inertia grew from {last} to {inertia} at max_iter={max_iter}"
            raise CheckFailed(msg)
        last = inertia


@property_check("pca_invariants")
def pca_invariants(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                   dtype: str, bound: Any) -> None:
    """Orthonormal components, variances sorted and summing to the total variance."""
    x = np.asarray(inputs["x"], dtype=np.float64)
    out = run(inputs, params)
    v = out["components"].astype(np.float64)
    var = out["explained_variance"].astype(np.float64)
    mean = out["mean"].astype(np.float64)
    assert_close(mean, x.mean(axis=0), bound, "mean")
    gram = v @ v.T
    assert_close(gram, np.eye(v.shape[0]), bound, "components @ components.T")
    slack = 64 * np.finfo(dtype).eps * (1.0 + np.abs(var).max())
    if np.any(np.diff(var) > slack):
        raise CheckFailed(f"explained_variance {var.tolist()} is not in decreasing order")
    if v.shape[0] == x.shape[1]:
        total = np.var(x, axis=0, ddof=1).sum()
        # rounding of the mean alone leaves ~eps * max|x| in every centred entry
        scale = total + np.finfo(dtype).eps * float(np.max(x ** 2, initial=0.0)) * x.size
        if abs(var.sum() - total) > bound.k * bound.eps * scale:
            msg = (f"sum of explained_variance {var.sum()!r} differs from the total "
                   f"variance (ddof = 1) {total!r}")
            raise CheckFailed(msg)
