"""The robot chef's hill climb on any array namespace: nudge an ingredient up, keep it if the
rating improves, otherwise step it down."""

from __future__ import annotations

from typing import Any


def _rating(xp: Any, meal: Any, optimal: Any) -> Any:
    return xp.clip(10 - xp.sum((meal - optimal) ** 2) / 10000, min=0.0)


def robot_chef_hill_climb(xp: Any, meal: Any, optimal: Any, *, nudge: float = 0.1,
                          steps: int = 100, ingredient: Any = "all") -> tuple[Any, Any]:
    if meal.ndim != 1 or tuple(optimal.shape) != tuple(meal.shape):
        msg = (f"meal and optimal must be vectors of one length, got {tuple(meal.shape)} and "
               f"{tuple(optimal.shape)}")
        raise ValueError(msg)
    if not nudge > 0 or steps < 1:
        msg = f"need nudge > 0 and steps >= 1, got {nudge!r} and {steps!r}"
        raise ValueError(msg)
    k = meal.shape[0]
    if ingredient == "all":
        tuned = list(range(k))
    elif isinstance(ingredient, int) and 0 <= ingredient < k:
        tuned = [ingredient]
    else:
        msg = f"ingredient must be 'all' or an index in [0, {k}), got {ingredient!r}"
        raise ValueError(msg)
    eye = xp.eye(k, dtype=meal.dtype)
    path, ratings = [], []
    for _ in range(steps):
        for j in tuned:
            probe = meal + nudge * eye[j, :]
            better = float(_rating(xp, probe, optimal)) > float(_rating(xp, meal, optimal))
            meal = probe if better else meal - nudge * eye[j, :]
        path.append(meal)
        ratings.append(_rating(xp, meal, optimal))
    return xp.stack(path), xp.stack(ratings)
