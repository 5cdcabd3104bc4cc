"""Invariants of the attention_transformer family."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("attention_key_permutation")
def attention_key_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any, *, keys: tuple[str, ...] = ("k", "v"),
                              mask: str = "mask", output: str = "y", seed: int = 0) -> None:
    """Reordering the keys together with their values (and mask columns) changes nothing.

    Attention is a weighted sum over keys, so it cannot depend on their order (without a
    causal mask, whose rule is tied to positions).
    """
    base = run(inputs, params)[output]
    lk = inputs[keys[0]].shape[-2]
    order = np.random.default_rng(seed).permutation(lk)
    if np.array_equal(order, np.arange(lk)):
        order = order[::-1]
    moved = dict(inputs)
    for name in keys:
        moved[name] = np.take(inputs[name], order, axis=-2)
    if mask in inputs:
        moved[mask] = np.take(inputs[mask], order, axis=-1)
    after = run(moved, params)[output]
    assert_close(after, base.astype(np.float64), bound, f"after permuting the keys by {order}")


@property_check("causal_attention_weights")
def causal_attention_weights(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             dtype: str, bound: Any, *, output: str = "y") -> None:
    """With v = I the output is the weight matrix: causal, non-negative, rows summing to 1."""
    lk = inputs["k"].shape[-2]
    weights = run({**inputs, "v": np.eye(lk)}, {**params, "is_causal": True})[output]
    weights = weights.astype(np.float64)
    lq = weights.shape[-2]
    future = ~np.tril(np.ones((lq, lk), dtype=bool))
    if np.any(weights[..., future] != 0):
        where = np.argwhere(np.broadcast_to(future, weights.shape) & (weights != 0))[0]
        msg = (f"query {where[-2]} puts weight {weights[tuple(where)]!r} on the later key "
               f"{where[-1]}; a causal mask must give it exactly 0")
        raise CheckFailed(msg)
    if np.any(weights < 0):
        msg = f"negative attention weight {weights.min()!r}"
        raise CheckFailed(msg)
    first = np.zeros(lk)
    first[0] = 1.0
    assert_close(weights[..., 0, :], np.broadcast_to(first, weights[..., 0, :].shape), bound,
                 "the first query must attend only to the first key")
    total = weights.sum(axis=-1)
    assert_close(total, np.ones_like(total), bound, "attention weights summed over the keys")


def _pairs(x: np.ndarray, pairing: str) -> tuple[np.ndarray, np.ndarray]:
    d = x.shape[-1]
    if pairing == "interleaved":
        return x[..., 0::2], x[..., 1::2]
    return x[..., : d // 2], x[..., d // 2 :]


@property_check("rope_pair_norms")
def rope_pair_norms(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, bound: Any, *, output: str = "y") -> None:
    """Each rotated pair keeps its length: RoPE is a rotation per pair of features."""
    pairing = params.get("pairing", "interleaved")
    y = run(inputs, params)[output].astype(np.float64)
    a, b = _pairs(inputs["x"].astype(np.float64), pairing)
    ya, yb = _pairs(y, pairing)
    assert_close(ya * ya + yb * yb, a * a + b * b, bound,
                 f"squared length of each {pairing} pair after the rotation")


@property_check("rope_relative_position")
def rope_relative_position(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any, *, shift: float = 3.0,
                           output: str = "y") -> None:
    """q(m)·k(n) depends on n - m only: shifting both positions keeps every dot product.

    ``x`` holds (..., 2, d): a query in row 0 and a key in row 1, at ``positions`` (..., 2).
    """
    before = run(inputs, params)[output].astype(np.float64)
    moved = {**inputs, "positions": inputs["positions"] + shift}
    after = run(moved, params)[output].astype(np.float64)
    dot_before = np.sum(before[..., 0, :] * before[..., 1, :], axis=-1)
    dot_after = np.sum(after[..., 0, :] * after[..., 1, :], axis=-1)
    scale = np.sum(np.abs(inputs["x"][..., 0, :] * inputs["x"][..., 1, :]), axis=-1)
    scale = np.where(scale > 0, scale, 1.0)
    # compare relative to sum |q_i k_i|: a dot product of nearly cancelling terms has no
    # relative accuracy of its own
    assert_close(dot_after / scale, dot_before / scale, bound,
                 f"q·k / sum|q_i k_i| after shifting both positions by {shift}")


@property_check("sinusoidal_block_rotation")
def sinusoidal_block_rotation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any, *, offset: float = 3.0,
                              output: str = "pe") -> None:
    """PE(p + k) is PE(p) rotated pair by pair by the angles of PE(k).

    sin(a + b) = sin a cos b + cos a sin b and cos(a + b) = cos a cos b - sin a sin b, with
    the rotation [[cos b, sin b], [-sin b, cos b]] applied to (sin a, cos a).
    """
    p = inputs["positions"]
    pe = run({"positions": p}, params)[output].astype(np.float64)
    shifted = run({"positions": p + offset}, params)[output].astype(np.float64)
    step = run({"positions": np.full(1, offset)}, params)[output].astype(np.float64)[0]
    sin_a, cos_a = pe[..., 0::2], pe[..., 1::2]
    sin_b, cos_b = step[0::2], step[1::2]
    expected = np.empty_like(pe)
    expected[..., 0::2] = sin_a * cos_b + cos_a * sin_b
    expected[..., 1::2] = cos_a * cos_b - sin_a * sin_b
    assert_close(shifted, expected, bound, f"PE(p + {offset}) against the rotated PE(p)")
