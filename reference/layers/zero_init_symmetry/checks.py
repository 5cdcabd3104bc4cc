"""Property checks of zero_init_symmetry (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("hidden_units_stay_identical")
def hidden_units_stay_identical(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                                dtype: str, bound: Any) -> None:
    """Copy hidden unit 0 into every unit (its row of W₁, its b₁ entry, its column of W₂):
    after the steps every unit is still a copy of unit 0."""
    hidden = inputs["weight1"].shape[0]
    same = dict(inputs)
    same["weight1"] = np.repeat(inputs["weight1"][:1], hidden, axis=0)
    same["bias1"] = np.repeat(inputs["bias1"][:1], hidden)
    same["weight2"] = np.repeat(inputs["weight2"][:, :1], hidden, axis=1)
    out = run(same, params)
    w1, b1, w2 = (out[name].astype(np.float64) for name in ("weight1", "bias1", "weight2"))
    assert_close(out["weight1"], np.repeat(w1[:1], hidden, axis=0), bound,
                 "rows of weight1 after the steps versus its row 0")
    assert_close(out["bias1"], np.repeat(b1[:1], hidden), bound, "entries of bias1 versus entry 0")
    assert_close(out["weight2"], np.repeat(w2[:, :1], hidden, axis=1), bound,
                 "columns of weight2 versus column 0")


@property_check("gd_hidden_permutation")
def gd_hidden_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any) -> None:
    """Renumbering the hidden units before training renumbers them after training."""
    order = np.roll(np.arange(inputs["weight1"].shape[0]), 1)[::-1].copy()
    moved = dict(inputs)
    moved["weight1"] = np.ascontiguousarray(inputs["weight1"][order])
    moved["bias1"] = np.ascontiguousarray(inputs["bias1"][order])
    moved["weight2"] = np.ascontiguousarray(inputs["weight2"][:, order])
    base, after = run(inputs, params), run(moved, params)
    expected = {"weight1": base["weight1"][order], "bias1": base["bias1"][order],
                "weight2": base["weight2"][:, order], "bias2": base["bias2"]}
    for name, value in expected.items():
        assert_close(after[name], value.astype(np.float64), bound,
                     f"{name} after training renumbered units {order.tolist()}")
