"""Stochastic and property checks of kmeans (named by the spec's cases)."""

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
