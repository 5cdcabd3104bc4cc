"""Property checks of robot_chef_hill_climb."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("robot_chef_rating_bounded")
def robot_chef_rating_bounded(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any) -> None:
    """The rating reported is the rating of the reported meal, within [0, 10], and every
    ingredient moves by exactly one nudge per iteration (up or down)."""
    out = run(inputs, params)
    path, rating = out["path"].astype(np.float64), out["rating"].astype(np.float64)
    if np.any(rating < 0) or np.any(rating > 10):
        msg = f"ratings outside [0, 10]: min {rating.min()!r}, max {rating.max()!r}"
        raise CheckFailed(msg)
    optimal = inputs["optimal"].astype(np.float64)
    own = np.maximum(0.0, 10 - ((path - optimal) ** 2).sum(axis=1) / 10000)
    assert_close(rating, own, bound, "rating of the reported meals")
    start = inputs["meal"].astype(np.float64)[None, :]
    moves = np.abs(np.diff(np.concatenate([start, path]), axis=0))
    assert_close(moves, np.full_like(moves, params["nudge"]), bound, "size of every move")
