"""Property checks of mlp_mixer (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


def _permuted(n: int) -> np.ndarray:
    return np.roll(np.arange(n), 1)[::-1].copy()


@property_check("mixer_channel_permutation")
def mixer_channel_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any) -> None:
    """Renumbering the channels (x's last axis, channel_weight1's columns, channel_weight2's
    rows, channel_bias2) renumbers the output channels the same way: the token MLP is shared
    by all channels and the layer norm does not care about their order."""
    order = _permuted(inputs["x"].shape[-1])
    moved = dict(inputs)
    moved["x"] = inputs["x"][..., order]
    moved["channel_weight1"] = inputs["channel_weight1"][:, order]
    moved["channel_weight2"] = inputs["channel_weight2"][order]
    if "channel_bias2" in inputs:
        moved["channel_bias2"] = inputs["channel_bias2"][order]
    base = run(inputs, params)["y"].astype(np.float64)
    after = run({k: np.ascontiguousarray(v) for k, v in moved.items()}, params)["y"]
    assert_close(after, base[..., order], bound, f"y after renumbering channels {order.tolist()}")


@property_check("mixer_token_permutation")
def mixer_token_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """Renumbering the positions (x's axis −2, token_weight1's columns, token_weight2's rows,
    token_bias2) renumbers the output positions: the channel MLP is shared by all positions."""
    order = _permuted(inputs["x"].shape[-2])
    moved = dict(inputs)
    moved["x"] = inputs["x"][..., order, :]
    moved["token_weight1"] = inputs["token_weight1"][:, order]
    moved["token_weight2"] = inputs["token_weight2"][order]
    if "token_bias2" in inputs:
        moved["token_bias2"] = inputs["token_bias2"][order]
    base = run(inputs, params)["y"].astype(np.float64)
    after = run({k: np.ascontiguousarray(v) for k, v in moved.items()}, params)["y"]
    assert_close(after, base[..., order, :], bound,
                 f"y after renumbering positions {order.tolist()}")
