"""The oracle of robot_chef_hill_climb: the probe-and-step rule replayed in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _rating(meal: list, optimal: list) -> object:
    squared = sum((m - o) ** 2 for m, o in zip(meal, optimal, strict=True))
    return max(mpa.mpf(0), 10 - squared / 10000)


@oracle("robot_chef_hill_climb")
def robot_chef_hill_climb(meal: np.ndarray, optimal: np.ndarray, *, nudge: float = 0.1,
                          steps: int = 100, ingredient: object = "all"
                          ) -> tuple[np.ndarray, np.ndarray]:
    nudge = mpa.mpf(nudge)
    current = list(meal)
    tuned = range(len(current)) if ingredient == "all" else [int(ingredient)]
    path, ratings = [], []
    for _ in range(steps):
        for j in tuned:
            probe = current.copy()
            probe[j] = current[j] + nudge
            if _rating(probe, list(optimal)) > _rating(current, list(optimal)):
                current = probe  # the nudge helped: keep moving up
            else:
                current[j] = current[j] - nudge  # it did not: step down instead
        path.append(np.asarray(current, dtype=object))
        ratings.append(_rating(current, list(optimal)))
    return np.stack(path), np.asarray(ratings, dtype=object)
